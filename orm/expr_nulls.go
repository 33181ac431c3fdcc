package orm

// nullsOrder is an ORDER BY key with NULLS FIRST or NULLS LAST.
type nullsOrder struct {
	key   Expr
	first bool
}

// NullsFirst sorts NULLs before other values of an order key (C("x") or
// C("x").Desc()): SQLAlchemy's nulls_first(). MySQL, which lacks NULLS
// FIRST, gets "x IS NULL DESC, x".
func NullsFirst(key Expr) Expr { return nullsOrder{key, true} }

// NullsLast sorts NULLs after other values of an order key: SQLAlchemy's
// nulls_last(). MySQL, which lacks NULLS LAST, gets "x IS NULL, x".
func NullsLast(key Expr) Expr { return nullsOrder{key, false} }

// AppendSQL renders the key with its NULL placement.
func (n nullsOrder) AppendSQL(b *Builder) {
	if n.key == nil {
		b.SetErr(errNilExpr)
		return
	}
	if b.Dialect().Name() != "mysql" {
		n.key.AppendSQL(b)
		b.WriteString(map[bool]string{true: " NULLS FIRST", false: " NULLS LAST"}[n.first])
		return
	}
	inner := n.key
	if p, ok := inner.(postfix); ok && (p.text == " ASC" || p.text == " DESC") {
		inner = p.e
	}
	b.operand(inner, "IS")
	b.WriteString(map[bool]string{true: " IS NULL DESC, ", false: " IS NULL, "}[n.first])
	n.key.AppendSQL(b)
}
