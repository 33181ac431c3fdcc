package flagon_test

import (
	"crypto/rand"
	"reflect"
	"testing"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/session"
)

// test_session_special_types (Flask tests/test_basic.py): tuples, bytes,
// Markup, UUIDs, dates and dicts whose key looks like a tag survive the
// session cookie. Integers come back as int64.
func TestSessionSpecialTypes(t *testing.T) {
	now := time.Now().UTC().Truncate(time.Second)
	var theUUID session.UUID
	rand.Read(theUUID[:])
	want := map[string]any{
		"t":        session.Tuple{int64(1), int64(2), int64(3)},
		"b":        []byte("\xff"),
		"m":        session.Markup("<html>"),
		"u":        theUUID,
		"d":        now,
		"t_tag":    map[string]any{" t": "not-a-tuple"},
		"di_t_tag": map[string]any{" t__": "not-a-tuple"},
		"di_tag":   map[string]any{" di": "not-a-dict"},
	}
	app := flagon.New(flagon.WithConfig(map[string]any{"SECRET_KEY": "test key"}))
	app.Get("/", func(c *flagon.Ctx) error {
		for k, v := range want {
			c.Session().Set(k, v)
		}
		return c.Status(204).Text("")
	})
	got := map[string]any{}
	app.Get("/read", func(c *flagon.Ctx) error {
		for k := range want {
			got[k], _ = c.Session().Get(k)
		}
		return nil
	})
	cl := flagontest.NewClient(t, app)
	cl.Get("/")
	cl.Get("/read")
	for k, v := range want {
		if !reflect.DeepEqual(got[k], v) {
			t.Errorf("%s = %#v (%T), want %#v (%T)", k, got[k], got[k], v, v)
		}
	}
}

// test_missing_session: without SECRET_KEY the session reads as empty,
// and writing one fails the request (a 500) instead of being lost.
func TestMissingSession(t *testing.T) {
	app := quietApp()
	app.Get("/read", func(c *flagon.Ctx) error {
		if _, ok := c.Session().Get("missing_key"); ok {
			return c.Text("found")
		}
		return c.Text("none")
	})
	app.Get("/write", func(c *flagon.Ctx) error {
		c.Session().Set("foo", 42)
		return c.Text("written")
	})
	cl := flagontest.NewClient(t, app)
	if got := cl.Get("/read").Text(); got != "none" {
		t.Errorf("read: %q", got)
	}
	if code := cl.Get("/write").StatusCode; code != 500 {
		t.Errorf("write: status %d", code)
	}
}
