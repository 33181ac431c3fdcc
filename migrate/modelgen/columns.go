package modelgen

import (
	"slices"
	"strings"

	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/internal/sqliteschema"
	"github.com/flagon-go/flagon/orm"
	"github.com/flagon-go/flagon/orm/dialect"
)

// A chosen type is the field type picked for a column.
type chosen struct {
	goType   string
	tags     []string
	kind     dialect.Kind
	timeBase bool // a custom type holding a time.Time
}

// column returns the field of one column: its Go type (a pointer when
// the column is NULL), and its column, type, autoincrement, default and
// comment options. Keys and indexes are added by the table's passes.
func (g *generator) column(m *model, c *schema.Column, pk []string) *field {
	f := &field{name: m.names.unique(goName(c.Name))}
	m.colField[c.Name] = f.name
	isPK := slices.Contains(pk, c.Name)
	auto := g.dbAutoincrement(m.table, c)
	typ := g.typeOf(m, f, c, auto)
	f.typ = typ.goType
	f.tags = append([]string{"column:" + c.Name}, typ.tags...)
	if c.Type.Null && !isPK {
		if f.typ == "[]byte" {
			f.tags = append(f.tags, "nullable")
		} else {
			f.typ = "*" + f.typ
		}
	}
	ormAuto := len(pk) == 1 && isPK && typ.kind.Integral() && !isForeignKey(m.table, c.Name)
	switch {
	case auto && !ormAuto:
		f.tags = append(f.tags, "autoincrement")
	case !auto && ormAuto:
		f.tags = append(f.tags, "no_autoincrement")
	}
	g.columnOptions(m, f, c, typ, auto, isPK)
	return f
}

// columnOptions adds a column's server default, its comment, and a
// warning about what the models cannot declare.
func (g *generator) columnOptions(m *model, f *field, c *schema.Column, typ chosen, auto, isPK bool) {
	if d := defaultOf(c); d != "" && !(auto && strings.HasPrefix(d, "nextval(")) && g.taggable(m, f, c, "server default", d) {
		f.tags = append(f.tags, "server_default:"+d)
		if zeroIsUnset(typ, c.Type.Null, isPK) {
			f.tags = append(f.tags, "default_if_zero")
		}
	}
	for _, a := range c.Attrs {
		if u, ok := a.(*mysql.OnUpdate); ok && f.comment == "" {
			f.comment = g.warn(m, "column %s is set ON UPDATE %s by the database, which models cannot declare "+
				"(a database created from the models lacks it; the onupdate:now tag sets it from Go)", c.Name, u.A)
		}
	}
	if cm := commentOf(c.Attrs); cm != "" && g.taggable(m, f, c, "comment", cm) {
		f.tags = append(f.tags, "comment:"+cm)
	}
}

// taggable reports whether a tag option's value can be written: the orm
// tag separates options with ';', so a value holding one is left out with
// a warning.
func (g *generator) taggable(m *model, f *field, c *schema.Column, what, v string) bool {
	if !strings.Contains(v, ";") {
		return true
	}
	msg := g.warn(m, "column %s: the %s %q holds a ';', which an orm tag cannot hold; it is left out", c.Name, what, v)
	if f.comment == "" {
		f.comment = msg
	}
	return false
}

// zeroIsUnset reports whether a NOT NULL field with a server default
// should let the default apply when it holds its zero value, as
// SQLAlchemy applies it to an attribute that was not set: an enum's ""
// and a custom time's zero instant are never real values (a time.Time
// field has this rule built in). Numbers, strings and flags keep their
// zero values, which are real ones.
func zeroIsUnset(typ chosen, null, pk bool) bool {
	if null || pk {
		return false
	}
	return typ.kind == dialect.Enum || typ.kind == dialect.Custom && typ.timeBase
}

// dbAutoincrement reports whether the database generates the column's
// values: PostgreSQL's serial, MySQL's AUTO_INCREMENT, SQLite's INTEGER
// PRIMARY KEY (the rowid).
func (g *generator) dbAutoincrement(t *schema.Table, c *schema.Column) bool {
	for _, a := range c.Attrs {
		switch a.(type) {
		case *mysql.AutoIncrement, *sqlite.AutoIncrement, *postgres.Identity:
			return true
		}
	}
	if _, ok := c.Type.Type.(*postgres.SerialType); ok {
		return true
	}
	return g.opts.Dialect == migrate.SQLite && sqliteschema.RowidAlias(t) == c
}

// isForeignKey reports whether a column is part of a foreign key.
func isForeignKey(t *schema.Table, column string) bool {
	for _, fk := range t.ForeignKeys {
		for _, c := range fk.Columns {
			if c.Name == column {
				return true
			}
		}
	}
	return false
}

// defaultOf returns a column's server default as SQL text.
func defaultOf(c *schema.Column) string {
	switch d := c.Default.(type) {
	case *schema.Literal:
		return d.V
	case *schema.RawExpr:
		return d.X
	}
	return ""
}

