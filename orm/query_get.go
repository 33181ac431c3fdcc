package orm

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"time"
)

// Get returns the row of model T with the given primary key value(s), in
// key column order, or ErrNoRows.
func Get[T any](ctx context.Context, q Querier, pk ...any) (*T, error) {
	t, err := tableOf[T]()
	if err != nil {
		return nil, err
	}
	q = routeQuerier(q, t)
	if len(pk) != len(t.PrimaryKey) {
		return nil, fmt.Errorf("orm: Get %s wants %d primary key values, got %d", t.Name, len(t.PrimaryKey), len(pk))
	}
	if s, ok := q.(*Session); ok {
		if obj, found, err := s.getIdentity(t, pk); found || err != nil {
			if o := modelPtr[T](obj); o != nil || err != nil || t.inherit == nil {
				return o, err
			}
		}
	}
	obj, err := getByKey[T](ctx, q, t, pk)
	if s, ok := q.(*Session); ok && errors.Is(err, ErrNoRows) {
		s.removeNewlyDeleted(t, pk)
	}
	return obj, err
}

// getByKey selects one row by primary key values.
func getByKey[T any](ctx context.Context, q Querier, t *Table, pk []any) (*T, error) {
	s := &SelectQuery[T]{q: q, table: t, limit: 2}
	if !plainArgs(pk) || wideInts(q.Dialect(), pk) || len(s.joinedRelations()) > 0 || len(t.computed) > 0 || t.inherit != nil {
		return s.Where(keyConds(t, pk)...).One(ctx)
	}
	query, err := cachedSQL(t, q.Dialect(), "get", func(b *Builder) {
		(&SelectQuery[T]{q: q, table: t, limit: 2, where: keyConds(t, pk)}).inner(b)
	})
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, query, pk...)
	if err != nil {
		return nil, err
	}
	return s.oneOf(ctx, rows)
}

// keyConds returns "key column = value" conditions.
func keyConds(t *Table, pk []any) []Expr {
	conds := make([]Expr, len(pk))
	for i, n := range t.PrimaryKey {
		if t.inherit != nil { // a polymorphic query joins tables with this column
			n = t.Name + "." + n
		}
		conds[i] = C(n).Eq(pk[i])
	}
	return conds
}

// plainArgs reports whether values bind as they are: not NULL (rendered
// IS NULL), not SQL expressions and not durations (converted per dialect),
// so that the Get statement's text does not depend on them.
func plainArgs(vals []any) bool {
	for _, v := range vals {
		switch v.(type) {
		case nil, Expr, time.Duration:
			return false
		}
	}
	return true
}

// pkValues returns the driver values of the primary key fields of v.
func pkValues(q Querier, t *Table, v reflect.Value) []any {
	out := make([]any, 0, len(t.PrimaryKey))
	for _, c := range t.pkColumns() {
		arg, _ := fieldArg(q, c, v)
		out = append(out, arg)
	}
	return out
}
