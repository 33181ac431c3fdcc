package flagon_test

import (
	"fmt"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// Ports of Flask tests/test_blueprints.py cases not ported in
// blueprint_test.go (template filters and tests are Jinja features; the
// teardown halves of test_nested_callback_order are in the teardown
// tests).

func text(s string) flagon.HandlerFunc {
	return func(c *flagon.Ctx) error { return c.Text(s) }
}

func abort403(c *flagon.Ctx) error { return flagon.Abort(403) }

// expectBodies checks the body of each path.
func expectBodies(t *testing.T, app *flagon.App, want map[string]string) {
	t.Helper()
	cl := flagontest.NewClient(t, app)
	for path, body := range want {
		if got := cl.Get(path).Text(); got != body {
			t.Errorf("%s: %q, want %q", path, got, body)
		}
	}
}

func TestBlueprintSpecificErrorHandling(t *testing.T) {
	app := quietApp()
	frontend, backend, sideend := flagon.NewBlueprint("frontend"), flagon.NewBlueprint("backend"), flagon.NewBlueprint("sideend")
	frontend.ErrorHandler(403, func(c *flagon.Ctx, err error) error { return c.Status(403).Text("frontend says no") })
	frontend.Get("/frontend-no", abort403)
	backend.ErrorHandler(403, func(c *flagon.Ctx, err error) error { return c.Status(403).Text("backend says no") })
	backend.Get("/backend-no", abort403)
	sideend.Get("/what-is-a-sideend", abort403)
	for _, bp := range []*flagon.Blueprint{frontend, backend, sideend} {
		app.RegisterBlueprint(bp)
	}
	app.ErrorHandler(403, func(c *flagon.Ctx, err error) error { return c.Status(403).Text("application itself says no") })
	expectBodies(t, app, map[string]string{
		"/frontend-no": "frontend says no", "/backend-no": "backend says no",
		"/what-is-a-sideend": "application itself says no",
	})
}

func TestBlueprintAppErrorHandling(t *testing.T) {
	app := quietApp()
	errs := flagon.NewBlueprint("errors")
	errs.AppErrorHandler(403, func(c *flagon.Ctx, err error) error { return c.Status(403).Text("you shall not pass") })
	app.Get("/forbidden", abort403)
	forbidden := flagon.NewBlueprint("forbidden_bp")
	forbidden.Get("/nope", abort403)
	app.RegisterBlueprint(errs)
	app.RegisterBlueprint(forbidden)
	expectBodies(t, app, map[string]string{"/forbidden": "you shall not pass", "/nope": "you shall not pass"})
}

func TestBlueprintPrefixSlash(t *testing.T) {
	cases := []struct{ prefix, rule, url string }{
		{"", "/", "/"}, {"/", "", "/"}, {"/", "/", "/"}, {"/foo", "", "/foo"}, {"/foo/", "", "/foo/"},
		{"", "/bar", "/bar"}, {"/foo/", "/bar", "/foo/bar"}, {"/foo/", "bar", "/foo/bar"},
		{"/foo", "/bar", "/foo/bar"}, {"/foo/", "//bar", "/foo/bar"}, {"/foo//", "/bar", "/foo/bar"},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%q+%q", tc.prefix, tc.rule), func(t *testing.T) {
			app := quietApp()
			bp := flagon.NewBlueprint("test", tc.prefix)
			bp.Get(tc.rule, func(c *flagon.Ctx) error { return c.Status(204).Text("") }, flagon.Endpoint("index"))
			app.RegisterBlueprint(bp)
			if code := flagontest.NewClient(t, app).Get(tc.url).StatusCode; code != 204 {
				t.Errorf("GET %s: %d", tc.url, code)
			}
		})
	}
}

func TestDottedNamesFromApp(t *testing.T) {
	app := quietApp()
	test := flagon.NewBlueprint("test")
	app.Get("/", func(c *flagon.Ctx) error {
		u, err := c.URLFor("test.index")
		if err != nil {
			return err
		}
		return c.Text(u)
	}, flagon.Endpoint("app_index"))
	test.Get("/test/", func(c *flagon.Ctx) error {
		u, err := c.URLFor("app_index")
		if err != nil {
			return err
		}
		return c.Text(u)
	}, flagon.Endpoint("index"))
	app.RegisterBlueprint(test)
	expectBodies(t, app, map[string]string{"/": "/test/", "/test/": "/"})
}

func TestEmptyURLDefaults(t *testing.T) {
	app := quietApp()
	bp := flagon.NewBlueprint("bp")
	something := func(c *flagon.Ctx) error {
		v, err := c.ParamValue("page")
		if err != nil {
			return err
		}
		return c.Text(fmt.Sprint(v))
	}
	bp.Get("/", something, flagon.Endpoint("something"), flagon.Defaults(map[string]any{"page": 1}))
	bp.Get("/page/<int:page>", something, flagon.Endpoint("something"))
	app.RegisterBlueprint(bp)
	expectBodies(t, app, map[string]string{"/": "1", "/page/2": "2"})
}

