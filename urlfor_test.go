package flagon_test

import (
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// probe runs inside each request of urlApp, to call URLFor there.
var probe func(c *flagon.Ctx)

func urlApp(config map[string]any) *flagon.App {
	app := flagon.New(flagon.WithConfig(config))
	app.BeforeRequest(func(c *flagon.Ctx) error {
		if probe != nil {
			probe(c)
		}
		return nil
	})
	noop := func(c *flagon.Ctx) error { return nil }
	app.Get("/", noop, flagon.Endpoint("index"))
	app.Get("/post/<int:id>", noop, flagon.Endpoint("post"))
	app.Get("/files/<path:name>", noop, flagon.Endpoint("file"))
	app.Route("/thing", noop, flagon.Endpoint("thing_get"), flagon.Methods("GET"))
	bp := flagon.NewBlueprint("admin", "/admin")
	bp.Get("/", noop, flagon.Endpoint("home"))
	bp.Get("/users/<name>", noop, flagon.Endpoint("user"))
	app.RegisterBlueprint(bp)
	return app
}

func TestURLFor(t *testing.T) {
	app := urlApp(nil)
	tests := []struct {
		name     string
		endpoint string
		values   []any
		want     string
	}{
		{"plain", "index", nil, "/"},
		{"int value", "post", []any{"id", 5}, "/post/5"},
		{"extra values become the query", "post", []any{"id", 5, "q", "a b", "page", 2}, "/post/5?page=2&q=a+b"},
		{"map of values", "post", []any{map[string]any{"id": 7}}, "/post/7"},
		{"path keeps slashes", "file", []any{"name", "a/b c.txt"}, "/files/a/b%20c.txt"},
		{"anchor", "index", []any{"_anchor", "top"}, "/#top"},
		{"external uses request host", "post", []any{"id", 1, "_external", true}, "http://example.org/post/1"},
		{"scheme implies external", "index", []any{"_scheme", "https"}, "https://example.org/"},
		{"blueprint endpoint", "admin.user", []any{"name", "bob"}, "/admin/users/bob"},
		{"method picks the rule", "thing_get", []any{"_method", "GET"}, "/thing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := buildInRequest(t, app, tt.endpoint, tt.values)
			if got != tt.want {
				t.Errorf("URLFor(%q, %v) = %q, want %q", tt.endpoint, tt.values, got, tt.want)
			}
		})
	}
}

// buildInRequest calls URLFor inside a request to http://example.org/.
func buildInRequest(t *testing.T, app *flagon.App, endpoint string, values []any) string {
	t.Helper()
	var got string
	var err error
	probe = func(c *flagon.Ctx) { got, err = c.URLFor(endpoint, values...) }
	defer func() { probe = nil }()
	cl := flagontest.NewClient(t, app)
	cl.BaseURL.Host = "example.org"
	cl.Get("/")
	if err != nil {
		t.Fatalf("URLFor(%q): %v", endpoint, err)
	}
	return got
}

func TestURLForErrors(t *testing.T) {
	app := urlApp(nil)
	tests := []struct {
		name     string
		endpoint string
		values   []any
		wantErr  string
	}{
		{"unknown endpoint", "nope", nil, `"nope"`},
		{"missing value", "post", nil, `"post"`},
		{"wrong type", "post", []any{"id", "abc"}, `"post"`},
		{"odd arguments", "post", []any{"id"}, "odd number"},
		{"non-string name", "post", []any{1, 2}, "must be a name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			probe = func(c *flagon.Ctx) { _, err = c.URLFor(tt.endpoint, tt.values...) }
			defer func() { probe = nil }()
			flagontest.NewClient(t, app).Get("/")
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want it to contain %s", err, tt.wantErr)
			}
		})
	}
}

func TestURLForServerName(t *testing.T) {
	app := urlApp(map[string]any{"SERVER_NAME": "shop.example", "PREFERRED_URL_SCHEME": "https"})
	got, err := app.URLFor("post", "id", 3, "_external", true)
	if err != nil || got != "https://shop.example/post/3" {
		t.Fatalf("got %q, %v", got, err)
	}
	if _, err := urlApp(nil).URLFor("index", "_external", true); err == nil {
		t.Fatal("external URL outside a request without SERVER_NAME should fail")
	}
}

func TestURLForRelativeEndpoint(t *testing.T) {
	app := flagon.New()
	bp := flagon.NewBlueprint("shop", "/shop")
	var got string
	bp.Get("/", func(c *flagon.Ctx) error {
		var err error
		got, err = c.URLFor(".item", "id", 9)
		return err
	}, flagon.Endpoint("index"))
	bp.Get("/item/<int:id>", func(c *flagon.Ctx) error { return nil }, flagon.Endpoint("item"))
	app.RegisterBlueprint(bp)
	res := flagontest.NewClient(t, app).Get("/shop/")
	if res.StatusCode != 200 || got != "/shop/item/9" {
		t.Fatalf("status %d, url %q", res.StatusCode, got)
	}
}

// Outside a request the URL map is bound as Flask's create_url_adapter
// binds it, with script_name=APPLICATION_ROOT; in a request the script
// root is the request's (none without ProxyFix or the test client).
func TestURLForOutsideRequestUnderApplicationRoot(t *testing.T) {
	tests := []struct {
		name string
		cfg  map[string]any
		args []any
		want string
	}{
		{"external", map[string]any{"SERVER_NAME": "shop.example", "APPLICATION_ROOT": "/foo"}, nil, "http://shop.example/foo/post/3"},
		{"relative", map[string]any{"SERVER_NAME": "shop.example", "APPLICATION_ROOT": "/foo/"}, []any{"_external", false}, "/foo/post/3"},
		{"without server name", map[string]any{"APPLICATION_ROOT": "foo"}, nil, "/foo/post/3"},
		{"root", map[string]any{"SERVER_NAME": "shop.example"}, nil, "http://shop.example/post/3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := urlApp(tt.cfg).URLFor("post", append([]any{"id", 3}, tt.args...)...)
			if err != nil || got != tt.want {
				t.Fatalf("got %q, %v, want %q", got, err, tt.want)
			}
		})
	}
}
