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

// TestRecordedQueriesStatementsOnly follows Flask-SQLAlchemy's
// test_query_info through a request session that writes and commits, and
// an engine transaction with a savepoint: get_recorded_queries lists the
// statements (savepoint statements included, as SQLAlchemy executes them
// on a cursor) and never the transaction's BEGIN, COMMIT or ROLLBACK.
func TestRecordedQueriesStatementsOnly(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		app, db := setup(t, d.URL, 1, nil)
		var recorded []database.Query
		app.Post("/", func(c *flagon.Ctx) error {
			s := db.Session(c)
			if err := s.Add(&Product{Name: "new"}); err != nil {
				return err
			}
			if err := s.Commit(c.Context()); err != nil {
				return err
			}
			if _, err := orm.Select[Product](s).Where(orm.C("id").Lt(5)).All(c.Context()); err != nil {
				return err
			}
			tx, err := db.Engine().Begin(c.Context(), nil)
			if err != nil {
				return err
			}
			defer tx.Rollback()
			sp, err := tx.Begin(c.Context())
			if err != nil {
				return err
			}
			if err := sp.Rollback(); err != nil {
				return err
			}
			recorded = database.RecordedQueries(c)
			return c.Text("ok")
		})
		flagontest.NewClient(t, app).Post("/")
		var got []string
		for _, q := range recorded {
			got = append(got, strings.Fields(q.SQL)[0])
		}
		want := "INSERT SELECT SAVEPOINT"
		if strings.Join(got, " ") != want {
			t.Fatalf("recorded %q; want the statements %s, without BEGIN, COMMIT or ROLLBACK", got, want)
		}
		last := recorded[1]
		if !strings.Contains(last.SQL, "FROM ") || !strings.Contains(last.SQL, "product") || len(last.Args) != 1 || !strings.Contains(last.Caller, "record_test.go:") {
			t.Errorf("recorded select = %+v; want FROM product, one parameter and this file as caller", last)
		}
	})
}
