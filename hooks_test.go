package flagon_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// trace records the order in which hooks run.
type trace struct{ events []string }

func (tr *trace) hook(name string) flagon.HookFunc {
	return func(c *flagon.Ctx) error {
		tr.events = append(tr.events, name)
		return nil
	}
}

func (tr *trace) teardown(name string) flagon.TeardownFunc {
	return func(c *flagon.Ctx, err error) {
		ev := name
		if err != nil {
			ev += "(" + err.Error() + ")"
		}
		tr.events = append(tr.events, ev)
	}
}

func hookApp(tr *trace) *flagon.App {
	app := flagon.New()
	app.BeforeRequest(tr.hook("app.before1"))
	app.BeforeRequest(tr.hook("app.before2"))
	app.AfterRequest(tr.hook("app.after1"))
	app.AfterRequest(tr.hook("app.after2"))
	app.TeardownRequest(tr.teardown("app.teardown"))
	bp := flagon.NewBlueprint("bp", "/bp")
	bp.BeforeRequest(tr.hook("bp.before"))
	bp.AfterRequest(tr.hook("bp.after"))
	bp.TeardownRequest(tr.teardown("bp.teardown"))
	bp.BeforeAppRequest(tr.hook("bp.before_app"))
	bp.Get("/view", func(c *flagon.Ctx) error { tr.events = append(tr.events, "view"); return c.Text("ok") })
	bp.Get("/panic", func(c *flagon.Ctx) error { panic("boom") })
	bp.Get("/fail", func(c *flagon.Ctx) error { return errors.New("failed") })
	app.RegisterBlueprint(bp)
	app.Get("/", func(c *flagon.Ctx) error { tr.events = append(tr.events, "view"); return c.Text("ok") })
	return app
}

