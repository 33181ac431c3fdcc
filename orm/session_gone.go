package orm

// removeNewlyDeleted takes the expired object holding key pk of t out of
// the session when Get found its row gone, as SQLAlchemy's get() does
// (_remove_newly_deleted): it is no longer Contains and leaves at the
// commit; a rollback brings it back, as for a deletion it flushed.
func (s *Session) removeNewlyDeleted(t *Table, pk []any) {
	k, ok := keyOf(t, pk)
	if !ok {
		return
	}
	st := s.identity.get(k)
	if st == nil || st.status != statusPersistent || !(st.expired || s.expiredAt[st] != nil) {
		return
	}
	st.status, st.flushed = statusDeleted, true
	s.identity.del(k, st)
	s.deleted = append(s.deleted, st)
}
