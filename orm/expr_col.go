package orm

import (
	"fmt"
	"strings"
)

// rawArgsError reports a placeholder/argument count mismatch.
func rawArgsError(r RawSQL) error {
	return fmt.Errorf("orm: SQL %q has %d placeholders but %d arguments", r.SQL, strings.Count(strings.ReplaceAll(r.SQL, "??", ""), "?"), len(r.Args))
}

// A Col is a column reference such as C("price") or C("product.price").
type Col struct {
	Name string
	err  error // why the reference is invalid (an unknown column)
}

// C returns a reference to a column, optionally qualified "table.column".
func C(name string) Col { return Col{Name: name} }

// AppendSQL renders the quoted column name.
func (c Col) AppendSQL(b *Builder) {
	if c.err != nil {
		b.SetErr(c.err)
		return
	}
	b.Ident(b.adapted(c.Name))
}

// A Binary is "left op right".
type Binary struct {
	Left  Expr
	Op    string
	Right any
}

// AppendSQL renders the operation, binding Right unless it is an Expr;
// an operand whose operator binds less tightly than Op (a + b in
// (a + b) * c) is parenthesised, as SQLAlchemy groups it.
func (e Binary) AppendSQL(b *Builder) {
	if e.Left == nil {
		b.SetErr(errNilExpr)
		return
	}
	b.operand(e.Left, e.Op)
	b.WriteString(" " + e.Op + " ")
	b.operand(e.Right, e.Op)
}

// Eq is "c = v"; a nil v renders "c IS NULL".
func (c Col) Eq(v any) Expr {
	if v == nil {
		return c.IsNull()
	}
	return Binary{c, "=", v}
}

// Ne is "c <> v"; a nil v renders "c IS NOT NULL".
func (c Col) Ne(v any) Expr {
	if v == nil {
		return c.IsNotNull()
	}
	return Binary{c, "<>", v}
}

// Gt is "c > v".
func (c Col) Gt(v any) Expr { return Binary{c, ">", v} }

// Ge is "c >= v".
func (c Col) Ge(v any) Expr { return Binary{c, ">=", v} }

// Lt is "c < v".
func (c Col) Lt(v any) Expr { return Binary{c, "<", v} }

// Le is "c <= v".
func (c Col) Le(v any) Expr { return Binary{c, "<=", v} }

// Like is "c LIKE pattern"; Escape('/') adds "ESCAPE '/'".
func (c Col) Like(pattern string, opts ...LikeOption) Expr { return newLike(c, pattern, false, opts) }

// NotLike is "c NOT LIKE pattern"; Escape('/') adds "ESCAPE '/'".
func (c Col) NotLike(pattern string, opts ...LikeOption) Expr { return newLike(c, pattern, true, opts) }

// IsNull is "c IS NULL".
func (c Col) IsNull() Expr { return postfix{c, " IS NULL"} }

// IsNotNull is "c IS NOT NULL".
func (c Col) IsNotNull() Expr { return postfix{c, " IS NOT NULL"} }

// Between is "c BETWEEN lo AND hi".
func (c Col) Between(lo, hi any) Expr { return between{c, lo, hi, false} }

// In is "c IN (v1, v2, ...)"; a single slice argument is expanded and a
// single subquery renders "c IN (SELECT ...)". An empty list is false.
func (c Col) In(values ...any) Expr { return in{c, values, false} }

// NotIn is "c NOT IN (...)"; an empty list is true.
func (c Col) NotIn(values ...any) Expr { return in{c, values, true} }

// Asc orders by c ascending.
func (c Col) Asc() Expr { return postfix{c, " ASC"} }

// Desc orders by c descending.
func (c Col) Desc() Expr { return postfix{c, " DESC"} }

// postfix renders an expression followed by fixed text.
type postfix struct {
	e    Expr
	text string
}

// AppendSQL renders the expression and its suffix.
func (p postfix) AppendSQL(b *Builder) { p.e.AppendSQL(b); b.WriteString(p.text) }

type between struct {
	c      Expr
	lo, hi any
	not    bool
}

// AppendSQL renders [NOT] BETWEEN with bound bounds.
func (e between) AppendSQL(b *Builder) {
	e.c.AppendSQL(b)
	b.WriteString(map[bool]string{false: " BETWEEN ", true: " NOT BETWEEN "}[e.not])
	b.operand(e.lo, "BETWEEN")
	b.WriteString(" AND ")
	b.operand(e.hi, "BETWEEN")
}
