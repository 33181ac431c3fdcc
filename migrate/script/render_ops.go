package script

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/flagon-go/flagon/migrate"
)

// RenderOps renders operations as Go statements on a variable named op,
// one per line (CreateTable spans several lines).
func RenderOps(ops []migrate.Operation) (string, error) {
	var b strings.Builder
	for _, o := range ops {
		s, err := renderOp(o)
		if err != nil {
			return "", err
		}
		if n, ok := o.(interface{ Note() string }); ok && n.Note() != "" {
			b.WriteString("// " + strings.ReplaceAll(n.Note(), "\n", "\n// ") + "\n")
		}
		b.WriteString(s + "\n")
	}
	return b.String(), nil
}

// renderOp renders one operation.
func renderOp(o migrate.Operation) (string, error) {
	q := strconv.Quote
	switch o := o.(type) {
	case *migrate.CreateTable:
		return renderCreateTable(o.Table)
	case *migrate.DropTable:
		return "op.DropTable(" + q(o.Name) + ")", nil
	case *migrate.RenameTable:
		return "op.RenameTable(" + q(o.From) + ", " + q(o.To) + ")", nil
	case *migrate.AddColumn:
		c, err := columnLit(o.Column)
		return "op.AddColumn(" + q(o.Table) + ", migrate.Column" + c + ")", err
	case *migrate.DropColumn:
		return "op.DropColumn(" + q(o.Table) + ", " + q(o.Name) + ")", nil
	case *migrate.RenameColumn:
		return "op.RenameColumn(" + q(o.Table) + ", " + q(o.From) + ", " + q(o.To) + ")", nil
	case *migrate.AlterColumn:
		return renderAlter(o)
	}
	return renderConstraintOp(o)
}

// renderConstraintOp renders index, constraint and raw operations.
func renderConstraintOp(o migrate.Operation) (string, error) {
	q := strconv.Quote
	switch o := o.(type) {
	case *migrate.CreateIndex:
		return "op.CreateIndex(" + q(o.Table) + ", " + indexLit(o.Index) + ")", nil
	case *migrate.DropIndex:
		return "op.DropIndex(" + q(o.Table) + ", " + q(o.Name) + ")", nil
	case *migrate.CreateUniqueConstraint:
		return "op.CreateUniqueConstraint(" + q(o.Table) + ", migrate.Unique{" + fields("Name", q(o.Unique.Name), "Columns", stringSlice(o.Unique.Columns)) + "})", nil
	case *migrate.CreateForeignKey:
		return "op.CreateForeignKey(" + q(o.Table) + ", migrate.ForeignKey" + fkLit(o.ForeignKey) + ")", nil
	case *migrate.CreateCheckConstraint:
		return "op.CreateCheckConstraint(" + q(o.Table) + ", migrate.Check{" + fields("Name", q(o.Check.Name), "Expr", q(o.Check.Expr)) + "})", nil
	case *migrate.DropConstraint:
		return "op.DropConstraint(" + q(o.Table) + ", " + q(o.Name) + ", " + constraintKind(o.Kind) + ")", nil
	case *migrate.Execute:
		if len(o.PerDialect) == 0 {
			return "op.Execute(" + q(o.SQL) + ")", nil
		}
		return "op.ExecuteFor(" + stringMap(o.PerDialect) + ")", nil
	case *migrate.BulkInsert:
		return renderBulkInsert(o)
	case *migrate.AlterPrimaryKey:
		return "op.AlterPrimaryKey(migrate.AlterPrimaryKey{" + fields("Table", q(o.Table), "Columns", stringSlice(o.Columns), "Name", q(o.Name),
			"Prior", stringSlice(o.Prior), "PriorName", q(o.PriorName)) + "})", nil
	}
	return "", fmt.Errorf("script: cannot render operation %T", o)
}

// constraintKind renders a constraint kind as its constant.
func constraintKind(k string) string {
	switch k {
	case migrate.ConstraintUnique:
		return "migrate.ConstraintUnique"
	case migrate.ConstraintForeignKey:
		return "migrate.ConstraintForeignKey"
	case migrate.ConstraintCheck:
		return "migrate.ConstraintCheck"
	}
	return strconv.Quote(k)
}

// indexLit renders a migrate.Index literal.
func indexLit(i migrate.Index) string {
	return "migrate.Index{" + fields("Name", strconv.Quote(i.Name), "Columns", stringSlice(i.Columns), "Unique", strconv.FormatBool(i.Unique)) + "}"
}

// fkLit renders the braces of a migrate.ForeignKey literal.
func fkLit(f migrate.ForeignKey) string {
	q := strconv.Quote
	return "{" + fields("Name", q(f.Name), "Columns", stringSlice(f.Columns), "RefTable", q(f.RefTable),
		"RefColumns", stringSlice(f.RefColumns), "OnDelete", q(f.OnDelete), "OnUpdate", q(f.OnUpdate)) + "}"
}

