package orm

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
)

// query renders and runs the statement.
func (s *SelectQuery[T]) query(ctx context.Context) (*sql.Rows, error) {
	if s.table == nil {
		return nil, s.err
	}
	if len(s.columns) > 0 {
		return nil, fmt.Errorf("orm: query with Columns(...) selects no rows of %s: run it with orm.Into or orm.Scalar", s.table.Name)
	}
	query, args, err := s.SQL()
	if err != nil {
		return nil, err
	}
	return s.q.QueryContext(ctx, query, args...)
}

// All returns every matching row.
func (s *SelectQuery[T]) All(ctx context.Context) ([]*T, error) {
	if p := s.poly(); p != nil && s.table != nil {
		return s.allPolymorphic(ctx, p)
	}
	if js := s.joinedRelations(); len(js) > 0 {
		return s.allJoined(ctx, js)
	}
	rows, err := s.query(ctx)
	if err != nil {
		return nil, err
	}
	out, err := s.read(rows)
	if err != nil {
		return nil, err
	}
	return s.loaded(ctx, out)
}

// loaded maps rows through a session and eager loads, then runs
// AfterLoad hooks.
func (s *SelectQuery[T]) loaded(ctx context.Context, out []*T) ([]*T, error) {
	out, err := loadedObjects(ctx, s.q, s.table, out, s.loadOptions())
	if err != nil {
		return nil, err
	}
	return out, afterLoad(ctx, out)
}

// read scans the rows of the model's select list, by position when the
// table allows it; rows of a From item's columns are matched by name.
func (s *SelectQuery[T]) read(rows *sql.Rows) ([]*T, error) {
	sc := modelScanner[T](s.table)
	if sc == nil || s.source() != nil { // item.* columns: match by name

		return readAll[T](s.q, s.table, rows, 0)
	}
	return readRows(s.q, sc, rows, 0, s.limit)
}

// First returns the first matching row (LIMIT 1), or ErrNoRows.
func (s *SelectQuery[T]) First(ctx context.Context) (*T, error) {
	c := *s
	c.limit = 1
	out, err := c.All(ctx)
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, ErrNoRows
	}
	return out[0], nil
}

// One returns the only matching row: ErrNoRows when none match and
// ErrMultipleRows when more than one does.
func (s *SelectQuery[T]) One(ctx context.Context) (*T, error) {
	c := *s
	if c.limit < 0 || c.limit > 2 {
		c.limit = 2
	}
	out, err := c.All(ctx)
	return one(out, err)
}

// OneOrNone returns the only matching row, nil without an error when
// none match, and ErrMultipleRows when more than one does: SQLAlchemy's
// one_or_none().
func (s *SelectQuery[T]) OneOrNone(ctx context.Context) (*T, error) {
	obj, err := s.One(ctx)
	if errors.Is(err, ErrNoRows) {
		return nil, nil
	}
	return obj, err
}

// oneOf reads the only row of rows, like One, after loading.
func (s *SelectQuery[T]) oneOf(ctx context.Context, rows *sql.Rows) (*T, error) {
	out, err := s.read(rows)
	if err == nil {
		out, err = s.loaded(ctx, out)
	}
	return one(out, err)
}

// one checks that out holds exactly one row.
func one[T any](out []*T, err error) (*T, error) {
	switch {
	case err != nil:
		return nil, err
	case len(out) == 0:
		return nil, ErrNoRows
	case len(out) > 1:
		return nil, ErrMultipleRows
	}
	return out[0], nil
}

// Iter streams matching rows without loading them all; stopping the loop
// early closes the result set. A failure is yielded once, with a nil row.
func (s *SelectQuery[T]) Iter(ctx context.Context) iter.Seq2[*T, error] {
	if p := s.poly(); p != nil && s.table != nil {
		return iterPolymorphic(ctx, s, p)
	}
	return iterRows[T](ctx, s.q, s.table, s.query)
}

// iterRows runs query and streams its rows; a failure is yielded once,
// with a nil row, and stopping early closes the result set.
func iterRows[T any](ctx context.Context, q Querier, t *Table, query func(context.Context) (*sql.Rows, error)) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		rows, err := query(ctx)
		if err != nil {
			yield(nil, err)
			return
		}
		defer rows.Close()
		streamRows(ctx, q, t, rows, yield)
	}
}

// streamRows yields each row of rows.
func streamRows[T any](ctx context.Context, q Querier, t *Table, rows *sql.Rows, yield func(*T, error) bool) {
	names, err := rows.Columns()
	if err != nil {
		yield(nil, err)
		return
	}
	sc, err := newScanner[T](t, names)
	if err != nil {
		yield(nil, err)
		return
	}
	for rows.Next() {
		obj, err := sc.scan(rows)
		if err == nil {
			obj, err = mapOne(q, t, obj)
		}
		if err == nil {
			err = afterLoad(ctx, []*T{obj})
		}
		if !yield(obj, err) || err != nil {
			return
		}
	}
	if err := rows.Err(); err != nil {
		yield(nil, q.Dialect().TranslateError(err))
	}
}

// Count returns the number of matching rows. Queries with DISTINCT,
// GROUP BY, LIMIT or OFFSET are counted as a subquery.
func (s *SelectQuery[T]) Count(ctx context.Context) (int64, error) {
	c := *s
	c.orderBy = nil
	if c.distinct || len(c.groupBy) > 0 || c.limit >= 0 || c.offset > 0 {
		return scalarSQL[int64](ctx, s.q, func(b *Builder) {
			b.WriteString("SELECT count(*) FROM ")
			c.AppendSQL(b)
			b.WriteString(" AS anon_1")
		})
	}
	c.columns = []Expr{Count()}
	return Scalar[int64](ctx, &c)
}

// Exists reports whether any row matches.
func (s *SelectQuery[T]) Exists(ctx context.Context) (bool, error) {
	c := *s
	c.columns, c.limit, c.orderBy = []Expr{SQL("1")}, 1, nil
	_, err := Scalar[int64](ctx, &c)
	if errors.Is(err, ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}
