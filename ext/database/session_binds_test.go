package database_test

import (
	"context"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// bindsApp opens the extension with the default database on main and
// Account registered on the "users" bind, on a SQLite file.
func bindsApp(t *testing.T, main dbtest.DB) (*flagon.App, *database.DB) {
	t.Helper()
	users := dbtest.SQLite(t)
	app := newApp(t, map[string]any{
		"DATABASE_URL":     main.URL,
		"SQLALCHEMY_BINDS": map[string]any{"users": users.URL},
	})
	db, err := database.New(app)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Register(Product{}); err != nil {
		t.Fatal(err)
	}
	if err := db.RegisterBind("users", Account{}); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	return app, db
}

// TestSessionRoutesModelsToBinds is issue 14 item 8: one request session
// sends each model to its bind (Flask-SQLAlchemy's __bind_key__) and
// commits across them.
func TestSessionRoutesModelsToBinds(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		app, db := bindsApp(t, d)
		app.Post("/", func(c *flagon.Ctx) error {
			ctx := c.Context()
			s := db.Session(c)
			p, a := &Product{Name: "lamp"}, &Account{Name: "ada"}
			if err := s.AddAll(p, a); err != nil {
				return err
			}
			if err := s.Commit(ctx); err != nil {
				return err
			}
			a.Name = "ada2" // changed after the commit, on the bind
			if err := s.Commit(ctx); err != nil {
				return err
			}
			got, err := orm.Get[Account](ctx, s, a.ID)
			if err != nil {
				return err
			}
			all, err := orm.Select[Account](s).All(ctx)
			if err != nil {
				return err
			}
			return c.Textf("%v %v %v %v", got == a, len(all) == 1 && all[0] == a,
				db.Session(c, "users").Contains(a), s.Contains(p))
		})
		res := flagontest.NewClient(t, app).Post("/")
		if res.StatusCode != 200 || res.Text() != "true true true true" {
			t.Fatalf("status %d: %q; want the bind's objects through the request session", res.StatusCode, res.Text())
		}
		ctx := context.Background()
		accounts, err := orm.Select[Account](db.Engine("users")).All(ctx)
		if err != nil || len(accounts) != 1 || accounts[0].Name != "ada2" {
			t.Fatalf("users bind rows = %v, %v; want ada2", accounts, err)
		}
		if n, err := orm.Select[Product](db.Engine()).Count(ctx); err != nil || n != 1 {
			t.Fatalf("default database products = %d, %v; want 1", n, err)
		}
		if _, err := orm.Select[Account](db.Engine()).Count(ctx); err == nil {
			t.Errorf("an account table exists in the default database")
		}
	})
}

// TestSessionBindsRollBackTogether: a request that fails rolls back every
// bind's transaction, and Delete routes to the bind.
func TestSessionBindsRollBackTogether(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		app, db := bindsApp(t, d)
		app.Post("/fail", func(c *flagon.Ctx) error {
			s := db.Session(c)
			if err := s.AddAll(&Product{Name: "lamp"}, &Account{Name: "ada"}); err != nil {
				return err
			}
			if err := s.Flush(c.Context()); err != nil {
				return err
			}
			return s.Rollback(c.Context())
		})
		app.Post("/delete", func(c *flagon.Ctx) error {
			s := db.Session(c)
			a := &Account{Name: "bo"}
			if err := s.Add(a); err != nil {
				return err
			}
			if err := s.Commit(c.Context()); err != nil {
				return err
			}
			if err := s.Delete(a); err != nil {
				return err
			}
			return s.Commit(c.Context())
		})
		cl := flagontest.NewClient(t, app)
		for _, path := range []string{"/fail", "/delete"} {
			if res := cl.Post(path); res.StatusCode != 200 {
				t.Fatalf("%s: %d %s", path, res.StatusCode, res.Text())
			}
		}
		ctx := context.Background()
		na, _ := orm.Select[Account](db.Engine("users")).Count(ctx)
		np, _ := orm.Select[Product](db.Engine()).Count(ctx)
		if na != 0 || np != 0 {
			t.Errorf("after rollback and delete: %d accounts, %d products; want none", na, np)
		}
	})
}
