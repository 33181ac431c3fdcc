package flagon_test

import (
	"context"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// test_jsonify_uuid_types (Flask): a <uuid:> value encodes to JSON as its
// string.
func TestJSONifyUUIDTypes(t *testing.T) {
	app := flagon.New()
	app.Get("/uuid_test/<uuid:x>", func(c *flagon.Ctx) error {
		v, err := c.ParamValue("x")
		if err != nil {
			return err
		}
		return c.JSON(map[string]any{"x": v})
	})
	res := flagontest.NewClient(t, app).Get("/uuid_test/deadbeef-dead-beef-dead-beefdeadbeef")
	var got struct{ X string }
	if err := res.JSON(&got); err != nil || got.X != "deadbeef-dead-beef-dead-beefdeadbeef" {
		t.Fatalf("body %q: %+v %v", res.Text(), got, err)
	}
}

// test_explicit_head (Flask, test_views.py) with two routes: a HEAD route
// beside a GET route answers HEAD requests.
func TestExplicitHeadRoute(t *testing.T) {
	app := flagon.New()
	app.Get("/", func(c *flagon.Ctx) error { return c.Text("Blub") }, flagon.Endpoint("index"))
	app.Route("/", func(c *flagon.Ctx) error {
		c.Header().Set("X-Method", "HEAD")
		return c.Text("")
	}, flagon.Methods("HEAD"), flagon.Endpoint("index_head"))
	cl := flagontest.NewClient(t, app)
	if res := cl.Get("/"); res.Text() != "Blub" {
		t.Fatalf("GET = %q", res.Text())
	}
	if res := cl.Head("/"); res.Header.Get("X-Method") != "HEAD" {
		t.Fatalf("HEAD went to the GET route: %v", res.Header)
	}
}

// GET,OPTIONS beside POST,OPTIONS on one path is not a conflict (Werkzeug
// and Flask accept it); the first rule answers OPTIONS.
func TestMethodsWithOptionsOnOnePath(t *testing.T) {
	app := flagon.New()
	app.Route("/x", func(c *flagon.Ctx) error { return c.Text("get " + c.Request.Method) },
		flagon.Methods("GET", "OPTIONS"), flagon.Endpoint("x_get"))
	app.Route("/x", func(c *flagon.Ctx) error { return c.Text("post") },
		flagon.Methods("POST", "OPTIONS"), flagon.Endpoint("x_post"))
	cl := flagontest.NewClient(t, app)
	for method, want := range map[string]string{"GET": "get GET", "POST": "post", "OPTIONS": "get OPTIONS"} {
		if got := cl.Do(method, "/x").Text(); got != want {
			t.Errorf("%s /x = %q, want %q", method, got, want)
		}
	}
}

// test_static_file's max-age cases (Flask, Werkzeug's send_file): the
// Cache-Control of SEND_FILE_MAX_AGE_DEFAULT unset, 0 and positive.
func TestSendFileMaxAgeDefault(t *testing.T) {
	tests := []struct {
		name  string
		value any
		want  string
	}{
		{"unset", nil, "no-cache"},
		{"zero", 0, "no-cache, max-age=0"},
		{"zero duration", time.Duration(0), "no-cache, max-age=0"},
		{"an hour", 3600, "public, max-age=3600"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := map[string]any{}
			if tt.value != nil {
				cfg["SEND_FILE_MAX_AGE_DEFAULT"] = tt.value
			}
			app := flagon.New(flagon.WithRootPath("testdata"), flagon.WithConfig(cfg))
			res := flagontest.NewClient(t, app).Get("/static/css/app.css")
			if got := res.Header.Get("Cache-Control"); got != tt.want {
				t.Fatalf("Cache-Control = %q, want %q", got, tt.want)
			}
		})
	}
}

// test_url_for_with_scheme_not_external (Flask): _scheme implies an
// external URL, and _scheme with _external false is an error.
func TestURLForWithSchemeNotExternal(t *testing.T) {
	app := flagon.New()
	app.Get("/", func(c *flagon.Ctx) error {
		u, err := c.URLFor("index", "_scheme", "https")
		if err != nil || u != "https://localhost/" {
			return c.Textf("implicit: %q %v", u, err)
		}
		if _, err := c.URLFor("index", "_scheme", "https", "_external", false); err == nil {
			return c.Text("no error with _external false")
		}
		return c.Text("ok")
	}, flagon.Endpoint("index"))
	if got := flagontest.NewClient(t, app).Get("/").Text(); got != "ok" {
		t.Fatal(got)
	}
}

