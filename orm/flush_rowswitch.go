package orm

// rowSwitches turns each pending object whose primary key is that of an
// object deleted in this flush into an UPDATE of that row, as SQLAlchemy's
// "row switch" does: the deleted object's DELETE is not run, and the new
// object takes over its row and its place in the identity map, written
// by updateAll with the columns that differ from the row. Without it the
// INSERT would run before the DELETE and fail with a unique violation.
func (u *unitOfWork) rowSwitches() {
	var gone map[identityKey]*objState
	for _, st := range u.s.deleted {
		if !st.flushed && st.hasKey {
			if gone == nil {
				gone = map[identityKey]*objState{}
			}
			gone[st.key] = st
		}
	}
	if gone == nil {
		return
	}
	for _, st := range u.s.pending {
		if st.status != statusPending || !deletesIn(gone, st.table) {
			continue
		}
		u.syncKeys(st, false) // a key taken from a persistent parent (RowSwitchTest.test_child_row_switch)
		k, ok := rowKey(st.table, st.val())
		if old := gone[k]; ok && old != nil && old.table == st.table {
			delete(gone, k)
			u.switchRow(st, old)
		}
	}
}

// deletesIn reports whether gone holds a row of table t.
func deletesIn(gone map[identityKey]*objState, t *Table) bool {
	for _, old := range gone {
		if old.table == t {
			return true
		}
	}
	return false
}

// switchRow gives the row of the deleted old to the pending st. st's
// columns that an INSERT would fill from a default (a nil pointer, an
// unset key or time with a default) take the row's values instead, as
// SQLAlchemy's UPDATE leaves attributes the new object never set; an unset
// version takes the row's, so the UPDATE checks and bumps it. A
// rollback forgets st (it was added in the transaction) and restores old.
func (u *unitOfWork) switchRow(st, old *objState) {
	cur := st.val()
	for _, c := range st.table.Columns {
		if hasDefault(st.table, c) && defaultApplies(c, cur) || c == st.table.version && isZeroField(c, cur) {
			fieldByIndex(cur, c.index).Set(deepCopy(fieldByIndex(old.loaded, c.index)))
		}
	}
	old.flushed = true // its row lives on as st's
	u.s.identity.del(old.key, old)
	u.changes = append(u.changes, Change{Object: old.obj, Op: OpDelete})
	st.key, st.hasKey, st.status, st.inserted = old.key, true, statusPersistent, true
	st.loaded = snapshot(st.table, old.loaded)
	u.s.identity.put(st.key, st)
	if u.switched == nil {
		u.switched = map[*objState]bool{}
	}
	u.switched[st] = true
}

// hasDefault reports whether an INSERT could fill column c of t without a
// value: a default, server default, default function or generated key.
func hasDefault(t *Table, c *Column) bool {
	if c.Default != "" || c.ServerDefault != "" || c.defaultFunc || c.Autoincrement {
		return true
	}
	m := funcsFor(t.model)
	return m != nil && m.defaults[c.Field] != nil
}
