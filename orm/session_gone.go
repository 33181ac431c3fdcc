package orm

// removeNewlyDeleted takes the expired object holding key pk of t out of
// the session when Get found its row gone, as SQLAlchemy's get() does
// (_remove_newly_deleted): it is no longer Contains and leaves at the
// commit; a rollback brings it back, as for a deletion it flushed. An
// object of another class than t or its subclasses (identity keys are per
// hierarchy) stays: Get of t finding no row says nothing of it, and
// SQLAlchemy's get returns None on a class mismatch, removing nothing.
func (s *Session) removeNewlyDeleted(t *Table, pk []any) {
	k, ok := keyOf(t, pk)
	if !ok {
		return
	}
	st := s.identity.get(k)
	if st == nil || st.status != statusPersistent || !(st.expired || s.expiredAt[st] != nil) || !isSubtable(st.table, t) {
		return
	}
	st.status, st.flushed = statusDeleted, true
	s.identity.del(k, st)
	s.deleted = append(s.deleted, st)
}

// isSubtable reports whether sub is t or the table of one of its
// subclasses.
func isSubtable(sub, t *Table) bool {
	for ; sub != nil; sub = sub.inherit.parent {
		if sub == t {
			return true
		}
		if sub.inherit == nil {
			return false
		}
	}
	return false
}
