package orm

import "fmt"

// A WhenClause is one WHEN cond THEN result of a Case.
type WhenClause struct {
	cond Expr
	then any
}

// When pairs a condition with the Case result it selects; the result is
// bound unless it is an Expr.
func When(cond Expr, then any) WhenClause { return WhenClause{cond, then} }

// A CaseExpr is CASE WHEN ... THEN ... [ELSE ...] END.
type CaseExpr struct {
	whens   []WhenClause
	els     any
	hasElse bool
}

// Case builds a searched CASE expression; SQLAlchemy's case((cond, value),
// ..., else_=...).
func Case(whens ...WhenClause) *CaseExpr { return &CaseExpr{whens: whens} }

// Else sets the result when no condition holds (NULL without it).
func (c *CaseExpr) Else(v any) *CaseExpr {
	c.els, c.hasElse = v, true
	return c
}

// As labels the expression.
func (c *CaseExpr) As(name string) Expr { return labeled{c, name} }

// AppendSQL renders the CASE expression, binding the results.
func (c *CaseExpr) AppendSQL(b *Builder) {
	if len(c.whens) == 0 {
		b.SetErr(fmt.Errorf("orm: Case needs at least one When"))
		return
	}
	b.WriteString("CASE")
	for _, w := range c.whens {
		if w.cond == nil {
			b.SetErr(errNilExpr)
			return
		}
		b.WriteString(" WHEN ")
		w.cond.AppendSQL(b)
		b.WriteString(" THEN ")
		b.Arg(w.then)
	}
	if c.hasElse {
		b.WriteString(" ELSE ")
		b.Arg(c.els)
	}
	b.WriteString(" END")
}
