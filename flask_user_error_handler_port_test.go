package flagon_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// Ports of Flask tests/test_user_error_handler.py not covered by the error
// precedence tests. Python's class checks (an instance, a non-exception
// class) are compile errors in Go.

type noMatchError struct{}

func (noMatchError) Error() string { return "custom" }

var errKey = errors.New("KeyError")

func TestErrorHandlerNoMatch(t *testing.T) {
	app := quietApp()
	app.Config.Set("TESTING", false)
	flagon.HandleError(app, func(c *flagon.Ctx, err noMatchError) error { return c.Text("custom") })
	app.ErrorHandler(500, func(c *flagon.Ctx, err error) error {
		var he *flagon.HTTPError
		if errors.As(err, &he) && he.Code == 500 {
			return c.Text("direct")
		}
		return c.Text("wrapped " + err.Error())
	})
	func() {
		defer func() {
			if recover() == nil {
				t.Error("ErrorHandler(999) did not panic")
			}
		}()
		app.ErrorHandler(999, func(c *flagon.Ctx, err error) error { return nil })
	}()
	app.Get("/custom", func(c *flagon.Ctx) error { return noMatchError{} })
	app.Get("/keyerror", func(c *flagon.Ctx) error { return errKey })
	app.Get("/abort", func(c *flagon.Ctx) error { return flagon.Abort(500) })
	cl := flagontest.NewClient(t, app)
	for path, want := range map[string]string{"/custom": "custom", "/keyerror": "wrapped KeyError", "/abort": "direct"} {
		if got := cl.Get(path).Text(); got != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
}

type parentError struct{}

func (e parentError) Error() string { return "parent" }

type childRegisteredError struct{ parentError }

func (e childRegisteredError) Unwrap() error { return e.parentError }

type childUnregisteredError struct{ parentError }

func (e childUnregisteredError) Unwrap() error { return e.parentError }

// test_error_handler_subclass: Go has no subclasses; an error wrapping
// another (Unwrap) plays the subclass, and the handler of the most
// specific type wins.
func TestErrorHandlerSubclass(t *testing.T) {
	app := quietApp()
	flagon.HandleError(app, func(c *flagon.Ctx, err parentError) error { return c.Text("parent") })
	flagon.HandleError(app, func(c *flagon.Ctx, err childRegisteredError) error { return c.Text("child-registered") })
	app.Get("/parent", func(c *flagon.Ctx) error { return parentError{} })
	app.Get("/child-unregistered", func(c *flagon.Ctx) error { return childUnregisteredError{} })
	app.Get("/child-registered", func(c *flagon.Ctx) error { return childRegisteredError{} })
	cl := flagontest.NewClient(t, app)
	for path, want := range map[string]string{"/parent": "parent", "/child-unregistered": "parent", "/child-registered": "child-registered"} {
		if got := cl.Get(path).Text(); got != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
}

type forbiddenRegistered struct{ *flagon.HTTPError }

func (e forbiddenRegistered) Unwrap() error { return e.HTTPError }

type forbiddenUnregistered struct{ *flagon.HTTPError }

func (e forbiddenUnregistered) Unwrap() error { return e.HTTPError }

func TestErrorHandlerHTTPSubclass(t *testing.T) {
	app := quietApp()
	app.ErrorHandler(403, func(c *flagon.Ctx, err error) error { return c.Text("forbidden") })
	flagon.HandleError(app, func(c *flagon.Ctx, err forbiddenRegistered) error { return c.Text("forbidden-registered") })
	app.Get("/forbidden", func(c *flagon.Ctx) error { return flagon.Abort(403) })
	app.Get("/forbidden-registered", func(c *flagon.Ctx) error { return forbiddenRegistered{flagon.NewHTTPError(403, nil)} })
	app.Get("/forbidden-unregistered", func(c *flagon.Ctx) error { return forbiddenUnregistered{flagon.NewHTTPError(403, nil)} })
	cl := flagontest.NewClient(t, app)
	for path, want := range map[string]string{"/forbidden": "forbidden", "/forbidden-unregistered": "forbidden", "/forbidden-registered": "forbidden-registered"} {
		if got := cl.Get(path).Text(); got != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
}

// TestErrorHandlerRecognizedCodes follows Flask's register_error_handler:
// only a code Werkzeug has an exception class for (the codes Abort knows)
// can be registered; any other, 402 and 419 included, raises ValueError,
// here a panic with Flask's message, on the app and on blueprints.
func TestErrorHandlerRecognizedCodes(t *testing.T) {
	register := map[string]func(code int){
		"app": func(code int) {
			flagon.New().ErrorHandler(code, func(*flagon.Ctx, error) error { return nil })
		},
		"blueprint": func(code int) {
			flagon.NewBlueprint("bp", "/bp").ErrorHandler(code, func(*flagon.Ctx, error) error { return nil })
		},
		"blueprint app handler": func(code int) {
			flagon.NewBlueprint("bp", "/bp").AppErrorHandler(code, func(*flagon.Ctx, error) error { return nil })
		},
	}
	tests := []struct {
		name string
		code int
		ok   bool
	}{
		{"400", 400, true},
		{"418", 418, true},
		{"451", 451, true},
		{"505", 505, true},
		{"402 payment required", 402, false},
		{"407 proxy authentication", 407, false},
		{"419", 419, false},
		{"506", 506, false},
		{"399", 399, false},
		{"999 (test_error_handler_no_match)", 999, false},
	}
	for where, reg := range register {
		for _, tt := range tests {
			t.Run(where+" "+tt.name, func(t *testing.T) {
				defer func() {
					p := recover()
					if tt.ok != (p == nil) {
						t.Fatalf("panic %v, want ok=%v", p, tt.ok)
					}
					want := fmt.Sprintf("'%d' is not a recognized HTTP error code.", tt.code)
					if p != nil && !strings.Contains(fmt.Sprint(p), want) {
						t.Fatalf("panic %q, want %q", p, want)
					}
				}()
				reg(tt.code)
			})
		}
	}
}
