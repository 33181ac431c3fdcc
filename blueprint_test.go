package flagon_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/spf13/cobra"
)

func TestBlueprints(t *testing.T) {
	app := quietApp()
	parent := flagon.NewBlueprint("parent", "/parent")
	child := flagon.NewBlueprint("child", "/child")
	child.Get("/", func(c *flagon.Ctx) error { return c.Text("child " + c.Endpoint() + " in " + c.Blueprint()) }, flagon.Endpoint("index"))
	child.Get("/link", func(c *flagon.Ctx) error {
		u, err := c.URLFor(".index")
		if err != nil {
			return err
		}
		return c.Text(u)
	}, flagon.Endpoint("link"))
	parent.RegisterBlueprint(child)
	parent.Get("/", func(c *flagon.Ctx) error { return c.Text("parent") }, flagon.Endpoint("index"))
	parent.ErrorHandler(404, func(c *flagon.Ctx, err error) error { return c.Status(404).Text("parent 404") })
	parent.Get("/abort", func(c *flagon.Ctx) error { return flagon.Abort(404) }, flagon.Endpoint("abort"))
	child.Get("/abort", func(c *flagon.Ctx) error { return flagon.Abort(404) }, flagon.Endpoint("abort"))
	app.RegisterBlueprint(parent)

	reusable := flagon.NewBlueprint("pages")
	reusable.Get("/about", func(c *flagon.Ctx) error { return c.Text("about " + c.Endpoint()) }, flagon.Endpoint("about"))
	app.RegisterBlueprint(reusable, flagon.URLPrefix("/en"), flagon.BlueprintName("en"))
	app.RegisterBlueprint(reusable, flagon.URLPrefix("/fr"), flagon.BlueprintName("fr"))

	tests := []struct {
		name, path string
		code       int
		body       string
	}{
		{"parent route", "/parent/", 200, "parent"},
		{"nested route and endpoint", "/parent/child/", 200, "child parent.child.index in parent.child"},
		{"relative endpoint in nested blueprint", "/parent/child/link", 200, "/parent/child/"},
		{"blueprint error handler", "/parent/abort", 404, "parent 404"},
		{"parent handler applies to child", "/parent/child/abort", 404, "parent 404"},
		{"registered twice under names", "/en/about", 200, "about en.about"},
		{"second registration", "/fr/about", 200, "about fr.about"},
	}
	cl := flagontest.NewClient(t, app)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := cl.Get(tt.path)
			if res.StatusCode != tt.code || res.Text() != tt.body {
				t.Fatalf("got %d %q, want %d %q", res.StatusCode, res.Text(), tt.code, tt.body)
			}
		})
	}
}

func TestBlueprintRegisteredTwiceWithSameNamePanics(t *testing.T) {
	app := flagon.New()
	bp := flagon.NewBlueprint("dup")
	app.RegisterBlueprint(bp, flagon.URLPrefix("/a"))
	if msg := panicMessage(func() { app.RegisterBlueprint(bp, flagon.URLPrefix("/b")) }); !strings.Contains(msg, `"dup" is already registered`) {
		t.Fatalf("got %q", msg)
	}
}

func TestBlueprintRoutesAfterRegistrationPanic(t *testing.T) {
	app := flagon.New()
	bp := flagon.NewBlueprint("late")
	app.RegisterBlueprint(bp)
	if msg := panicMessage(func() { bp.Get("/x", func(c *flagon.Ctx) error { return nil }) }); msg == "" {
		t.Fatal("adding a route to a registered blueprint should panic")
	}
}

func TestBlueprintNameValidation(t *testing.T) {
	for _, name := range []string{"", "a.b"} {
		if msg := panicMessage(func() { flagon.NewBlueprint(name) }); msg == "" {
			t.Errorf("NewBlueprint(%q) should panic", name)
		}
	}
}

func TestCommandsFromAppAndBlueprints(t *testing.T) {
	app := flagon.New()
	app.Command(&cobra.Command{Use: "seed"})
	bp := flagon.NewBlueprint("users")
	bp.Command(&cobra.Command{Use: "create-user"})
	app.RegisterBlueprint(bp)
	var names []string
	for _, c := range app.Commands() {
		names = append(names, c.Name())
	}
	if strings.Join(names, ",") != "seed,create-user" {
		t.Fatalf("commands = %v", names)
	}
}

func TestAppWideHooksAndHandlersFromBlueprint(t *testing.T) {
	app := quietApp()
	bp := flagon.NewBlueprint("errors")
	bp.AppErrorHandler(404, func(c *flagon.Ctx, err error) error { return c.Status(404).Text("bp app 404") })
	bp.AfterAppRequest(func(c *flagon.Ctx) error { c.Header().Set("X-BP", "1"); return nil })
	app.RegisterBlueprint(bp)
	res := flagontest.NewClient(t, app).Get("/anything")
	if res.StatusCode != http.StatusNotFound || res.Text() != "bp app 404" || res.Header.Get("X-BP") != "1" {
		t.Fatalf("got %d %q %v", res.StatusCode, res.Text(), res.Header)
	}
}

// test_self_registration (Flask): a blueprint registered on itself, or
// inside its own descendant, is an error at registration instead of a
// conflict panic or a hang.
func TestSelfRegistration(t *testing.T) {
	bp := flagon.NewBlueprint("bp")
	if msg := panicMessage(func() { bp.RegisterBlueprint(bp) }); !strings.Contains(msg, "itself") {
		t.Fatalf("self registration: panic %q", msg)
	}
	parent := flagon.NewBlueprint("parent", "/p")
	child := flagon.NewBlueprint("child", "/c")
	parent.RegisterBlueprint(child)
	child.RegisterBlueprint(parent)
	app := flagon.New()
	if msg := panicMessage(func() { app.RegisterBlueprint(parent) }); !strings.Contains(msg, "inside itself") {
		t.Fatalf("cycle: panic %q", msg)
	}
}

// test_route_decorator_custom_endpoint_with_dots (Flask): a blueprint
// endpoint name may not contain a dot.
func TestRouteCustomEndpointWithDots(t *testing.T) {
	bp := flagon.NewBlueprint("bp")
	h := func(c *flagon.Ctx) error { return nil }
	for name, register := range map[string]func(){
		"Route": func() { bp.Route("/", h, flagon.Endpoint("a.b")) },
		"Get":   func() { bp.Get("/", h, flagon.Endpoint("a.b")) },
	} {
		if msg := panicMessage(register); !strings.Contains(msg, "dot") {
			t.Errorf("%s: panic %q, want a dot error", name, msg)
		}
	}
}
