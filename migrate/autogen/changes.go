package autogen

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/internal/sqliteschema"
)

// translator turns Atlas changes into upgrade operations, logging each
// detected difference as Alembic does ("Detected added table 'product'").
type translator struct {
	converter
	// current is the inspected schema, whose columns use the enum types
	// whose values change.
	current  *schema.Schema
	ops      []migrate.Operation
	detected []string
	notes    []string
}

// detect records a detection message.
func (t *translator) detect(format string, args ...any) {
	t.detected = append(t.detected, "Detected "+fmt.Sprintf(format, args...))
}

// add appends operations.
func (t *translator) add(ops ...migrate.Operation) { t.ops = append(t.ops, ops...) }

// change translates one schema-level change.
func (t *translator) change(c schema.Change) {
	switch c := c.(type) {
	case *schema.AddTable:
		t.detect("added table '%s'", c.T.Name)
		tab := t.table(c.T)
		for i, f := range c.T.ForeignKeys {
			tab.ForeignKeys[i] = t.modelFK(f)
		}
		t.add(&migrate.CreateTable{Table: tab})
	case *schema.DropTable:
		prior := t.table(c.T)
		t.detect("removed table '%s'", c.T.Name)
		t.add(&migrate.DropTable{Name: c.T.Name, Prior: &prior})
	case *schema.ModifyObject:
		t.enumValues(c)
	case *schema.ModifyTable:
		start := len(t.ops)
		for _, tc := range c.Changes {
			t.tableChange(c.T.Name, tc)
		}
		slices.SortStableFunc(t.ops[start:], func(a, b migrate.Operation) int { return rank(a) - rank(b) })
	}
}

// rank orders a table's operations: drops of constraints, then dropped,
// added and altered columns, then new indexes and constraints (which may
// use the new columns).
func rank(o migrate.Operation) int {
	switch o.(type) {
	case *migrate.DropConstraint, *migrate.DropIndex:
		return 0
	case *migrate.DropColumn:
		return 1
	case *migrate.AddColumn:
		return 2
	case *migrate.AlterColumn:
		return 3
	}
	return 4
}

// tableChange translates one change inside a table.
func (t *translator) tableChange(table string, c schema.Change) {
	switch c := c.(type) {
	case *schema.AddColumn:
		t.detect("added column '%s.%s'", table, c.C.Name)
		col := t.column(c.C)
		if !col.Nullable && col.ServerDefault == "" && !col.Autoincrement {
			t.notes = append(t.notes, fmt.Sprintf("WARNING: column '%s.%s' is added NOT NULL without a server default: "+
				"the upgrade fails if the table has rows. Give it a server_default, or add it nullable, backfill it and then make it NOT NULL.", table, c.C.Name))
		}
		t.add(&migrate.AddColumn{Table: table, Column: col})
	case *schema.DropColumn:
		prior := t.column(c.C)
		t.detect("removed column '%s.%s'", table, c.C.Name)
		t.add(&migrate.DropColumn{Table: table, Name: c.C.Name, Prior: &prior})
	case *schema.ModifyColumn:
		t.modifyColumn(table, c)
	case *schema.AddAttr, *schema.DropAttr, *schema.ModifyAttr:
		t.tableComment(table, c)
	case *schema.ModifyPrimaryKey:
		t.primaryKey(table, c.From, c.To)
	case *schema.AddPrimaryKey:
		t.primaryKey(table, nil, c.P)
	case *schema.DropPrimaryKey:
		t.primaryKey(table, c.P, nil)
	default:
		t.constraintChange(table, c)
	}
}

// constraintChange translates index, foreign key and check changes.
func (t *translator) constraintChange(table string, c schema.Change) {
	switch c := c.(type) {
	case *schema.AddIndex:
		t.addIndex(table, c.I)
	case *schema.DropIndex:
		t.dropIndex(table, c.I)
	case *schema.ModifyIndex:
		t.dropIndex(table, c.From)
		t.addIndex(table, c.To)
	case *schema.AddForeignKey:
		t.addFK(table, c.F)
	case *schema.DropForeignKey:
		t.dropFK(table, c.F)
	case *schema.ModifyForeignKey:
		t.dropFK(table, c.From)
		t.addFK(table, c.To)
	case *schema.AddCheck:
		if t.over.enumChecks[c.C] {
			return
		}
		t.detect("added check constraint '%s' on '%s'", c.C.Name, table)
		t.add(&migrate.CreateCheckConstraint{Table: table, Check: migrate.Check{Name: c.C.Name, Expr: t.checkExpr(c.C.Expr)}})
	case *schema.DropCheck:
		if !t.over.enumChecks[c.C] {
			t.dropCheck(table, c.C)
		}
	case *schema.ModifyCheck:
		if t.over.enumChecks[c.From] || t.over.enumChecks[c.To] {
			return // an enum's values change with its column's type
		}
		t.dropCheck(table, c.From)
		t.detect("added check constraint '%s' on '%s'", c.To.Name, table)
		t.add(&migrate.CreateCheckConstraint{Table: table, Check: migrate.Check{Name: c.To.Name, Expr: t.checkExpr(c.To.Expr)}})
	}
}

