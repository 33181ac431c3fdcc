package orm

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

// Scalar runs a query that selects one value, such as
// Select[Product](db).Columns(orm.Sum("price")), and returns the first
// column of the first row; ErrNoRows if there is no row. A NULL result
// (the sum of nothing) is V's zero value.
func Scalar[V any, T any](ctx context.Context, s *SelectQuery[T]) (V, error) {
	if len(s.columns) == 0 {
		var zero V
		return zero, errors.New("orm: Scalar needs a query with Columns(...)")
	}
	return scalarScaled[V](ctx, s.q, s.inner, resultScale(s.table, s.columns[0]))
}

// resultScale is the Numeric scale of expression e over table t, typed as
// SQLAlchemy types it: a column of t has its declared type, and sum, min,
// max and coalesce the type of their first argument; noScale for anything
// else (avg, raw SQL, other tables' columns).
func resultScale(t *Table, e Expr) int {
	switch e := e.(type) {
	case Col:
		name := e.Name
		if tbl, col, ok := strings.Cut(name, "."); ok && tbl == t.Name {
			name = col
		}
		if c := t.lookup(name); c != nil {
			return numericScale(c.Type)
		}
	case Func:
		switch strings.ToLower(e.Name) {
		case "sum", "min", "max", "coalesce":
			if len(e.Args) > 0 {
				return resultScale(t, e.Args[0])
			}
		}
	}
	return noScale
}

// scalarSQL renders with build and scans one value.
func scalarSQL[V any](ctx context.Context, q Querier, build func(b *Builder)) (V, error) {
	return scalarScaled[V](ctx, q, build, noScale)
}

// scalarScaled is scalarSQL for a result whose Numeric scale is scale
// (noScale when unknown), which a Decimal result keeps.
func scalarScaled[V any](ctx context.Context, q Querier, build func(b *Builder), scale int) (V, error) {
	var out V
	b := NewBuilder(q.Dialect())
	build(b)
	if b.Err() != nil {
		return out, b.Err()
	}
	rows, err := q.QueryContext(ctx, b.String(), b.Args()...)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return out, q.Dialect().TranslateError(err)
		}
		return out, ErrNoRows
	}
	var n Null[V]
	if err := rows.Scan(scalarDest(&n, scale)); err != nil {
		return out, err
	}
	return n.V, rows.Err()
}

// scalarDest is the Scan destination of a Scalar result: n, or a scanner
// keeping a known scale when V is a Decimal, *Decimal or Null[Decimal].
func scalarDest[V any](n *Null[V], scale int) any {
	if t, ok := timeDest(&n.V); ok { // SQLite's time expressions are text
		return validScanner{&n.Valid, t}
	}
	if scale == noScale {
		return n
	}
	if d, ok := decimalDest(&n.V, scale); ok {
		return validScanner{&n.Valid, d}
	}
	return n
}

// validScanner records whether the result was NULL and scans it with s.
type validScanner struct {
	valid *bool
	s     sql.Scanner
}

// Scan implements sql.Scanner.
func (v validScanner) Scan(src any) error {
	*v.valid = src != nil
	return v.s.Scan(src)
}
