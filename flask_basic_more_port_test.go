package flagon_test

import (
	"net/url"
	"reflect"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// More ports of Flask tests/test_basic.py (the first ones are in
// flask_basic_port_test.go).

func TestMethodRoute(t *testing.T) {
	routes := map[string]func(*flagon.App, string, flagon.HandlerFunc, ...flagon.RouteOption){
		"GET": (*flagon.App).Get, "POST": (*flagon.App).Post, "PUT": (*flagon.App).Put,
		"DELETE": (*flagon.App).Delete, "PATCH": (*flagon.App).Patch,
	}
	for method, route := range routes {
		t.Run(method, func(t *testing.T) {
			app := quietApp()
			route(app, "/", text("Hello"))
			if got := flagontest.NewClient(t, app).Do(method, "/").Text(); got != "Hello" {
				t.Errorf("body %q", got)
			}
		})
	}
}

func allowSet(h string) []string {
	var out []string
	for _, m := range strings.Split(h, ",") {
		if m = strings.TrimSpace(m); m != "" {
			out = append(out, m)
		}
	}
	sort.Strings(out)
	return out
}

func TestProvideAutomaticOptionsAttr(t *testing.T) {
	t.Run("test_provide_automatic_options_attr_disable", func(t *testing.T) {
		app := quietApp()
		app.Get("/", text("Hello World!"), flagon.AutomaticOptions(false))
		if code := flagontest.NewClient(t, app).Do("OPTIONS", "/").StatusCode; code != 405 {
			t.Errorf("status %d", code)
		}
	})
	t.Run("test_provide_automatic_options_attr_enable", func(t *testing.T) {
		app := flagon.New(flagon.WithConfig(map[string]any{"PROVIDE_AUTOMATIC_OPTIONS": false}))
		app.Get("/", text("Hello World!"), flagon.AutomaticOptions(true))
		res := flagontest.NewClient(t, app).Do("OPTIONS", "/")
		if got := allowSet(res.Header.Get("Allow")); !reflect.DeepEqual(got, []string{"GET", "HEAD", "OPTIONS"}) {
			t.Errorf("Allow %q", res.Header.Get("Allow"))
		}
	})
}

// test_request_preprocessing_early_return: a before-request hook that
// writes a response stops the other hooks and the view.
func TestRequestPreprocessingEarlyReturn(t *testing.T) {
	app := quietApp()
	var evts []string
	app.BeforeRequest(func(c *flagon.Ctx) error { evts = append(evts, "1"); return nil })
	app.BeforeRequest(func(c *flagon.Ctx) error { evts = append(evts, "2"); return c.Text("hello") })
	app.BeforeRequest(func(c *flagon.Ctx) error { evts = append(evts, "3"); return c.Text("bye") })
	app.Get("/", func(c *flagon.Ctx) error { evts = append(evts, "index"); return c.Text("damnit") })
	if got := flagontest.NewClient(t, app).Get("/").Text(); got != "hello" {
		t.Errorf("body %q", got)
	}
	if !reflect.DeepEqual(evts, []string{"1", "2"}) {
		t.Errorf("events %v", evts)
	}
}

func TestStaticURLPath(t *testing.T) {
	static := fstest.MapFS{"index.html": {Data: []byte("<h1>static</h1>")}}
	for _, path := range []string{"/foo", "/foo/"} {
		t.Run(path, func(t *testing.T) {
			app := flagon.New(flagon.WithStaticFS(static))
			app.StaticURLPath = path
			if code := flagontest.NewClient(t, app).Get("/foo/index.html").StatusCode; code != 200 {
				t.Errorf("status %d", code)
			}
			if u, err := app.URLFor("static", "filename", "index.html"); err != nil || u != "/foo/index.html" {
				t.Errorf("URLFor = %q, %v", u, err)
			}
		})
	}
}

func TestMultiRouteRules(t *testing.T) {
	app := quietApp()
	index := func(c *flagon.Ctx) error { return c.Text(c.Param("test")) }
	app.Get("/", index, flagon.Endpoint("index"), flagon.Defaults(map[string]any{"test": "a"}))
	app.Get("/<test>/", index, flagon.Endpoint("index"))
	expectBodies(t, app, map[string]string{"/": "a", "/b/": "b"})
}

func TestServerNameSubdomain(t *testing.T) {
	app := flagon.New(flagon.WithSubdomainMatching())
	app.Get("/", text("default"), flagon.Endpoint("index"))
	app.Get("/", text("subdomain"), flagon.Endpoint("subdomain"), flagon.Subdomain("foo"))
	cases := []struct{ server, base, want string }{
		{"dev.local:5000", "http://dev.local:5000", "default"},
		{"dev.local:5000", "https://dev.local:5000", "default"},
		{"dev.local", "https://dev.local", "default"},
		{"dev.local", "http://foo.dev.local", "subdomain"},
	}
	for _, tc := range cases {
		app.Config.Set("SERVER_NAME", tc.server)
		cl := flagontest.NewClient(t, app)
		cl.BaseURL, _ = url.Parse(tc.base)
		if got := cl.Get("/").Text(); got != tc.want {
			t.Errorf("SERVER_NAME %s, %s: %q, want %q", tc.server, tc.base, got, tc.want)
		}
	}
}
