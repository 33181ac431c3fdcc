package orm

import "fmt"

// boolConst is SQLAlchemy's true() / false().
type boolConst bool

// True is the constant true: SQLAlchemy's true(). And drops it and Or
// returns it; it renders true (1 on SQLite, which has no boolean type).
func True() Expr { return boolConst(true) }

// False is the constant false: SQLAlchemy's false(). Or drops it and And
// returns it; it renders false (0 on SQLite).
func False() Expr { return boolConst(false) }

// AppendSQL renders the constant for the dialect.
func (c boolConst) AppendSQL(b *Builder) {
	if b.Dialect().Name() == "sqlite" {
		b.WriteString(map[boolConst]string{true: "1", false: "0"}[c])
		return
	}
	b.WriteString(map[boolConst]string{true: "true", false: "false"}[c])
}

// negatedOps pairs each comparison operator with its negation.
var negatedOps = map[string]string{
	"=": "<>", "<>": "=", "!=": "=", "<": ">=", ">=": "<", ">": "<=", "<=": ">",
	"LIKE": "NOT LIKE", "NOT LIKE": "LIKE", "ILIKE": "NOT ILIKE", "NOT ILIKE": "ILIKE",
}

// negated returns the negation of e written with its operator, as
// SQLAlchemy's ~ negates a comparison; ok is false for other expressions.
func negated(e Expr) (Expr, bool) {
	switch e := e.(type) {
	case Binary:
		if op, ok := negatedOps[e.Op]; ok {
			return Binary{e.Left, op, e.Right}, true
		}
	case postfix:
		switch e.text {
		case " IS NULL":
			return postfix{e.e, " IS NOT NULL"}, true
		case " IS NOT NULL":
			return postfix{e.e, " IS NULL"}, true
		}
	case in:
		e.not = !e.not
		return e, true
	case between:
		e.not = !e.not
		return e, true
	case likeExpr:
		e.not = !e.not
		return e, true
	case distinctFrom:
		e.not = !e.not
		return e, true
	case exists:
		e.not = !e.not
		return e, true
	case not:
		return e.e, true
	case boolConst:
		return !e, true
	}
	return nil, false
}

// distinctFrom is "a IS [NOT] DISTINCT FROM b", comparing NULLs as values.
type distinctFrom struct {
	a   Expr
	b   any
	not bool // IS NOT DISTINCT FROM
}

// IsDistinctFrom is "c IS DISTINCT FROM v": true when they differ, NULL
// being a value (IS NOT on SQLite, NOT (c <=> v) on MySQL).
func (c Col) IsDistinctFrom(v any) Expr { return distinctFrom{c, v, false} }

// IsNotDistinctFrom is "c IS NOT DISTINCT FROM v": equality where NULL
// equals NULL (IS on SQLite, c <=> v on MySQL).
func (c Col) IsNotDistinctFrom(v any) Expr { return distinctFrom{c, v, true} }

// AppendSQL renders the dialect's null-safe comparison.
func (d distinctFrom) AppendSQL(b *Builder) {
	var op string
	switch b.Dialect().Name() {
	case "sqlite":
		op = map[bool]string{false: "IS NOT", true: "IS"}[d.not]
	case "mysql":
		op = "<=>"
		if !d.not {
			b.WriteString("NOT (")
			defer b.WriteString(")")
		}
	default:
		op = map[bool]string{false: "IS DISTINCT FROM", true: "IS NOT DISTINCT FROM"}[d.not]
	}
	b.operand(d.a, op)
	b.WriteString(" " + op + " ")
	if d.b == nil {
		b.WriteString("NULL")
		return
	}
	b.operand(d.b, op)
}

// collation is a collation name rendered after COLLATE.
type collation string

// AppendSQL renders the name quoted, except on MySQL where collation names
// are plain words (checked).
func (c collation) AppendSQL(b *Builder) {
	if b.Dialect().Name() != "mysql" {
		b.WriteString(quoteIdent(b.d, string(c))) // one name: "en_US.utf8"
		return
	}
	for _, r := range c {
		if !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			b.SetErr(fmt.Errorf("orm: collation name %q is not a plain word", string(c)))
			return
		}
	}
	b.WriteString(string(c))
}

// Collate is "c COLLATE name", SQLAlchemy's collate(); compare or order by
// the result: C("name").Collate("NOCASE").Eq("ann").
func (c Col) Collate(name string) Binary { return Binary{c, "COLLATE", collation(name)} }

// Collate is "e COLLATE name".
func (e Binary) Collate(name string) Binary { return Binary{e, "COLLATE", collation(name)} }

// Add is "c + v".
func (c Col) Add(v any) Binary { return Binary{c, "+", v} }

// Sub is "c - v".
func (c Col) Sub(v any) Binary { return Binary{c, "-", v} }

// Mul is "c * v".
func (c Col) Mul(v any) Binary { return Binary{c, "*", v} }

// Add is "e + v", parenthesised by precedence.
func (e Binary) Add(v any) Binary { return Binary{e, "+", v} }

// Sub is "e - v", parenthesised by precedence.
func (e Binary) Sub(v any) Binary { return Binary{e, "-", v} }

// Mul is "e * v", parenthesised by precedence: (a + b) * c.
func (e Binary) Mul(v any) Binary { return Binary{e, "*", v} }

// Eq is "e = v"; a nil v renders "e IS NULL".
func (e Binary) Eq(v any) Expr {
	if v == nil {
		return postfix{grouped{e}, " IS NULL"}
	}
	return Binary{e, "=", v}
}

// Ne is "e <> v"; a nil v renders "e IS NOT NULL".
func (e Binary) Ne(v any) Expr {
	if v == nil {
		return postfix{grouped{e}, " IS NOT NULL"}
	}
	return Binary{e, "<>", v}
}

// Gt is "e > v".
func (e Binary) Gt(v any) Expr { return Binary{e, ">", v} }

// Ge is "e >= v".
func (e Binary) Ge(v any) Expr { return Binary{e, ">=", v} }

// Lt is "e < v".
func (e Binary) Lt(v any) Expr { return Binary{e, "<", v} }

// Le is "e <= v".
func (e Binary) Le(v any) Expr { return Binary{e, "<=", v} }

// Asc orders by e ascending.
func (e Binary) Asc() Expr { return postfix{e, " ASC"} }

// Desc orders by e descending.
func (e Binary) Desc() Expr { return postfix{e, " DESC"} }

// As labels the expression.
func (e Binary) As(name string) Expr { return labeled{e, name} }

// grouped renders an expression in parentheses when it is an operation.
type grouped struct{ e Binary }

// AppendSQL renders (e) for an operator of lower precedence than IS.
func (g grouped) AppendSQL(b *Builder) {
	if binaryPrec(g.e.Op) <= precCompare {
		b.WriteString("(")
		g.e.AppendSQL(b)
		b.WriteString(")")
		return
	}
	g.e.AppendSQL(b)
}
