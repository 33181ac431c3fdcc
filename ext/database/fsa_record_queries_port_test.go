package database_test

import (
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Ported from Flask-SQLAlchemy's tests/test_record_queries.py. flagon
// quotes every identifier, so the statement holds the dialect's quoted
// table name where SQLAlchemy writes FROM todo.

func TestFSAQueryInfo(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		app, db := todoApp(t, d, 0)
		var info database.Query
		app.Get("/", func(c *flagon.Ctx) error {
			if _, err := orm.Select[Todo](db.Session(c)).Where(orm.C("id").Lt(5)).All(c.Context()); err != nil {
				return err
			}
			rec := database.RecordedQueries(c)
			info = rec[len(rec)-1]
			return nil
		})
		flagontest.NewClient(t, app).Get("/")
		table := db.Engine().Dialect().Quote("todo")
		if !strings.Contains(info.SQL, "SELECT") || !strings.Contains(info.SQL, "FROM "+table) {
			t.Errorf("statement %q, want a SELECT FROM %s", info.SQL, table)
		}
		if len(info.Args) != 1 || info.Args[0] != int64(5) && info.Args[0] != 5 {
			t.Errorf("parameters %v, want [5]", info.Args)
		}
		if info.Start.IsZero() || info.Duration <= 0 {
			t.Errorf("start %v duration %v", info.Start, info.Duration)
		}
		if !strings.Contains(info.Caller, "fsa_record_queries_port_test.go:") || !strings.Contains(info.Caller, "(TestFSAQueryInfo.") {
			t.Errorf("location %q, want this file and function", info.Caller)
		}
	})
}