// renderAlter renders an AlterColumn with its existing definition.
func renderAlter(o *migrate.AlterColumn) (string, error) {
	var f []string
	f = append(f, "Table: "+strconv.Quote(o.Table), "Name: "+strconv.Quote(o.Name))
	if o.Type != nil {
		t, err := typeExpr(*o.Type)
		if err != nil {
			return "", err
		}
		f = append(f, "Type: migrate.Ptr("+t+")")
	}
	if o.Nullable != nil {
		f = append(f, fmt.Sprintf("Nullable: migrate.Ptr(%t)", *o.Nullable))
	}
	if o.Using != "" {
		f = append(f, "Using: "+strconv.Quote(o.Using))
	}
	if o.ServerDefault != nil {
		f = append(f, "ServerDefault: migrate.Ptr("+strconv.Quote(*o.ServerDefault)+")")
	}
	if o.Comment != nil {
		f = append(f, "Comment: migrate.Ptr("+strconv.Quote(*o.Comment)+")")
	}
	existing, err := columnLit(o.Existing)
	if err != nil {
		return "", err
	}
	f = append(f, "Existing: migrate.Column"+existing)
	return "op.AlterColumn(migrate.AlterColumn{\n" + strings.Join(f, ",\n") + ",\n})", nil
}

// renderCreateTable renders a CreateTable as a multi-line literal.
func renderCreateTable(t migrate.Table) (string, error) {
	var b strings.Builder
	b.WriteString("op.CreateTable(migrate.Table{\nName: " + strconv.Quote(t.Name) + ",\nColumns: []migrate.Column{\n")
	for _, c := range t.Columns {
		s, err := columnLit(c)
		if err != nil {
			return "", fmt.Errorf("table %q: %w", t.Name, err)
		}
		b.WriteString(s + ",\n")
	}
	b.WriteString("},\n")
	writeTableParts(&b, t)
	b.WriteString("})")
	return b.String(), nil
}

// writeTableParts writes the keys and constraints of a table literal.
func writeTableParts(b *strings.Builder, t migrate.Table) {
	q := strconv.Quote
	if len(t.PrimaryKey) > 0 {
		b.WriteString("PrimaryKey: " + stringSlice(t.PrimaryKey) + ",\n")
	}
	if t.PrimaryKeyName != "" {
		b.WriteString("PrimaryKeyName: " + q(t.PrimaryKeyName) + ",\n")
	}
	list(b, "Indexes: []migrate.Index", len(t.Indexes), func(i int) string { return strings.TrimPrefix(indexLit(t.Indexes[i]), "migrate.Index") })
	list(b, "Uniques: []migrate.Unique", len(t.Uniques), func(i int) string {
		return "{" + fields("Name", q(t.Uniques[i].Name), "Columns", stringSlice(t.Uniques[i].Columns)) + "}"
	})
	list(b, "ForeignKeys: []migrate.ForeignKey", len(t.ForeignKeys), func(i int) string { return fkLit(t.ForeignKeys[i]) })
	list(b, "Checks: []migrate.Check", len(t.Checks), func(i int) string {
		return "{" + fields("Name", q(t.Checks[i].Name), "Expr", q(t.Checks[i].Expr)) + "}"
	})
	if t.Comment != "" {
		b.WriteString("Comment: " + q(t.Comment) + ",\n")
	}
}

// list writes a slice literal with one element per line.
func list(b *strings.Builder, head string, n int, elem func(int) string) {
	if n == 0 {
		return
	}
	b.WriteString(head + "{\n")
	for i := range n {
		b.WriteString(elem(i) + ",\n")
	}
	b.WriteString("},\n")
}

// stringMap renders a map[string]string literal with sorted keys.
func stringMap(m map[string]string) string {
	var b strings.Builder
	b.WriteString("map[string]string{\n")
	for _, k := range slices.Sorted(maps.Keys(m)) {
		b.WriteString(strconv.Quote(k) + ": " + strconv.Quote(m[k]) + ",\n")
	}
	return b.String() + "}"
}

// renderBulkInsert renders rows of literal values.
func renderBulkInsert(o *migrate.BulkInsert) (string, error) {
	var b strings.Builder
	b.WriteString("op.BulkInsert(" + strconv.Quote(o.Table) + ", []map[string]any{\n")
	for _, row := range o.Rows {
		b.WriteString("{")
		for i, k := range slices.Sorted(maps.Keys(row)) {
			v, err := goLiteral(row[k])
			if err != nil {
				return "", fmt.Errorf("bulk insert into %q, column %q: %w", o.Table, k, err)
			}
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(strconv.Quote(k) + ": " + v)
		}
		b.WriteString("},\n")
	}
	return b.String() + "})", nil
}

// goLiteral renders a bulk-insert value as Go source.
func goLiteral(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "nil", nil
	case string:
		return strconv.Quote(v), nil
	case bool:
		return strconv.FormatBool(v), nil
	case int:
		return strconv.Itoa(v), nil
	case int64:
		return fmt.Sprintf("int64(%d)", v), nil
	case float64:
		return fmt.Sprintf("float64(%s)", strconv.FormatFloat(v, 'g', -1, 64)), nil
	}
	return "", fmt.Errorf("cannot render value of type %T", v)
}
