package orm

import (
	"context"
	"errors"
	"fmt"
	"reflect"
)

// RouteModels makes s send the given models (struct values or pointers)
// to sub, a session on the database those models live in: SQLAlchemy's
// Session(binds=...), which Flask-SQLAlchemy fills from __bind_key__.
// Through s, objects of those models are added, deleted, merged, loaded
// and queried in sub (orm.Select[T](s), orm.Get[T](ctx, s, ...),
// orm.Raw[T](s, ...), orm.Update[T](s), orm.Delete[T](s), s.Load, ...),
// and s.Flush, s.Commit, s.Rollback and s.Close act on s and then on each
// routed session in turn. Commit flushes every session first, then
// commits each transaction in turn, as Flask-SQLAlchemy does: there is no
// two-phase commit, so a failure while committing one database leaves
// those committed before it committed. Nested transactions (BeginNested)
// are per session: begin them on sub for its models.
func (s *Session) RouteModels(sub *Session, models ...any) error {
	if sub == nil || sub == s {
		return errors.New("orm: RouteModels needs another session")
	}
	for _, m := range models {
		t := reflect.TypeOf(m)
		for t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t == nil || t.Kind() != reflect.Struct {
			return fmt.Errorf("orm: RouteModels: %T is not a model struct", m)
		}
		s.route(t, sub)
	}
	return nil
}

// RouteMetaData routes every model registered in md to sub; see
// RouteModels.
func (s *Session) RouteMetaData(sub *Session, md *MetaData) error {
	if sub == nil || sub == s || md == nil {
		return errors.New("orm: RouteMetaData needs another session and a metadata")
	}
	for _, t := range md.Tables() {
		if t.model != nil {
			s.route(t.model, sub)
		}
	}
	return nil
}

// route records that model type t goes to sub.
func (s *Session) route(t reflect.Type, sub *Session) {
	if s.routes == nil {
		s.routes = map[reflect.Type]*Session{}
	}
	s.routes[t] = sub
	for _, x := range s.subs {
		if x == sub {
			return
		}
	}
	s.subs = append(s.subs, sub)
}

// routeType returns the session that handles model type t.
func (s *Session) routeType(t reflect.Type) *Session {
	if s.routes == nil {
		return s
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if sub := s.routes[t]; sub != nil {
		return sub
	}
	return s
}

// routeObj returns the session that handles obj's model.
func (s *Session) routeObj(obj any) *Session {
	if s.routes == nil || obj == nil {
		return s
	}
	return s.routeType(reflect.TypeOf(obj))
}

// routeField returns the session holding the object a relationship field
// pointer (s.Load(ctx, &u.Posts)) belongs to.
func (s *Session) routeField(field any) *Session {
	if len(s.subs) == 0 {
		return s
	}
	if _, r := s.ownerOf(field); r != nil {
		return s
	}
	for _, sub := range s.subs {
		if _, r := sub.ownerOf(field); r != nil {
			return sub
		}
	}
	return s
}

// routeQuerier returns the querier statements about t run on: the routed
// session when q is a session routing t's model, else q.
func routeQuerier(q Querier, t *Table) Querier {
	if s, ok := q.(*Session); ok && s.routes != nil && t != nil && t.model != nil {
		return s.routeType(t.model)
	}
	return q
}

// routeSession is routeQuerier for a session.
func routeSession[T any](s *Session) *Session {
	if s == nil || s.routes == nil {
		return s
	}
	return s.routeType(reflect.TypeFor[T]())
}

// sessions returns s and the sessions it routes to.
func (s *Session) sessions() []*Session {
	return append([]*Session{s}, s.subs...)
}

// flushRouted flushes s and each routed session; a failure rolls all of
// them back, as a failed flush of one SQLAlchemy session does.
func (s *Session) flushRouted(ctx context.Context) error {
	for _, x := range s.sessions() {
		if err := x.flushOwn(ctx); err != nil {
			s.rollbackRouted(ctx, x)
			return err
		}
	}
	return nil
}

// commitRouted flushes every session, then commits each in turn.
func (s *Session) commitRouted(ctx context.Context) error {
	if err := s.flushRouted(ctx); err != nil {
		return err
	}
	for _, x := range s.sessions() {
		if err := x.commitOwn(ctx); err != nil {
			return err
		}
	}
	return nil
}

// rollbackRouted rolls back every session but skip (nil for all).
func (s *Session) rollbackRouted(ctx context.Context, skip *Session) error {
	var errs []error
	for _, x := range s.sessions() {
		if x != skip {
			errs = append(errs, x.rollbackOwn(ctx))
		}
	}
	return errors.Join(errs...)
}
