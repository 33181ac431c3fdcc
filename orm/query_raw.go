package orm

import (
	"context"
	"database/sql"
	"iter"
)

// A RawQuery runs hand-written SQL and scans rows into T by column name.
type RawQuery[T any] struct {
	q     Querier
	table *Table
	err   error
	raw   RawSQL
}

// Raw prepares a hand-written query whose '?' placeholders are rebound for
// the dialect; result columns are matched to T's columns by name, and a
// result column T lacks is an error.
func Raw[T any](q Querier, sql string, args ...any) *RawQuery[T] {
	t, err := tableOf[T]()
	return &RawQuery[T]{q: routeQuerier(q, t), table: t, err: err, raw: SQL(sql, args...)}
}

// query renders and runs the statement.
func (r *RawQuery[T]) query(ctx context.Context) (*sql.Rows, error) {
	if r.err != nil {
		return nil, r.err
	}
	b := NewBuilder(r.q.Dialect())
	r.raw.AppendSQL(b)
	if b.Err() != nil {
		return nil, b.Err()
	}
	rows, err := r.q.QueryContext(ctx, b.String(), b.Args()...)
	if err == nil {
		notePartial(r.q, r.table, rows)
	}
	return rows, err
}

// All returns every row.
func (r *RawQuery[T]) All(ctx context.Context) ([]*T, error) {
	rows, err := r.query(ctx)
	if err != nil {
		return nil, err
	}
	out, err := readAll[T](r.q, r.table, rows, 0)
	if err != nil {
		return nil, err
	}
	return loadedObjects(ctx, r.q, r.table, out, nil)
}

// First returns the first row, or ErrNoRows.
func (r *RawQuery[T]) First(ctx context.Context) (*T, error) {
	rows, err := r.query(ctx)
	if err != nil {
		return nil, err
	}
	out, err := readAll[T](r.q, r.table, rows, 1)
	if err == nil {
		out, err = loadedObjects(ctx, r.q, r.table, out, nil)
	}
	if err == nil && len(out) == 0 {
		err = ErrNoRows
	}
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// One returns the only row: ErrNoRows or ErrMultipleRows otherwise.
func (r *RawQuery[T]) One(ctx context.Context) (*T, error) {
	rows, err := r.query(ctx)
	if err != nil {
		return nil, err
	}
	out, err := readAll[T](r.q, r.table, rows, 2)
	if err == nil {
		out, err = loadedObjects(ctx, r.q, r.table, out, nil)
	}
	return one(out, err)
}

// Iter streams the rows.
func (r *RawQuery[T]) Iter(ctx context.Context) iter.Seq2[*T, error] {
	return iterRows[T](ctx, r.q, r.table, r.query)
}

// Exec runs a hand-written statement whose '?' placeholders are rebound
// for the dialect.
func Exec(ctx context.Context, q Querier, sql string, args ...any) (sql.Result, error) {
	b := NewBuilder(q.Dialect())
	SQL(sql, args...).AppendSQL(b)
	if b.Err() != nil {
		return nil, b.Err()
	}
	return q.ExecContext(ctx, b.String(), b.Args()...)
}
