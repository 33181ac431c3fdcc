package orm

import (
	"context"
	"errors"
	"fmt"
	"reflect"
)

// A NestedTransaction is a SAVEPOINT of a session's transaction, begun by
// Session.BeginNested: SQLAlchemy's nested SessionTransaction. Rollback
// returns the database to the savepoint and every object to its state at
// BeginNested; Commit releases the savepoint and keeps the changes in the
// enclosing transaction.
type NestedTransaction struct {
	s      *Session
	sp     *Tx
	saved  []savedState // every object in the session at the savepoint
	known  map[*objState]bool
	del    []*objState // the session's deleted list at the savepoint
	nchg   int         // len(s.changes) at the savepoint
	active bool
}

// savedState is one object's session state at a savepoint. Snapshots and
// relationship item lists are never modified in place, so keeping the
// references is enough.
type savedState struct {
	st       *objState
	loaded   reflect.Value
	rels     []relState
	status   stateStatus
	inserted bool
	flushed  bool
	expired  bool
	unloaded []bool // by Relation.pos: the field was unloaded (nil: none was)
}

// BeginNested flushes pending changes and begins a nested transaction
// (SAVEPOINT) inside the session's transaction, beginning that first if
// needed, as SQLAlchemy's Session.begin_nested does. Nested transactions
// nest to any depth; Commit or Rollback of the session ends them all.
// While one is open, a failed flush rolls back to its savepoint only
// (restoring the objects as Rollback does) and the enclosing transaction
// stays usable, so that one bad record can be skipped.
func (s *Session) BeginNested(ctx context.Context) (*NestedTransaction, error) {
	if s.fix != nil {
		return nil, errors.New("orm: BeginNested needs a session made by NewSession")
	}
	if err := s.Flush(ctx); err != nil {
		return nil, err
	}
	if _, err := s.conn(ctx); err != nil {
		return nil, err
	}
	parent := s.tx
	if n := len(s.nested); n > 0 {
		parent = s.nested[n-1].sp
	}
	sp, err := parent.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("orm: begin nested: %w", err)
	}
	nt := &NestedTransaction{s: s, sp: sp, active: true, nchg: len(s.changes),
		del: append([]*objState(nil), s.deleted...), known: make(map[*objState]bool, len(s.byObj))}
	nt.saved = make([]savedState, 0, len(s.byObj))
	for _, st := range s.byObj {
		nt.known[st] = true
		nt.saved = append(nt.saved, savedState{st: st, loaded: st.loaded, rels: append([]relState(nil), st.rels...),
			status: st.status, inserted: st.inserted, flushed: st.flushed, expired: st.expired, unloaded: st.unloadedFields()})
	}
	s.nested = append(s.nested, nt)
	return nt, nil
}

// Nested runs fn in a nested transaction: committed when fn returns nil,
// rolled back when it returns an error or panics (the panic goes on). It
// is SQLAlchemy's "with session.begin_nested():" block.
func (s *Session) Nested(ctx context.Context, fn func(ctx context.Context) error) (err error) {
	if fn == nil {
		return errors.New("orm: Nested needs a function to run")
	}
	nt, err := s.BeginNested(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if p := recover(); p != nil {
			_ = nt.Rollback(ctx)
			panic(p)
		}
	}()
	if err := fn(ctx); err != nil {
		if rbErr := nt.Rollback(ctx); rbErr != nil && !errors.Is(rbErr, ErrTxDone) {
			return errors.Join(err, rbErr)
		}
		return err
	}
	return nt.Commit(ctx)
}

// IsActive reports whether the nested transaction is still open (false
// for a nil one, as BeginNested returns with an error).
func (nt *NestedTransaction) IsActive() bool { return nt != nil && nt.active }

