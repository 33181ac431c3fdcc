package flagon_test

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

type validationError struct{ field string }

func (e *validationError) Error() string { return "invalid " + e.field }

type notFoundError struct{ what string }

func (e notFoundError) Error() string  { return e.what + " not found" }
func (e notFoundError) NotFound() bool { return true }

type notFounder interface {
	error
	NotFound() bool
}

func quietApp() *flagon.App {
	return flagon.New(flagon.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
}

func errorApp() *flagon.App {
	app := quietApp()
	flagon.HandleError(app, func(c *flagon.Ctx, err *validationError) error {
		return c.Status(422).Text("app validation: " + err.field)
	})
	flagon.HandleError(app, func(c *flagon.Ctx, err notFounder) error {
		return c.Status(404).Text("interface handler")
	})
	app.ErrorHandler(404, func(c *flagon.Ctx, err error) error { return c.Status(404).Text("custom 404") })
	app.ErrorHandler(500, func(c *flagon.Ctx, err error) error { return c.Status(500).Text("custom 500: " + err.Error()) })
	app.Get("/validation", func(c *flagon.Ctx) error { return fmt.Errorf("wrapped: %w", &validationError{"name"}) })
	app.Get("/notfound", func(c *flagon.Ctx) error { return notFoundError{"product"} })
	app.Get("/abort", func(c *flagon.Ctx) error { return flagon.Abort(404) })
	app.Get("/plain", func(c *flagon.Ctx) error { return errors.New("db down") })
	app.Get("/panic", func(c *flagon.Ctx) error { panic("kaboom") })
	bp := flagon.NewBlueprint("api", "/api")
	flagon.HandleError(bp, func(c *flagon.Ctx, err *validationError) error {
		return c.Status(400).JSON(map[string]string{"field": err.field})
	})
	bp.Get("/validation", func(c *flagon.Ctx) error { return &validationError{"price"} })
	bp.Get("/abort", func(c *flagon.Ctx) error { return flagon.Abort(404) })
	app.RegisterBlueprint(bp)
	return app
}

func TestErrorHandlers(t *testing.T) {
	tests := []struct {
		name string
		path string
		code int
		body string
	}{
		{"type handler through wrapping", "/validation", 422, "app validation: name"},
		{"concrete type before interface and code", "/notfound", 404, "interface handler"},
		{"code handler for abort", "/abort", 404, "custom 404"},
		{"code handler for routing 404", "/missing", 404, "custom 404"},
		{"500 handler for plain errors", "/plain", 500, "custom 500: db down"},
		{"500 handler for panics", "/panic", 500, "custom 500: panic: kaboom"},
		{"blueprint handler wins in its blueprint", "/api/validation", 400, `{"field":"price"}`},
		{"app handler is the fallback", "/api/abort", 404, "custom 404"},
	}
	cl := flagontest.NewClient(t, errorApp())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := cl.Get(tt.path)
			if res.StatusCode != tt.code || strings.TrimSpace(res.Text()) != tt.body {
				t.Fatalf("got %d %q, want %d %q", res.StatusCode, res.Text(), tt.code, tt.body)
			}
		})
	}
}

func TestDefaultErrorPages(t *testing.T) {
	app := quietApp()
	app.Get("/gone", func(c *flagon.Ctx) error { return flagon.Abort(410, "This product was removed.") })
	app.Get("/boom", func(c *flagon.Ctx) error { panic("secret detail") })
	tests := []struct {
		name, path, accept string
		code               int
		ctype, body        string
	}{
		{"html page", "/gone", "", 410, "text/html; charset=utf-8", "<h1>Gone</h1>\n<p>This product was removed.</p>"},
		{"json when asked", "/gone", "application/json", 410, "application/json", `{"code":410,"description":"This product was removed.","name":"Gone"}`},
		{"html preferred over json", "/gone", "text/html,application/json;q=0.9", 410, "text/html; charset=utf-8", "<title>410 Gone</title>"},
		{"json 404", "/nope", "application/json", 404, "application/json", `"name":"Not Found"`},
		{"panic hides details", "/boom", "", 500, "text/html; charset=utf-8", "Internal Server Error"},
	}
	cl := flagontest.NewClient(t, app)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts []flagontest.Option
			if tt.accept != "" {
				opts = append(opts, flagontest.Header("Accept", tt.accept))
			}
			res := cl.Get(tt.path, opts...)
			if res.StatusCode != tt.code || res.Header.Get("Content-Type") != tt.ctype {
				t.Fatalf("got %d %s", res.StatusCode, res.Header.Get("Content-Type"))
			}
			if !strings.Contains(res.Text(), tt.body) {
				t.Errorf("body %q lacks %q", res.Text(), tt.body)
			}
			if strings.Contains(res.Text(), "secret detail") {
				t.Errorf("the panic value leaked into the page")
			}
		})
	}
}

func TestFailingErrorHandlerFallsBackTo500(t *testing.T) {
	app := quietApp()
	app.ErrorHandler(404, func(c *flagon.Ctx, err error) error { return errors.New("handler broke") })
	res := flagontest.NewClient(t, app).Get("/x")
	if res.StatusCode != 500 {
		t.Fatalf("status %d", res.StatusCode)
	}
}

func TestHTTPErrorText(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
		code int
	}{
		{"standard description", flagon.Abort(404), "404 Not Found: The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.", 404},
		{"custom description", flagon.Abort(400, "bad id"), "400 Bad Request: bad id", 400},
		{"wrapped", fmt.Errorf("ctx: %w", flagon.Abort(409)), "ctx: 409 Conflict: A conflict happened while processing the request. The resource might have been modified while the request was being processed.", 409},
		{"plain error is 500", errors.New("x"), "x", 500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err.Error() != tt.want || flagon.HTTPStatus(tt.err) != tt.code {
				t.Fatalf("got %q / %d", tt.err.Error(), flagon.HTTPStatus(tt.err))
			}
		})
	}
}

func TestOnUnhandledErrorChain(t *testing.T) {
	app := quietApp()
	var seen []string
	app.OnUnhandledError(func(c *flagon.Ctx, err error) bool { seen = append(seen, "reporter"); return false })
	app.OnUnhandledError(func(c *flagon.Ctx, err error) bool {
		seen = append(seen, "page")
		c.Status(500).Text("debug page")
		return true
	})
	app.OnUnhandledError(func(c *flagon.Ctx, err error) bool { seen = append(seen, "never"); return true })
	app.Get("/", func(c *flagon.Ctx) error { return errors.New("boom") })
	app.Get("/404", func(c *flagon.Ctx) error { return flagon.Abort(404) })
	cl := flagontest.NewClient(t, app)
	if res := cl.Get("/"); res.Text() != "debug page" || strings.Join(seen, ",") != "reporter,page" {
		t.Fatalf("got %q, chain %v", res.Text(), seen)
	}
	seen = nil
	if cl.Get("/404"); len(seen) != 0 {
		t.Fatalf("a 404 reached the 5xx chain: %v", seen)
	}
}

func TestDebugFromEnvironment(t *testing.T) {
	tests := []struct {
		env  string
		want bool
	}{{"1", true}, {"true", true}, {"0", false}, {"off", false}}
	for _, tt := range tests {
		t.Run(tt.env, func(t *testing.T) {
			t.Setenv("FLAGON_DEBUG", tt.env)
			if got := flagon.New().Debug(); got != tt.want {
				t.Fatalf("Debug() = %v", got)
			}
		})
	}
}
