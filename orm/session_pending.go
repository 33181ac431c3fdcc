package orm

import (
	"errors"
	"fmt"
)

// ErrPendingRollback is returned by every use of a session whose
// transaction a failed flush (or commit) rolled back (Flush, Commit,
// queries, Get, Exec, Refresh, Load, bulk statements, BeginNested), until
// Rollback or Close is called: SQLAlchemy's PendingRollbackError. The failed flush already returned every object to
// its state before the transaction, so everything flushed earlier in it
// is gone; refusing to carry on makes the caller see that, instead of a
// later Commit succeeding with those writes silently missing.
var ErrPendingRollback = errors.New("orm: the session's transaction was rolled back after a failed flush; call Rollback to begin a new one")

// notePendingRollback records the error that rolled back the whole
// transaction.
func (s *Session) notePendingRollback(cause error) {
	if cause != nil {
		s.failedFlush = cause
	}
}

// pendingRollback returns ErrPendingRollback, naming the error that
// caused it, while a rollback is owed.
func (s *Session) pendingRollback() error {
	if s.failedFlush == nil {
		return nil
	}
	return fmt.Errorf("%w (the flush failed with: %v)", ErrPendingRollback, s.failedFlush)
}
