package flagon_test

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// The error teardown functions and request_tearing_down get, checked
// against Flask 3.1 (flask.abort(code) in a view, teardown_request
// recording its argument): abort with any code, 5xx included, is answered
// by handle_http_exception and gives None; only an exception that leaves
// full_dispatch_request (no handler of its own, or a failing error
// handler) is passed on.
func TestTeardownRequestErrorAsFlask(t *testing.T) {
	tests := []struct {
		name   string
		path   string
		status int
		want   string // the error teardown gets, "<nil>" for none
	}{
		{"test_teardown_request_handler", "/ok", 200, "<nil>"},
		{"abort 400", "/abort/400", 400, "<nil>"},
		{"abort 404", "/abort/404", 404, "<nil>"},
		{"abort 500", "/abort/500", 500, "<nil>"},
		{"abort 503", "/abort/503", 503, "<nil>"},
		{"abort 505", "/abort/505", 505, "<nil>"},
		{"wrapped abort 502", "/wrapped/502", 502, "<nil>"},
		{"routing 404", "/nothere", 404, "<nil>"},
		{"unhandled error", "/boom", 500, "x"},
		{"error with its own handler", "/handled", 500, "<nil>"},
		{"failing error handler", "/abort/418", 500, "error handler failed: handler failed (while handling: 418 I'm a teapot: "},
	}
	app := flagon.New(flagon.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	var got, signalled string
	app.TeardownRequest(func(c *flagon.Ctx, err error) { got = fmt.Sprint(err) })
	defer flagon.RequestTearingDown.ConnectFor(app, func(_ any, ev flagon.ErrorEvent) { signalled = fmt.Sprint(ev.Err) })()
	app.Get("/ok", func(c *flagon.Ctx) error { return c.Text("ok") })
	app.Get("/abort/<int:code>", func(c *flagon.Ctx) error {
		code, _ := strconv.Atoi(c.Param("code"))
		return flagon.Abort(code)
	})
	app.Get("/wrapped/<int:code>", func(c *flagon.Ctx) error {
		code, _ := strconv.Atoi(c.Param("code"))
		return fmt.Errorf("upstream: %w", flagon.Abort(code))
	})
	app.Get("/boom", func(c *flagon.Ctx) error { return errors.New("x") })
	app.Get("/handled", func(c *flagon.Ctx) error { return &keyError{} })
	flagon.HandleError(app, func(c *flagon.Ctx, err *keyError) error { return c.Status(500).Text("h") })
	app.ErrorHandler(418, func(c *flagon.Ctx, err error) error { return errors.New("handler failed") })
	cl := flagontest.NewClient(t, app)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, signalled = "unset", "unset"
			if res := cl.Get(tt.path); res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.status)
			}
			if len(got) < len(tt.want) || got[:len(tt.want)] != tt.want {
				t.Errorf("teardown got %q, want %q", got, tt.want)
			}
			if signalled != got {
				t.Errorf("request_tearing_down got %q, teardown %q", signalled, got)
			}
		})
	}
}

// keyError stands for Flask's KeyError with an errorhandler of its own.
type keyError struct{}

func (*keyError) Error() string { return "k" }
