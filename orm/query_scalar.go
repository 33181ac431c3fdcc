package orm

import (
	"context"
	"errors"
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
	return scalarSQL[V](ctx, s.q, s.inner)
}

// scalarSQL renders with build and scans one value.
func scalarSQL[V any](ctx context.Context, q Querier, build func(b *Builder)) (V, error) {
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
	if err := rows.Scan(&n); err != nil {
		return out, err
	}
	return n.V, rows.Err()
}
