package orm

import (
	"fmt"
	"reflect"
	"slices"
)

// ExpireFields expires some columns of a persistent object, SQLAlchemy's
// expire(obj, attribute_names): their unflushed changes are discarded
// (not written), and the next query or Get returning the object's row
// reloads them (Get queries instead of using the identity map), as Expire
// does for every column; Refresh(ctx, obj, fields...) reloads them at
// once. Other columns keep their values and changes. Names are Go field
// or column names; without any, the whole object is expired. An unknown
// name, a relationship's, or an object that is not persistent in the
// session is an error, and nothing is expired.
func (s *Session) ExpireFields(obj any, fields ...string) error {
	if x := s.routeObj(obj); x != s {
		return x.ExpireFields(obj, fields...)
	}
	st := s.byObj[obj]
	if st == nil || st.status != statusPersistent {
		return fmt.Errorf("orm: ExpireFields: %T is not persistent in the session", obj)
	}
	cols, err := fieldColumns(st.table, "ExpireFields", fields)
	if err != nil {
		return err
	}
	if cols == nil {
		st.expire()
		return nil
	}
	s.expireColumns(st, cols)
	return nil
}

// fieldColumns returns the columns of t that names name (Go field or
// column names), nil for none; op names the caller in errors.
func fieldColumns(t *Table, op string, names []string) ([]*Column, error) {
	var cols []*Column
	for _, n := range names {
		c := t.lookup(n)
		if c == nil {
			if t.Relation(n) != nil {
				return nil, fmt.Errorf("orm: %s: %s.%s is a relationship, not a column: reload it with Load", op, t.model.Name(), n)
			}
			return nil, fmt.Errorf("orm: %s: %s has no column field %q", op, t.model.Name(), n)
		}
		cols = appendColumn(cols, c)
	}
	return cols, nil
}

// expireColumns discards the unflushed changes of cols (their loaded
// values become the current ones, so the flush does not write them) and
// records them for the next load of the row.
func (s *Session) expireColumns(st *objState, cols []*Column) {
	loaded, cur := snapshot(st.table, st.loaded), st.val()
	for _, c := range cols {
		fieldByIndex(loaded, c.index).Set(deepCopy(fieldByIndex(cur, c.index)))
	}
	st.loaded = loaded
	for _, c := range s.expiredAt[st] {
		cols = appendColumn(cols, c)
	}
	s.setExpiredColumns(st, cols)
}

// setExpiredColumns records st's expired columns (none: forgets them).
func (s *Session) setExpiredColumns(st *objState, cols []*Column) {
	if len(cols) == 0 {
		delete(s.expiredAt, st)
		return
	}
	if s.expiredAt == nil {
		s.expiredAt = map[*objState][]*Column{}
	}
	s.expiredAt[st] = cols
}

// refreshExpiredFields reloads st's expired columns from a scanned row
// (those the row holds, for a hand-written query of some columns): a
// column changed since ExpireFields keeps the change, as refreshFrom does.
func (s *Session) refreshExpiredFields(st *objState, row reflect.Value) {
	cols := s.expiredAt[st]
	if cols == nil {
		return
	}
	var have, left []*Column
	for _, c := range cols {
		if p := s.partial; p != nil && p.table == st.table && !slices.Contains(p.cols, c) {
			left = append(left, c)
		} else {
			have = append(have, c)
		}
	}
	s.refreshColumns(st, row, have)
	s.setExpiredColumns(st, left)
}
