package flagon_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/session"
)

// Ports of Flask tests/test_reqctx.py. Pushing and popping contexts by
// hand, greenlets and copy_current_request_context have no Go meaning
// (the request is the *Ctx passed to handlers); teardown cases are in the
// teardown tests.

// test_proper_test_request_context: external URLs use SERVER_NAME with
// its port, subdomains included.
func TestProperTestRequestContext(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"SERVER_NAME": "localhost.localdomain:5000"}))
	app.Get("/", func(c *flagon.Ctx) error { return nil }, flagon.Endpoint("sub"), flagon.Subdomain("foo"))
	app.Get("/", func(c *flagon.Ctx) error {
		index, err := c.URLFor("index", "_external", true)
		if err != nil {
			return err
		}
		sub, err := c.URLFor("sub", "_external", true)
		if err != nil {
			return err
		}
		return c.Text(index + " " + sub)
	}, flagon.Endpoint("index"))
	cl := flagontest.NewClient(t, app)
	cl.BaseURL, _ = url.Parse("http://localhost.localdomain:5000")
	want := "http://localhost.localdomain:5000/ http://foo.localhost.localdomain:5000/"
	if got := cl.Get("/").Text(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// failingSessions is test_session_error_pops_context's interface: opening
// a session fails (Go's Open cannot return an error, so it panics).
type failingSessions struct{}

func (failingSessions) Open(*http.Request) *session.Session { panic("session error") }
func (failingSessions) Save(http.ResponseWriter, *http.Request, *session.Session) error {
	return nil
}

func TestSessionErrorPopsContext(t *testing.T) {
	app := quietApp()
	app.SessionInterface = failingSessions{}
	reached := false
	app.Get("/", func(c *flagon.Ctx) error {
		c.Session()
		reached = true
		return c.Text("unreachable")
	})
	if code := flagontest.NewClient(t, app).Get("/").StatusCode; code != 500 || reached {
		t.Errorf("status %d, handler finished: %v", code, reached)
	}
}

// pathAwareSessions is test_session_dynamic_cookie_name's interface: a
// request whose URL ends with "dynamic_cookie" uses another cookie name.
type pathAwareSessions struct{ normal, dynamic session.Interface }

func (p pathAwareSessions) pick(r *http.Request) session.Interface {
	if strings.HasSuffix(r.URL.Path, "dynamic_cookie") {
		return p.dynamic
	}
	return p.normal
}

func (p pathAwareSessions) Open(r *http.Request) *session.Session { return p.pick(r).Open(r) }
func (p pathAwareSessions) Save(w http.ResponseWriter, r *http.Request, s *session.Session) error {
	return p.pick(r).Save(w, r, s)
}

func TestSessionDynamicCookieName(t *testing.T) {
	app := quietApp()
	opts := session.DefaultOptions([]byte("secret_key"))
	dynamic := opts
	dynamic.CookieName = "dynamic_cookie_name"
	app.SessionInterface = pathAwareSessions{session.NewCookieInterface(opts), session.NewCookieInterface(dynamic)}
	set := func(c *flagon.Ctx) error {
		c.Session().Set("value", c.FormValue("value"))
		return c.Text("value set")
	}
	get := func(c *flagon.Ctx) error {
		v, ok := c.Session().GetString("value")
		if !ok {
			v = "None"
		}
		return c.Text(v)
	}
	app.Post("/set", set, flagon.Endpoint("set"))
	app.Get("/get", get, flagon.Endpoint("get"))
	app.Post("/set_dynamic_cookie", set, flagon.Endpoint("set_dynamic_cookie"))
	app.Get("/get_dynamic_cookie", get, flagon.Endpoint("get_dynamic_cookie"))
	cl := flagontest.NewClient(t, app)
	for _, step := range []struct{ method, path, value, want string }{
		{"POST", "/set", "42", "value set"},
		{"POST", "/set_dynamic_cookie", "616", "value set"},
		{"GET", "/get", "", "42"},
		{"GET", "/get_dynamic_cookie", "", "616"},
	} {
		var opts []flagontest.Option
		if step.value != "" {
			opts = append(opts, flagontest.Form(url.Values{"value": {step.value}}))
		}
		if got := cl.Do(step.method, step.path, opts...).Text(); got != step.want {
			t.Errorf("%s %s = %q, want %q", step.method, step.path, got, step.want)
		}
	}
}
