package flagon_test

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"reflect"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// The teardown halves of Flask's test_appctx.py and test_reqctx.py. A
// flagon app context lives as long as its request, so each Flask context
// block is a request here; teardown_request is app.TeardownRequest and
// teardown_appcontext the AppContextTearingDown signal, which Flask's
// AppContext.pop sends right after calling the teardown_appcontext
// functions with the same error.
func TestFlaskTeardownOrderAndArguments(t *testing.T) {
	type dummyError struct{ error }
	tests := []struct {
		name   string
		view   func(c *flagon.Ctx) error
		setup  func(app *flagon.App, log *[]string)
		status int
		want   []string
	}{
		{"test_app_tearing_down", func(c *flagon.Ctx) error { return c.Text("") }, nil, 200,
			[]string{"request <nil>", "app <nil>"}},
		{"test_teardown_on_pop", func(c *flagon.Ctx) error { return c.Text("") }, nil, 200,
			[]string{"request <nil>", "app <nil>"}},
		// Flask: an exception raised and caught before the context is
		// pushed is not the teardown's. Here: an earlier request that
		// failed (an error, a panic) leaves nothing to the next one's
		// teardown, reused request state included.
		{"test_app_tearing_down_with_previous_exception", func(c *flagon.Ctx) error { return c.Text("") },
			previous(func(c *flagon.Ctx) error { return errors.New("dummy") }), 200,
			[]string{"request <nil>", "app <nil>"}},
		{"test_teardown_with_previous_exception", func(c *flagon.Ctx) error { return c.Text("") },
			previous(func(c *flagon.Ctx) error { panic("dummy") }), 200,
			[]string{"request <nil>", "app <nil>"}},
		{"test_app_tearing_down_with_handled_exception_by_except_block", func(c *flagon.Ctx) error {
			if err := errors.New("dummy"); err != nil {
				return c.Text("handled")
			}
			return nil
		}, nil, 200, []string{"request <nil>", "app <nil>"}},
		// Flask: an exception caught inside the request is not the
		// teardown's. Here: a panic the view recovers from itself.
		{"test_teardown_with_handled_exception", func(c *flagon.Ctx) error {
			func() {
				defer func() { _ = recover() }()
				panic("dummy")
			}()
			return c.Text("handled")
		}, nil, 200, []string{"request <nil>", "app <nil>"}},
		{"test_app_tearing_down_with_handled_exception_by_app_handler", func(c *flagon.Ctx) error {
			return &dummyError{errors.New("dummy")}
		}, func(app *flagon.App, _ *[]string) {
			flagon.HandleError(app, func(c *flagon.Ctx, e *dummyError) error { return c.JSON(e.Error()) })
		}, 200, []string{"request <nil>", "app <nil>"}},
		{"test_app_tearing_down_with_unhandled_exception", func(c *flagon.Ctx) error {
			return errors.New("dummy")
		}, nil, 500, []string{"request dummy", "app dummy"}},
		{"unhandled panic", func(c *flagon.Ctx) error { panic("dummy") }, nil, 500,
			[]string{"request panic: dummy", "app panic: dummy"}},
		{"test_context_refcounts", func(c *flagon.Ctx) error { return c.Text("") }, nil, 200,
			[]string{"request <nil>", "app <nil>"}},
		{"test_clean_pop: a failing teardown_request does not stop the app teardown",
			func(c *flagon.Ctx) error { return c.Text("ok") },
			func(app *flagon.App, log *[]string) {
				app.TeardownRequest(func(*flagon.Ctx, error) {
					*log = append(*log, "failing")
					panic("ZeroDivisionError")
				})
			}, 200, []string{"failing", "request <nil>", "app <nil>"}},
		{"teardown_request functions run in reverse order of registration",
			func(c *flagon.Ctx) error { return c.Text("") },
			func(app *flagon.App, log *[]string) {
				app.TeardownRequest(func(_ *flagon.Ctx, err error) { *log = append(*log, fmt.Sprint("second ", err)) })
				app.TeardownRequest(func(_ *flagon.Ctx, err error) { *log = append(*log, fmt.Sprint("third ", err)) })
			}, 200, []string{"third <nil>", "second <nil>", "request <nil>", "app <nil>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New(flagon.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))),
				flagon.WithConfig(map[string]any{"PROPAGATE_EXCEPTIONS": true}))
			var log []string
			app.TeardownRequest(func(_ *flagon.Ctx, err error) { log = append(log, fmt.Sprint("request ", err)) })
			if tt.setup != nil {
				tt.setup(app, &log)
			}
			defer flagon.AppContextTearingDown.ConnectFor(app, func(_ any, ev flagon.ErrorEvent) {
				log = append(log, fmt.Sprint("app ", ev.Err))
			})()
			app.Get("/", tt.view)
			client := flagontest.NewClient(t, app)
			if len(app.URLMap().RulesFor("previous")) > 0 {
				if res := client.Get("/previous"); res.StatusCode != 500 {
					t.Fatalf("previous request: status %d, want 500", res.StatusCode)
				}
				if len(log) == 0 || !strings.Contains(log[0], "dummy") {
					t.Fatalf("previous request's teardown calls %q, want its error", log)
				}
				log = nil
			}
			res := client.Get("/")
			if res.StatusCode != tt.status {
				t.Errorf("status %d, want %d", res.StatusCode, tt.status)
			}
			if !reflect.DeepEqual(log, tt.want) {
				t.Errorf("teardown calls %q, want %q", log, tt.want)
			}
		})
	}
}

// previous registers view as the endpoint "previous", which the test
// requests (expecting a 500) before the request it checks.
func previous(view flagon.HandlerFunc) func(*flagon.App, *[]string) {
	return func(app *flagon.App, _ *[]string) { app.Get("/previous", view, flagon.Endpoint("previous")) }
}

// Blueprint teardown functions run before the app's, as Flask's
// do_teardown_request walks request.blueprints then the app, each in
// reverse order of registration.
func TestFlaskTeardownBlueprintFirst(t *testing.T) {
	app := flagon.New()
	var log []string
	app.TeardownRequest(func(*flagon.Ctx, error) { log = append(log, "app") })
	bp := flagon.NewBlueprint("bp", "/bp")
	bp.TeardownRequest(func(*flagon.Ctx, error) { log = append(log, "bp 1") })
	bp.TeardownRequest(func(*flagon.Ctx, error) { log = append(log, "bp 2") })
	bp.Get("/", func(c *flagon.Ctx) error { return c.Text("") })
	app.RegisterBlueprint(bp)
	flagontest.NewClient(t, app).Get("/bp/")
	if want := []string{"bp 2", "bp 1", "app"}; !reflect.DeepEqual(log, want) {
		t.Fatalf("teardown calls %q, want %q", log, want)
	}
}
