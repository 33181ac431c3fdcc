package orm

import "context"

// sessionHooks are the session's event listeners.
type sessionHooks struct {
	beforeFlush   []func(ctx context.Context, s *Session) error
	afterFlush    []func(ctx context.Context, s *Session) error
	beforeCommit  []func(ctx context.Context, s *Session, changes []Change) error
	afterCommit   []func(ctx context.Context, s *Session, changes []Change)
	afterRollback []func(ctx context.Context, s *Session)
}

// run calls flush listeners in order, stopping at the first error.
func (h *sessionHooks) run(ctx context.Context, s *Session, fns []func(context.Context, *Session) error) error {
	for _, fn := range fns {
		if err := fn(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

// OnBeforeFlush registers fn to run at the start of every flush; it may
// Add or Delete objects, which that flush then writes. An error aborts
// the flush.
func (s *Session) OnBeforeFlush(fn func(ctx context.Context, s *Session) error) {
	s.hooks.beforeFlush = append(s.hooks.beforeFlush, fn)
}

// OnAfterFlush registers fn to run after every successful flush, before
// the transaction commits; Changes lists what was written so far.
func (s *Session) OnAfterFlush(fn func(ctx context.Context, s *Session) error) {
	s.hooks.afterFlush = append(s.hooks.afterFlush, fn)
}

// OnBeforeCommit registers fn to run after the final flush and before
// COMMIT with the transaction's changes (Flask-SQLAlchemy's
// before_models_committed); an error aborts the commit, leaving the
// transaction open for Rollback.
func (s *Session) OnBeforeCommit(fn func(ctx context.Context, s *Session, changes []Change) error) {
	s.hooks.beforeCommit = append(s.hooks.beforeCommit, fn)
}

// OnAfterCommit registers fn to run after COMMIT with the committed
// changes (Flask-SQLAlchemy's models_committed).
func (s *Session) OnAfterCommit(fn func(ctx context.Context, s *Session, changes []Change)) {
	s.hooks.afterCommit = append(s.hooks.afterCommit, fn)
}

// OnAfterRollback registers fn to run after every rollback, including
// the one a failed flush performs.
func (s *Session) OnAfterRollback(fn func(ctx context.Context, s *Session)) {
	s.hooks.afterRollback = append(s.hooks.afterRollback, fn)
}
