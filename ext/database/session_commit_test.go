package database_test

import (
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// TestCommitKeepsObjectsInRequestSession is issue 14 item 1 through the
// Flask-SQLAlchemy glue: db.session.add(x); commit; x.name = ...; commit
// writes the change, and a commit in the teardown-closed session of the
// next request sees the row.
func TestCommitKeepsObjectsInRequestSession(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		app, db := setup(t, d.URL, 0, nil)
		app.Post("/twice", func(c *flagon.Ctx) error {
			s := db.Session(c)
			p := &Product{Name: "draft"}
			if err := s.Add(p); err != nil {
				return err
			}
			if err := s.Commit(c.Context()); err != nil {
				return err
			}
			p.Name = "final"
			if err := s.Commit(c.Context()); err != nil {
				return err
			}
			again, err := orm.Get[Product](c.Context(), s, p.ID)
			if err != nil {
				return err
			}
			return c.Textf("%v", again == p)
		})
		res := flagontest.NewClient(t, app).Post("/twice")
		if res.StatusCode != 200 || res.Text() != "true" {
			t.Fatalf("status %d: %s (want the same object from Get after commit)", res.StatusCode, res.Text())
		}
		if got := productNames(t, db); got != "final" {
			t.Fatalf("rows = %q, want the change made after the first commit", got)
		}
	})
}
