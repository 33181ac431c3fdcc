package orm

import (
	"strings"
	"time"

	"github.com/flagon-go/flagon/orm/dialect"
)

// An Expr is a SQL expression that renders itself into a Builder.
type Expr interface {
	AppendSQL(b *Builder)
}

// A Builder accumulates SQL text and bound arguments for one statement.
// Identifiers are always quoted and values always bound.
type Builder struct {
	d    dialect.Dialect
	sb   strings.Builder
	args []any
	err  error
	// adapt renames table qualifiers of column names (table -> alias)
	// while criteria render against an aliased join; see adapted.
	adapt map[string]string
	// cteScope holds the CTEs whose WITH an enclosing statement renders.
	cteScope map[*CTE]bool
	// params holds the values of BindParam expressions (a bulk UPDATE row).
	params *bindValues
}

// NewBuilder returns an empty builder for dialect d.
func NewBuilder(d dialect.Dialect) *Builder {
	b := &Builder{d: d}
	b.sb.Grow(256)
	return b
}

// Dialect returns the builder's dialect.
func (b *Builder) Dialect() dialect.Dialect { return b.d }

// WriteString appends raw SQL text.
func (b *Builder) WriteString(s string) { b.sb.WriteString(s) }

// Ident appends a quoted identifier; "table.column" is quoted per part.
func (b *Builder) Ident(name string) {
	for {
		part, rest, more := strings.Cut(name, ".")
		if part == "*" {
			b.sb.WriteByte('*')
		} else {
			b.sb.WriteString(quoteIdent(b.d, part))
		}
		if !more {
			return
		}
		b.sb.WriteByte('.')
		name = rest
	}
}

// Arg appends a placeholder bound to v; an Expr is rendered instead.
func (b *Builder) Arg(v any) {
	if e, ok := v.(Expr); ok {
		e.AppendSQL(b)
		return
	}
	if d, ok := v.(time.Duration); ok {
		v, _ = bindArg(b.d, dialect.Interval, d)
	}
	b.bind(v)
}

// bind appends a placeholder for an already converted value.
func (b *Builder) bind(v any) {
	b.args = append(b.args, v)
	b.sb.WriteString(b.d.Placeholder(len(b.args)))
}

// SetErr records the first error found while building.
func (b *Builder) SetErr(err error) {
	if b.err == nil {
		b.err = err
	}
}

// String returns the SQL text so far.
func (b *Builder) String() string { return b.sb.String() }

// Args returns the bound arguments so far.
func (b *Builder) Args() []any { return b.args }

// Err returns the first error recorded while building.
func (b *Builder) Err() error { return b.err }

// list renders exprs separated by sep.
func (b *Builder) list(exprs []Expr, sep string) {
	for i, e := range exprs {
		if i > 0 {
			b.sb.WriteString(sep)
		}
		if e == nil {
			b.SetErr(errNilExpr)
			continue
		}
		e.AppendSQL(b)
	}
}

// RawSQL is a SQL fragment with '?' placeholders, rebound per dialect.
type RawSQL struct {
	SQL  string
	Args []any
}

// SQL returns a raw SQL fragment whose '?' placeholders bind args in order:
// orm.SQL("price > ? AND name = ?", 10, "x"). Write "??" for a literal '?'.
func SQL(sql string, args ...any) RawSQL { return RawSQL{SQL: sql, Args: args} }

// AppendSQL renders the fragment, binding its arguments.
func (r RawSQL) AppendSQL(b *Builder) {
	n := 0
	s := r.SQL
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' || c == '"' || c == '`':
			j := skipQuote(s, i, c)
			b.sb.WriteString(s[i:j])
			i = j - 1
		case c == '?' && i+1 < len(s) && s[i+1] == '?':
			b.sb.WriteByte('?')
			i++
		case c == '?':
			if n >= len(r.Args) {
				b.SetErr(rawArgsError(r))
				return
			}
			b.Arg(r.Args[n])
			n++
		default:
			b.sb.WriteByte(c)
		}
	}
	if n != len(r.Args) {
		b.SetErr(rawArgsError(r))
	}
}

// skipQuote returns the index just past the quoted run starting at i.
func skipQuote(s string, i int, q byte) int {
	for j := i + 1; j < len(s); j++ {
		if s[j] == q {
			if j+1 < len(s) && s[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(s)
}
