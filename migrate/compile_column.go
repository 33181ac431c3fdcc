package migrate

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
)

// columnChange plans a column operation as a ModifyTable whose table is
// the complete new definition.
func (c *compiler) columnChange(o Operation) ([]schema.Change, error) {
	name := tableOf(o)
	t, err := c.table(name)
	if err != nil {
		return nil, err
	}
	after := cloneTable(t)
	var ch schema.Change
	switch o := o.(type) {
	case *AddColumn:
		ch, err = c.addColumn(after, o)
	case *DropColumn:
		ch, err = dropColumn(after, o)
	case *RenameColumn:
		ch, err = renameColumn(after, o)
	case *AlterColumn:
		ch, err = c.alterColumn(after, o)
	}
	if err != nil {
		return nil, err
	}
	var renamed map[string]string
	if r, ok := o.(*RenameColumn); ok {
		renamed = map[string]string{r.From: r.To}
	}
	c.replaceRenamed(t, after, renamed)
	checks := c.enumCheckChanges(after, o)
	if mc, ok := ch.(*schema.ModifyColumn); ok && mc.Change == schema.NoChange && len(checks) == 0 {
		return []schema.Change{}, nil // e.g. enum values added by ALTER TYPE
	}
	return []schema.Change{&schema.ModifyTable{T: after, Changes: append([]schema.Change{ch}, checks...)}}, nil
}

// sameEnum reports whether two types are the same named enum type, whose
// values (if they differ) change through ALTER TYPE, not the column.
func sameEnum(a, b schema.Type) bool {
	ea, ok1 := a.(*schema.EnumType)
	eb, ok2 := b.(*schema.EnumType)
	return ok1 && ok2 && ea.T == eb.T
}

// addColumn adds the column to the new table.
func (c *compiler) addColumn(t *schema.Table, o *AddColumn) (schema.Change, error) {
	if _, ok := t.Column(o.Column.Name); ok {
		return nil, fmt.Errorf("column %q already exists", o.Column.Name)
	}
	col, err := atlasColumn(c.dialect, o.Column)
	if err != nil {
		return nil, err
	}
	t.AddColumns(col)
	return &schema.AddColumn{C: col}, nil
}

// dropColumn removes the column from the new table.
func dropColumn(t *schema.Table, o *DropColumn) (schema.Change, error) {
	col, ok := t.Column(o.Name)
	if !ok {
		return nil, fmt.Errorf("column %q does not exist", o.Name)
	}
	removeColumn(t, col)
	return &schema.DropColumn{C: col}, nil
}

// renameColumn renames the column in the new table.
func renameColumn(t *schema.Table, o *RenameColumn) (schema.Change, error) {
	col, ok := t.Column(o.From)
	if !ok {
		return nil, fmt.Errorf("column %q does not exist", o.From)
	}
	if _, ok := t.Column(o.To); ok {
		return nil, fmt.Errorf("column %q already exists", o.To)
	}
	from := *col
	col.Name = o.To
	return &schema.RenameColumn{From: &from, To: col}, nil
}

// alterColumn changes the column in the new table.
func (c *compiler) alterColumn(t *schema.Table, o *AlterColumn) (schema.Change, error) {
	col, ok := t.Column(o.Name)
	if !ok {
		return nil, fmt.Errorf("column %q does not exist", o.Name)
	}
	from := *col
	ct := *col.Type
	col.Type = &ct
	var kind schema.ChangeKind
	if o.Type != nil {
		// A generating key keeps generating whether or not Existing says
		// so (Alembic needs existing_autoincrement on MySQL; without it a
		// PostgreSQL serial would lose its sequence). A PostgreSQL
		// IDENTITY column keeps its Identity attribute instead: the
		// serial route would give it a nextval default, which PostgreSQL
		// rejects on an identity column.
		auto := (o.Existing.Autoincrement || isAutoincrement(c.dialect, t, col)) && !hasIdentity(col)
		at, attrs, err := atlasType(c.dialect, *o.Type, auto)
		if err != nil {
			return nil, err
		}
		if c.dialect == SQLite {
			at = sqliteSized(at)
		}
		if c.dialect != PostgreSQL || !sameEnum(col.Type.Type, at) {
			kind |= schema.ChangeType
		}
		if c.dialect == SQLite {
			if ct := sqliteCastType(col.Type.Type, at); ct != "" {
				c.casts[col.Name] = ct
			}
		}
		// The new type's attributes replace those of their kinds; the
		// comment (and any other attribute) stays, as MySQL's MODIFY
		// would otherwise drop it.
		col.Type.Type, col.Attrs = at, replaceAttrs(col.Attrs, attrs)
		if !textual(at) {
			col.Attrs = withoutCharset(col.Attrs)
		}
	}
	if o.Nullable != nil {
		col.Type.Null, kind = *o.Nullable, kind|schema.ChangeNull
	}
	if o.ServerDefault != nil {
		t := o.Existing.Type
		if o.Type != nil {
			t = *o.Type
		}
		if tt, ok := col.Type.Type.(*schema.TimeType); ok && t.Kind == 0 && tt.Precision != nil && *tt.Precision > 0 {
			t = DateTime(false) // a hand-written AlterColumn without Existing
		}
		col.Default, kind = atlasDefault(dialectDefault(c.dialect, t, *o.ServerDefault)), kind|schema.ChangeDefault
	}
	if o.Comment != nil {
		col.Attrs = append(withoutComment(col.Attrs), commentAttr(c.dialect, *o.Comment))
		kind |= schema.ChangeComment
	}
	mc := &schema.ModifyColumn{From: &from, To: col, Change: kind}
	if c.dialect == PostgreSQL && kind.Is(schema.ChangeType) {
		if e, ok := col.Type.Type.(*schema.EnumType); ok && o.Using == "" {
			// PostgreSQL converts to an enum type only through text.
			mc.Extra = append(mc.Extra, &postgres.ConvertUsing{X: fmt.Sprintf("%q::text::%q", col.Name, e.T)})
		} else if u := pgUsing(o, col.Name, from.Type.Type, col.Type.Type); u != nil {
			mc.Extra = append(mc.Extra, u)
		}
	}
	return mc, nil
}

