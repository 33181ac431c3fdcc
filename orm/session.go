package orm

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync/atomic"

	"github.com/flagon-go/flagon/orm/dialect"
)

// A Session is SQLAlchemy's unit of work: it keeps one Go pointer per row
// (the identity map), tracks changes against the state each object was
// loaded with, and writes them with Flush in foreign-key dependency order
// inside a transaction it begins on first use.
//
// A Session belongs to one goroutine at a time, like a *sql.Tx: use one
// session per request or task. The *DB it was made from is safe to share.
type Session struct {
	db      *DB
	fix     Querier // a caller's querier, for loaders run outside a session
	tx      *Tx
	nested  []*NestedTransaction      // open savepoints, innermost last
	partial *partialRows              // the running Raw query lacks columns
	routes  map[reflect.Type]*Session // models sent to another bind's session
	subs    []*Session                // the sessions of routes, in order
	opts    sessionOptions

	identity identityMap
	byObj    map[any]*objState
	pending  []*objState
	deleted  []*objState

	changes     []Change
	hooks       sessionHooks
	slab        []objState // states are allocated in chunks
	snaps       map[*Table]*snapSlab
	flushGen    uint64
	busy        atomic.Bool
	flushing    bool
	committing  bool  // the flush is Commit's
	failedFlush error // rolled the transaction back; Rollback clears it

	lazyLoads map[*Relation]int       // one-object loads per relationship (N+1 warning)
	expiredAt map[*objState][]*Column // columns expired by ExpireFields, reloaded by the next load
}

// A SessionOption configures NewSession.
type SessionOption func(*sessionOptions)

type sessionOptions struct {
	noAutoflush    bool
	noExpire       bool // ExpireOnCommit(false)
	detachOnCommit bool
	raiseLoad      bool
}

// Autoflush sets whether queries run through the session flush pending
// changes first (the default is true, as in SQLAlchemy).
func Autoflush(on bool) SessionOption {
	return func(o *sessionOptions) { o.noAutoflush = !on }
}

// ExpireOnCommit sets whether Commit expires the session's objects (the
// default is true, as in SQLAlchemy). Objects stay in the session either
// way: further changes are flushed by the next Flush or Commit, and Get
// returns the same pointer. An expired object is reloaded by the next
// query or Get that returns its row (Go cannot reload on attribute
// access), which overwrites the columns not changed since the commit.
// With false, Get serves objects from the identity map without a query.
func ExpireOnCommit(on bool) SessionOption {
	return func(o *sessionOptions) { o.noExpire = !on }
}

// DetachOnCommit makes Commit detach every object (ExpungeAll) once the
// transaction is committed, instead of keeping them expired in the
// session: later changes to them are not written, and Get loads new
// objects. It suits batch jobs that load many rows per transaction and
// never touch them again; it was the default before issue 14.
func DetachOnCommit() SessionOption {
	return func(o *sessionOptions) { o.detachOnCommit = true }
}

// RaiseOnLazyLoad makes every Load of a relationship that was not loaded
// eagerly fail with ErrRaiseLoad, catching N+1 query patterns.
func RaiseOnLazyLoad() SessionOption {
	return func(o *sessionOptions) { o.raiseLoad = true }
}

// NewSession returns a session on db.
func NewSession(db *DB, opts ...SessionOption) *Session {
	s := &Session{db: db, identity: identityMap{}, byObj: map[any]*objState{}}
	for _, o := range opts {
		o(&s.opts)
	}
	return s
}

// Session returns a new session on the engine; see NewSession.
func (db *DB) Session(opts ...SessionOption) *Session { return NewSession(db, opts...) }

// DB returns the engine the session runs on.
func (s *Session) DB() *DB { return s.db }

// Add places a new or detached object in the session; it is inserted at
// the next flush. Objects already in the session are left as they are.
// obj must be a pointer to a model struct.
func (s *Session) Add(obj any) error {
	if x := s.routeObj(obj); x != s {
		return x.Add(obj)
	}
	_, err := s.add(obj)
	return err
}

// AddAll adds each object.
func (s *Session) AddAll(objs ...any) error {
	for _, o := range objs {
		if err := s.Add(o); err != nil {
			return err
		}
	}
	return nil
}

// add registers obj as pending unless it is known.
func (s *Session) add(obj any) (*objState, error) {
	st, err := s.stateFor(obj)
	if err != nil || st != nil {
		if st != nil && st.status == statusDeleted && st.flushed {
			return nil, fmt.Errorf("orm: %T has been deleted by a flush of this transaction; Rollback restores it, or Expunge it and Add it again to insert a new row", obj)
		}
		if st != nil && st.status == statusDeleted && !st.flushed {
			st.status = statusPersistent
			s.deleted = removeState(s.deleted, st)
		}
		return st, err
	}
	v := reflect.ValueOf(obj)
	t, _ := modelTable(v.Type())
	if err := validateAdded(obj, t); err != nil {
		return nil, err
	}
	st = s.newState()
	*st = objState{obj: obj, table: t, status: statusPending}
	st.committed = snapshot(t, st.val()) // the values to restore on rollback
	s.byObj[obj] = st
	s.pending = append(s.pending, st)
	return st, nil
}

