package orm

import (
	"errors"
	"strings"
)

// errNilExpr reports a nil expression where one is needed.
var errNilExpr = errors.New("orm: nil expression")

// labeled is "expr AS name".
type labeled struct {
	e    Expr
	name string
}

// As labels an expression in a select list: "expr AS name"; the label is
// the result column's name that Into matches to a struct field.
func As(e Expr, name string) Expr { return labeled{e, name} }

// AppendSQL renders the expression and its quoted label.
func (l labeled) AppendSQL(b *Builder) {
	if l.e == nil {
		b.SetErr(errNilExpr)
		return
	}
	l.e.AppendSQL(b)
	b.WriteString(" AS ")
	b.WriteString(quoteIdent(b.d, l.name))
}

// As labels the column: "c AS name".
func (c Col) As(name string) Expr { return labeled{c, name} }

// As labels the function call: "f(...) AS name".
func (f Func) As(name string) Expr { return labeled{f, name} }

// hasLabel reports whether the order key k ("name" or "-name") names a
// label of the query's columns.
func (s *SelectQuery[T]) hasLabel(k any) bool {
	name, ok := k.(string)
	if !ok {
		return false
	}
	name = strings.TrimPrefix(name, "-")
	for _, c := range s.columns {
		if l, ok := c.(labeled); ok && l.name == name {
			return true
		}
	}
	return false
}
