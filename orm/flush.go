package orm

import (
	"context"
	"fmt"
)

// Flush writes pending changes in one unit of work: cascades add related
// new objects, then INSERTs run parent tables first (generated keys are
// written back and copied into the foreign keys of related objects),
// UPDATEs write only changed columns, association rows are added and
// removed, and DELETEs run child tables first. A failed flush rolls the
// transaction back and restores the objects, as Rollback does; the session
// then returns ErrPendingRollback from Flush, Commit, queries, Get and
// every other statement until Rollback is called. Inside a nested transaction a failed
// flush rolls back to the savepoint only.
func (s *Session) Flush(ctx context.Context) error {
	if len(s.subs) > 0 {
		return s.flushRouted(ctx)
	}
	return s.flushOwn(ctx)
}

// flushOwn flushes this session's objects only.
func (s *Session) flushOwn(ctx context.Context) error {
	release, err := s.enter("flush")
	if err != nil {
		return err
	}
	defer release()
	return s.flush(ctx)
}

// flush runs the unit of work; it is a no-op while already flushing.
func (s *Session) flush(ctx context.Context) error {
	if s.flushing || s.fix != nil {
		return nil
	}
	if err := s.pendingRollback(); err != nil {
		return err
	}
	if s.isClean() {
		return nil
	}
	s.flushing = true
	defer func() { s.flushing = false }()
	if err := s.hooks.run(ctx, s, s.hooks.beforeFlush); err != nil {
		return err
	}
	if err := s.validateChanges(); err != nil {
		return err
	}
	q, err := s.conn(ctx)
	if err != nil {
		return err
	}
	s.flushGen++
	s.reservePending()
	u := &unitOfWork{s: s, q: q, gen: s.flushGen, parents: map[*objState][]parentLink{}}
	if err := u.run(ctx); err != nil {
		s.rollbackAfterFailure(ctx, err)
		return err
	}
	return s.hooks.run(ctx, s, s.hooks.afterFlush)
}

// reservePending grows the identity map once for the pending rows of each
// table, which enter it when inserted.
func (s *Session) reservePending() {
	if len(s.pending) < 64 {
		return
	}
	counts := map[*Table]int{}
	for _, st := range s.pending {
		counts[st.table]++
	}
	for t, n := range counts {
		s.reserveIdentity(t, n)
	}
}

// A unitOfWork is one flush's plan and progress.
type unitOfWork struct {
	s        *Session
	q        Querier
	parents  map[*objState][]parentLink // child -> parents holding it in a collection
	orphans  []orphan                   // children to get a NULL foreign key
	removed  []orphan                   // children removed from a collection
	pairsAdd []assocPair
	pairsDel []assocPair
	gen      uint64 // this flush's number; rows it inserts carry it
	changes  []Change
	switched map[*objState]bool // new objects that took a deleted row (row switch)
}

// parentLink says parent holds child in its relationship rel.
type parentLink struct {
	parent *objState
	rel    *Relation
}

// orphan is a child removed from a parent's collection.
type orphan struct {
	child *objState
	rel   *Relation
}

// assocPair is one row of a many-to-many association table.
type assocPair struct {
	rel         *Relation
	left, right *objState
}

// run executes the flush steps in order.
func (u *unitOfWork) run(ctx context.Context) error {
	u.changes = make([]Change, 0, len(u.s.pending))
	if err := u.updateReferrers(ctx); err != nil { // passive_updates:false
		return err
	}
	steps := []func(context.Context) error{
		u.cascadeSaves, u.collectRelations, u.cascadeDeletes, u.switchRows, u.insertAll,
		u.updateAll, u.writeAssociations, u.deleteAll,
	}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
	}
	u.s.pending = nil
	u.s.changes = append(u.s.changes, u.changes...)
	for _, st := range u.s.byObj {
		if st.status == statusPersistent {
			for _, r := range st.table.relations {
				st.snapRel(r, u.insertedNow(st) || u.switched[st])
			}
		}
	}
	return nil
}

// cascadeSaves adds new objects reachable through save-update cascades,
// breadth first in a deterministic order (so INSERTs follow the order of
// the collections).
func (u *unitOfWork) cascadeSaves(context.Context) error {
	queue := u.liveStates()
	for i := 0; i < len(queue); i++ {
		added, err := u.cascadeFrom(queue[i])
		if err != nil {
			return err
		}
		queue = append(queue, added...)
	}
	return nil
}

// cascadeFrom adds the unknown objects st's relationships reference.
func (u *unitOfWork) cascadeFrom(st *objState) ([]*objState, error) {
	var added []*objState
	for _, r := range st.table.relations {
		if n, ok := st.relField(r).(nilHolder); ok && n.hasNil() {
			return nil, fmt.Errorf("orm: can't flush nil value found in collection %s.%s", st.table.model.Name(), r.Name)
		}
		if r.Cascade&CascadeSaveUpdate == 0 {
			continue
		}
		if err := r.Err(); err != nil {
			return nil, err
		}
		for _, it := range st.relItems(r) {
			if u.s.byObj[it] != nil {
				continue
			}
			child, err := u.s.add(it)
			if err != nil {
				return nil, fmt.Errorf("orm: cascade from %s.%s: %w", st.table.Name, r.Name, err)
			}
			if child.status == statusPending {
				added = append(added, child)
			}
		}
	}
	return added, nil
}

// liveStates returns the pending and persistent states of models with
// relationships: pending in the order they were added, then persistent.
func (u *unitOfWork) liveStates() []*objState {
	var out []*objState
	for _, st := range u.s.pending {
		if st.status == statusPending && len(st.table.relations) > 0 {
			out = append(out, st)
		}
	}
	var persistent []*objState
	for _, st := range u.s.byObj {
		if st.status == statusPersistent && len(st.table.relations) > 0 {
			persistent = append(persistent, st)
		}
	}
	sortStates(persistent) // deterministic statement order
	return append(out, persistent...)
}

// isClean reports whether a flush would write nothing: no pending or
// unflushed deleted objects, and no persistent object whose columns or
// relationships differ from their flushed state.
func (s *Session) isClean() bool {
	if len(s.pending) > 0 {
		return false
	}
	for _, st := range s.deleted {
		if !st.flushed {
			return false
		}
	}
	for _, st := range s.byObj {
		if st.status == statusPersistent && (st.isDirty() || st.relationsChanged()) {
			return false
		}
	}
	return true
}

// relationsChanged reports whether any relationship references other
// objects than at the last load or flush.
func (st *objState) relationsChanged() bool {
	for _, r := range st.table.relations {
		if r.dynamic {
			if a, d := st.relField(r).(dynamicField).queued(); len(a)+len(d) > 0 {
				return true
			}
			continue
		}
		prev, cur := st.relPrev(r), st.relItems(r)
		if len(prev) != len(cur) {
			return true
		}
		for i := range cur {
			if prev[i] != cur[i] {
				return true
			}
		}
	}
	return false
}

// switchRows runs rowSwitches as a flush step.
func (u *unitOfWork) switchRows(context.Context) error {
	u.rowSwitches()
	return nil
}

// insertedNow reports whether this flush inserted st.
func (u *unitOfWork) insertedNow(st *objState) bool { return st.insertGen == u.gen }
