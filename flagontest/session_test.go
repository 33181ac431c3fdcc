package flagontest_test

import (
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/session"
)

// TestSessionTransaction follows Flask's test_session_transaction: a
// session set up by the test reaches the app, and what the app stored is
// readable in the next transaction.
func TestSessionTransaction(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"SECRET_KEY": "testing"}))
	app.Get("/me", func(c *flagon.Ctx) error {
		user, _ := c.Session().Get("user")
		c.Session().Set("visits", "1")
		s, _ := user.(string)
		return c.Text("user=" + s)
	})
	cl := flagontest.NewClient(t, app)
	if got := cl.Get("/me").Text(); got != "user=" {
		t.Fatalf("before login: %q", got)
	}
	cl.SessionTransaction(func(s *session.Session) { s.Set("user", "ada") })
	if got := cl.Get("/me").Text(); got != "user=ada" {
		t.Fatalf("after SessionTransaction: %q, want user=ada", got)
	}
	cl.SessionTransaction(func(s *session.Session) {
		if v, _ := s.Get("visits"); v != "1" {
			t.Errorf("the app's session value: %v, want 1", v)
		}
		if v, _ := s.Get("user"); v != "ada" {
			t.Errorf("the test's session value: %v, want ada", v)
		}
	})
}
