package main

import (
	"net/url"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/session"
)

// TestInventoryCommands drives the example as its user does, through the
// command line (Flask's app.test_cli_runner()): `db upgrade` on a fresh
// database, `db current`, `routes`; then the test client posts a form
// (with the CSRF token its session cookie holds) and reads the JSON API on
// the database the command migrated.
func TestInventoryCommands(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		t.Setenv("SECRET_KEY", "s3cr3t-1")
		t.Setenv("DATABASE_URL", d.URL)
		t.Setenv("FLAGON_DEBUG", "0")
		tests := []struct {
			name       string
			args       []string
			wantStdout string
			wantStderr string
		}{
			{"db upgrade", []string{"db", "upgrade"}, "", "Running upgrade 0aacf62733fd -> 6610a92e0c4b, add price column"},
			{"db current", []string{"db", "current"}, "6610a92e0c4b (head)", ""},
			{"routes", []string{"routes"}, "api.create_product  POST       /api/products", ""},
		}
		for _, tt := range tests {
			stdout, stderr, code := flagontest.RunCLI(t, newApp, tt.args...)
			if code != 0 || !strings.Contains(stdout, tt.wantStdout) || !strings.Contains(stderr, tt.wantStderr) {
				t.Fatalf("%s: exit %d\nstdout:\n%s\nstderr:\n%s", tt.name, code, stdout, stderr)
			}
		}

		app, err := newApp()
		if err != nil {
			t.Fatal(err)
		}
		cl := flagontest.NewClient(t, app) // keeps the session cookie
		tok := formToken(t, cl, "/products/new")
		res := cl.Post("/products/new", flagontest.Form(url.Values{"csrf_token": {tok}, "name": {"Desk"}, "price": {"90"}}),
			flagontest.FollowRedirects())
		if !strings.Contains(res.Text(), "Product “Desk” created.") {
			t.Fatalf("form post: %d %s", res.StatusCode, res.Text())
		}
		var page struct{ Items []Product }
		if err := cl.Get("/api/products").JSON(&page); err != nil || len(page.Items) != 1 || *page.Items[0].Price != 90 {
			t.Fatalf("JSON: %+v %v", page, err)
		}
	})
}

// TestInventorySessionPreparedByTest sets up the session before a request,
// as Flask's client.session_transaction() (how a test logs a user in
// without the login form): a message flashed into it shows on the page.
func TestInventorySessionPreparedByTest(t *testing.T) {
	cl := flagontest.NewClient(t, testApp(t, dbtest.SQLite(t).URL))
	if err := cl.SessionTransaction(func(s *session.Session) error {
		s.Set("user_id", 1)
		session.Flash(s, "Welcome back", "message")
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got := cl.Get("/").Text(); !strings.Contains(got, `<p class="flash message" role="status">Welcome back</p>`) {
		t.Fatalf("the flashed message is not shown:\n%s", got)
	}
	if err := cl.SessionTransaction(func(s *session.Session) error {
		if v, ok := s.Get("user_id"); !ok || v == nil {
			t.Errorf("user_id lost from the session")
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}