// stateFor validates obj and returns its state, or nil if unknown.
func (s *Session) stateFor(obj any) (*objState, error) {
	v := reflect.ValueOf(obj)
	if isRelationValue(v) {
		return nil, fmt.Errorf("orm: %T is a relationship field, not an object: pass its Get() (One) or an item of its Items() (Many)", obj)
	}
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil, fmt.Errorf("orm: session objects are non-nil pointers to model structs, got %T", obj)
	}
	if st, ok := s.byObj[obj]; ok {
		return st, nil
	}
	t, err := modelTable(v.Type())
	if err != nil {
		return nil, err
	}
	if len(t.PrimaryKey) == 0 {
		return nil, fmt.Errorf("orm: %s has no primary key and cannot be in a session", t.Name)
	}
	return nil, nil
}

// ErrNotPersisted matches the error of Delete of an object that has no
// row: SQLAlchemy's InvalidRequestError "Instance is not persisted".
var ErrNotPersisted = errors.New("orm: instance is not persisted")

// Delete marks a persistent object for deletion at the next flush. An
// object that has no row yet, pending (added but never flushed) or not in
// the session at all, is an error matching ErrNotPersisted, as SQLAlchemy
// raises "Instance is not persisted": Expunge discards a pending object.
// A detached object must be loaded into the session (Get, or Merge)
// first.
func (s *Session) Delete(obj any) error {
	if x := s.routeObj(obj); x != s {
		return x.Delete(obj)
	}
	st, err := s.stateFor(obj)
	if err != nil {
		return err
	}
	if st == nil {
		return fmt.Errorf("%w: %T is not in the session; load it (Get, Merge) before deleting it", ErrNotPersisted, obj)
	}
	switch st.status {
	case statusPending:
		return fmt.Errorf("%w: %T is pending (added, never flushed); Expunge it to discard it", ErrNotPersisted, obj)
	case statusPersistent:
		st.status = statusDeleted
		s.deleted = append(s.deleted, st)
	}
	return nil
}

// Expunge removes obj from the session without touching the database;
// its pending changes are forgotten.
func (s *Session) Expunge(obj any) {
	if x := s.routeObj(obj); x != s {
		x.Expunge(obj)
		return
	}
	if st := s.byObj[obj]; st != nil {
		s.forget(st)
	}
}

// ExpungeAll empties the session (and the sessions it routes models
// to), releasing every object it holds.
func (s *Session) ExpungeAll() {
	for _, x := range s.subs {
		x.ExpungeAll()
	}
	for _, st := range s.byObj {
		st.status = statusDetached
	}
	s.identity = identityMap{}
	s.byObj = map[any]*objState{}
	s.pending, s.deleted, s.expiredAt = nil, nil, nil
	s.slab, s.snaps = nil, nil // their chunks reference expunged objects
}

// forget detaches a state.
func (s *Session) forget(st *objState) {
	delete(s.byObj, st.obj)
	delete(s.expiredAt, st)
	if st.hasKey {
		s.identity.del(st.key, st)
	}
	s.pending = removeState(s.pending, st)
	s.deleted = removeState(s.deleted, st)
	st.status = statusDetached
}

// removeState deletes st from a list, keeping order.
func removeState(list []*objState, st *objState) []*objState {
	for i, x := range list {
		if x == st {
			return append(list[:i:i], list[i+1:]...)
		}
	}
	return list
}

// Contains reports whether obj is in the session: pending, persistent or
// marked for deletion, but not once its row is deleted (by a flush or a
// bulk Delete; a rollback brings it back), as in SQLAlchemy.
func (s *Session) Contains(obj any) bool {
	st := s.routeObj(obj).byObj[obj]
	return st != nil && !(st.status == statusDeleted && st.flushed)
}

// IsModified reports whether a persistent object's columns differ from
// the state it was loaded or last flushed with; pending objects are
// modified by definition.
func (s *Session) IsModified(obj any) bool {
	st := s.routeObj(obj).byObj[obj]
	if st == nil {
		return false
	}
	return st.status == statusPending || len(st.changed()) > 0
}

// Dialect returns the engine's dialect.
func (s *Session) Dialect() dialect.Dialect {
	if s.fix != nil {
		return s.fix.Dialect()
	}
	return s.db.dialect
}

// enter guards against concurrent or re-entrant use of the session's
// write paths; it returns a release function.
func (s *Session) enter(op string) (func(), error) {
	if !s.busy.CompareAndSwap(false, true) {
		return nil, fmt.Errorf("orm: session %s while another flush, commit or rollback runs: %w", op, ErrSessionBusy)
	}
	return func() { s.busy.Store(false) }, nil
}

// conn returns the querier statements run on, beginning the session's
// transaction on first use (SQLAlchemy's autobegin). While a failed flush
// leaves a rollback owed it returns ErrPendingRollback: every statement
// of the session (queries, Get, Exec, Refresh, lazy loads, bulk statements,
// BeginNested, Copy) comes here or to readConn, which checks the same.
func (s *Session) conn(ctx context.Context) (Querier, error) {
	if err := s.pendingRollback(); err != nil {
		return nil, err
	}
	if s.fix != nil {
		return s.fix, nil
	}
	if s.tx == nil {
		tx, err := s.db.Begin(ctx, nil)
		if err != nil {
			return nil, err
		}
		s.tx = tx
	}
	return s.tx, nil
}

// InTransaction reports whether the session (or one it routes models
// to) has begun a transaction.
func (s *Session) InTransaction() bool {
	for _, x := range s.subs {
		if x.tx != nil {
			return true
		}
	}
	return s.tx != nil
}

// newState returns a zero state from the current chunk: loading many rows
// costs one allocation per 64 states instead of one per state.
func (s *Session) newState() *objState {
	if len(s.slab) == 0 {
		s.slab = make([]objState, 64)
	}
	st := &s.slab[0]
	s.slab = s.slab[1:]
	return st
}
