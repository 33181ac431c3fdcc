package orm

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// An identityKey names one row: its table and normalised primary key.
// Integer keys live in n and everything else in s, so building a key
// allocates nothing for the common integer case.
type identityKey struct {
	table *Table
	n     int64
	s     string
	str   bool // s holds the key (strings, composite and other keys)
}

// keyPart normalises one key value so that an int field, an int64 foreign
// key, a *int64 and a driver value of the same number compare equal; ok is
// false for NULL.
func keyPart(rv reflect.Value) (n int64, s string, isInt, ok bool) {
	if rv.Kind() == reflect.Interface {
		rv = rv.Elem()
	}
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return 0, "", false, false
		}
		rv = rv.Elem()
	}
	switch {
	case !rv.IsValid():
		return 0, "", false, false
	case rv.CanInt():
		return rv.Int(), "", true, true
	case rv.CanUint():
		return int64(rv.Uint()), "", true, true
	case rv.Kind() == reflect.String:
		return 0, rv.String(), false, true
	case rv.Kind() == reflect.Slice && rv.Type().Elem().Kind() == reflect.Uint8:
		return 0, string(rv.Bytes()), false, true
	}
	return 0, fmt.Sprint(rv.Interface()), false, true
}

// keyOf builds the key from column values; ok is false if any is NULL.
func keyOf(t *Table, vals []any) (identityKey, bool) {
	parts := make([]reflect.Value, len(vals))
	for i, v := range vals {
		parts[i] = reflect.ValueOf(v)
	}
	return keyFromParts(t, parts)
}

// keyFields builds the key of the cols fields of struct v.
func keyFields(t *Table, v reflect.Value, cols []*Column) (identityKey, bool) {
	if len(cols) == 1 {
		return keyFromParts(t, []reflect.Value{fieldByIndex(v, cols[0].index)})
	}
	parts := make([]reflect.Value, len(cols))
	for i, c := range cols {
		parts[i] = fieldByIndex(v, c.index)
	}
	return keyFromParts(t, parts)
}

// keyFromParts normalises key values.
func keyFromParts(t *Table, parts []reflect.Value) (identityKey, bool) {
	if t.inherit != nil {
		t = t.identityTable()
	}
	if len(parts) == 1 {
		n, s, isInt, ok := keyPart(parts[0])
		return identityKey{t, n, s, !isInt}, ok
	}
	var sb strings.Builder
	for i, p := range parts {
		n, s, isInt, ok := keyPart(p)
		if !ok {
			return identityKey{}, false
		}
		if i > 0 {
			sb.WriteByte(0)
		}
		if isInt {
			sb.WriteString(strconv.FormatInt(n, 10))
		} else {
			sb.WriteString(s)
		}
	}
	return identityKey{t, 0, sb.String(), true}, true
}

// String formats the key for sorting and messages.
func (k identityKey) String() string {
	if k.str {
		return k.s
	}
	return strconv.FormatInt(k.n, 10)
}

// colValues reads the given columns' fields of v.
func colValues(v reflect.Value, cols []*Column) []any {
	out := make([]any, len(cols))
	for i, c := range cols {
		out[i] = fieldByIndex(v, c.index).Interface()
	}
	return out
}

// rowKey returns the identity of the struct v, if its key is set.
func rowKey(t *Table, v reflect.Value) (identityKey, bool) {
	pk := t.pk
	k, ok := keyFields(t, v, pk)
	if ok && len(pk) == 1 && pk[0].Autoincrement && k.n == 0 && !k.str {
		return k, false // an autoincrement key of 0 is not yet generated
	}
	return k, ok
}

// mapLoaded takes a freshly scanned object and returns the session's
// object for that row: the one already in the identity map (refreshed
// from the row if it was expired, see refreshFrom) or the new one, now
// persistent.
func (s *Session) mapLoaded(t *Table, obj any) any {
	if st := s.mapState(t, obj); st != nil {
		return st.obj
	}
	return obj
}

// mapState is mapLoaded returning the state (nil for a row without key).
func (s *Session) mapState(t *Table, obj any) *objState {
	v := reflect.ValueOf(obj).Elem()
	k, ok := rowKey(t, v)
	if !ok {
		return nil
	}
	if st := s.identity.get(k); st != nil {
		if st.table == t { // a row scanned as another model of the hierarchy cannot refresh it
			if st.expired {
				s.refreshFrom(st, v)
			} else if s.expiredAt != nil {
				s.refreshExpiredFields(st, v)
			}
		}
		return st
	}
	st := s.newState()
	*st = objState{obj: obj, table: t, key: k, hasKey: true, status: statusPersistent}
	st.loaded = s.loadSnapshot(t, v)
	st.committed = st.loaded
	s.identity.put(k, st)
	s.byObj[obj] = st
	return st
}

// modelTable returns the table of a model pointer type with the default
// naming convention, from the lock-free cache when possible.
func modelTable(pt reflect.Type) (*Table, error) {
	t := pt
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if e, ok := defaultModels.Load(t); ok {
		return e.(*modelEntry).table, e.(*modelEntry).err
	}
	tbl, err := tableForType(t, DefaultNamingConvention)
	if t.Kind() == reflect.Struct {
		defaultModels.Store(t, &modelEntry{tbl, err})
	}
	return tbl, err
}

// An identityMap holds one state per row, per table: integer keys in one
// map and other keys in another, so entries stay small.
type identityMap map[*Table]*tableIdentity

type tableIdentity struct {
	ints map[int64]*objState
	strs map[string]*objState
}

// get returns the state with key k, or nil.
func (m identityMap) get(k identityKey) *objState {
	ti := m[k.table]
	if ti == nil {
		return nil
	}
	if k.str {
		return ti.strs[k.s]
	}
	return ti.ints[k.n]
}

// put stores st under k.
func (m identityMap) put(k identityKey, st *objState) {
	ti := m[k.table]
	if ti == nil {
		ti = &tableIdentity{ints: map[int64]*objState{}, strs: map[string]*objState{}}
		m[k.table] = ti
	}
	if k.str {
		ti.strs[k.s] = st
	} else {
		ti.ints[k.n] = st
	}
}

// del removes k if it holds st.
func (m identityMap) del(k identityKey, st *objState) {
	if m.get(k) != st {
		return
	}
	ti := m[k.table]
	if k.str {
		delete(ti.strs, k.s)
	} else {
		delete(ti.ints, k.n)
	}
}

// reserve grows the maps that n newly loaded rows of t will enter in one
// step when they would otherwise rehash several times.
func (s *Session) reserve(t *Table, n int) {
	if len(s.byObj) < n/2 || len(s.byObj) == 0 {
		m := make(map[any]*objState, len(s.byObj)+n)
		for k, v := range s.byObj {
			m[k] = v
		}
		s.byObj = m
	}
	s.reserveIdentity(t, n)
}

// reserveIdentity grows t's identity map for n more rows.
func (s *Session) reserveIdentity(t *Table, n int) {
	ti := s.identity[t]
	if ti == nil {
		s.identity[t] = &tableIdentity{ints: make(map[int64]*objState, n), strs: map[string]*objState{}}
		return
	}
	if len(ti.ints) < n/2 {
		m := make(map[int64]*objState, len(ti.ints)+n)
		for k, v := range ti.ints {
			m[k] = v
		}
		ti.ints = m
	}
}

// less orders keys of one table: integers numerically, others as text.
func (k identityKey) less(o identityKey) bool {
	if k.str || o.str {
		return k.String() < o.String()
	}
	return k.n < o.n
}
