package orm

import (
	"fmt"
	"reflect"
)

// collectDynamic records the queued changes of st's Dynamic relationship
// r as the diff of a loaded collection would: each added child joins
// the owner (its foreign key is set, or an association row inserted),
// each removed one leaves it.
func (u *unitOfWork) collectDynamic(st *objState, r *Relation, j *relationJoin) error {
	added, removed := st.relField(r).(dynamicField).queued()
	for _, it := range added {
		child := u.s.byObj[it]
		if child == nil {
			return fmt.Errorf("orm: %s.%s.Add: the %s is not in the session and the relationship has no save-update cascade; add it with s.Add",
				r.owner.model.Name(), r.Name, j.target.model.Name())
		}
		if child.status != statusDeleted {
			u.addMember(st, r, j, child)
		}
	}
	for _, it := range removed {
		child := u.s.byObj[it]
		if child == nil || child.status == statusDeleted {
			continue
		}
		if j.kind != ManyToMany && !pointsAt(child.val(), j.remote, st.val(), j.local) {
			continue // not (or no longer) in the collection
		}
		u.removeMember(st, r, j, child)
	}
	return nil
}

// clearDynamicQueues drops the unflushed Add and Remove calls of st's
// Dynamic relationships, as a rollback expires SQLAlchemy's pending
// collection history.
func clearDynamicQueues(st *objState) {
	for _, r := range st.table.relations {
		if r.dynamic {
			st.relField(r).(dynamicField).clearQueue()
		}
	}
}

// pointsAt reports whether the columns from of child hold the values of
// the columns to of owner (a foreign key and the key it references).
func pointsAt(child reflect.Value, from []*Column, owner reflect.Value, to []*Column) bool {
	for i, c := range from {
		a, b := fieldByIndex(child, c.index), fieldByIndex(owner, to[i].index)
		if !sameKeyValue(a, b) {
			return false
		}
	}
	return true
}

// sameKeyValue compares two key fields as the identity map does
// (keyPart): through pointers (a nullable foreign key and the key it
// references), integers of any width alike, strings and byte slices by
// content; NULL matches nothing.
func sameKeyValue(a, b reflect.Value) bool {
	an, as, aInt, aOK := keyPart(a)
	bn, bs, bInt, bOK := keyPart(b)
	if !aOK || !bOK || aInt != bInt {
		return false
	}
	if aInt {
		return an == bn
	}
	return as == bs
}
