package modelgen

import (
	"fmt"
	"strings"

	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/autogen"
	"github.com/flagon-go/flagon/orm"
	"github.com/flagon-go/flagon/orm/dialect"
)

// A candidate is a Go field type that may declare a column's type.
type candidate struct {
	ct     orm.ColumnType
	goType string   // the field's type when NOT NULL
	tags   []string // type, size and tz options
	imp    string   // the package goType needs
}

// candidates lists the portable types that may give an inspected type,
// most natural first; the first whose DDL the comparison accepts is used.
func candidates(t schema.Type) []candidate {
	switch t := t.(type) {
	case *schema.IntegerType, *postgres.SerialType:
		return []candidate{
			{ct: orm.ColumnType{Kind: dialect.Integer}, goType: "int"},
			{ct: orm.ColumnType{Kind: dialect.BigInteger}, goType: "int64"},
			{ct: orm.ColumnType{Kind: dialect.SmallInteger}, goType: "int16"},
		}
	case *schema.StringType:
		size := fmt.Sprintf("size:%d", t.Size)
		return []candidate{
			{ct: orm.ColumnType{Kind: dialect.String, Size: t.Size}, goType: "string", tags: sizeTag(t.Size, size)},
			{ct: orm.ColumnType{Kind: dialect.Text}, goType: "string", tags: []string{"type:text"}},
		}
	case *schema.BoolType:
		return []candidate{{ct: orm.ColumnType{Kind: dialect.Boolean}, goType: "bool"}}
	case *schema.FloatType:
		return []candidate{{ct: orm.ColumnType{Kind: dialect.Float}, goType: "float64"}}
	case *schema.DecimalType:
		return []candidate{decimal(t.Precision, t.Scale)}
	case *schema.TimeType:
		return []candidate{
			{ct: orm.ColumnType{Kind: dialect.Date}, goType: "orm.Date", imp: ormPkg},
			{ct: orm.ColumnType{Kind: dialect.DateTime}, goType: "time.Time", imp: "time"},
			{ct: orm.ColumnType{Kind: dialect.DateTime, TZ: true}, goType: "time.Time", imp: "time", tags: []string{"tz"}},
			{ct: orm.ColumnType{Kind: dialect.Time}, goType: "orm.TimeOfDay", imp: ormPkg},
		}
	case *postgres.IntervalType:
		return []candidate{{ct: orm.ColumnType{Kind: dialect.Interval}, goType: "time.Duration", imp: "time"}}
	case *schema.BinaryType:
		return []candidate{{ct: orm.ColumnType{Kind: dialect.Bytes}, goType: "[]byte"}}
	case *schema.JSONType:
		return []candidate{{ct: orm.ColumnType{Kind: dialect.JSON}, goType: "orm.JSON[any]", imp: ormPkg}}
	case *schema.UUIDType:
		return []candidate{{ct: orm.ColumnType{Kind: dialect.UUID}, goType: "orm.UUID", imp: ormPkg}}
	}
	return nil
}

// goTypeDDL is PostgreSQL's name of an integer candidate's type.
func (c candidate) goTypeDDL() string {
	return map[dialect.Kind]string{dialect.Integer: "integer", dialect.BigInteger: "bigint", dialect.SmallInteger: "smallint"}[c.ct.Kind]
}

// ormPkg is the ORM's import path.
const ormPkg = "github.com/flagon-go/flagon/orm"

// sizeTag returns the size option of a sized string.
func sizeTag(n int, tag string) []string {
	if n <= 0 {
		return nil
	}
	return []string{tag}
}

// decimal is the candidate of numeric(p,s).
func decimal(p, s int) candidate {
	tag := "type:numeric"
	if p > 0 {
		tag = fmt.Sprintf("type:numeric(%d,%d)", p, s)
	}
	return candidate{ct: orm.ColumnType{Kind: dialect.Numeric, Precision: p, Scale: s}, goType: "orm.Decimal", imp: ormPkg, tags: []string{tag}}
}

