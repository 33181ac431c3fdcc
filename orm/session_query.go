package orm

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
)

// ExecContext runs a statement in the session's transaction after
// flushing pending changes (unless autoflush is off).
func (s *Session) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if _, err := s.prepareQuery(ctx); err != nil {
		return nil, err
	}
	q, err := s.conn(ctx)
	if err != nil {
		return nil, err
	}
	return q.ExecContext(ctx, query, args...)
}

// QueryContext runs a query in the session's transaction after flushing
// pending changes (unless autoflush is off). Model queries run through a
// session (orm.Select[T](s), orm.Get[T](ctx, s, id), orm.Raw[T](s, ...))
// return the session's objects: one pointer per row.
func (s *Session) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	s.partial = nil
	if _, err := s.prepareQuery(ctx); err != nil {
		return nil, err
	}
	q, err := s.readConn(ctx, query)
	if err != nil {
		return nil, err
	}
	return q.QueryContext(ctx, query, args...)
}

// readConn returns where a query runs. Like Python's sqlite3 module, a
// session on SQLite runs reads (isReadOnly) outside a transaction until its first
// write: SQLite transactions take the write lock (BEGIN IMMEDIATE), and a
// session that only reads must not block every other writer.
func (s *Session) readConn(ctx context.Context, query string) (Querier, error) {
	s.partial = nil // a loader's query holds whole rows
	if err := s.pendingRollback(); err != nil {
		return nil, err
	}
	if s.tx == nil && s.fix == nil && s.db.dialect.Name() == "sqlite" && isReadOnly(query) {
		return s.db, nil
	}
	return s.conn(ctx)
}

// prepareQuery autoflushes and returns the connection.
func (s *Session) prepareQuery(ctx context.Context) (Querier, error) {
	if !s.opts.noAutoflush && !s.flushing && s.fix == nil && s.hasWork() {
		if err := s.Flush(ctx); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// hasWork reports whether a flush could have anything to write: any
// pending, deleted or persistent object.
func (s *Session) hasWork() bool { return len(s.byObj) > 0 }

// loadedObjects maps query results through the session's identity map
// and runs eager loads; other queriers get the objects as scanned, with
// eager loads run by a throwaway session.
func loadedObjects[T any](ctx context.Context, q Querier, t *Table, out []*T, loads []*LoadOption) ([]*T, error) {
	s, ok := q.(*Session)
	if !ok && len(loads) == 0 && !t.hasEagerRelations() {
		return out, nil
	}
	if !ok {
		s = &Session{fix: q, identity: identityMap{}, byObj: map[any]*objState{}}
	}
	s.reserve(t, len(out))
	states := make([]*objState, 0, len(out))
	seen := make(map[*objState]bool, len(out))
	for i, o := range out {
		p, err := sessionObject(s, t, o)
		if err != nil {
			return nil, err
		}
		out[i] = p
		if st := s.byObj[any(p)]; st != nil && !seen[st] {
			seen[st] = true
			states = append(states, st)
		}
	}
	s.partial = nil
	return out, s.eagerLoad(ctx, t, states, loads)
}

// mapOne maps a single streamed row through a session querier.
func mapOne[T any](q Querier, t *Table, obj *T) (*T, error) {
	if s, ok := q.(*Session); ok {
		return sessionObject(s, t, obj)
	}
	return obj, nil
}

// sessionObject maps a scanned row through the identity map and returns
// the session's object for it as a *T. The session may hold the row as
// another model sharing its table (a Raw[Manager] query returning an
// engineer's row of a single-table hierarchy): that is an error, not a
// nil object.
func sessionObject[T any](s *Session, t *Table, obj *T) (*T, error) {
	held := s.mapLoaded(t, obj)
	if p := modelPtr[T](held); p != nil {
		return p, nil
	}
	k, _ := rowKey(t, reflect.ValueOf(obj).Elem())
	return nil, fmt.Errorf("orm: the %s row with key %s is in the session as a %T, which is not a %T: query it as that model (or a base of it)",
		t.Name, k, held, obj)
}

// getIdentity serves Get from the identity map: found is true when the
// row's object is in the session (a deleted one is ErrNoRows). Like every
// other use of the session it fails with ErrPendingRollback while a
// rollback is owed.
func (s *Session) getIdentity(t *Table, pk []any) (any, bool, error) {
	if err := s.pendingRollback(); err != nil {
		return nil, true, err
	}
	k, ok := keyOf(t, pk)
	if !ok {
		return nil, false, nil
	}
	st := s.identity.get(k)
	if st == nil || st.expired || s.expiredAt[st] != nil {
		return nil, false, nil
	}
	if st.status == statusDeleted {
		return nil, true, ErrNoRows
	}
	return st.obj, true, nil
}

// SessionGet is Get through a session: the object comes from the identity
// map when it is already loaded, without a query.
func SessionGet[T any](ctx context.Context, s *Session, pk ...any) (*T, error) {
	return Get[T](ctx, s, pk...)
}

// hasEagerRelations reports whether any relationship loads eagerly.
func (t *Table) hasEagerRelations() bool {
	for _, r := range t.relations {
		if r.Lazy == LazySelectIn || r.Lazy == LazyJoined {
			return true
		}
	}
	return false
}

// partialRows names the columns of t a hand-written query returns when
// they are not all of t's: expired objects are refreshed from those only.
type partialRows struct {
	table *Table
	cols  []*Column
}

// notePartial records, on a session querier, which of t's columns the
// rows of a hand-written query hold, when some are missing.
func notePartial(q Querier, t *Table, rows *sql.Rows) {
	s, ok := q.(*Session)
	if !ok || t == nil {
		return
	}
	names, err := rows.Columns()
	if err != nil || len(names) >= len(t.Columns) {
		return
	}
	p := &partialRows{table: t}
	for _, n := range names {
		if c := t.Column(n); c != nil {
			p.cols = append(p.cols, c)
		}
	}
	s.partial = p
}
