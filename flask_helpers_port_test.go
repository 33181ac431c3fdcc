package flagon_test

import (
	"errors"
	"io"
	"log/slog"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// Cases ported from Flask's tests/test_helpers.py (TestUrlFor) and
// test_basic.py's url_for cases, on the public API.

func myview(c *flagon.Ctx) error { return c.Text(c.Request.Method) }

func TestFlaskHelpersURLFor(t *testing.T) {
	app := flagon.New()
	app.Get("/", func(c *flagon.Ctx) error { return c.Text("42") }, flagon.Endpoint("index"))
	app.Get("/myview/", myview, flagon.Endpoint("myview"))
	app.Get("/myview/<int:id>", myview, flagon.Endpoint("myview"))
	app.Post("/myview/create", myview, flagon.Endpoint("myview"))
	app.Get("/s/<self>", func(c *flagon.Ctx) error { return c.Text("42") }, flagon.Endpoint("with_self"))
	tests := []struct {
		name     string
		endpoint string
		values   []any
		want     string
	}{
		{"test_url_for_with_anchor", "index", []any{"_anchor", "x y"}, "/#x%20y"},
		{"anchor safe characters", "index", []any{"_anchor", "a/b?c=d&e#f"}, "/#a/b?c=d&e#f"},
		{"anchor non-ASCII", "index", []any{"_anchor", "é<"}, "/#%C3%A9%3C"},
		{"test_url_for_with_scheme", "index", []any{"_external", true, "_scheme", "https"}, "https://localhost/"},
		{"test_url_for_with_alternating_schemes external", "index", []any{"_external", true}, "http://localhost/"},
		{"test_url_with_method GET", "myview", []any{"_method", "GET"}, "/myview/"},
		{"test_url_with_method GET id", "myview", []any{"id", 42, "_method", "GET"}, "/myview/42"},
		{"test_url_with_method POST", "myview", []any{"_method", "POST"}, "/myview/create"},
		{"test_url_for_with_self", "with_self", []any{"self", "2"}, "/s/2"},
		{"query list", "index", []any{"tag", []string{"a", "b"}}, "/?tag=a&tag=b"},
		{"query quoted", "index", []any{"q", "a b&c"}, "/?q=a+b%26c"},
		{"anchor and query", "index", []any{"page", 2, "_anchor", "top"}, "/?page=2#top"},
	}
	type result struct {
		url string
		err error
	}
	got := make([]result, len(tests))
	app.Get("/probe", func(c *flagon.Ctx) error {
		for i, tt := range tests {
			got[i].url, got[i].err = c.URLFor(tt.endpoint, tt.values...)
		}
		return c.Text("")
	})
	flagontest.NewClient(t, app).Get("/probe")
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got[i].err != nil || got[i].url != tt.want {
				t.Errorf("url_for = %q, %v; want %q", got[i].url, got[i].err, tt.want)
			}
		})
	}
}

