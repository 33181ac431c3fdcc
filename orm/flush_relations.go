package orm

import "context"

// cascadeDeletes follows relationships of deleted objects, a generation
// at a time so that children of many deleted parents load with one query
// per relationship: children with a delete cascade are deleted too; other
// children get a NULL foreign key; association rows of many-to-many
// relationships go. passive_deletes relationships leave unloaded children
// to the database's ON DELETE.
func (u *unitOfWork) cascadeDeletes(ctx context.Context) error {
	var gen []*objState
	for _, st := range u.s.deleted {
		if !st.flushed {
			gen = append(gen, st)
		}
	}
	for len(gen) > 0 {
		before := len(u.s.deleted)
		for _, t := range tablesOf(gen) {
			if err := u.cascadeTable(ctx, t, statesOf(gen, t)); err != nil {
				return err
			}
		}
		gen = u.s.deleted[before:]
	}
	return nil
}

// statesOf returns the states of table t.
func statesOf(list []*objState, t *Table) []*objState {
	var out []*objState
	for _, st := range list {
		if st.table == t {
			out = append(out, st)
		}
	}
	return out
}

// cascadeTable applies each relationship's delete rule to deleted rows of
// one table.
func (u *unitOfWork) cascadeTable(ctx context.Context, t *Table, rows []*objState) error {
	for _, r := range t.relations {
		j, err := r.join()
		if err != nil {
			return err
		}
		switch {
		case j.kind == ManyToOne:
			continue
		case j.kind == ManyToMany:
			for _, st := range rows {
				u.pairsDel = append(u.pairsDel, assocPair{rel: r, left: st})
			}
			if r.Cascade&CascadeDelete == 0 {
				continue
			}
		}
		if err := u.cascadeChildren(ctx, r, rows); err != nil {
			return err
		}
	}
	return nil
}

// cascadeChildren loads (unless passive) and deletes or orphans the
// children of deleted rows through r. A child that another, live parent
// holds in this flush stays (SQLAlchemy's save-update cascade from the new
// parent wins; its dependency processors skip children that have a
// parent).
func (u *unitOfWork) cascadeChildren(ctx context.Context, r *Relation, rows []*objState) error {
	var todo []*objState
	for _, st := range rows {
		if !st.relLoaded(r) && !r.PassiveDeletes {
			todo = append(todo, st)
		}
	}
	if err := u.s.loadRelation(ctx, r, todo, nil); err != nil {
		return err
	}
	for _, st := range rows {
		cur := st.relItems(r)
		for _, it := range cur {
			if child := u.s.byObj[it]; child != nil && child.status != statusDeleted && len(u.parents[child]) == 0 {
				u.deleteOrOrphan(child, r, r.Cascade&CascadeDelete != 0)
			}
		}
		u.removedFromDeleted(st, r, cur)
	}
	return nil
}

// removedFromDeleted handles the children removed from a deleted
// parent's collection before the flush (they are not in cur): one that
// joined another parent stays, the others are orphans, deleted under
// delete-orphan (SQLAlchemy's test_cascade_delete_plusorphans).
func (u *unitOfWork) removedFromDeleted(st *objState, r *Relation, cur []any) {
	if !r.many {
		return
	}
	for _, it := range st.relPrev(r) {
		child := u.s.byObj[it]
		if child == nil || child.status == statusDeleted || containsItem(cur, it) || len(u.parents[child]) > 0 {
			continue
		}
		u.deleteOrOrphan(child, r, r.Cascade&CascadeDeleteOrphan != 0)
	}
}

// deleteOrOrphan deletes child, or detaches it from its deleted parent
// (a NULL foreign key; nothing for a many-to-many, whose association rows
// go with the parent).
func (u *unitOfWork) deleteOrOrphan(child *objState, r *Relation, del bool) {
	if del {
		child.status = statusDeleted
		u.s.deleted = append(u.s.deleted, child)
		return
	}
	if r.Secondary == "" {
		u.orphans = append(u.orphans, orphan{child, r})
	}
}

// collectRelations compares every live object's relationships with their
// loaded contents: it records which parent holds which child, orphans,
// association rows to add and remove, and fills in back-references.
func (u *unitOfWork) collectRelations(context.Context) error {
	live := u.liveStates()
	for _, toOne := range []bool{true, false} {
		for _, st := range live {
			for _, r := range st.table.relations {
				j, err := r.join()
				if err != nil {
					return err
				}
				switch {
				case r.dynamic && !toOne:
					if err := u.collectDynamic(st, r, j); err != nil {
						return err
					}
				case !r.dynamic && (j.kind == ManyToOne) == toOne:
					u.collectOne(st, r, j)
				}
			}
		}
	}
	u.resolveRemoved()
	return nil
}

// resolveRemoved decides the fate of children removed from collections:
// one that joined another parent in this flush has moved; otherwise it is
// deleted (delete-orphan) or gets a NULL foreign key.
func (u *unitOfWork) resolveRemoved() {
	for _, o := range u.removed {
		if len(u.parents[o.child]) > 0 || o.child.status == statusDeleted {
			continue
		}
		if o.rel.Cascade&CascadeDeleteOrphan != 0 {
			o.child.status = statusDeleted
			u.s.deleted = append(u.s.deleted, o.child)
			continue
		}
		u.orphans = append(u.orphans, o)
	}
}