// sameType reports whether a column declared with ct has the inspected
// column's type for autogenerate: the one-column tables compare equal.
func (g *generator) sameType(t *schema.Table, c *schema.Column, ct orm.ColumnType, auto bool) bool {
	ot := &orm.Table{Name: t.Name, Columns: []*orm.Column{{Name: c.Name, Type: ct, Nullable: c.Type.Null, Autoincrement: auto}}}
	want, err := orm.TableToAtlas(ot, g.opts.Dialect)
	if err != nil {
		return false
	}
	have := &schema.Table{Name: t.Name}
	have.AddColumns(&schema.Column{Name: c.Name, Type: c.Type, Attrs: typeAttrs(c.Attrs)})
	res, err := autogen.Compare(g.differ, schema.New("").AddTables(have), schema.New("").AddTables(want),
		autogen.Options{Dialect: g.opts.Dialect})
	return err == nil && res.Empty() && g.sameDDL(c, want.Columns[0], ct)
}

// sameDDL reports whether two columns declare the same type: the
// comparison above accepts types of one portable kind (CHAR(8) for
// VARCHAR(8)), but a reflected model keeps the database's exact type.
func (g *generator) sameDDL(have, want *schema.Column, ct orm.ColumnType) bool {
	if _, ok := have.Type.Type.(*schema.EnumType); ok {
		return true // matched by name and values
	}
	a, b := formatType(g.opts.Dialect, have.Type.Type), formatType(g.opts.Dialect, want.Type.Type)
	if g.opts.Dialect == migrate.SQLite {
		a, b = have.Type.Raw, want.Type.Raw
	}
	if ct.Kind == dialect.Custom {
		b = ct.DDL(g.opts.Dialect)
	}
	return normalDDL(g.opts.Dialect, a) == normalDDL(g.opts.Dialect, b)
}

// normalDDL spells a type one way: lower case without spaces, and MySQL's
// BOOL as the TINYINT(1) it is.
func normalDDL(dialectName, ddl string) string {
	s := strings.ToLower(strings.ReplaceAll(ddl, " ", ""))
	if dialectName == migrate.MySQL && (s == "bool" || s == "boolean") {
		return "tinyint(1)"
	}
	return s
}

// typeAttrs keeps the column attributes that belong to its type: MySQL's
// AUTO_INCREMENT and PostgreSQL's identity.
func typeAttrs(attrs []schema.Attr) []schema.Attr {
	var out []schema.Attr
	for _, a := range attrs {
		switch a.(type) {
		case *mysql.AutoIncrement, *postgres.Identity, *sqlite.AutoIncrement:
			out = append(out, a)
		}
	}
	return out
}

// formatType prints an inspected type as the dialect declares it ("" when
// it cannot).
func formatType(dialectName string, t schema.Type) string {
	return autogen.FormatType(dialectName, t)
}

// baseOf returns the Go type a custom column type is built on.
func baseOf(t schema.Type) (goType, imp string) {
	switch t := t.(type) {
	case *schema.IntegerType, *postgres.SerialType:
		return "int64", ""
	case *schema.FloatType:
		return "float64", ""
	case *schema.BoolType:
		return "bool", ""
	case *schema.TimeType:
		return timeBase(t.T)
	case *schema.BinaryType:
		return "[]byte", ""
	}
	return "string", ""
}

// timeBase is the Go type of a custom date or time type: time.Time for
// instants and dates, int64 for MySQL's YEAR, and string for times of day
// (MySQL's TIME is a duration, PostgreSQL's timetz has no date).
func timeBase(name string) (goType, imp string) {
	n := strings.ToLower(name)
	switch {
	case n == "year":
		return "int64", ""
	case strings.HasPrefix(n, "time") && !strings.HasPrefix(n, "timestamp"):
		return "string", ""
	}
	return "time.Time", "time"
}

// customName names the Go type of a custom column type after its DDL:
// "jsonb" is Jsonb, "char(8)" Char8.
func customName(ddl string) string {
	return goName(strings.NewReplacer("[]", "_array", "(", "_", ")", "", ",", "_", " ", "_").Replace(strings.ToLower(ddl)))
}
