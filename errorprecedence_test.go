package flagon_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// test_default_error_handler (Flask, test_user_error_handler.py): a handler
// for a status code beats the catch-all *HTTPError handler, in the
// blueprint and in the app; the strict-slashes redirect is not handled.
func TestDefaultErrorHandler(t *testing.T) {
	bp := flagon.NewBlueprint("bp")
	flagon.HandleError(bp, func(c *flagon.Ctx, e *flagon.HTTPError) error {
		if e.Code != 404 {
			return fmt.Errorf("bp catch-all got %d", e.Code)
		}
		return c.Text("bp-default")
	})
	bp.ErrorHandler(403, func(c *flagon.Ctx, err error) error { return c.Text("bp-forbidden") })
	bp.Get("/undefined", func(c *flagon.Ctx) error { return flagon.Abort(404) }, flagon.Endpoint("undefined"))
	bp.Get("/forbidden", func(c *flagon.Ctx) error { return flagon.Abort(403) }, flagon.Endpoint("forbidden"))

	app := quietApp()
	flagon.HandleError(app, func(c *flagon.Ctx, e *flagon.HTTPError) error {
		if e.Code != 404 {
			return fmt.Errorf("app catch-all got %d", e.Code)
		}
		return c.Text("default")
	})
	app.ErrorHandler(403, func(c *flagon.Ctx, err error) error { return c.Text("forbidden") })
	app.Get("/forbidden", func(c *flagon.Ctx) error { return flagon.Abort(403) }, flagon.Endpoint("forbidden"))
	app.Get("/slash/", func(c *flagon.Ctx) error { return c.Text("slash") }, flagon.Endpoint("slash"))
	app.RegisterBlueprint(bp, flagon.URLPrefix("/bp"))

	cl := flagontest.NewClient(t, app)
	tests := []struct{ name, path, want string }{
		{"blueprint catch-all", "/bp/undefined", "bp-default"},
		{"blueprint code beats catch-all", "/bp/forbidden", "bp-forbidden"},
		{"app catch-all", "/undefined", "default"},
		{"app code beats catch-all", "/forbidden", "forbidden"},
		{"redirect not handled", "/slash", "slash"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cl.Get(tt.path, flagontest.FollowRedirects()).Text(); got != tt.want {
				t.Fatalf("GET %s = %q, want %q", tt.path, got, tt.want)
			}
		})
	}
}

// TestJSONErrorsWithCustom404 is the pattern issue #16 names: JSON for
// every HTTP error, and a custom page for 404.
func TestJSONErrorsWithCustom404(t *testing.T) {
	app := quietApp()
	flagon.HandleError(app, func(c *flagon.Ctx, e *flagon.HTTPError) error {
		return c.Status(e.Code).JSON(map[string]any{"code": e.Code, "name": e.Name()})
	})
	app.ErrorHandler(404, func(c *flagon.Ctx, err error) error { return c.Status(404).HTML("<h1>lost</h1>") })
	app.Get("/gone", func(c *flagon.Ctx) error { return flagon.Abort(410) })
	cl := flagontest.NewClient(t, app)
	if res := cl.Get("/nope"); res.StatusCode != 404 || res.Text() != "<h1>lost</h1>" {
		t.Fatalf("404: %d %q", res.StatusCode, res.Text())
	}
	if res := cl.Get("/gone"); res.StatusCode != 410 || res.Text() != `{"code":410,"name":"Gone"}`+"\n" {
		t.Fatalf("410: %d %q", res.StatusCode, res.Text())
	}
}

type customError struct{}

func (customError) Error() string { return "custom" }

// genericApp is TestGenericHandlers' fixture (Flask): a custom error, a
// plain error, abort(500) and a raised InternalServerError.
func genericApp() *flagon.App {
	app := quietApp()
	app.Get("/custom", func(c *flagon.Ctx) error { return customError{} }, flagon.Endpoint("custom"))
	app.Get("/error", func(c *flagon.Ctx) error { return errors.New("KeyError") }, flagon.Endpoint("error"))
	app.Get("/abort", func(c *flagon.Ctx) error { return flagon.Abort(500) }, flagon.Endpoint("abort"))
	return app
}

// report is report_error of TestGenericHandlers: "wrapped X" for a 500
// wrapping another error, "direct X" otherwise.
func report(err error) string {
	var he *flagon.HTTPError
	if errors.As(err, &he) {
		if he.Err != nil {
			return "wrapped " + he.Err.Error()
		}
		return fmt.Sprintf("direct %d", he.Code)
	}
	return "direct " + err.Error()
}

// TestGenericHandlers ports TestGenericHandlers (Flask): who handles a
// custom error, a plain error and an HTTP 500 when the registered handler
// is for 500, for every HTTP error, or for every error.
func TestGenericHandlers(t *testing.T) {
	tests := []struct {
		name     string
		register func(app *flagon.App)
		want     map[string]string
	}{
		{"test_handle_class_or_code", func(app *flagon.App) {
			app.ErrorHandler(500, func(c *flagon.Ctx, err error) error {
				return c.Text(report(flagon.NewHTTPError(500, err)))
			})
		}, map[string]string{"/custom": "wrapped custom", "/error": "wrapped KeyError"}},
		{"test_handle_generic_http", func(app *flagon.App) {
			flagon.HandleError(app, func(c *flagon.Ctx, e *flagon.HTTPError) error {
				return c.Text(fmt.Sprint(e.Code))
			})
		}, map[string]string{"/error": "500", "/abort": "500", "/not-found": "404"}},
		{"test_handle_generic", func(app *flagon.App) {
			flagon.HandleError(app, func(c *flagon.Ctx, e error) error { return c.Text(report(e)) })
		}, map[string]string{"/custom": "direct custom", "/error": "direct KeyError",
			"/abort": "direct 500", "/not-found": "direct 404"}},
		{"generic error handler beats 500 handler for a plain error", func(app *flagon.App) {
			flagon.HandleError(app, func(c *flagon.Ctx, e error) error { return c.Text(report(e)) })
			app.ErrorHandler(500, func(c *flagon.Ctx, err error) error { return c.Text("500 handler") })
		}, map[string]string{"/error": "direct KeyError", "/abort": "500 handler"}},
		{"catch-all HTTP handler gets the wrapped cause", func(app *flagon.App) {
			flagon.HandleError(app, func(c *flagon.Ctx, e *flagon.HTTPError) error { return c.Text(report(e)) })
		}, map[string]string{"/custom": "wrapped custom"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := genericApp()
			tt.register(app)
			cl := flagontest.NewClient(t, app)
			for path, want := range tt.want {
				if got := cl.Get(path).Text(); got != want {
					t.Errorf("GET %s = %q, want %q", path, got, want)
				}
			}
		})
	}
}