// tableComment notes a changed table comment: migrate has no operation
// for it (Alembic's create_table_comment and drop_table_comment).
func (t *translator) tableComment(table string, c schema.Change) {
	text := func(a schema.Attr) (string, bool) {
		cm, ok := a.(*schema.Comment)
		if !ok {
			return "", false
		}
		return cm.Text, true
	}
	var from, to string
	var ok bool
	switch c := c.(type) {
	case *schema.AddAttr:
		to, ok = text(c.A)
	case *schema.DropAttr:
		from, ok = text(c.A)
	case *schema.ModifyAttr:
		if from, ok = text(c.From); ok {
			to, ok = text(c.To)
		}
	}
	if ok {
		t.notes = append(t.notes, fmt.Sprintf("table comment change from %q to %q on '%s' is not in the revision: "+
			"there is no table comment operation; use op.Execute", from, to, table))
	}
}

// primaryKey translates a primary key change.
func (t *translator) primaryKey(table string, from, to *schema.Index) {
	o := &migrate.AlterPrimaryKey{Table: table}
	if from != nil {
		o.Prior, o.PriorName = partNames(from), from.Name
	}
	if to != nil {
		o.Columns = partNames(to)
	}
	t.detect("primary key change on '%s' from (%s) to (%s)", table, strings.Join(o.Prior, ", "), strings.Join(o.Columns, ", "))
	t.add(o)
}

// addIndex translates an added index or unique constraint.
func (t *translator) addIndex(table string, i *schema.Index) {
	idx := t.index(i)
	kind := "index"
	if idx.Unique {
		kind = "unique index"
	}
	t.detect("added %s '%s' on '%s(%s)'", kind, idx.Name, table, strings.Join(idx.Columns, ", "))
	t.add(&migrate.CreateIndex{Table: table, Index: idx})
}

// dropIndex translates a removed index. PostgreSQL's UNIQUE constraints
// and SQLite's named ones are dropped as constraints, as Alembic does
// (MySQL has no unique constraint apart from its index).
func (t *translator) dropIndex(table string, i *schema.Index) {
	idx := t.index(i)
	if uniqueConstraint(i) {
		u := migrate.Unique{Name: idx.Name, Columns: idx.Columns}
		t.detect("removed unique constraint '%s' on '%s'", idx.Name, table)
		t.add(&migrate.DropConstraint{Table: table, Name: idx.Name, Kind: migrate.ConstraintUnique, PriorUnique: &u})
		return
	}
	t.detect("removed index '%s' on '%s'", idx.Name, table)
	t.add(&migrate.DropIndex{Table: table, Name: idx.Name, Prior: &idx})
}

// uniqueConstraint reports whether an inspected index is PostgreSQL's
// UNIQUE constraint, or SQLite's named one (whose index
// sqliteschema.NameUniques named after it; an unnamed one's index keeps
// SQLite's name, by which only it can be dropped).
func uniqueConstraint(i *schema.Index) bool {
	for _, a := range i.Attrs {
		switch c := a.(type) {
		case *postgres.Constraint:
			if c.T == "u" {
				return true
			}
		case *sqlite.IndexOrigin:
			if c.O == "u" && !sqliteschema.IsAutoindex(i.Name) {
				return true
			}
		}
	}
	return false
}

// addFK translates an added foreign key.
func (t *translator) addFK(table string, f *schema.ForeignKey) {
	fk := t.modelFK(f)
	t.detect("added foreign key (%s)(%s) on table %s", strings.Join(fk.Columns, ", "), fk.RefTable, table)
	t.add(&migrate.CreateForeignKey{Table: table, ForeignKey: fk})
}

// modelFK converts a foreign key of the models, keeping an explicit
// RESTRICT that MySQL's inspection cannot tell from its default: the
// revision runs on the other databases too.
func (t *translator) modelFK(f *schema.ForeignKey) migrate.ForeignKey {
	fk := t.foreignKey(f)
	if f.OnDelete == schema.Restrict {
		fk.OnDelete = string(schema.Restrict)
	}
	if f.OnUpdate == schema.Restrict {
		fk.OnUpdate = string(schema.Restrict)
	}
	return fk
}

// dropFK translates a removed foreign key.
func (t *translator) dropFK(table string, f *schema.ForeignKey) {
	fk := t.foreignKey(f)
	t.detect("removed foreign key (%s)(%s) on table %s", strings.Join(fk.Columns, ", "), fk.RefTable, table)
	t.add(&migrate.DropConstraint{Table: table, Name: fk.Name, Kind: migrate.ConstraintForeignKey, PriorForeignKey: &fk})
}

