package orm

import (
	"context"
	"errors"
	"fmt"
	"reflect"
)

// Refresh reloads a persistent object's columns from the database now,
// discarding unflushed changes; its relationships become unloaded.
func (s *Session) Refresh(ctx context.Context, obj any) error {
	st := s.byObj[obj]
	if st == nil || st.status != statusPersistent {
		return fmt.Errorf("orm: Refresh: %T is not persistent in the session", obj)
	}
	b := NewBuilder(s.Dialect())
	renderSelectIn(b, st.table, st.table, st.table.pkColumns(), [][]any{colValues(st.val(), st.table.pkColumns())}, nil, nil)
	q, err := s.readConn(ctx, b.String())
	if err != nil {
		return err
	}
	rows, err := q.QueryContext(ctx, b.String(), b.Args()...)
	if err != nil {
		return err
	}
	prev := st.loaded
	st.expire()
	found, err := s.scanFound(ctx, q, st.table, st.table, rows, st.table.pkColumns())
	if err == nil && len(found) == 0 {
		err = fmt.Errorf("orm: Refresh %s %v: %w", st.table.Name, loadedKey(st), ErrNoRows)
	}
	if st.expired { // no row came back: keep the changes
		st.loaded, st.expired = prev, false
	}
	st.rels = nil
	return err
}

// Expire marks objects so that the next query returning their rows
// overwrites their columns (Go cannot reload on attribute access, so use
// Refresh to reload at once); Get then queries instead of using the
// identity map. Changes made before Expire are discarded, as in
// SQLAlchemy: they are not written, and the reload overwrites them.
// Changes made after Expire are kept by the reload and written by the
// next flush.
func (s *Session) Expire(objs ...any) {
	for _, o := range objs {
		if st := s.byObj[o]; st != nil && st.status == statusPersistent {
			st.expire()
		}
	}
}

// ExpireAll expires every persistent object.
func (s *Session) ExpireAll() {
	for o := range s.byObj {
		s.Expire(o)
	}
}

// Merge copies the state of obj (typically detached, e.g. decoded from a
// request) onto the session's object for the same row, loading it if
// needed, and returns that object; obj itself is not added. A row that
// does not exist yet becomes a new pending object.
func Merge[T any](ctx context.Context, s *Session, obj *T) (*T, error) {
	t, err := keyedTable[T]()
	if err != nil {
		return nil, err
	}
	v := reflect.ValueOf(obj).Elem()
	if _, ok := rowKey(t, v); !ok {
		return obj, s.Add(obj)
	}
	cur, err := Get[T](ctx, s, colValues(v, t.pkColumns())...)
	if err != nil && !errors.Is(err, ErrNoRows) {
		return nil, err
	}
	if cur == nil {
		c := new(T)
		copyColumns(t, reflect.ValueOf(c).Elem(), v)
		return c, s.Add(c)
	}
	copyColumns(t, reflect.ValueOf(cur).Elem(), v)
	return cur, nil
}
