package flagon_test

import (
	"testing"
	"testing/fstest"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// Flask's test_basic.py::test_static_route_with_host_matching.
func TestStaticRouteWithHostMatching(t *testing.T) {
	app := flagon.New(flagon.WithHostMatching("example.com"),
		flagon.WithStaticFS(fstest.MapFS{"index.html": {Data: []byte("<h1>static</h1>")}}))
	cl := flagontest.NewClient(t, app)
	if res := cl.Get("http://example.com/static/index.html"); res.StatusCode != 200 {
		t.Fatalf("static on its host: %d", res.StatusCode)
	}
	if res := cl.Get("http://other.com/static/index.html"); res.StatusCode != 404 {
		t.Fatalf("static on another host: %d", res.StatusCode)
	}
	app.Config.Set("SERVER_NAME", "example.com")
	u, err := app.URLFor("static", "filename", "index.html", "_external", true)
	if err != nil || u != "http://example.com/static/index.html" {
		t.Fatalf("url_for static = %q, %v", u, err)
	}
	// Host matching with a static folder needs a static host.
	defer func() {
		if recover() == nil {
			t.Error("host matching with a static folder and no static host did not panic")
		}
	}()
	bad := flagon.New(flagon.WithHostMatching(""), flagon.WithStaticFS(fstest.MapFS{}))
	bad.Freeze()
}

// Flask's test_basic.py::test_server_name_matching (host_matching=True)
// and Werkzeug's TestHostMatching through the app: matching by host,
// url_for across hosts, and the defaults redirect to another host.
func TestServerNameHostMatching(t *testing.T) {
	app := flagon.New(flagon.WithHostMatching(""), flagon.WithLogger(quietApp().Logger))
	app.StaticFS = nil
	app.Config.Set("SERVER_NAME", "example.test")
	index := func(c *flagon.Ctx) error { return c.Text(c.Param("name")) }
	app.Get("/", index, flagon.Endpoint("index"), flagon.Host("<name>.example.test"))
	app.Get("/", index, flagon.Endpoint("index"), flagon.Host("example.test"), flagon.Defaults(map[string]any{"name": "default"}))
	page := func(c *flagon.Ctx) error { return c.Textf("%s %v", c.Param("domain"), c.Param("page")) }
	app.Get("/page/", page, flagon.Endpoint("page"), flagon.Host("app.<domain>"), flagon.Defaults(map[string]any{"page": 1}))
	app.Get("/page/<int:page>/", page, flagon.Endpoint("page"), flagon.Host("pages.<domain>"))
	app.Get("/links", func(c *flagon.Ctx) error {
		same, err1 := c.URLFor("page", "domain", "personal.test")
		other, err2 := c.URLFor("page", "domain", "personal.test", "page", 2)
		ext, err3 := c.URLFor("page", "domain", "personal.test", "_external", true)
		for _, err := range []error{err1, err2, err3} {
			if err != nil {
				return err
			}
		}
		return c.Text(same + " " + other + " " + ext)
	}, flagon.Host("app.<domain>"))
	cl := flagontest.NewClient(t, app)
	tests := []struct {
		name, url string
		code      int
		body, loc string
	}{
		{"test_server_name_matching default", "http://example.test/", 200, "default", ""},
		{"test_server_name_matching abc", "http://abc.example.test/", 200, "abc", ""},
		{"host is case-insensitive", "http://ABC.Example.Test/", 200, "abc", ""},
		{"test_no_match_other_host", "http://xyz.other.test/", 404, "", ""},
		{"test_match_host_suffix", "http://app.personal.test/page/", 200, "personal.test 1", ""},
		{"test_match_redirect_trailing_slash", "http://app.other.test/page", 308, "", "/page/"},
		{"test_match_redirect_other_host", "http://pages.personal.test/page/1/", 308, "", "http://app.personal.test/page/"},
		{"test_build_same_host and test_build_other_host", "http://app.personal.test/links", 200,
			"/page/ http://pages.personal.test/page/2/ http://app.personal.test/page/", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := cl.Open("GET", tt.url)
			if err != nil {
				t.Fatal(err)
			}
			if res.StatusCode != tt.code || (tt.body != "" && res.Text() != tt.body) || res.Location() != tt.loc {
				t.Errorf("got %d %q (Location %q), want %d %q (%q)", res.StatusCode, res.Text(), res.Location(), tt.code, tt.body, tt.loc)
			}
		})
	}
}

// Host names are case-insensitive: a request for an upper-case (or an
// internationalised) host matches the rule of its lower-case form, with
// host matching and with subdomain matching.
func TestHostMatchingIgnoresCase(t *testing.T) {
	tests := []struct {
		name, host, want string
	}{
		{"lower case", "api.example.test", "api"},
		{"upper case", "API.Example.TEST", "api"},
		{"variable", "Shop.Example.Test", "shop"},
		{"non-ASCII", "ÉTÉ.example.test", "été"},
	}
	hosts := flagon.New(flagon.WithHostMatching(""))
	hosts.StaticFS = nil
	hosts.Get("/", func(c *flagon.Ctx) error { return c.Text("api") }, flagon.Host("api.example.test"))
	hosts.Get("/", func(c *flagon.Ctx) error { return c.Text(c.Param("sub")) }, flagon.Host("<sub>.example.test"), flagon.Endpoint("sub"))
	subs := subdomainApp("example.test")
	subs.Get("/", func(c *flagon.Ctx) error { return c.Text("api") }, flagon.Subdomain("api"))
	subs.Get("/", func(c *flagon.Ctx) error { return c.Text(c.Param("sub")) }, flagon.Subdomain("<sub>"), flagon.Endpoint("sub"))
	apps := []struct {
		name string
		app  *flagon.App
	}{{"host matching", hosts}, {"subdomain matching", subs}}
	for _, a := range apps {
		for _, tt := range tests {
			t.Run(a.name+"/"+tt.name, func(t *testing.T) {
				res := flagontest.NewClient(t, a.app).Get("http://" + tt.host + "/")
				if res.StatusCode != 200 || res.Text() != tt.want {
					t.Fatalf("%s: %d %q, want %q", tt.host, res.StatusCode, res.Text(), tt.want)
				}
			})
		}
	}
}
