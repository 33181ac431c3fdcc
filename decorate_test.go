package flagon_test

import (
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// loginRequired is a Flask-style view decorator written with Wraps.
func loginRequired(h flagon.HandlerFunc) flagon.HandlerFunc {
	return flagon.Wraps(h, func(c *flagon.Ctx) error {
		if c.Request.Header.Get("X-User") == "" {
			return c.Redirect("/login")
		}
		return h(c)
	})
}

// tagged is a decorator without Wraps: it appends its tag to a header.
func tagged(tag string) flagon.Decorator {
	return func(h flagon.HandlerFunc) flagon.HandlerFunc {
		return func(c *flagon.Ctx) error {
			c.Header().Add("X-Order", tag)
			return h(c)
		}
	}
}

func create(c *flagon.Ctx) error { return c.Text("created") }

func edit(c *flagon.Ctx) error { return c.Text("edited") }

// TestDecoratedRouteKeepsEndpoint is issue #16's per-route middleware:
// Route("/create", loginRequired(create)) registers the endpoint "create"
// (functools.wraps), and so does flagon.Decorate.
func TestDecoratedRouteKeepsEndpoint(t *testing.T) {
	app := flagon.New()
	app.Route("/create", loginRequired(create), flagon.Methods("GET", "POST"))
	app.Get("/edit", edit, flagon.Decorate(tagged("outer"), tagged("inner"), loginRequired))
	app.Get("/urls", func(c *flagon.Ctx) error {
		a, err := c.URLFor("create")
		if err != nil {
			return err
		}
		b, err := c.URLFor("edit")
		if err != nil {
			return err
		}
		return c.Text(a + " " + b)
	}, flagon.Endpoint("urls"))
	cl := flagontest.NewClient(t, app)
	if got := cl.Get("/urls").Text(); got != "/create /edit" {
		t.Fatalf("url_for: %q", got)
	}
	if res := cl.Get("/create"); res.StatusCode != 302 {
		t.Fatalf("decorator did not run: %d", res.StatusCode)
	}
	res := cl.Get("/edit", flagontest.Header("X-User", "ann"))
	if res.Text() != "edited" || len(res.Header.Values("X-Order")) != 2 || res.Header.Values("X-Order")[0] != "outer" {
		t.Fatalf("got %q, X-Order %v", res.Text(), res.Header.Values("X-Order"))
	}
}

// Two wrappers of one handler on two rules are one endpoint; wrappers of
// two handlers under one name still conflict.
func TestWrapsIdentity(t *testing.T) {
	app := flagon.New()
	app.Get("/create", loginRequired(create))
	app.Get("/new", loginRequired(create))
	if rules := app.URLMap().RulesFor("create"); len(rules) != 2 {
		t.Fatalf("rules of create: %v", rules)
	}
	msg := panicMessage(func() { app.Get("/other", loginRequired(edit), flagon.Endpoint("create")) })
	if msg == "" {
		t.Fatal("two handlers under one endpoint name did not panic")
	}
}

// An unknown endpoint names the closest one, as Werkzeug's BuildError
// does: here the rule a nameless closure was registered under.
func TestUnknownEndpointSuggestion(t *testing.T) {
	app := flagon.New()
	app.Get("/create", func(c *flagon.Ctx) error { return nil })
	app.Get("/index", edit, flagon.Endpoint("index"))
	_, err := app.URLFor("create")
	if err == nil || !strings.Contains(err.Error(), `did you mean "/create" instead?`) {
		t.Fatalf("err = %v", err)
	}
	if _, err := app.URLFor("indx"); err == nil || !strings.Contains(err.Error(), `did you mean "index"`) {
		t.Fatalf("err = %v", err)
	}
}
