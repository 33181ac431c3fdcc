package database_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

func TestRequestScopedSession(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		app, db := setup(t, d.URL, 1, nil)
		var first, second *orm.Session
		app.Get("/same", func(c *flagon.Ctx) error {
			first, second = db.Session(c), db.Session(c)
			return nil
		})
		app.Post("/commit/<name>", func(c *flagon.Ctx) error {
			s := db.Session(c)
			if err := s.Add(&Product{Name: c.Param("name")}); err != nil {
				return err
			}
			return s.Commit(c.Context())
		})
		app.Post("/forget/<name>", func(c *flagon.Ctx) error {
			s := db.Session(c)
			if err := s.Add(&Product{Name: c.Param("name")}); err != nil {
				return err
			}
			return s.Flush(c.Context()) // written in the transaction, never committed
		})
		app.Post("/fail/<name>", func(c *flagon.Ctx) error {
			s := db.Session(c)
			if err := s.Add(&Product{Name: c.Param("name")}); err != nil {
				return err
			}
			if err := s.Flush(c.Context()); err != nil {
				return err
			}
			return errors.New("the handler failed after the flush")
		})
		app.Get("/identity/<int:id>", func(c *flagon.Ctx) error {
			id, _ := c.ParamInt("id")
			a, err := database.GetOr404[Product](c.Context(), db.Session(c), id)
			if err != nil {
				return err
			}
			b, err := database.FirstOr404(c.Context(), orm.Select[Product](db.Session(c)).FilterBy("ID", id))
			if err != nil {
				return err
			}
			return c.Textf("%v", a == b)
		})
		cl := flagontest.NewClient(t, app)
		cl.Get("/same")
		other := first
		cl.Get("/same")
		if first == nil || first != second || first == other {
			t.Fatal("one session per request, a new one for each request")
		}
		cl.Post("/commit/kept")
		cl.Post("/forget/dropped")
		if res := cl.Post("/fail/failed"); res.StatusCode != 500 {
			t.Fatalf("fail: %d", res.StatusCode)
		}
		names := productNames(t, db)
		if names != "product A,kept" {
			t.Fatalf("rows after the requests: %s", names)
		}
		if got := cl.Get("/identity/1").Text(); got != "true" {
			t.Fatalf("the session's identity map: %s", got)
		}
		if res := cl.Get("/identity/99"); res.StatusCode != 404 {
			t.Fatalf("GetOr404 through the session: %d", res.StatusCode)
		}
	})
}

func productNames(t *testing.T, db *database.DB) string {
	t.Helper()
	rows, err := orm.Select[Product](db.Engine()).OrderBy("ID").All(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range rows {
		names = append(names, p.Name)
	}
	return strings.Join(names, ",")
}

func TestModelsCommittedSignals(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		app, db := setup(t, d.URL, 1, nil)
		var events []string
		record := func(name string) func(any, database.CommitEvent) {
			return func(_ any, ev database.CommitEvent) {
				for _, ch := range ev.Changes {
					events = append(events, fmt.Sprintf("%s %s %s", name, ch.Op, ch.Object.(*Product).Name))
				}
			}
		}
		defer database.BeforeModelsCommitted.ConnectFor(app, record("before"))()
		defer database.ModelsCommitted.ConnectFor(app, record("after"))()
		app.Post("/change", func(c *flagon.Ctx) error {
			s := db.Session(c)
			old, err := orm.Get[Product](c.Context(), s, 1)
			if err != nil {
				return err
			}
			old.Name = "renamed"
			if err := s.Add(&Product{Name: "new"}); err != nil {
				return err
			}
			return s.Commit(c.Context())
		})
		if res := flagontest.NewClient(t, app).Post("/change"); res.StatusCode != 200 {
			t.Fatalf("status %d: %s", res.StatusCode, res.Text())
		}
		got := strings.Join(events, "; ")
		for _, want := range []string{"before insert new", "before update renamed", "after insert new", "after update renamed"} {
			if !strings.Contains(got, want) {
				t.Errorf("signals %q lack %q", got, want)
			}
		}
		if strings.Index(got, "before") > strings.Index(got, "after") {
			t.Errorf("before_models_committed must come first: %s", got)
		}
	})
}
