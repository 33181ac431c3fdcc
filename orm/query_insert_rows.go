package orm

import (
	"context"
	"fmt"
	"reflect"
)

// Rows adds rows given as maps of Go field or column names to values,
// SQLAlchemy's session.execute(insert(User), [{"name": "a"}, ...]): each
// becomes a new T holding those values (fields not named stay zero, and
// defaults apply to them as to a struct's). An unknown name or a value of
// the wrong type is an error before any SQL is sent. All returns the new
// objects with their generated keys.
func (iq *InsertQuery[T]) Rows(rows ...map[string]any) *InsertQuery[T] {
	for i, m := range rows {
		if iq.err != nil || iq.table == nil {
			break
		}
		obj := new(T)
		v := reflect.ValueOf(obj).Elem()
		for name, val := range m {
			c := iq.table.lookup(name)
			if c == nil {
				iq.err = fmt.Errorf("orm: insert into %s row %d: %w", iq.table.Name, i+1, unknownField(iq.table, name))
				break
			}
			if err := setFieldValue(fieldByIndex(v, c.index), val); err != nil {
				iq.err = fmt.Errorf("orm: insert into %s row %d: %s: %w", iq.table.Name, i+1, name, err)
				break
			}
		}
		iq.objs = append(iq.objs, obj)
	}
	return iq
}

// All runs the insert and returns the inserted objects, generated keys
// and server defaults written back (SQLAlchemy's
// insert(T).returning(T)). Through a session they enter it as persistent
// objects, as SQLAlchemy's returned objects do; loader options given with
// Options are applied to them.
func (iq *InsertQuery[T]) All(ctx context.Context) ([]*T, error) {
	if err := iq.Exec(ctx); err != nil {
		return nil, err
	}
	out := iq.objs
	if s, ok := iq.q.(*Session); ok && !iq.doNothing {
		for i, o := range out {
			if p := modelPtr[T](s.mapLoaded(iq.table, o)); p != nil {
				out[i] = p
			}
		}
	}
	return loadReturned(ctx, iq.q, iq.table, out, iq.loads)
}

// Options adds loader options applied to the objects All returns; see
// UpdateQuery.Options.
func (iq *InsertQuery[T]) Options(opts ...*LoadOption) *InsertQuery[T] {
	if err := checkDMLLoads(iq.table, opts); err != nil && iq.err == nil {
		iq.err = err
	}
	iq.loads = append(iq.loads, opts...)
	return iq
}
