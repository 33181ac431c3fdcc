package flagon_test

import (
	"net/url"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// get sends GET path to base (scheme and host) with a new client.
func get(t *testing.T, app *flagon.App, base, path string) *flagontest.Response {
	t.Helper()
	cl := flagontest.NewClient(t, app)
	cl.BaseURL, _ = url.Parse(base)
	return cl.Get(path)
}

func subdomainApp(server string) *flagon.App {
	app := flagon.New(flagon.WithSubdomainMatching(), flagon.WithConfig(map[string]any{"SERVER_NAME": server}))
	app.Config.Set("SERVER_NAME", server)
	return app
}

// test_subdomain_basic_support (Flask)
func TestSubdomainBasicSupport(t *testing.T) {
	app := subdomainApp("localhost.localdomain")
	app.Get("/", func(c *flagon.Ctx) error { return c.Text("normal index") }, flagon.Endpoint("normal_index"))
	app.Get("/", func(c *flagon.Ctx) error { return c.Text("test index") }, flagon.Endpoint("test_index"), flagon.Subdomain("test"))
	if got := get(t, app, "http://localhost.localdomain", "/").Text(); got != "normal index" {
		t.Errorf("normal: %q", got)
	}
	if got := get(t, app, "http://test.localhost.localdomain", "/").Text(); got != "test index" {
		t.Errorf("test: %q", got)
	}
}

// test_subdomain_matching and test_subdomain_matching_with_ports (Flask)
func TestSubdomainMatchingVariable(t *testing.T) {
	for _, server := range []string{"localhost.localdomain", "localhost.localdomain:3000"} {
		app := subdomainApp(server)
		app.Get("/", func(c *flagon.Ctx) error {
			u, err := c.URLFor("index", "user", "other")
			if err != nil {
				return err
			}
			return c.Text("index for " + c.Param("user") + " " + u)
		}, flagon.Endpoint("index"), flagon.Subdomain("<user>"))
		want := "index for mitsuhiko http://other." + server + "/"
		if got := get(t, app, "http://mitsuhiko."+server, "/").Text(); got != want {
			t.Errorf("%s: %q, want %q", server, got, want)
		}
	}
}

// test_subdomain_matching_other_name (Flask, Werkzeug 3.1): with matching
// on, another host name or an unknown subdomain is a 404; with it off,
// every host is served.
func TestSubdomainMatchingOtherName(t *testing.T) {
	for _, matching := range []bool{false, true} {
		app := flagon.New(flagon.WithConfig(map[string]any{"SERVER_NAME": "localhost.localdomain:3000"}))
		app.SubdomainMatching = matching
		app.Get("/", func(c *flagon.Ctx) error { return c.NoContent() })
		want := 204
		if matching {
			want = 404
		}
		for _, base := range []string{"http://127.0.0.1:3000", "http://www.localhost.localdomain:3000"} {
			if code := get(t, app, base, "/").StatusCode; code != want {
				t.Errorf("matching=%v %s: %d, want %d", matching, base, code, want)
			}
		}
	}
}

// test_nesting_subdomains and test_child_and_parent_subdomain (Flask)
func TestBlueprintSubdomains(t *testing.T) {
	app := subdomainApp("example.test")
	parent := flagon.NewBlueprint("parent")
	child := flagon.NewBlueprint("child")
	child.Get("/child/", func(c *flagon.Ctx) error { return c.Text("child") }, flagon.Endpoint("index"))
	parent.RegisterBlueprint(child)
	app.RegisterBlueprint(parent, flagon.BlueprintSubdomain("api"))

	parent2 := flagon.NewBlueprint("parent2")
	child2 := flagon.NewBlueprint("child2")
	child2.Subdomain = "api"
	child2.Get("/", func(c *flagon.Ctx) error { return c.Text("child") }, flagon.Endpoint("index"))
	parent2.RegisterBlueprint(child2)
	app.RegisterBlueprint(parent2, flagon.BlueprintSubdomain("parent"))

	tests := []struct {
		base, path string
		code       int
	}{
		{"http://api.example.test", "/child/", 200},
		{"http://example.test", "/child/", 404},
		{"http://api.parent.example.test", "/", 200},
		{"http://parent.example.test", "/", 404},
	}
	for _, tt := range tests {
		if code := get(t, app, tt.base, tt.path).StatusCode; code != tt.code {
			t.Errorf("%s%s: %d, want %d", tt.base, tt.path, code, tt.code)
		}
	}
	if u, err := app.URLFor("parent2.child2.index"); err != nil || u != "http://api.parent.example.test/" {
		t.Errorf("url_for = %q, %v", u, err)
	}
}
