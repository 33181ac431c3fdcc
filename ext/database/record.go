package database

import (
	"context"
	"sync"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/orm"
)

// Query is one recorded statement, Flask-SQLAlchemy's _QueryInfo.
type Query struct {
	// SQL is the statement; Args its parameters.
	SQL  string
	Args []any
	// Start and Duration time it.
	Start    time.Time
	Duration time.Duration
	// Caller is "file:line (function)" of the application code that
	// ran it, Flask-SQLAlchemy's location.
	Caller string
	// Bind is the bind name ("" for the default database).
	Bind string
	// Err is the statement's error, if any.
	Err error
}

// recorder collects a request's statements; statements may come from
// several goroutines of the request.
type recorder struct {
	mu      sync.Mutex
	queries []Query
}

type recorderKey struct{}

var requestRecorder = flagon.NewKey[*recorder]("sqlalchemy_queries")

// installRecorder attaches a recorder to each request's context and
// listens to every engine, when recording is on.
func (d *DB) installRecorder(app *flagon.App) {
	if !d.record {
		return
	}
	app.BeforeRequest(func(c *flagon.Ctx) error {
		rec := &recorder{}
		requestRecorder.Set(c, rec)
		c.Request = c.Request.WithContext(context.WithValue(c.Request.Context(), recorderKey{}, rec))
		return nil
	})
	for bind, eng := range d.engines {
		eng.OnStatement(func(ev orm.StatementEvent) {
			if ev.Context == nil {
				return
			}
			if rec, ok := ev.Context.Value(recorderKey{}).(*recorder); ok && !txControl(ev) {
				rec.add(Query{SQL: ev.SQL, Args: ev.Args, Start: ev.Start, Duration: ev.Duration,
					Caller: ev.Caller, Bind: bind, Err: ev.Err})
			}
		})
	}
}

// txControl reports the transaction control that the engine reports as
// statement events (BEGIN, COMMIT, ROLLBACK, run by database/sql itself).
// Flask-SQLAlchemy records cursor executions only, and SQLAlchemy begins,
// commits and rolls back through the DBAPI connection, not a cursor, so
// get_recorded_queries never lists them. Savepoint statements (SAVEPOINT,
// RELEASE SAVEPOINT, ROLLBACK TO SAVEPOINT) are cursor executions in
// SQLAlchemy too, and stay recorded.
func txControl(ev orm.StatementEvent) bool {
	if len(ev.Args) > 0 {
		return false
	}
	switch ev.SQL {
	case "BEGIN", "COMMIT", "ROLLBACK":
		return true
	}
	return false
}

func (r *recorder) add(q Query) {
	r.mu.Lock()
	r.queries = append(r.queries, q)
	r.mu.Unlock()
}

// RecordedQueries returns the statements run so far with the request's
// context, Flask-SQLAlchemy's get_recorded_queries: statements only, not
// the BEGIN, COMMIT and ROLLBACK of transactions (savepoint statements are
// listed, as in Flask-SQLAlchemy); nil when SQLALCHEMY_RECORD_QUERIES is
// off.
func RecordedQueries(c *flagon.Ctx) []Query {
	rec, ok := requestRecorder.Get(c)
	if !ok {
		return nil
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]Query(nil), rec.queries...)
}
