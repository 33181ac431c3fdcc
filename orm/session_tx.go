package orm

import (
	"context"
	"errors"
	"fmt"
)

// ErrSessionBusy is returned when a flush, commit or rollback starts while
// another runs: the session was used from two goroutines, or re-entered
// from one of its own hooks.
var ErrSessionBusy = errors.New("orm: session is busy")

// A ChangeOp is the operation a Change records: Flask-SQLAlchemy's
// "insert", "update" and "delete".
type ChangeOp string

// Operations recorded in a session's change list.
const (
	// OpInsert records an INSERT.
	OpInsert ChangeOp = "insert"
	// OpUpdate records an UPDATE.
	OpUpdate ChangeOp = "update"
	// OpDelete records a DELETE.
	OpDelete ChangeOp = "delete"
)

// A Change is one object written by a flush, as listed by
// Flask-SQLAlchemy's models_committed signal.
type Change struct {
	// Object is the model pointer that was written.
	Object any
	// Op says how.
	Op ChangeOp
}

// Changes returns the objects inserted, updated and deleted by flushes
// of the current transaction, in order.
func (s *Session) Changes() []Change {
	out := append([]Change(nil), s.changes...)
	for _, x := range s.subs {
		out = append(out, x.changes...)
	}
	return out
}

// Commit flushes, runs before-commit hooks, commits the transaction and
// runs after-commit hooks with the transaction's change list. Objects
// stay in the session, expired (see ExpireOnCommit): changes made to them
// afterwards are written by the next Flush or Commit. Deleted objects
// become detached. Open nested transactions end with the transaction.
func (s *Session) Commit(ctx context.Context) error {
	if len(s.subs) > 0 {
		return s.commitRouted(ctx)
	}
	return s.commitOwn(ctx)
}

// commitOwn commits this session's transaction only.
func (s *Session) commitOwn(ctx context.Context) error {
	release, err := s.enter("commit")
	if err != nil {
		return err
	}
	defer release()
	s.committing = true
	err = s.flush(ctx)
	s.committing = false
	if err != nil {
		return err
	}
	if err := s.runCommitHooks(ctx); err != nil {
		return err
	}
	if s.tx != nil {
		if err := s.tx.Commit(); err != nil {
			s.tx = nil
			s.restoreAll()
			s.notePendingRollback(err)
			return fmt.Errorf("orm: commit: %w", err)
		}
		s.tx = nil
	}
	changes := s.changes
	s.afterCommit()
	for _, fn := range s.hooks.afterCommit {
		fn(ctx, s, changes)
	}
	return nil
}

// runCommitHooks calls before-commit hooks and flushes what they add.
func (s *Session) runCommitHooks(ctx context.Context) error {
	if len(s.hooks.beforeCommit) == 0 {
		return nil
	}
	for _, fn := range s.hooks.beforeCommit {
		if err := fn(ctx, s, append([]Change(nil), s.changes...)); err != nil {
			return err
		}
	}
	return s.flush(ctx)
}

// afterCommit makes the flushed state the committed state and expires
// the objects (or detaches them with DetachOnCommit).
func (s *Session) afterCommit() {
	s.changes = nil
	s.endNested()
	for _, st := range s.deleted {
		s.forget(st)
	}
	if s.opts.detachOnCommit {
		s.ExpungeAll()
		return
	}
	expire := !s.opts.noExpire
	for _, st := range s.byObj {
		st.committed, st.inserted = st.loaded, false
		st.expired = st.expired || expire
		for i := range st.rels {
			st.rels[i].committed = st.rels[i].items
		}
	}
}

// Rollback rolls back the transaction and returns every object to its
// state before it: persistent objects get their committed column values
// and relationships back, objects deleted in the transaction are
// persistent again, and objects added in it leave the session with the
// values they had when added (generated keys are zero again). It ends the
// ErrPendingRollback state a failed flush leaves.
func (s *Session) Rollback(ctx context.Context) error {
	if len(s.subs) > 0 {
		return s.rollbackRouted(ctx, nil)
	}
	return s.rollbackOwn(ctx)
}

// rollbackOwn rolls back this session's transaction only.
func (s *Session) rollbackOwn(ctx context.Context) error {
	release, err := s.enter("rollback")
	if err != nil {
		return err
	}
	defer release()
	return s.rollback(ctx)
}

// rollback ends the transaction and restores state.
func (s *Session) rollback(ctx context.Context) error {
	s.failedFlush = nil
	var err error
	if s.tx != nil {
		err = s.tx.Rollback()
		s.tx = nil
	}
	s.restoreAll()
	for _, fn := range s.hooks.afterRollback {
		fn(ctx, s)
	}
	if errors.Is(err, ErrTxDone) {
		err = nil
	}
	return err
}

// rollbackAfterFailure rolls back after a failed flush: to the innermost
// savepoint when a nested transaction is open, else the transaction.
func (s *Session) rollbackAfterFailure(ctx context.Context, cause error) {
	if !s.rollbackInnermost() {
		_ = s.rollback(ctx)
		s.notePendingRollback(cause)
	}
}

// restoreAll puts every object back to its committed state.
func (s *Session) restoreAll() {
	for _, st := range s.allStates() {
		if st.status == statusPending || st.inserted {
			restore(st.table, st.val(), st.committed)
			s.forget(st)
			continue
		}
		s.restoreCommitted(st)
	}
	s.pending, s.deleted, s.changes = nil, nil, nil
	s.endNested()
}

// restoreCommitted returns a persistent (or deleted) object to its
// committed columns and relationships, persistent in the identity map and
// expired.
func (s *Session) restoreCommitted(st *objState) {
	restore(st.table, st.val(), st.committed)
	st.loaded, st.flushed, st.status = st.committed, false, statusPersistent
	st.expired = true // as SQLAlchemy's rollback expires: the next query or Get reloads the row
	s.rekey(st)       // a primary key changed in the transaction
	s.identity.put(st.key, st)
	s.byObj[st.obj] = st
	clearDynamicQueues(st)
	for i := range st.rels {
		rs := &st.rels[i]
		if !rs.used {
			continue
		}
		r := st.table.relations[i]
		if rs.loaded || rs.committed != nil {
			st.setRelItems(r, rs.committed)
		}
		rs.items = rs.committed
	}
}

// allStates lists every state, including flushed deletions.
func (s *Session) allStates() []*objState {
	out := make([]*objState, 0, len(s.byObj))
	for _, st := range s.byObj {
		out = append(out, st)
	}
	return out
}

// Close rolls back any open transaction and empties the session (and
// the sessions it routes models to).
func (s *Session) Close(ctx context.Context) error {
	var errs []error
	for _, x := range s.sessions() {
		if x.tx != nil {
			errs = append(errs, x.rollbackOwn(ctx))
		}
	}
	s.ExpungeAll()
	for _, x := range s.sessions() {
		x.failedFlush = nil
	}
	return errors.Join(errs...)
}