// dropCheck translates a removed check.
func (t *translator) dropCheck(table string, c *schema.Check) {
	ck := migrate.Check{Name: c.Name, Expr: t.checkExpr(c.Expr)}
	t.detect("removed check constraint '%s' on '%s'", c.Name, table)
	t.add(&migrate.DropConstraint{Table: table, Name: c.Name, Kind: migrate.ConstraintCheck, PriorCheck: &ck})
}

// modifyColumn translates a column change into AlterColumn.
func (t *translator) modifyColumn(table string, c *schema.ModifyColumn) {
	from, to := t.column(c.From), t.column(c.To)
	a := &migrate.AlterColumn{Table: table, Name: c.To.Name, Existing: from}
	where := table + "." + c.To.Name
	// Atlas's SQLite differ compares type affinities only: a column also
	// changed otherwise (NULL, default) may hide a length or enum change.
	typeChange := c.Change.Is(schema.ChangeType) || t.dialect == migrate.SQLite
	if typeChange && !sameType(from.Type, to.Type) {
		a.Type = &to.Type
		a.Using = migrate.CastUsing(c.To.Name, from.Type, to.Type)
		t.detect("type change from %s to %s on '%s'", dbRepr(from.Type, t.dialect), modelRepr(to.Type), where)
	}
	if c.Change.Is(schema.ChangeNull) && from.Nullable != to.Nullable {
		a.Nullable = &to.Nullable
		t.detect("%s on column '%s'", map[bool]string{true: "NULL", false: "NOT NULL"}[to.Nullable], where)
	}
	if c.Change.Is(schema.ChangeDefault) && from.ServerDefault != to.ServerDefault && !sameNumber(to.Type, from.ServerDefault, to.ServerDefault) {
		a.ServerDefault = &to.ServerDefault
		t.detect("server default change from %q to %q on '%s'", from.ServerDefault, to.ServerDefault, where)
	}
	if c.Change.Is(schema.ChangeComment) && from.Comment != to.Comment {
		a.Comment = &to.Comment
		t.detect("column comment change on '%s'", where)
	}
	if a.Type != nil || a.Nullable != nil || a.ServerDefault != nil || a.Comment != nil {
		t.add(a)
	}
}

// sameNumber reports whether two server defaults of a numeric column are
// the same number, quoted or not ('5', 5.0): Alembic's PostgreSQL
// comparison asks the database, which finds them equal.
func sameNumber(t migrate.Type, a, b string) bool {
	switch t.Kind {
	case migrate.KindInteger, migrate.KindBigInteger, migrate.KindSmallInteger, migrate.KindNumeric, migrate.KindFloat:
	default:
		return false
	}
	x, err1 := strconv.ParseFloat(unquoteNumber(a), 64)
	y, err2 := strconv.ParseFloat(unquoteNumber(b), 64)
	return err1 == nil && err2 == nil && x == y
}

// unquoteNumber strips the parentheses and one pair of quotes around a
// literal.
func unquoteNumber(s string) string {
	s = strings.TrimSpace(s)
	for len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		s = s[1 : len(s)-1]
	}
	return s
}

// sameType compares neutral types.
func sameType(a, b migrate.Type) bool {
	return typeName(a) == typeName(b)
}

// typeName describes a neutral type, e.g. "string(100)".
func typeName(t migrate.Type) string {
	switch t.Kind {
	case migrate.KindString:
		return fmt.Sprintf("string(%d)", t.Size)
	case migrate.KindNumeric:
		return fmt.Sprintf("numeric(%d, %d)", t.Precision, t.Scale)
	case migrate.KindEnum:
		return fmt.Sprintf("enum %s%q", t.EnumName, t.EnumValues)
	case migrate.KindCustom:
		return t.DDL("")
	case migrate.KindDateTime:
		if t.TZ {
			return "datetime with time zone"
		}
	}
	return t.Kind.String()
}

// enumValues translates a PostgreSQL enum type whose values changed into
// an AlterColumn of every column using it: the runner adds the values in
// place (ALTER TYPE ... ADD VALUE) or recreates the type.
func (t *translator) enumValues(c *schema.ModifyObject) {
	from, ok1 := c.From.(*schema.EnumType)
	to, ok2 := c.To.(*schema.EnumType)
	if !ok1 || !ok2 || t.current == nil {
		return
	}
	for _, tab := range t.current.Tables {
		for _, col := range tab.Columns {
			if e, ok := col.Type.Type.(*schema.EnumType); ok && e.T == from.T {
				existing := t.column(col)
				typ := migrate.Enum(to.T, to.Values...)
				t.detect("enum values change from %q to %q of type '%s' on '%s.%s'", from.Values, to.Values, to.T, tab.Name, col.Name)
				t.add(&migrate.AlterColumn{Table: tab.Name, Name: col.Name, Type: &typ, Existing: existing})
			}
		}
	}
}
