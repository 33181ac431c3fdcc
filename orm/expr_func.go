package orm

import (
	"fmt"
	"strconv"
)

// value is a bound argument usable where an Expr is needed.
type value struct{ v any }

// AppendSQL binds the value, or renders it when it is an Expr.
func (v value) AppendSQL(b *Builder) { b.Arg(v.v) }

// Value returns v as an expression, bound as an argument; SQLAlchemy's
// literal() and bindparam().
func Value(v any) Expr { return value{v} }

// operands turns column names (strings are column names) and Exprs into
// Exprs; other values are bound.
func operands(args []any) []Expr {
	out := make([]Expr, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case Expr:
			out[i] = a
		case string:
			out[i] = C(a)
		default:
			out[i] = value{a}
		}
	}
	return out
}

// Coalesce is coalesce(a, b, ...): its first non-NULL argument. Strings
// are column names; bind a string value with Value("text").
func Coalesce(args ...any) Func { return Func{"coalesce", operands(args)} }

// NullIf is nullif(a, b): NULL when a equals b, else a. Strings are
// column names; bind a string value with Value("text").
func NullIf(a, b any) Func { return Func{"nullif", operands([]any{a, b})} }

// Lower is lower(e); a string is a column name.
func Lower(e any) Func { return Func{"lower", operands([]any{e})} }

// Upper is upper(e); a string is a column name.
func Upper(e any) Func { return Func{"upper", operands([]any{e})} }

// A CastType is a portable SQL type for Cast.
type CastType struct {
	name      string
	precision int
	scale     int
}

// Cast types, rendered per dialect as SQLAlchemy renders Integer,
// BigInteger, String, Float, Date and Numeric.
var (
	CastInteger = CastType{name: "integer"}
	CastBigInt  = CastType{name: "bigint"}
	CastString  = CastType{name: "string"}
	CastFloat   = CastType{name: "float"}
	CastDate    = CastType{name: "date"}
)

// CastNumeric is NUMERIC(precision, scale) (DECIMAL on MySQL).
func CastNumeric(precision, scale int) CastType {
	return CastType{name: "numeric", precision: precision, scale: scale}
}

// sql returns the type's name in CAST for dialect d.
func (t CastType) sql(d string) (string, error) {
	mysql := d == "mysql"
	switch t.name {
	case "integer", "bigint":
		if mysql {
			return "SIGNED INTEGER", nil
		}
		return map[string]string{"integer": "INTEGER", "bigint": "BIGINT"}[t.name], nil
	case "string":
		if mysql {
			return "CHAR", nil
		}
		return "VARCHAR", nil
	case "float":
		return map[bool]string{true: "DOUBLE", false: "FLOAT"}[mysql], nil
	case "date":
		return "DATE", nil
	case "numeric":
		n := "NUMERIC"
		if mysql {
			n = "DECIMAL"
		}
		return n + "(" + strconv.Itoa(t.precision) + ", " + strconv.Itoa(t.scale) + ")", nil
	}
	return "", fmt.Errorf("orm: Cast to an empty CastType")
}

type cast struct {
	e Expr
	t CastType
}

// Cast is CAST(e AS type); a string e is a column name.
func Cast(e any, t CastType) Expr { return cast{operands([]any{e})[0], t} }

// AppendSQL renders CAST with the dialect's type name.
func (c cast) AppendSQL(b *Builder) {
	name, err := c.t.sql(b.Dialect().Name())
	if err != nil {
		b.SetErr(err)
		return
	}
	b.WriteString("CAST(")
	c.e.AppendSQL(b)
	b.WriteString(" AS " + name + ")")
}

type concat struct{ args []Expr }

// Concat joins strings: a || b on PostgreSQL and SQLite, concat(a, b) on
// MySQL. Strings are column names; bind a string value with Value("-").
func Concat(args ...any) Expr { return concat{operands(args)} }

// AppendSQL renders the concatenation for the dialect.
func (c concat) AppendSQL(b *Builder) {
	if len(c.args) == 0 {
		b.SetErr(fmt.Errorf("orm: Concat of nothing"))
		return
	}
	if b.Dialect().Name() == "mysql" {
		Func{"concat", c.args}.AppendSQL(b)
		return
	}
	b.WriteString("(")
	b.list(c.args, " || ")
	b.WriteString(")")
}
