package flagon_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

func routingApp() *flagon.App {
	app := flagon.New()
	app.Get("/", func(c *flagon.Ctx) error { return c.Text("index") })
	app.Get("/post/<int:id>", func(c *flagon.Ctx) error {
		id, err := c.ParamInt("id")
		if err != nil {
			return err
		}
		return c.Textf("post %d", id)
	})
	app.Get("/files/<path:name>", func(c *flagon.Ctx) error { return c.Text("file " + c.Param("name")) })
	app.Get("/u/<uuid:id>", func(c *flagon.Ctx) error { return c.Text("uuid " + c.Param("id")) })
	app.Get("/page/<any(about, help):page>", func(c *flagon.Ctx) error { return c.Text("page " + c.Param("page")) })
	app.Get("/price/<float:p>", func(c *flagon.Ctx) error {
		v, err := c.ParamValue("p")
		if err != nil {
			return err
		}
		return c.Textf("price %v", v)
	})
	app.Get("/user/<name>", func(c *flagon.Ctx) error { return c.Text("user " + c.Param("name")) })
	app.Route("/items", func(c *flagon.Ctx) error { return c.Text(c.Request.Method + " items") },
		flagon.Methods("GET", "POST"))
	app.Get("/dir/", func(c *flagon.Ctx) error { return c.Text("dir") })
	return app
}

func TestRouting(t *testing.T) {
	cl := flagontest.NewClient(t, routingApp())
	tests := []struct {
		name, method, path string
		code               int
		body               string
		header, value      string
	}{
		{"index", "GET", "/", 200, "index", "", ""},
		{"int converter", "GET", "/post/42", 200, "post 42", "", ""},
		{"int rejects letters", "GET", "/post/abc", 404, "", "", ""},
		{"int rejects negative", "GET", "/post/-1", 404, "", "", ""},
		{"path converter keeps slashes", "GET", "/files/a/b/c.txt", 200, "file a/b/c.txt", "", ""},
		{"uuid converter", "GET", "/u/cd613e30-d8f1-6adf-91b7-584a2265b1f5", 200, "uuid cd613e30-d8f1-6adf-91b7-584a2265b1f5", "", ""},
		{"uuid rejects garbage", "GET", "/u/not-a-uuid", 404, "", "", ""},
		{"any converter", "GET", "/page/help", 200, "page help", "", ""},
		{"any rejects others", "GET", "/page/other", 404, "", "", ""},
		{"float converter", "GET", "/price/1.5", 200, "price 1.5", "", ""},
		{"string default", "GET", "/user/alice", 200, "user alice", "", ""},
		{"string rejects slash", "GET", "/user/a/b", 404, "", "", ""},
		{"second method", "POST", "/items", 200, "POST items", "", ""},
		{"HEAD for GET route", "HEAD", "/", 200, "", "", ""},
		{"405 with Allow", "DELETE", "/items", 405, "", "Allow", "GET, HEAD, OPTIONS, POST"},
		{"automatic OPTIONS", "OPTIONS", "/items", 200, "", "Allow", "GET, HEAD, OPTIONS, POST"},
		{"strict slashes redirect", "GET", "/dir", 308, "", "Location", "/dir/"},
		{"strict slashes keeps query", "GET", "/dir?x=1", 308, "", "Location", "/dir/?x=1"},
		{"trailing slash on slashless rule is 404", "GET", "/user/alice/", 404, "", "", ""},
		{"unknown path", "GET", "/nope", 404, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := cl.Do(tt.method, tt.path)
			if res.StatusCode != tt.code {
				t.Fatalf("status = %d, want %d (body %q)", res.StatusCode, tt.code, res.Text())
			}
			if tt.body != "" && res.Text() != tt.body {
				t.Errorf("body = %q, want %q", res.Text(), tt.body)
			}
			if tt.header != "" && res.Header.Get(tt.header) != tt.value {
				t.Errorf("%s = %q, want %q", tt.header, res.Header.Get(tt.header), tt.value)
			}
			if tt.method == "HEAD" && len(res.Body) != 0 {
				t.Errorf("HEAD response has a body: %q", res.Body)
			}
		})
	}
}

func TestRouteConflictNamesBothSites(t *testing.T) {
	app := flagon.New()
	app.Get("/a/<x>", func(c *flagon.Ctx) error { return nil }, flagon.Endpoint("one"))
	msg := panicMessage(func() {
		app.Get("/a/<y>", func(c *flagon.Ctx) error { return nil }, flagon.Endpoint("two"))
	})
	if strings.Count(msg, "routing_test.go:") != 2 {
		t.Fatalf("conflict message should name both registration sites: %q", msg)
	}
}

func TestEndpointReuseWithOtherHandlerPanics(t *testing.T) {
	app := flagon.New()
	app.Get("/a", func(c *flagon.Ctx) error { return nil }, flagon.Endpoint("same"))
	msg := panicMessage(func() {
		app.Get("/b", func(c *flagon.Ctx) error { return c.Text("other") }, flagon.Endpoint("same"))
	})
	if !strings.Contains(msg, `endpoint "same"`) {
		t.Fatalf("got %q", msg)
	}
}

func TestRegistrationAfterFirstRequestPanics(t *testing.T) {
	app := flagon.New()
	app.Get("/", func(c *flagon.Ctx) error { return nil })
	flagontest.NewClient(t, app).Get("/")
	msg := panicMessage(func() { app.Get("/late", func(c *flagon.Ctx) error { return nil }) })
	if !strings.Contains(msg, "after the app handled its first request") {
		t.Fatalf("got %q", msg)
	}
}

func TestEndpointNames(t *testing.T) {
	app := flagon.New()
	app.Get("/named", namedHandler)
	app.Get("/anon", func(c *flagon.Ctx) error { return nil })
	app.Get("/explicit", namedHandler, flagon.Endpoint("custom"))
	app.Freeze()
	got := map[string]string{}
	for _, r := range app.URLMap().Rules() {
		got[r.Pattern] = r.Endpoint
	}
	want := map[string]string{"/named": "namedHandler", "/anon": "/anon", "/explicit": "custom"}
	for rule, ep := range want {
		if got[rule] != ep {
			t.Errorf("endpoint of %s = %q, want %q", rule, got[rule], ep)
		}
	}
}

func namedHandler(c *flagon.Ctx) error { return c.Text("named") }

func TestUserConverter(t *testing.T) {
	app := flagon.New()
	app.AddConverter("upper", func(args []any, kwargs map[string]any) (routing_Converter, error) {
		return upperConverter{}, nil
	})
	app.Get("/c/<upper:code>", func(c *flagon.Ctx) error { return c.Text(c.Param("code")) })
	cl := flagontest.NewClient(t, app)
	if res := cl.Get("/c/ABC"); res.StatusCode != 200 || res.Text() != "ABC" {
		t.Fatalf("got %d %q", res.StatusCode, res.Text())
	}
	if res := cl.Get("/c/abc"); res.StatusCode != 404 {
		t.Fatalf("lower case should not match, got %d", res.StatusCode)
	}
}

func panicMessage(f func()) (msg string) {
	defer func() {
		if p := recover(); p != nil {
			msg = toString(p)
		}
	}()
	f()
	return ""
}

func toString(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	if e, ok := v.(error); ok {
		return e.Error()
	}
	return ""
}

var _ = http.MethodGet
