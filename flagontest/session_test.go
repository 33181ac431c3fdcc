package flagontest_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/session"
)

// test_session_transactions (Flask): the session is read and changed
// before a request, and the request sees the change.
func TestSessionTransactions(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"SECRET_KEY": "dev"}))
	app.Get("/", func(c *flagon.Ctx) error {
		v, _ := c.Session().Get("foo")
		return c.Text(fmt.Sprint(v))
	})
	cl := flagontest.NewClient(t, app)
	err := cl.SessionTransaction(func(s *session.Session) error {
		if s.Len() != 0 {
			t.Errorf("new session has %d keys", s.Len())
		}
		s.Set("foo", []any{int64(42)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := cl.Get("/").Text(); got != "[42]" {
		t.Fatalf("GET / = %q", got)
	}
	err = cl.SessionTransaction(func(s *session.Session) error {
		v, _ := s.Get("foo")
		if s.Len() != 1 || fmt.Sprint(v) != "[42]" {
			t.Errorf("session %v", s.Values())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// test_session_transaction_needs_cookies and
// test_session_transactions_no_null_sessions (Flask): no jar, no handler
// sessions, or a session that cannot be saved (no SECRET_KEY) is an error.
func TestSessionTransactionErrors(t *testing.T) {
	withKey := flagon.New(flagon.WithConfig(map[string]any{"SECRET_KEY": "dev"}))
	noJar := flagontest.NewClient(t, withKey)
	noJar.Jar = nil
	set := func(s *session.Session) error { s.Set("a", 1); return nil }
	if err := noJar.SessionTransaction(set); !errors.Is(err, flagontest.ErrCookiesDisabled) {
		t.Errorf("no jar: %v", err)
	}
	if err := flagontest.NewClient(t, echo()).SessionTransaction(set); err == nil {
		t.Error("a handler without sessions gave no error")
	}
	if err := flagontest.NewClient(t, flagon.New()).SessionTransaction(set); !errors.Is(err, session.ErrNoSecretKey) {
		t.Errorf("no secret key: %v", err)
	}
	boom := errors.New("boom")
	if err := flagontest.NewClient(t, withKey).SessionTransaction(func(*session.Session) error { return boom }); err != boom {
		t.Errorf("fn error: %v", err)
	}
}

// Flask's test client builds its base URL from SERVER_NAME and
// PREFERRED_URL_SCHEME; environ_base-style defaults go with every request.
func TestClientDefaultsFromApp(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"SERVER_NAME": "shop.example:8080", "PREFERRED_URL_SCHEME": "https"}))
	app.Get("/", func(c *flagon.Ctx) error {
		return c.Text(c.Request.Host + " " + c.Request.Header.Get("User-Agent") + " " + c.Request.RemoteAddr)
	})
	cl := flagontest.NewClient(t, app)
	cl.Header.Set("User-Agent", "Werkzeug/3.1")
	cl.RemoteAddr = "127.0.0.1:0"
	if got := cl.Get("/").Text(); got != "shop.example:8080 Werkzeug/3.1 127.0.0.1:0" {
		t.Fatalf("got %q", got)
	}
	if cl.BaseURL.String() != "https://shop.example:8080" {
		t.Fatalf("BaseURL %s", cl.BaseURL)
	}
	if got := cl.Get("/", flagontest.Header("User-Agent", "mine")).Text(); got != "shop.example:8080 mine 127.0.0.1:0" {
		t.Fatalf("per-request header: %q", got)
	}
}
