package database

import (
	"context"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/orm"
	"github.com/flagon-go/flagon/signals"
)

// CommitEvent is the payload of ModelsCommitted and
// BeforeModelsCommitted: the request and the objects the commit writes.
type CommitEvent struct {
	// Ctx is the request whose session commits.
	Ctx *flagon.Ctx
	// Bind is the database ("" for the default one).
	Bind string
	// Changes lists each object and whether it was inserted, updated or
	// deleted.
	Changes []orm.Change
}

// Flask-SQLAlchemy's signals, sent by request sessions with the app as
// sender. Unlike Flask-SQLAlchemy, no SQLALCHEMY_TRACK_MODIFICATIONS
// switch is needed: with no receiver connected they cost nothing.
var (
	// BeforeModelsCommitted is sent before a request session commits.
	BeforeModelsCommitted = signals.New[CommitEvent]("before-models-committed")
	// ModelsCommitted is sent after a request session committed.
	ModelsCommitted = signals.New[CommitEvent]("models-committed")
)

// requestSessions holds a request's sessions, one per bind, created
// together on first use.
type requestSessions map[string]*orm.Session

var sessionsKey = flagon.NewKey[requestSessions]("sqlalchemy_sessions")

// Session returns the request's ORM session, Flask-SQLAlchemy's
// db.session: created on first use, one per request, and rolled back and
// closed at teardown unless it was committed. It belongs to the request's
// goroutine.
//
// Like Flask-SQLAlchemy's session, it routes each model to its bind
// (RegisterBind is __bind_key__): objects and queries of a bind's models
// run on that bind's database, and Commit commits each bind's transaction
// in turn (no two-phase commit). Session(c, "name") returns the session of
// one bind, the one the request session routes that bind's models to.
func (d *DB) Session(c *flagon.Ctx, bind ...string) *orm.Session {
	sessions, _ := sessionsKey.Get(c)
	if sessions == nil {
		sessions = d.openSessions(c)
		sessionsKey.Set(c, sessions)
	}
	return sessions[bindName(bind)]
}

// openSessions makes a request's session for every bind; the default
// one routes the models of the other binds to theirs.
func (d *DB) openSessions(c *flagon.Ctx) requestSessions {
	sessions := requestSessions{}
	for _, name := range d.Binds() {
		s := d.engines[name].Session()
		d.signalCommits(c, name, s)
		sessions[name] = s
	}
	for _, name := range d.Binds() {
		if name != "" {
			_ = sessions[""].RouteMetaData(sessions[name], d.metadata[name]) // never the default session itself
		}
	}
	return sessions
}

// signalCommits sends the commit signals for a request session.
func (d *DB) signalCommits(c *flagon.Ctx, bind string, s *orm.Session) {
	s.OnBeforeCommit(func(ctx context.Context, _ *orm.Session, changes []orm.Change) error {
		BeforeModelsCommitted.Send(d.app, CommitEvent{Ctx: c, Bind: bind, Changes: changes})
		return nil
	})
	s.OnAfterCommit(func(ctx context.Context, _ *orm.Session, changes []orm.Change) {
		ModelsCommitted.Send(d.app, CommitEvent{Ctx: c, Bind: bind, Changes: changes})
	})
}

// closeSessions is the teardown function: every session of the request is
// closed, which rolls back what was not committed.
func (d *DB) closeSessions(c *flagon.Ctx, _ error) {
	sessions, _ := sessionsKey.Get(c)
	for bind, s := range sessions {
		err := s.Close(context.WithoutCancel(c.Context()))
		switch {
		case err == nil:
		case c.Context().Err() != nil:
			// The client went away: database/sql already rolled the
			// transaction back when the request's context ended.
			d.app.Logger.Info("closing the request's database session after the client disconnected", "bind", bindLabel(bind), "error", err)
		default:
			d.app.Logger.Error("closing the request's database session", "bind", bindLabel(bind), "error", err)
		}
	}
}
