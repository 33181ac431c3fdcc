package orm

import (
	"context"
	"fmt"
	"reflect"
)

// Refresh reloads a persistent object's columns from the database now,
// discarding unflushed changes; its relationships become unloaded. With
// field names (Go field or column names, SQLAlchemy's
// refresh(obj, attribute_names)) only those columns are reloaded and
// their unflushed changes discarded: other columns keep their changes and
// relationships stay loaded. An unknown name, or a relationship's, is an
// error naming it, and nothing is reloaded.
func (s *Session) Refresh(ctx context.Context, obj any, fields ...string) error {
	if x := s.routeObj(obj); x != s {
		return x.Refresh(ctx, obj, fields...)
	}
	st := s.byObj[obj]
	if st == nil || st.status != statusPersistent {
		return fmt.Errorf("orm: Refresh: %T is not persistent in the session", obj)
	}
	cols, err := fieldColumns(st.table, "Refresh", fields)
	if err != nil {
		return err
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
	prev, prevCols, wasExpired := st.loaded, s.expiredAt[st], st.expired
	if cols == nil {
		st.expire()
	} else {
		s.expireColumns(st, cols)
	}
	found, err := s.scanFound(ctx, q, st.table, st.table, rows, st.table.pkColumns())
	if err == nil && len(found) == 0 {
		err = fmt.Errorf("orm: Refresh %s %v: %w", st.table.Name, loadedKey(st), ErrNoRows)
	}
	if st.expired || s.expiredAt[st] != nil { // no row came back: keep the changes
		st.loaded, st.expired = prev, wasExpired
		s.setExpiredColumns(st, prevCols)
	}
	if cols == nil {
		st.rels = nil
		st.unloadRelations()
	}
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
		if st := s.routeObj(o).byObj[o]; st != nil && st.status == statusPersistent {
			st.expire()
		}
	}
}

// ExpireAll expires every persistent object.
func (s *Session) ExpireAll() {
	for _, x := range s.sessions() {
		for o := range x.byObj {
			x.Expire(o)
		}
	}
}

// Merge copies the state of obj (typically a detached object) onto the session's object for the same row, loading it if
// needed, and returns that object; obj itself is not added. A row that
// does not exist yet, or an obj without a primary key, becomes a new
// pending copy of obj.
//
// Merge copies every column field of obj, zero values included:
// SQLAlchemy's merge copies the attributes loaded on the given object,
// and a Go struct has no unloaded fields, so Merge(&User{ID: 1, Age: 51})
// also sets Name to "". Use MergeFields to copy only some fields.
//
// Relationships with the merge cascade (the default, and part of "all")
// are merged too, as SQLAlchemy's merge cascade: each object a loaded
// relationship field of obj holds is merged the same way, and the
// session object's field is set to the merged objects (a persistent
// object's collection is loaded first, so that a delete-orphan
// collection deletes the objects that left it). A field obj never
// assigned (the zero Many or One; an unloaded one) is left alone, as
// SQLAlchemy skips attributes that are not set: ManyOf(), Set() or a
// JSON [] or null assign an empty one. The session does not autoflush
// while merging.
//
// Do not Merge untrusted input such as a request body decoded into a
// model: every column and every related object it names is written, so
// {"id":1,"posts":[{"id":5}]} moves post 5 to user 1 and takes user 1's
// other posts away. For such input use MergeFields with the fields the
// client may change, or decode into a struct without relationship fields
// and copy the allowed values.
func Merge[T any](ctx context.Context, s *Session, obj *T) (*T, error) {
	s = routeSession[T](s)
	t, err := keyedTable[T]()
	if err != nil {
		return nil, err
	}
	if obj == nil {
		return nil, errNilMerge[T]()
	}
	return mergeCascade(ctx, s, t, obj, t.Columns, true)
}

// MergeFields is Merge copying only the named columns of obj (Go field
// or column names) onto the session's object for the row obj's primary
// key names: MergeFields(ctx, s, &User{ID: 1, Age: 51}, "Age") changes
// Age and leaves Name alone. A row that does not exist yet becomes a new
// pending object holding the key and the named fields (the others zero).
// An unknown name, or a relationship, is an error naming it; no
// relationship is merged.
func MergeFields[T any](ctx context.Context, s *Session, obj *T, fields ...string) (*T, error) {
	s = routeSession[T](s)
	t, err := keyedTable[T]()
	if err != nil {
		return nil, err
	}
	if obj == nil {
		return nil, errNilMerge[T]()
	}
	cols := t.pkColumns()
	for _, f := range fields {
		c := t.lookup(f)
		if c == nil {
			return nil, fmt.Errorf("orm: MergeFields: %s has no column field %q", t.Name, f)
		}
		cols = appendColumn(cols, c)
	}
	return mergeCascade(ctx, s, t, obj, cols, false)
}

// copyCols copies the given column fields of src into dst.
func copyCols(cols []*Column, dst, src reflect.Value) {
	for _, c := range cols {
		fieldByIndex(dst, c.index).Set(deepCopy(fieldByIndex(src, c.index)))
	}
}

// errNilMerge is the error of a Merge or MergeFields of a nil *T.
func errNilMerge[T any]() error {
	return fmt.Errorf("orm: Merge of a nil %T", (*T)(nil))
}