// typeOf picks the column's Go type: the first portable type whose DDL is
// the column's, else an enum type, else a custom type declaring the DDL.
func (g *generator) typeOf(m *model, f *field, c *schema.Column, auto bool) chosen {
	if e, ok := c.Type.Type.(*schema.EnumType); ok {
		if ch, ok := g.enumOf(m, c, e, auto); ok {
			return ch
		}
	}
	if identity(c) {
		return g.identityType(m, f, c)
	}
	for _, cand := range candidates(c.Type.Type) {
		if g.sameType(m.table, c, cand.ct, auto) {
			g.use(cand.imp)
			return chosen{goType: cand.goType, tags: cand.tags, kind: cand.ct.Kind}
		}
	}
	return g.custom(m, f, c, auto)
}

// identity reports whether a column is a PostgreSQL identity column.
func identity(c *schema.Column) bool {
	return slices.ContainsFunc(c.Attrs, func(a schema.Attr) bool { _, ok := a.(*postgres.Identity); return ok })
}

// identityType types a PostgreSQL identity column (GENERATED ... AS
// IDENTITY) as the integer it holds, generated by the database. The ORM
// declares such columns SERIAL, which autogenerate does not tell apart
// from an identity; the field says so.
func (g *generator) identityType(m *model, f *field, c *schema.Column) chosen {
	cand := candidates(c.Type.Type)[0]
	for _, ca := range candidates(c.Type.Type) {
		if normalDDL(g.opts.Dialect, formatType(g.opts.Dialect, c.Type.Type)) == ca.goTypeDDL() {
			cand = ca
		}
	}
	f.comment = g.warn(m, "column %s is an identity column; the models declare it SERIAL (a new database gets a sequence default instead)", c.Name)
	return chosen{goType: cand.goType, tags: cand.tags, kind: cand.ct.Kind}
}

// use records an import.
func (g *generator) use(imp string) {
	if imp != "" {
		g.imports[imp] = true
	}
}

// enumOf declares an enum type for a native enum column. On PostgreSQL
// the Go type's snake_case name must be the enum type's name.
func (g *generator) enumOf(m *model, c *schema.Column, e *schema.EnumType, auto bool) (chosen, bool) {
	name := goName(m.table.Name) + goName(c.Name)
	if g.opts.Dialect == migrate.PostgreSQL {
		name = goName(e.T)
		if orm.SnakeCase(name) != e.T {
			return chosen{}, false
		}
	}
	for _, et := range g.enums {
		if et.name == name && slices.Equal(et.values, e.Values) {
			return chosen{goType: name, kind: dialect.Enum}, true
		}
	}
	ct := orm.ColumnType{Kind: dialect.Enum, EnumName: orm.SnakeCase(name), EnumValues: e.Values}
	if g.types[name] || !g.sameType(m.table, c, ct, auto) {
		return chosen{}, false
	}
	g.types.unique(name)
	et := &enumType{name: name, values: e.Values}
	for _, v := range e.Values {
		et.consts = append(et.consts, g.types.unique(name+goName(v)))
	}
	g.enums = append(g.enums, et)
	return chosen{goType: name, kind: dialect.Enum}, true
}

// custom declares a Go type whose ColumnDDL is the column's type, for a
// type no portable orm type declares. When even that does not compare
// equal, the field says so in a comment and a warning.
func (g *generator) custom(m *model, f *field, c *schema.Column, auto bool) chosen {
	ddl := formatType(g.opts.Dialect, c.Type.Type)
	if g.opts.Dialect == migrate.SQLite {
		ddl = c.Type.Raw // the declared type, which Atlas's formatter shortens
	}
	if ddl == "" {
		ddl = c.Type.Raw
	}
	ct := orm.ColumnType{Kind: dialect.Custom, DDL: func(string) string { return ddl }}
	if ddl == "" || !g.sameType(m.table, c, ct, auto) {
		f.comment = g.warn(m, "column %s: type %q is not reproduced by any orm type; autogenerate may report it as changed", c.Name, c.Type.Raw)
	}
	if ddl == "" {
		ddl = "text"
	}
	for _, ctp := range g.customs {
		if ctp.ddl == ddl {
			return chosen{goType: ctp.name, kind: dialect.Custom, timeBase: ctp.base == "time.Time"}
		}
	}
	base, imp := baseOf(c.Type.Type)
	g.use(imp)
	g.use("database/sql")
	g.use("database/sql/driver")
	ctp := &customType{name: g.types.unique(customName(ddl)), ddl: ddl, base: base}
	g.customs = append(g.customs, ctp)
	return chosen{goType: ctp.name, kind: dialect.Custom, timeBase: base == "time.Time"}
}

// A customType is a generated type for a column type without a portable
// orm type: its ColumnDDL returns the type as the database declares it.
type customType struct {
	name, ddl, base string
}

// An enumType is a generated enum type (orm.Enum).
type enumType struct {
	name   string
	values []string
	consts []string // the values' constant names
}
