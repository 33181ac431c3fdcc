package orm

import (
	"fmt"
	"strings"
)

// A LikeOption changes how Like, ILike, Contains, StartsWith and EndsWith
// match: Escape and AutoEscape.
type LikeOption func(*likeOpts)

type likeOpts struct {
	escape rune
	auto   bool
}

// Escape names the pattern's escape character: "ESCAPE 'c'", SQLAlchemy's
// escape= argument. With AutoEscape it is the character used to escape.
func Escape(c rune) LikeOption { return func(o *likeOpts) { o.escape = c } }

// AutoEscape escapes '%', '_' and the escape character (by default '/')
// in the value of Contains, StartsWith or EndsWith, so that they match
// literally: SQLAlchemy's autoescape=True. The value must be a string.
func AutoEscape() LikeOption { return func(o *likeOpts) { o.auto = true } }

// likeExpr is [NOT] LIKE / ILIKE, optionally wrapping its value in '%'.
type likeExpr struct {
	e             Expr
	value         any
	before, after bool // '%' || value, value || '%'
	not, fold     bool
	escape        rune
	err           error
}

// newLike builds a plain LIKE of a pattern.
func newLike(e Expr, pattern string, not bool, opts []LikeOption) Expr {
	if len(opts) == 0 {
		return Binary{e, map[bool]string{false: "LIKE", true: "NOT LIKE"}[not], pattern}
	}
	l := likeExpr{e: e, value: pattern, not: not}
	return l.with(opts, false)
}

// with applies opts; auto reports whether AutoEscape is allowed.
func (l likeExpr) with(opts []LikeOption, autoAllowed bool) likeExpr {
	var o likeOpts
	for _, opt := range opts {
		opt(&o)
	}
	l.escape = o.escape
	if !o.auto {
		return l
	}
	if !autoAllowed {
		l.err = fmt.Errorf("orm: AutoEscape applies to Contains, StartsWith and EndsWith; escape a LIKE pattern with Escape")
		return l
	}
	s, ok := l.value.(string)
	if !ok {
		l.err = fmt.Errorf("orm: AutoEscape needs a string value, got %T", l.value)
		return l
	}
	if l.escape == 0 {
		l.escape = '/'
	}
	esc := string(l.escape)
	s = strings.ReplaceAll(s, esc, esc+esc)
	s = strings.ReplaceAll(s, "%", esc+"%")
	l.value = strings.ReplaceAll(s, "_", esc+"_")
	return l
}

// ILike is a case-insensitive LIKE: ILIKE on PostgreSQL, and elsewhere
// lower(c) LIKE lower(pattern), as SQLAlchemy renders it.
func (c Col) ILike(pattern string, opts ...LikeOption) Expr {
	return likeExpr{e: c, value: pattern, fold: true}.with(opts, false)
}

// NotILike is the negation of ILike.
func (c Col) NotILike(pattern string, opts ...LikeOption) Expr {
	return likeExpr{e: c, value: pattern, fold: true, not: true}.with(opts, false)
}

// Contains is "c LIKE '%' || v || '%'" (concat on MySQL): v is bound, or
// rendered when it is an Expr. Its '%' and '_' are wildcards unless
// AutoEscape is given; SQLAlchemy's contains().
func (c Col) Contains(v any, opts ...LikeOption) Expr {
	return likeExpr{e: c, value: v, before: true, after: true}.with(opts, true)
}

// StartsWith is "c LIKE v || '%'"; see Contains.
func (c Col) StartsWith(v any, opts ...LikeOption) Expr {
	return likeExpr{e: c, value: v, after: true}.with(opts, true)
}

// EndsWith is "c LIKE '%' || v"; see Contains.
func (c Col) EndsWith(v any, opts ...LikeOption) Expr {
	return likeExpr{e: c, value: v, before: true}.with(opts, true)
}

// AppendSQL renders the match for the dialect.
func (l likeExpr) AppendSQL(b *Builder) {
	if l.err != nil {
		b.SetErr(l.err)
		return
	}
	pg := b.Dialect().Name() == "postgresql"
	switch {
	case l.fold && pg:
		l.e.AppendSQL(b)
		b.WriteString(map[bool]string{false: " ILIKE ", true: " NOT ILIKE "}[l.not])
		l.pattern(b)
	case l.fold:
		b.WriteString("lower(")
		l.e.AppendSQL(b)
		b.WriteString(map[bool]string{false: ") LIKE lower(", true: ") NOT LIKE lower("}[l.not])
		l.pattern(b)
		b.WriteString(")")
	default:
		b.operand(l.e, "LIKE")
		b.WriteString(map[bool]string{false: " LIKE ", true: " NOT LIKE "}[l.not])
		l.pattern(b)
	}
	if l.escape != 0 {
		b.WriteString(" ESCAPE " + escapeLiteral(b, l.escape))
	}
}

// pattern renders the value wrapped in the '%' wildcards asked for.
func (l likeExpr) pattern(b *Builder) {
	if !l.before && !l.after {
		b.operand(l.value, "LIKE")
		return
	}
	if b.Dialect().Name() == "mysql" {
		if l.after {
			b.WriteString("concat(")
		}
		if l.before {
			b.WriteString("concat('%', ")
		}
		b.Arg(l.value)
		if l.before {
			b.WriteString(")")
		}
		if l.after {
			b.WriteString(", '%')")
		}
		return
	}
	if l.before {
		b.WriteString("'%' || ")
	}
	b.operand(l.value, "||")
	if l.after {
		b.WriteString(" || '%'")
	}
}

// escapeLiteral renders the escape character as a string literal.
func escapeLiteral(b *Builder, c rune) string {
	s := strings.ReplaceAll(string(c), "'", "''")
	if b.Dialect().Name() == "mysql" {
		s = strings.ReplaceAll(s, `\`, `\\`)
	}
	return "'" + s + "'"
}
