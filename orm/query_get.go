package orm

import (
	"context"
	"fmt"
	"reflect"
)

// Get returns the row of model T with the given primary key value(s), in
// key column order, or ErrNoRows.
func Get[T any](ctx context.Context, q Querier, pk ...any) (*T, error) {
	t, err := tableOf[T]()
	if err != nil {
		return nil, err
	}
	if len(pk) != len(t.PrimaryKey) {
		return nil, fmt.Errorf("orm: Get %s wants %d primary key values, got %d", t.Name, len(t.PrimaryKey), len(pk))
	}
	if s, ok := q.(*Session); ok {
		if obj, found, err := s.getIdentity(t, pk); found || err != nil {
			o, _ := obj.(*T)
			return o, err
		}
	}
	return getByKey[T](ctx, q, t, pk)
}

// getByKey selects one row by primary key values.
func getByKey[T any](ctx context.Context, q Querier, t *Table, pk []any) (*T, error) {
	s := Select[T](q)
	for i, n := range t.PrimaryKey {
		s.Where(C(n).Eq(pk[i]))
	}
	return s.One(ctx)
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