// test_session_using_samesite_attribute (Flask): an invalid
// SESSION_COOKIE_SAMESITE is an error (at start-up for Serve, and a 500
// rather than a cookie without the attribute); valid values are sent.
func TestSessionUsingSameSiteAttribute(t *testing.T) {
	tests := []struct {
		value   any
		want    string // in the lower-cased Set-Cookie; "" means no SameSite
		invalid bool
	}{
		{"invalid", "", true},
		{42, "", true},
		{nil, "", false},
		{"Strict", "samesite=strict", false},
		{"Lax", "samesite=lax", false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.value), func(t *testing.T) {
			app := quietApp()
			app.Config.Set("SECRET_KEY", "dev")
			app.Config.Set("SESSION_COOKIE_SAMESITE", tt.value)
			app.Get("/", func(c *flagon.Ctx) error {
				c.Session().Set("testing", 42)
				return c.Text("Hello World")
			})
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			serveErr := app.Serve(ctx, app.NewServer(""), ln)
			if tt.invalid != (serveErr != nil) {
				t.Fatalf("Serve error = %v, want invalid=%v", serveErr, tt.invalid)
			}
			res := flagontest.NewClient(t, app).Get("/")
			cookie := strings.ToLower(res.Header.Get("Set-Cookie"))
			switch {
			case tt.invalid:
				if res.StatusCode != 500 || cookie != "" {
					t.Fatalf("got %d with cookie %q, want a 500 without cookie", res.StatusCode, cookie)
				}
			case tt.want == "":
				if cookie == "" || strings.Contains(cookie, "samesite") {
					t.Fatalf("cookie %q", cookie)
				}
			case !strings.Contains(cookie, tt.want):
				t.Fatalf("cookie %q, want %q", cookie, tt.want)
			}
		})
	}
}

// Flask's routing defaults (the "Rule defaults" of issue #16, Werkzeug's
// test_defaults through the web core): /users/ is page 1, /users/page/1
// redirects to it, and url_for picks the rule by the values.
func TestRouteDefaults(t *testing.T) {
	app := flagon.New()
	showUsers := func(c *flagon.Ctx) error {
		page, err := c.ParamValue("page")
		if err != nil {
			return err
		}
		first, _ := c.URLFor("users", "page", 1)
		second, _ := c.URLFor("users", "page", 2)
		return c.Textf("page %v (%s %s %s)", page, c.Param("page"), first, second)
	}
	app.Get("/users/", showUsers, flagon.Endpoint("users"), flagon.Defaults(map[string]any{"page": 1}))
	app.Get("/users/page/<int:page>", showUsers, flagon.Endpoint("users"))
	cl := flagontest.NewClient(t, app)
	if got := cl.Get("/users/").Text(); got != "page 1 (1 /users/ /users/page/2)" {
		t.Errorf("/users/ = %q", got)
	}
	if got := cl.Get("/users/page/2").Text(); got != "page 2 (2 /users/ /users/page/2)" {
		t.Errorf("/users/page/2 = %q", got)
	}
	if res := cl.Get("/users/page/1?sort=name"); res.StatusCode != 308 || res.Location() != "/users/?sort=name" {
		t.Errorf("/users/page/1 = %d %q", res.StatusCode, res.Location())
	}
}

// Several variables in one segment through the web core (Werkzeug's
// test_multiple_converters_per_part).
func TestMultipleVariablesInOneSegment(t *testing.T) {
	app := flagon.New()
	app.Get("/v<int:major>.<int:minor>", func(c *flagon.Ctx) error {
		major, _ := c.ParamInt("major")
		minor, _ := c.ParamInt("minor")
		u, err := c.URLFor("version", "major", major, "minor", minor+1)
		if err != nil {
			return err
		}
		return c.Textf("%d %d %s", major, minor, u)
	}, flagon.Endpoint("version"))
	if got := flagontest.NewClient(t, app).Get("/v1.2").Text(); got != "1 2 /v1.3" {
		t.Fatalf("got %q", got)
	}
}

// Flask's add_url_rule("/", endpoint="index") beside a routed view: an
// alias endpoint that builds the same URL, while the view answers it.
func TestAliasEndpoint(t *testing.T) {
	app := flagon.New()
	app.Get("/", func(c *flagon.Ctx) error {
		a, _ := c.URLFor("home")
		b, err := c.URLFor("index", "page", 2)
		return c.Textf("home %s %s %v", a, b, err)
	}, flagon.Endpoint("home"))
	app.AddURLRule("/", "index")
	app.Get("/about", func(c *flagon.Ctx) error { return c.Text("about") }, flagon.Endpoint("index_page"))
	app.AddURLRule("/about", "info")
	cl := flagontest.NewClient(t, app)
	if got := cl.Get("/").Text(); got != "home / /?page=2 <nil>" {
		t.Fatalf("got %q", got)
	}
	if u, err := app.URLFor("info"); err != nil || u != "/about" {
		t.Fatalf("info: %q %v", u, err)
	}
	if got := cl.Get("/about").Text(); got != "about" {
		t.Fatalf("/about = %q", got)
	}
}

// test_alias_redirects (Werkzeug) through the web core: alias routes
// redirect to the canonical URL, keeping the query.
func TestAliasRoutes(t *testing.T) {
	app := flagon.New()
	users := func(c *flagon.Ctx) error { return c.Text("users " + c.Param("page")) }
	app.Get("/users/", users, flagon.Endpoint("users"), flagon.Defaults(map[string]any{"page": 1}))
	app.Get("/users/page/<int:page>", users, flagon.Endpoint("users"))
	app.Get("/users/page-<int:page>.html", users, flagon.Endpoint("users"), flagon.Alias())
	cl := flagontest.NewClient(t, app)
	for path, want := range map[string]string{"/users/page-1.html?foo=bar": "/users/?foo=bar", "/users/page-2.html": "/users/page/2"} {
		if res := cl.Get(path); res.StatusCode != 308 || res.Location() != want {
			t.Errorf("GET %s = %d %q, want 308 %q", path, res.StatusCode, res.Location(), want)
		}
	}
	if got := cl.Get("/users/page-2.html", flagontest.FollowRedirects()).Text(); got != "users 2" {
		t.Errorf("followed: %q", got)
	}
}
