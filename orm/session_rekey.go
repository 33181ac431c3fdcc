package orm

// rekey moves st in the identity map to the key its primary key fields
// hold now: after a flush wrote a changed primary key (SQLAlchemy's
// natural primary keys), and after a rollback restored the old one. A
// row whose key changed is then found by its new key only, and Get of
// the old key no longer returns the object.
func (s *Session) rekey(st *objState) {
	if !st.hasKey {
		return
	}
	k, ok := rowKey(st.table, st.val())
	if !ok || k == st.key {
		return
	}
	s.identity.del(st.key, st)
	st.key = k
	s.identity.put(k, st)
}