func TestNestedBlueprint(t *testing.T) {
	app := quietApp()
	parent, child, grandchild := flagon.NewBlueprint("parent"), flagon.NewBlueprint("child"), flagon.NewBlueprint("grandchild")
	parent.ErrorHandler(403, func(c *flagon.Ctx, err error) error { return c.Status(403).Text("Parent no") })
	parent.Get("/", text("Parent yes"), flagon.Endpoint("parent_index"))
	parent.Get("/no", abort403, flagon.Endpoint("parent_no"))
	child.Get("/", text("Child yes"), flagon.Endpoint("child_index"))
	child.Get("/no", abort403, flagon.Endpoint("child_no"))
	grandchild.ErrorHandler(403, func(c *flagon.Ctx, err error) error { return c.Status(403).Text("Grandchild no") })
	grandchild.Get("/", text("Grandchild yes"), flagon.Endpoint("grandchild_index"))
	grandchild.Get("/no", abort403, flagon.Endpoint("grandchild_no"))
	child.RegisterBlueprint(grandchild, flagon.URLPrefix("/grandchild"))
	parent.RegisterBlueprint(child, flagon.URLPrefix("/child"))
	app.RegisterBlueprint(parent, flagon.URLPrefix("/parent"))
	expectBodies(t, app, map[string]string{
		"/parent/": "Parent yes", "/parent/child/": "Child yes", "/parent/child/grandchild/": "Grandchild yes",
		"/parent/no": "Parent no", "/parent/child/no": "Parent no", "/parent/child/grandchild/no": "Grandchild no",
	})
}

// test_nested_callback_order, before-request half: app, then parent, then
// child hooks, each in registration order.
func TestNestedCallbackOrder(t *testing.T) {
	app := quietApp()
	parent, child := flagon.NewBlueprint("parent"), flagon.NewBlueprint("child")
	seen := flagon.NewKey[[]string]("seen")
	before := func(s *flagon.Scaffold, name string) {
		s.BeforeRequest(func(c *flagon.Ctx) error { seen.Set(c, append(seen.GetOr(c, nil), name)); return nil })
	}
	before(&app.Scaffold, "app_1")
	before(&app.Scaffold, "app_2")
	before(&parent.Scaffold, "parent_1")
	before(&parent.Scaffold, "parent_2")
	before(&child.Scaffold, "child_1")
	before(&child.Scaffold, "child_2")
	child.Get("/a", func(c *flagon.Ctx) error { return c.Text(fmt.Sprint(seen.GetOr(c, nil))) })
	parent.RegisterBlueprint(child)
	app.RegisterBlueprint(parent)
	expectBodies(t, app, map[string]string{"/a": "[app_1 app_2 parent_1 parent_2 child_1 child_2]"})
}

func TestNestingURLPrefixes(t *testing.T) {
	cases := []struct{ parentInit, childInit, parentReg, childReg string }{
		{"/parent", "/child", "", ""},
		{"/parent", "", "", "/child"},
		{"", "", "/parent", "/child"},
		{"/other", "/something", "/parent", "/child"},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprint(tc), func(t *testing.T) {
			app := quietApp()
			parent, child := flagon.NewBlueprint("parent", tc.parentInit), flagon.NewBlueprint("child", tc.childInit)
			child.Get("/", text("index"), flagon.Endpoint("index"))
			var childOpts, parentOpts []flagon.RegisterOption
			if tc.childReg != "" {
				childOpts = append(childOpts, flagon.URLPrefix(tc.childReg))
			}
			if tc.parentReg != "" {
				parentOpts = append(parentOpts, flagon.URLPrefix(tc.parentReg))
			}
			parent.RegisterBlueprint(child, childOpts...)
			app.RegisterBlueprint(parent, parentOpts...)
			if code := flagontest.NewClient(t, app).Get("/parent/child/").StatusCode; code != 200 {
				t.Errorf("status %d", code)
			}
		})
	}
}

func TestUniqueBlueprintNames(t *testing.T) {
	app := quietApp()
	bp, bp2 := flagon.NewBlueprint("bp"), flagon.NewBlueprint("bp")
	bp.Get("/", text("bp"), flagon.Endpoint("index"))
	bp2.Get("/2", text("bp2"), flagon.Endpoint("index"))
	app.RegisterBlueprint(bp)
	if panicMessage(func() { app.RegisterBlueprint(bp) }) == "" {
		t.Error("same blueprint, same name: no panic")
	}
	app.RegisterBlueprint(bp, flagon.BlueprintName("again"), flagon.URLPrefix("/again"))
	if panicMessage(func() { app.RegisterBlueprint(bp2) }) == "" {
		t.Error("other blueprint, same name: no panic")
	}
	app.RegisterBlueprint(bp2, flagon.BlueprintName("alt"))
}

func TestBlueprintRenaming(t *testing.T) {
	app := quietApp()
	bp, bp2 := flagon.NewBlueprint("bp"), flagon.NewBlueprint("bp2")
	endpoint := func(c *flagon.Ctx) error { return c.Text(c.Endpoint()) }
	bp.Get("/", endpoint, flagon.Endpoint("index"))
	bp.Get("/error", abort403, flagon.Endpoint("error"))
	bp.ErrorHandler(403, func(c *flagon.Ctx, err error) error { return c.Status(403).Text("Error") })
	bp2.Get("/", endpoint, flagon.Endpoint("index2"))
	bp.RegisterBlueprint(bp2, flagon.URLPrefix("/a"), flagon.BlueprintName("sub"))
	app.RegisterBlueprint(bp, flagon.URLPrefix("/a"))
	app.RegisterBlueprint(bp, flagon.URLPrefix("/b"), flagon.BlueprintName("alt"))
	expectBodies(t, app, map[string]string{
		"/a/": "bp.index", "/b/": "alt.index", "/a/a/": "bp.sub.index2", "/b/a/": "alt.sub.index2",
		"/a/error": "Error", "/b/error": "Error",
	})
}
