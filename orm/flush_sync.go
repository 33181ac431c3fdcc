package orm

import "reflect"

// syncKeys copies primary keys into the foreign keys of st: from the
// targets of its many-to-one relationships, from the parents holding it
// in a collection or one-to-one, and NULL for orphans. postUpdate says
// whether post_update relationships are synced (after all inserts).
func (u *unitOfWork) syncKeys(st *objState, postUpdate bool) {
	for _, r := range st.table.relations {
		if r.PostUpdate && !postUpdate {
			continue
		}
		j, _ := r.join()
		if j == nil || j.kind != ManyToOne {
			continue
		}
		u.syncToOne(st, r, j)
	}
	for _, l := range u.parents[st] {
		if l.rel.PostUpdate && !postUpdate {
			continue
		}
		j, _ := l.rel.join()
		if l.parent.hasKey {
			copyKey(l.parent.val(), j.local, st.val(), j.remote)
		}
	}
}

// syncToOne copies the target's key of a many-to-one into st.
func (u *unitOfWork) syncToOne(st *objState, r *Relation, j *relationJoin) {
	cur := st.relTarget(r)
	if cur == nil {
		if rs := st.getRel(r); rs != nil && len(rs.items) == 1 && st.fieldLoaded(r) {
			clearKey(st.val(), j.local) // explicitly set to nil
		}
		return
	}
	target := u.s.byObj[cur]
	if target == nil || !target.hasKey || target.status == statusDeleted {
		return
	}
	rs := st.getRel(r)
	if rs == nil || len(rs.items) != 1 || rs.items[0] != target.obj || u.insertedNow(target) {
		copyKey(target.val(), j.remote, st.val(), j.local)
	}
}

// applyOrphans sets the foreign key of children removed from their
// parent (and not re-parented) to NULL.
func (u *unitOfWork) applyOrphans() {
	for _, o := range u.orphans {
		if len(u.parents[o.child]) > 0 || o.child.status == statusDeleted {
			continue
		}
		if back := o.rel.backRef(); back != nil {
			if cur := o.child.relTarget(back); cur != nil {
				if p := u.s.byObj[cur]; p == nil || p.status != statusDeleted {
					continue // moved to another parent through the reference
				}
				o.child.setRelItems(back, nil)
			}
		}
		j, _ := o.rel.join()
		clearKey(o.child.val(), j.remote)
	}
}

// copyKey copies the from columns of src into the to columns of dst.
func copyKey(src reflect.Value, from []*Column, dst reflect.Value, to []*Column) {
	for i, c := range from {
		assignValue(fieldByIndex(dst, to[i].index), fieldByIndex(src, c.index))
	}
}

// clearKey sets columns of v to NULL (or zero for non-pointer fields).
func clearKey(v reflect.Value, cols []*Column) {
	for _, c := range cols {
		fieldByIndex(v, c.index).SetZero()
	}
}

// assignValue stores src into dst, converting between T, *T and integer
// widths.
func assignValue(dst, src reflect.Value) {
	if src.Kind() == reflect.Pointer {
		if src.IsNil() {
			dst.SetZero()
			return
		}
		src = src.Elem()
	}
	if dst.Kind() == reflect.Pointer {
		p := reflect.New(dst.Type().Elem())
		assignValue(p.Elem(), src)
		dst.Set(p)
		return
	}
	if src.Type().ConvertibleTo(dst.Type()) {
		dst.Set(src.Convert(dst.Type()))
	}
}
