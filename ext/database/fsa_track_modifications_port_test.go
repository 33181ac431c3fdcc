package database_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Ported from Flask-SQLAlchemy's tests/test_track_modifications.py: each
// commit sends before_models_committed then models_committed with the
// app as sender and the same (object, operation) list.

func TestFSATrackModifications(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		app, db := todoApp(t, d, 0)
		var before, after []orm.Change
		var senders []any
		defer database.BeforeModelsCommitted.ConnectFor(app, func(sender any, ev database.CommitEvent) {
			before, senders = ev.Changes, append(senders, sender)
		})()
		defer database.ModelsCommitted.ConnectFor(app, func(sender any, ev database.CommitEvent) {
			after, senders = ev.Changes, append(senders, sender)
		})()
		var item *Todo
		app.Post("/add", func(c *flagon.Ctx) error {
			s := db.Session(c)
			item = &Todo{}
			if err := s.Add(item); err != nil {
				return err
			}
			if before != nil || after != nil {
				t.Errorf("signals sent before the commit")
			}
			return s.Commit(c.Context())
		})
		app.Post("/update", func(c *flagon.Ctx) error {
			s := db.Session(c)
			var err error
			if item, err = orm.Get[Todo](c.Context(), s, 1); err != nil {
				return err
			}
			item.Title = "test"
			return s.Commit(c.Context())
		})
		app.Post("/delete", func(c *flagon.Ctx) error {
			s := db.Session(c)
			var err error
			if item, err = orm.Get[Todo](c.Context(), s, 1); err != nil {
				return err
			}
			if err := s.Delete(item); err != nil {
				return err
			}
			return s.Commit(c.Context())
		})
		cl := flagontest.NewClient(t, app)
		for _, step := range []struct {
			path string
			op   orm.ChangeOp
		}{{"/add", orm.OpInsert}, {"/update", orm.OpUpdate}, {"/delete", orm.OpDelete}} {
			before, after, senders = nil, nil, nil
			if res := cl.Post(step.path); res.StatusCode != http.StatusOK {
				t.Fatalf("%s: %d %s", step.path, res.StatusCode, res.Text())
			}
			if len(before) != 1 || before[0].Object != item || before[0].Op != step.op {
				t.Errorf("%s: before_models_committed changes = %v, want [(item, %v)]", step.path, before, step.op)
			}
			if fmt.Sprint(before) != fmt.Sprint(after) {
				t.Errorf("%s: models_committed %v differs from before_models_committed %v", step.path, after, before)
			}
			if len(senders) != 2 || senders[0] != app || senders[1] != app {
				t.Errorf("%s: senders %v, want the app twice", step.path, senders)
			}
		}
	})
}
