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

// requestSessions holds a request's sessions, one per bind, created on
// first use.
type requestSessions map[string]*orm.Session

var sessionsKey = flagon.NewKey[requestSessions]("sqlalchemy_sessions")

// Session returns the request's ORM session for the default database
// (or the named bind), Flask-SQLAlchemy's db.session: created on first
// use, one per request, and rolled back and closed at teardown unless it
// was committed. It belongs to the request's goroutine.
func (d *DB) Session(c *flagon.Ctx, bind ...string) *orm.Session {
	name := bindName(bind)
	sessions, _ := sessionsKey.Get(c)
	if s, ok := sessions[name]; ok {
		return s
	}
	if sessions == nil {
		sessions = requestSessions{}
		sessionsKey.Set(c, sessions)
	}
	s := d.engines[name].Session()
	d.signalCommits(c, name, s)
	sessions[name] = s
	return s
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
		if err := s.Close(context.WithoutCancel(c.Context())); err != nil {
			d.app.Logger.Error("closing the request's database session", "bind", bindLabel(bind), "error", err)
		}
	}
}