func TestHookOrder(t *testing.T) {
	tests := []struct {
		name string
		path string
		code int
		want string
	}{
		{"app route", "/", 200, "app.before1 app.before2 bp.before_app view app.after2 app.after1 app.teardown"},
		{"blueprint route", "/bp/view", 200, "app.before1 app.before2 bp.before_app bp.before view bp.after app.after2 app.after1 bp.teardown app.teardown"},
		{"unmatched route runs app hooks", "/missing", 404, "app.before1 app.before2 bp.before_app app.after2 app.after1 app.teardown"},
		{"teardown sees the panic", "/bp/panic", 500, "app.before1 app.before2 bp.before_app bp.before bp.after app.after2 app.after1 bp.teardown(panic: boom) app.teardown(panic: boom)"},
		{"teardown sees the error", "/bp/fail", 500, "app.before1 app.before2 bp.before_app bp.before bp.after app.after2 app.after1 bp.teardown(failed) app.teardown(failed)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := &trace{}
			res := flagontest.NewClient(t, hookApp(tr)).Get(tt.path)
			if res.StatusCode != tt.code {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.code)
			}
			if got := strings.Join(tr.events, " "); got != tt.want {
				t.Errorf("order:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestBeforeRequestShortCircuits(t *testing.T) {
	app := flagon.New()
	ran := false
	app.BeforeRequest(func(c *flagon.Ctx) error {
		if c.Request.Header.Get("X-Token") == "" {
			return c.Status(401).Text("token required")
		}
		return nil
	})
	app.Get("/", func(c *flagon.Ctx) error { ran = true; return c.Text("secret") })
	cl := flagontest.NewClient(t, app)
	res := cl.Get("/")
	if res.StatusCode != 401 || res.Text() != "token required" || ran {
		t.Fatalf("got %d %q ran=%v", res.StatusCode, res.Text(), ran)
	}
	res = cl.Get("/", flagontest.Header("X-Token", "t"))
	if res.StatusCode != 200 || !ran {
		t.Fatalf("with token: %d ran=%v", res.StatusCode, ran)
	}
}

func TestBeforeRequestErrorGoesToHandlers(t *testing.T) {
	app := flagon.New()
	app.BeforeRequest(func(c *flagon.Ctx) error { return flagon.Abort(403, "nope") })
	app.ErrorHandler(403, func(c *flagon.Ctx, err error) error { return c.Status(403).Text("custom 403") })
	app.Get("/", func(c *flagon.Ctx) error { return c.Text("x") })
	res := flagontest.NewClient(t, app).Get("/")
	if res.StatusCode != 403 || res.Text() != "custom 403" {
		t.Fatalf("got %d %q", res.StatusCode, res.Text())
	}
}

func TestAfterRequestChangesResponse(t *testing.T) {
	app := flagon.New()
	app.AfterRequest(func(c *flagon.Ctx) error {
		c.Header().Set("X-Frame-Options", "DENY")
		if c.StatusCode() == 200 && c.Request.URL.Query().Has("created") {
			c.SetStatusCode(201)
		}
		return nil
	})
	app.Get("/", func(c *flagon.Ctx) error { return c.Text("ok") })
	app.Get("/stream", func(c *flagon.Ctx) error {
		_, err := c.ResponseWriter().Write([]byte("raw"))
		return err
	})
	cl := flagontest.NewClient(t, app)
	for _, path := range []string{"/", "/stream", "/missing"} {
		if res := cl.Get(path); res.Header.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: after hook did not run", path)
		}
	}
	if res := cl.Get("/?created"); res.StatusCode != 201 {
		t.Errorf("status = %d, want 201 set by the hook", res.StatusCode)
	}
}

func TestFailingAfterHookReplacesResponse(t *testing.T) {
	app := flagon.New()
	app.AfterRequest(func(c *flagon.Ctx) error { return errors.New("cannot save") })
	var teardownErr error
	app.TeardownRequest(func(c *flagon.Ctx, err error) { teardownErr = err })
	app.Get("/", func(c *flagon.Ctx) error { return c.Text("never sent") })
	res := flagontest.NewClient(t, app).Get("/")
	if res.StatusCode != 500 || strings.Contains(res.Text(), "never sent") {
		t.Fatalf("got %d %q", res.StatusCode, res.Text())
	}
	if teardownErr == nil || teardownErr.Error() != "cannot save" {
		t.Fatalf("teardown saw %v", teardownErr)
	}
}

func TestTeardownRunsWhenAnotherTeardownPanics(t *testing.T) {
	app := flagon.New()
	ran := false
	app.TeardownRequest(func(c *flagon.Ctx, err error) { ran = true })
	app.TeardownRequest(func(c *flagon.Ctx, err error) { panic("teardown bug") })
	app.Get("/", func(c *flagon.Ctx) error { return c.Text("ok") })
	res := flagontest.NewClient(t, app).Get("/")
	if res.StatusCode != 200 || !ran {
		t.Fatalf("status %d, first teardown ran=%v", res.StatusCode, ran)
	}
}

// test_error_handler_after_processor_error (Flask): an error in a before-
// or after-request hook goes to the registered 500 handler; the failing
// after-request hook runs again on the handler's response, and its second
// failure is only logged.
func TestErrorHandlerAfterProcessorError(t *testing.T) {
	for _, trigger := range []string{"before", "after"} {
		t.Run(trigger, func(t *testing.T) {
			app := quietApp()
			app.BeforeRequest(func(c *flagon.Ctx) error {
				if trigger == "before" {
					return errors.New("ZeroDivisionError")
				}
				return nil
			})
			app.AfterRequest(func(c *flagon.Ctx) error {
				if trigger == "after" {
					return errors.New("ZeroDivisionError")
				}
				return nil
			})
			app.Get("/", func(c *flagon.Ctx) error { return c.Text("Foo") })
			app.ErrorHandler(500, func(c *flagon.Ctx, err error) error {
				return c.Status(500).Text("Hello Server Error")
			})
			res := flagontest.NewClient(t, app).Get("/")
			if res.StatusCode != 500 || res.Text() != "Hello Server Error" {
				t.Fatalf("got %d %q, want 500 %q", res.StatusCode, res.Text(), "Hello Server Error")
			}
		})
	}
}

// An after-request hook's HTTP error goes to the handler for its code, and
// the response of the error handler still passes the other hooks.
func TestAfterRequestHTTPErrorHandled(t *testing.T) {
	app := quietApp()
	app.AfterRequest(func(c *flagon.Ctx) error {
		if c.StatusCode() == 200 {
			return flagon.Abort(403)
		}
		return nil
	})
	app.AfterRequest(func(c *flagon.Ctx) error {
		c.Header().Set("X-Seen", "yes")
		return nil
	})
	app.Get("/", func(c *flagon.Ctx) error { return c.Text("secret") })
	app.ErrorHandler(403, func(c *flagon.Ctx, err error) error { return c.Status(403).Text("no") })
	res := flagontest.NewClient(t, app).Get("/")
	if res.StatusCode != 403 || res.Text() != "no" || res.Header.Get("X-Seen") != "yes" {
		t.Fatalf("got %d %q X-Seen=%q", res.StatusCode, res.Text(), res.Header.Get("X-Seen"))
	}
}

// test_after_request_processing (Flask): after_this_request changes the
// response of this request only, before the after-request hooks run.
func TestAfterRequestProcessing(t *testing.T) {
	app := quietApp()
	var order []string
	app.AfterRequest(func(c *flagon.Ctx) error {
		order = append(order, "hook")
		return nil
	})
	app.Get("/", func(c *flagon.Ctx) error {
		c.AfterThisRequest(func(c *flagon.Ctx) error {
			order = append(order, "this")
			c.Header().Set("X-Foo", "a header")
			return nil
		})
		return c.Text("Test")
	})
	app.Get("/plain", func(c *flagon.Ctx) error { return c.Text("plain") })
	cl := flagontest.NewClient(t, app)
	res := cl.Get("/")
	if res.StatusCode != 200 || res.Header.Get("X-Foo") != "a header" || strings.Join(order, ",") != "this,hook" {
		t.Fatalf("got %d X-Foo=%q order %v", res.StatusCode, res.Header.Get("X-Foo"), order)
	}
	if res := cl.Get("/plain"); res.Header.Get("X-Foo") != "" {
		t.Fatal("after_this_request leaked into the next request")
	}
}