// Commit flushes pending changes and releases the savepoint (and any
// nested transaction begun inside this one); the changes become part of
// the enclosing transaction. A failed flush rolls back to the savepoint.
// Commit of an ended (or nil) nested transaction is ErrTxDone.
func (nt *NestedTransaction) Commit(ctx context.Context) error {
	if !nt.IsActive() {
		return fmt.Errorf("orm: nested transaction: %w", ErrTxDone)
	}
	s := nt.s
	if err := s.Flush(ctx); err != nil {
		return err
	}
	release, err := s.enter("nested commit")
	if err != nil {
		return err
	}
	defer release()
	s.popNested(nt)
	return nt.sp.Commit()
}

// Rollback rolls the database back to the savepoint and returns every
// object to its state at BeginNested: changed columns and relationships
// get their values back, objects deleted since are persistent again, and
// objects added since leave the session. Nested transactions begun inside
// this one end too. Rollback of an ended (or nil) nested transaction is
// ErrTxDone, so that a deferred Rollback after Commit is harmless.
func (nt *NestedTransaction) Rollback(ctx context.Context) error {
	if !nt.IsActive() {
		return fmt.Errorf("orm: nested transaction: %w", ErrTxDone)
	}
	release, err := nt.s.enter("nested rollback")
	if err != nil {
		return err
	}
	defer release()
	return nt.rollback()
}

// rollback rolls back to the savepoint and restores the objects.
func (nt *NestedTransaction) rollback() error {
	s := nt.s
	s.popNested(nt)
	err := nt.sp.Rollback()
	nt.restore()
	return err
}

// popNested ends nt and the nested transactions begun inside it.
func (s *Session) popNested(nt *NestedTransaction) {
	for i, x := range s.nested {
		if x == nt {
			for _, y := range s.nested[i:] {
				y.active = false
			}
			s.nested = s.nested[:i]
			return
		}
	}
	nt.active = false
}

// endNested ends every nested transaction: the outer transaction ended.
func (s *Session) endNested() {
	for _, nt := range s.nested {
		nt.active = false
	}
	s.nested = nil
}

// rollbackInnermost handles a failed flush: with a nested transaction
// open it rolls back to its savepoint and reports true.
func (s *Session) rollbackInnermost() bool {
	if len(s.nested) == 0 {
		return false
	}
	_ = s.nested[len(s.nested)-1].rollback()
	return true
}

// restore puts the session back to the savepoint.
func (nt *NestedTransaction) restore() {
	s := nt.s
	for _, st := range s.allStates() {
		if nt.known[st] {
			continue
		}
		if st.status == statusPending || st.inserted {
			restore(st.table, st.val(), st.committed)
			s.forget(st)
			continue
		}
		s.restoreCommitted(st) // loaded since the savepoint
		st.expired = true      // the next load refreshes it
	}
	for i := range nt.saved {
		sv := &nt.saved[i]
		if sv.st.status == statusDetached {
			continue // expunged since the savepoint
		}
		nt.restoreSaved(sv)
	}
	s.pending, s.deleted = nil, nt.del
	s.changes = s.changes[:min(nt.nchg, len(s.changes))]
}

// restoreSaved returns one object to its saved state.
func (nt *NestedTransaction) restoreSaved(sv *savedState) {
	s, st := nt.s, sv.st
	restore(st.table, st.val(), sv.loaded)
	st.loaded, st.rels = sv.loaded, sv.rels
	st.status, st.inserted, st.flushed, st.expired = sv.status, sv.inserted, sv.flushed, sv.expired
	for _, r := range st.table.relations {
		var want []any
		if rs := st.getRel(r); rs != nil {
			want = rs.items
		}
		if sv.unloaded != nil && sv.unloaded[r.pos] {
			st.relField(r).unload(r) // loaded inside the savepoint: unloaded again
		} else if !sameItems(st.relItems(r), want) {
			st.setRelItems(r, want)
		}
	}
	s.byObj[st.obj] = st
	if st.hasKey && !st.flushed {
		s.rekey(st) // a primary key changed since BeginNested
		s.identity.put(st.key, st)
	}
}

// sameItems reports whether two relationship item lists hold the same
// objects in the same order.
func sameItems(a, b []any) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
