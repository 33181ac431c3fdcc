package orm

import "reflect"

// holds reports whether the identity map holds any object of t: only
// then does a bulk statement read back what it matched.
func (s *Session) holds(t *Table) bool {
	ti := s.identity[t.identityTable()] // subtypes are kept under their root
	return ti != nil && len(ti.ints)+len(ti.strs) > 0
}

// heldKeys keeps the primary keys of t whose objects the session holds.
func (s *Session) heldKeys(t *Table, keys [][]any) [][]any {
	var out [][]any
	for _, k := range keys {
		if id, ok := keyOf(t, k); ok && s.identity.get(id) != nil {
			out = append(out, k)
		}
	}
	return out
}

// syncUpdated gives the session's persistent objects of the updated rows
// the values cols now hold in the database, as SQLAlchemy's
// synchronize_session does after a bulk UPDATE: the statement's values
// win over unflushed changes of those columns (the object is no longer
// modified in them), other columns keep their changes. rows hold each
// row's primary key and cols.
func (s *Session) syncUpdated(t *Table, rows []reflect.Value, cols []*Column) {
	for _, row := range rows {
		st := s.heldState(t, row)
		if st == nil || st.status != statusPersistent {
			continue
		}
		cur, loaded := st.val(), snapshot(t, st.loaded)
		for _, c := range cols {
			v := fieldByIndex(row, c.index)
			fieldByIndex(cur, c.index).Set(deepCopy(v))
			fieldByIndex(loaded, c.index).Set(deepCopy(v))
		}
		st.loaded = loaded // a copy: committed still holds the values to roll back to
	}
}

// syncDeleted marks the session's objects of the deleted rows deleted,
// their DELETE done, as a flushed Session.Delete leaves them: Get no
// longer finds them, a flush neither updates nor deletes them again,
// Commit detaches them, and Rollback makes them persistent again.
func (s *Session) syncDeleted(t *Table, rows []reflect.Value) {
	for _, row := range rows {
		st := s.heldState(t, row)
		if st == nil {
			continue
		}
		if st.status == statusPersistent {
			st.status = statusDeleted
			s.deleted = append(s.deleted, st)
		}
		st.flushed = true
		s.identity.del(st.key, st)
	}
}

// heldState returns the state of the row's object in the identity map.
func (s *Session) heldState(t *Table, row reflect.Value) *objState {
	k, ok := rowKey(t, row)
	if !ok {
		return nil
	}
	return s.identity.get(k)
}

// expungeKeys detaches the session's persistent objects of t with the
// given keys and returns their states.
func (s *Session) expungeKeys(t *Table, keys [][]any) []*objState {
	var out []*objState
	for _, k := range keys {
		if id, ok := keyOf(t, k); ok {
			if st := s.identity.get(id); st != nil && st.status == statusPersistent {
				s.forget(st)
				out = append(out, st)
			}
		}
	}
	return out
}

// readmit puts states expungeKeys detached back, persistent.
func (s *Session) readmit(states []*objState) {
	for _, st := range states {
		st.status = statusPersistent
		s.identity.put(st.key, st)
		s.byObj[st.obj] = st
	}
}