// hasIdentity reports whether col is a PostgreSQL IDENTITY column.
func hasIdentity(col *schema.Column) bool {
	for _, a := range col.Attrs {
		if _, ok := a.(*postgres.Identity); ok {
			return true
		}
	}
	return false
}

// isAutoincrement reports whether a column of the known schema generates
// its values: a PostgreSQL serial or identity column, a MySQL
// AUTO_INCREMENT column, or SQLite's rowid alias (the INTEGER key of a
// one-column primary key, with or without AUTOINCREMENT).
func isAutoincrement(dialectName string, t *schema.Table, col *schema.Column) bool {
	for _, a := range col.Attrs {
		switch a.(type) {
		case *mysql.AutoIncrement, *sqlite.AutoIncrement, *postgres.Identity:
			return true
		}
	}
	switch dialectName {
	case PostgreSQL:
		_, ok := col.Type.Type.(*postgres.SerialType)
		return ok
	case SQLite:
		pk := t.PrimaryKey
		if pk == nil || len(pk.Parts) != 1 || pk.Parts[0].C == nil || pk.Parts[0].C.Name != col.Name {
			return false
		}
		typ, err := sqlite.FormatType(col.Type.Type)
		return err == nil && strings.EqualFold(typ, "integer")
	}
	return false
}

// withoutComment returns attrs without comments.
func withoutComment(attrs []schema.Attr) []schema.Attr {
	var out []schema.Attr
	for _, a := range attrs {
		if _, ok := a.(*schema.Comment); !ok {
			out = append(out, a)
		}
	}
	return out
}

// replaceAttrs returns old without the attributes of the Go types in
// repl, followed by repl.
func replaceAttrs(old, repl []schema.Attr) []schema.Attr {
	var out []schema.Attr
	for _, a := range old {
		if !slices.ContainsFunc(repl, func(r schema.Attr) bool { return reflect.TypeOf(r) == reflect.TypeOf(a) }) {
			out = append(out, a)
		}
	}
	return append(out, repl...)
}

// tableOf returns the table an operation acts on.
func tableOf(o Operation) string {
	switch o := o.(type) {
	case *AddColumn:
		return o.Table
	case *DropColumn:
		return o.Table
	case *RenameColumn:
		return o.Table
	case *AlterColumn:
		return o.Table
	case *CreateIndex:
		return o.Table
	case *DropIndex:
		return o.Table
	case *CreateUniqueConstraint:
		return o.Table
	case *CreateForeignKey:
		return o.Table
	case *CreateCheckConstraint:
		return o.Table
	case *DropConstraint:
		return o.Table
	case *AlterPrimaryKey:
		return o.Table
	}
	return ""
}

// textual reports whether a type holds text, which has a character set.
func textual(t schema.Type) bool {
	switch t.(type) {
	case *schema.StringType, *schema.EnumType:
		return true
	}
	return false
}

// withoutCharset returns attrs without MySQL's CHARSET and COLLATE, which
// a column changed to a non-text type must lose.
func withoutCharset(attrs []schema.Attr) []schema.Attr {
	var out []schema.Attr
	for _, a := range attrs {
		switch a.(type) {
		case *schema.Charset, *schema.Collation:
		default:
			out = append(out, a)
		}
	}
	return out
}
