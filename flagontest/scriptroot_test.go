package flagontest_test

import (
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// scriptRootApp answers with what a view sees of its URL.
func scriptRootApp(cfg map[string]any) *flagon.App {
	app := flagon.New(flagon.WithConfig(cfg))
	app.UseJinja()
	app.Get("/", func(c *flagon.Ctx) error {
		s, err := c.RenderString("{{ request.url }} {{ request.path }} {{ request.script_root }} {{ url_for('index') }}", nil)
		if err != nil {
			return err
		}
		return c.Text(s)
	}, flagon.Endpoint("index"))
	app.Get("/login", func(c *flagon.Ctx) error {
		c.Session().Set("user", "ada")
		return c.Redirect(mustURL(c, "whoami"))
	})
	app.Get("/whoami", func(c *flagon.Ctx) error {
		u, _ := c.Session().GetString("user")
		return c.Text(c.Request.URL.Path + " " + u)
	}, flagon.Endpoint("whoami"))
	app.Get("/away", func(c *flagon.Ctx) error { return c.Redirect("/elsewhere") })
	app.Get("/elsewhere", func(c *flagon.Ctx) error { return c.Text("elsewhere " + c.Request.URL.Path) })
	return app
}

func mustURL(c *flagon.Ctx, endpoint string) string {
	u, err := c.URLFor(endpoint)
	if err != nil {
		panic(err)
	}
	return u
}

// test_environ_defaults_from_config (Flask's test_testing.py) and
// test_session_path (test_basic.py): the test client requests under
// APPLICATION_ROOT as its script root and PREFERRED_URL_SCHEME, so
// request.url and url_for carry the root while the app routes the path
// without it, the session cookie (Path=APPLICATION_ROOT) comes back, and
// redirects under the root stay under it.
func TestEnvironDefaultsFromConfig(t *testing.T) {
	tests := []struct {
		name   string
		cfg    map[string]any
		path   string
		follow bool
		want   string
	}{
		{"test_environ_defaults_from_config", map[string]any{"SERVER_NAME": "example.com:1234", "APPLICATION_ROOT": "/foo"},
			"/", false, "http://example.com:1234/foo/ / /foo /foo/"},
		{"no root", nil, "/", false, "http://localhost/ /  /"},
		{"root with slashes", map[string]any{"APPLICATION_ROOT": "foo/bar/"}, "/", false, "http://localhost/foo/bar/ / /foo/bar /foo/bar/"},
		{"preferred scheme without server name", map[string]any{"PREFERRED_URL_SCHEME": "https"}, "/", false, "https://localhost/ /  /"},
		{"test_session_path: the cookie comes back, redirect under the root",
			map[string]any{"SECRET_KEY": "dev", "APPLICATION_ROOT": "/foo"}, "/login", true, "/whoami ada"},
		{"redirect out of the root drops it", map[string]any{"APPLICATION_ROOT": "/foo"}, "/away", true, "elsewhere /elsewhere"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cl := flagontest.NewClient(t, scriptRootApp(tt.cfg))
			var opts []flagontest.Option
			if tt.follow {
				opts = append(opts, flagontest.FollowRedirects())
			}
			res := cl.Get(tt.path, opts...)
			if res.StatusCode != 200 || res.Text() != tt.want {
				t.Fatalf("got %d %q, want %q", res.StatusCode, res.Text(), tt.want)
			}
		})
	}
}

// test_blueprint_with_subdomain (Flask's test_testing.py): a request to a
// subdomain of SERVER_NAME goes under APPLICATION_ROOT too.
func TestBlueprintWithSubdomain(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"SERVER_NAME": "example.com:1234", "APPLICATION_ROOT": "/foo"}),
		flagon.WithSubdomainMatching())
	app.UseJinja()
	bp := flagon.NewBlueprint("company", "")
	bp.Get("/", func(c *flagon.Ctx) error {
		s, err := c.RenderString("{{ request.url }} {{ request.blueprint }}", nil)
		if err != nil {
			return err
		}
		return c.Text(s)
	})
	app.RegisterBlueprint(bp, flagon.BlueprintSubdomain("xxx"))
	res := flagontest.NewClient(t, app).Get("http://xxx.example.com:1234/")
	if want := "http://xxx.example.com:1234/foo/ company"; res.StatusCode != 200 || res.Text() != want {
		t.Fatalf("got %d %q, want %q", res.StatusCode, res.Text(), want)
	}
}
