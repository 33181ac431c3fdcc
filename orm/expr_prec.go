package orm

// Operator precedence, after SQLAlchemy's operators._PRECEDENCE: an operand
// whose operator binds no tighter than its parent's is parenthesised, so
// that Binary{Binary{a, "+", b}, "*", c} renders (a + b) * c.
const (
	precNot     = 3  // NOT x, ASC/DESC
	precCollate = 4  // x COLLATE name
	precCompare = 5  // = <> < > LIKE IN IS BETWEEN
	precAdd     = 7  // + - ||
	precMul     = 8  // * / %
	precAtom    = 99 // columns, values, functions, parenthesised forms
)

// binaryPrec returns the precedence of a Binary operator; an operator it
// does not know binds as an atom (never grouped), as before.
func binaryPrec(op string) int {
	switch op {
	case "=", "<>", "!=", "<", ">", "<=", ">=", "LIKE", "NOT LIKE", "ILIKE", "NOT ILIKE", "BETWEEN",
		"IS", "IS NOT", "IS DISTINCT FROM", "IS NOT DISTINCT FROM", "<=>":
		return precCompare
	case "+", "-", "||":
		return precAdd
	case "*", "/", "%":
		return precMul
	case "COLLATE":
		return precCollate
	}
	return precAtom
}

// associative operators need no parentheses against themselves:
// (a + b) + c renders a + b + c, while a - (b - c) keeps them.
var associative = map[string]bool{"+": true, "*": true, "||": true}

// precOf returns the precedence of e's outermost operator.
func precOf(e Expr) int {
	switch e := e.(type) {
	case Binary:
		return binaryPrec(e.Op)
	case in, between, likeExpr, distinctFrom:
		return precCompare
	case postfix:
		if e.text == " ASC" || e.text == " DESC" {
			return precNot
		}
		return precCompare
	case not:
		return precNot
	case exists:
		if e.not {
			return precNot
		}
	}
	return precAtom
}

// operand renders v as an operand of op: an Expr grouped by precedence,
// any other value bound.
func (b *Builder) operand(v any, op string) {
	e, ok := v.(Expr)
	if !ok {
		b.compared(v)
		return
	}
	if groups(e, op) {
		b.WriteString("(")
		e.AppendSQL(b)
		b.WriteString(")")
		return
	}
	e.AppendSQL(b)
}

// groups reports whether operand e of op needs parentheses.
func groups(e Expr, op string) bool {
	outer := binaryPrec(op)
	inner := precOf(e)
	if inner > outer || inner == precAtom {
		return false
	}
	if inner == outer {
		if be, ok := e.(Binary); ok && be.Op == op && associative[op] {
			return false
		}
	}
	return true
}