// collectOne diffs one relationship of st.
func (u *unitOfWork) collectOne(st *objState, r *Relation, j *relationJoin) {
	cur := st.relItems(r)
	rs := st.getRel(r)
	if j.kind == ManyToOne {
		u.backPopulateToOne(st, r, cur)
		return
	}
	var prev []any
	if rs != nil {
		prev = rs.items
	}
	curSet := make(map[any]bool, len(cur))
	for _, it := range cur {
		curSet[it] = true
		if child := u.s.byObj[it]; child != nil && child.status != statusDeleted && !containsItem(prev, it) {
			u.addMember(st, r, j, child)
		}
	}
	for _, it := range prev {
		if child := u.s.byObj[it]; child != nil && !curSet[it] && child.status != statusDeleted {
			u.removeMember(st, r, j, child)
		}
	}
}

// addMember records that st's relationship r holds child.
func (u *unitOfWork) addMember(st *objState, r *Relation, j *relationJoin, child *objState) {
	if j.kind == ManyToMany {
		if !containsItem(st.relPrev(r), child.obj) {
			u.pairsAdd = append(u.pairsAdd, assocPair{rel: r, left: st, right: child})
			if back := r.backRef(); back != nil && contentsKnown(child, back) && !containsItem(child.relItems(back), st.obj) {
				appendItem(child, back, st.obj)
			}
		}
		return
	}
	u.parents[child] = append(u.parents[child], parentLink{st, r})
	back := r.backRef()
	if back == nil {
		return
	}
	if prev := child.relTarget(back); prev != nil && prev != st.obj {
		if old := u.s.byObj[prev]; old != nil && contentsKnown(old, r) {
			removeItem(old, r, child.obj)
			if rs := old.getRel(r); rs != nil {
				rs.items = removeAny(rs.items, child.obj)
			}
		}
	}
	child.setRelItems(back, []any{st.obj})
}

// removeMember handles a child that left st's relationship r.
func (u *unitOfWork) removeMember(st *objState, r *Relation, j *relationJoin, child *objState) {
	if j.kind == ManyToMany {
		u.pairsDel = append(u.pairsDel, assocPair{rel: r, left: st, right: child})
		if back := r.backRef(); back != nil && contentsKnown(child, back) {
			removeItem(child, back, st.obj)
		}
		if r.Cascade&CascadeDeleteOrphan != 0 {
			u.removed = append(u.removed, orphan{child, r})
		}
		return
	}
	u.removed = append(u.removed, orphan{child, r})
	if back := r.backRef(); back != nil {
		if child.relTarget(back) == st.obj {
			child.setRelItems(back, nil)
		}
	}
}

// backPopulateToOne keeps the reverse collection of a changed many-to-one
// in step: the child joins its new parent's loaded collection and leaves
// the old one's. An unchanged reference does nothing.
func (u *unitOfWork) backPopulateToOne(st *objState, r *Relation, cur []any) {
	back := r.backRef()
	if back == nil {
		return
	}
	var prev []any
	if rs := st.getRel(r); rs != nil {
		prev = rs.items
	}
	if len(prev) == len(cur) && (len(cur) == 0 || prev[0] == cur[0]) {
		return
	}
	if len(prev) == 1 {
		if old := u.s.byObj[prev[0]]; old != nil && contentsKnown(old, back) {
			removeItem(old, back, st.obj)
			if rs := old.getRel(back); rs != nil {
				rs.items = removeAny(rs.items, st.obj)
			}
		}
	}
	if len(cur) == 1 {
		if p := u.s.byObj[cur[0]]; p != nil && contentsKnown(p, back) && !containsItem(p.relItems(back), st.obj) {
			appendItem(p, back, st.obj)
		}
	}
}

// contentsKnown reports whether st's relationship r holds its complete
// contents, so that a back-reference may be added to or removed from it:
// it was loaded, or st is new (not yet inserted) and its field is set, as
// a new object's collections are all there is.
func contentsKnown(st *objState, r *Relation) bool {
	return st.relLoaded(r) || st.status == statusPending && st.fieldLoaded(r)
}

// relPrev returns the loaded contents of r, or nil.
func (st *objState) relPrev(r *Relation) []any {
	if rs := st.getRel(r); rs != nil {
		return rs.items
	}
	return nil
}

// containsItem reports whether list holds obj.
func containsItem(list []any, obj any) bool {
	for _, x := range list {
		if x == obj {
			return true
		}
	}
	return false
}

// removeAny returns list without obj.
func removeAny(list []any, obj any) []any {
	out := list[:0:0]
	for _, x := range list {
		if x != obj {
			out = append(out, x)
		}
	}
	return out
}

// appendItem appends obj to st's relationship r (a collection or a
// pointer).
func appendItem(st *objState, r *Relation, obj any) {
	if !r.many {
		st.setRelItems(r, []any{obj})
		return
	}
	st.setRelItems(r, append(st.relItems(r), obj))
}

// removeItem removes obj from st's relationship r.
func removeItem(st *objState, r *Relation, obj any) {
	st.setRelItems(r, removeAny(st.relItems(r), obj))
}