// Flask's app.url_for outside a request (an app context, e.g. for
// emails): with SERVER_NAME the URL is external by default, with the
// preferred scheme; _external=False gives a relative one.
func TestFlaskHelpersURLForServerName(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"SERVER_NAME": "example.com:8080", "PREFERRED_URL_SCHEME": "https"}))
	app.Get("/", func(c *flagon.Ctx) error { return c.Text("42") }, flagon.Endpoint("index"))
	tests := []struct {
		name   string
		values []any
		want   string
	}{
		{"default external", nil, "https://example.com:8080/"},
		{"explicit external", []any{"_external", true}, "https://example.com:8080/"},
		{"not external", []any{"_external", false}, "/"},
		{"scheme", []any{"_scheme", "http"}, "http://example.com:8080/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := app.URLFor("index", tt.values...)
			if err != nil || got != tt.want {
				t.Errorf("url_for = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// url_for in a template rendered outside a request (an e-mail) gives an
// external URL when SERVER_NAME is set, as Flask's in an app context, in
// Go templates and in Jinja templates.
func TestFlaskURLForInAppContextTemplate(t *testing.T) {
	tests := []struct {
		name, src string
		jinja     bool
	}{
		{"html/template", `{{ url_for "confirm" "token" "t1" }}`, false},
		{"jinja", `{{ url_for("confirm", token="t1") }}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New(flagon.WithConfig(map[string]any{"SERVER_NAME": "shop.example", "PREFERRED_URL_SCHEME": "https"}))
			if tt.jinja {
				app.UseJinja()
			}
			app.Get("/confirm/<token>", func(c *flagon.Ctx) error { return c.Text("") }, flagon.Endpoint("confirm"))
			out, err := app.RenderTemplateString(tt.src, nil)
			if err != nil || out != "https://shop.example/confirm/t1" {
				t.Errorf("got %q, %v", out, err)
			}
		})
	}
}

// test_abort_no_app, test_abort_with_app (Flask), test_aborter_general
// (Werkzeug): abort(401) is that HTTP error; abort(900), abort(419) and
// every code outside Werkzeug's default_exceptions have no HTTP exception
// (LookupError), so the client gets a 500, never that status.
// NewHTTPError is the custom HTTPException subclass.
func TestFlaskHelpersAbort(t *testing.T) {
	tests := []struct {
		name   string
		code   int
		status int
	}{
		{"test_abort_no_app 401", 401, 401},
		{"test_abort_no_app 900", 900, 500},
		{"not an error status", 302, 500},
		{"test_aborter_general 400", 400, 400},
		{"test_aborter_general 423", 423, 423},
		{"test_aborter_general 503", 503, 503},
		{"last Werkzeug code 505", 505, 505},
		{"418 teapot", 418, 418},
		{"451", 451, 451},
		{"no exception for 419", 419, 500},
		{"no exception for 402", 402, 500},
		{"no exception for 407", 407, 500},
		{"no exception for 425", 425, 500},
		{"no exception for 507", 507, 500},
		{"no exception for 511", 511, 500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New(flagon.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
			var got error
			app.Get("/", func(c *flagon.Ctx) error { got = flagon.Abort(tt.code); return got })
			if status := flagontest.NewClient(t, app).Get("/").StatusCode; status != tt.status {
				t.Errorf("status %d, want %d", status, tt.status)
			}
			if lookup := errors.Is(got, flagon.ErrNoException); lookup != (tt.status != tt.code) {
				t.Errorf("Abort(%d) = %v: wraps ErrNoException %v", tt.code, got, lookup)
			}
		})
	}
	t.Run("NewHTTPError 419", func(t *testing.T) {
		app := flagon.New()
		app.Get("/", func(c *flagon.Ctx) error { return flagon.NewHTTPError(419, nil, "Page expired.") })
		if res := flagontest.NewClient(t, app).Get("/"); res.StatusCode != 419 {
			t.Errorf("status %d, want 419", res.StatusCode)
		}
	})
}

// In a request, an external URL has SERVER_NAME's host and the request's
// scheme (Werkzeug's bind_to_environ uses wsgi.url_scheme);
// PREFERRED_URL_SCHEME is for URLs built outside a request.
func TestFlaskURLForExternalSchemeInRequest(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"SERVER_NAME": "example.com", "PREFERRED_URL_SCHEME": "http"}))
	app.Get("/", func(c *flagon.Ctx) error {
		u, err := c.URLFor("index", "_external", true)
		if err != nil {
			return err
		}
		return c.Text(u)
	}, flagon.Endpoint("index"))
	cl := flagontest.NewClient(t, app)
	tests := []struct{ name, url, want string }{
		{"http request", "http://example.com/", "http://example.com/"},
		{"https request", "https://example.com/", "https://example.com/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cl.Get(tt.url).Text(); got != tt.want {
				t.Errorf("url_for = %q, want %q", got, tt.want)
			}
		})
	}
}
