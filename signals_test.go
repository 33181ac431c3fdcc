package flagon_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

func TestSignalsFireInOrder(t *testing.T) {
	app := quietApp()
	other := flagon.New()
	var events []string
	record := func(name string) func() {
		return flagon.RequestStarted.ConnectFor(other, func(any, *flagon.Ctx) { events = append(events, "wrong sender") })
	}
	defer record("")()
	on := func(name string) func(any, *flagon.Ctx) {
		return func(any, *flagon.Ctx) { events = append(events, name) }
	}
	onErr := func(name string) func(any, flagon.ErrorEvent) {
		return func(_ any, ev flagon.ErrorEvent) {
			if ev.Err != nil {
				name += "(" + ev.Err.Error() + ")"
			}
			events = append(events, name)
		}
	}
	disconnects := []func(){
		flagon.AppContextPushed.ConnectFor(app, on("appcontext_pushed")),
		flagon.RequestStarted.ConnectFor(app, on("request_started")),
		flagon.GotRequestException.ConnectFor(app, onErr("got_request_exception")),
		flagon.RequestFinished.ConnectFor(app, on("request_finished")),
		flagon.RequestTearingDown.ConnectFor(app, onErr("request_tearing_down")),
		flagon.AppContextTearingDown.ConnectFor(app, onErr("appcontext_tearing_down")),
		flagon.AppContextPopped.ConnectFor(app, on("appcontext_popped")),
	}
	defer func() {
		for _, d := range disconnects {
			d()
		}
	}()
	app.Get("/", func(c *flagon.Ctx) error { events = append(events, "view"); return c.Text("ok") })
	app.Get("/fail", func(c *flagon.Ctx) error { return errors.New("bad") })
	tests := []struct{ path, want string }{
		{"/", "appcontext_pushed request_started view request_finished request_tearing_down appcontext_tearing_down appcontext_popped"},
		{"/fail", "appcontext_pushed request_started got_request_exception(bad) request_finished request_tearing_down(bad) appcontext_tearing_down(bad) appcontext_popped"},
	}
	cl := flagontest.NewClient(t, app)
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			events = nil
			cl.Get(tt.path)
			if got := strings.Join(events, " "); got != tt.want {
				t.Fatalf("\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestUnhandledErrorReportedBeforeItsHandler follows Flask's
// handle_exception: an error that only a 500 handler (here a catch-all
// for HTTP errors, as a JSON API registers) answers is still logged and
// sent as got_request_exception, once, before the handler runs.
func TestUnhandledErrorReportedBeforeItsHandler(t *testing.T) {
	tests := []struct {
		name, path string
		wantLogs   int
		wantSignal int
		wantStatus int
	}{
		{"plain error answered by the 500 handler", "/fail", 1, 1, 500},
		{"http error answered by its own handler", "/abort", 0, 0, 403},
		{"abort(500) is an answer, not a failure", "/abort500", 0, 0, 500},
		{"500 handler that fails", "/fail-twice", 2, 1, 500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New()
			var logs bytes.Buffer
			app.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelError}))
			signalled := 0
			defer flagon.GotRequestException.ConnectFor(app, func(_ any, _ flagon.ErrorEvent) { signalled++ })()
			app.Get("/fail", func(c *flagon.Ctx) error { return errors.New("database gone") })
			app.Get("/fail-twice", func(c *flagon.Ctx) error { return errors.New("handler must fail") })
			app.Get("/abort", func(c *flagon.Ctx) error { return flagon.Abort(403) })
			app.Get("/abort500", func(c *flagon.Ctx) error { return flagon.Abort(500) })
			flagon.HandleError(app, func(c *flagon.Ctx, err *flagon.HTTPError) error {
				if strings.Contains(fmt.Sprint(err.Err), "handler must fail") {
					return errors.New("the handler broke")
				}
				return c.Status(err.Code).JSON(map[string]any{"code": err.Code})
			})
			resp := flagontest.NewClient(t, app).Get(tt.path)
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.wantStatus)
			}
			if n := strings.Count(logs.String(), "level=ERROR"); n != tt.wantLogs {
				t.Errorf("%d error records, want %d:\n%s", n, tt.wantLogs, logs.String())
			}
			if signalled != tt.wantSignal {
				t.Errorf("got_request_exception sent %d times, want %d", signalled, tt.wantSignal)
			}
		})
	}
}

// TestAbort500IsNotLogged follows Flask's handle_http_exception:
// abort(500) with no handler is answered with the standard page, and is
// neither logged nor sent as got_request_exception, while a plain error
// is both.
func TestAbort500IsNotLogged(t *testing.T) {
	tests := []struct {
		name, path string
		wantReport int
	}{
		{"abort(500)", "/abort500", 0},
		{"plain error", "/fail", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New()
			var logs bytes.Buffer
			app.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelError}))
			signalled := 0
			defer flagon.GotRequestException.ConnectFor(app, func(_ any, _ flagon.ErrorEvent) { signalled++ })()
			app.Get("/abort500", func(c *flagon.Ctx) error { return flagon.Abort(500) })
			app.Get("/fail", func(c *flagon.Ctx) error { return errors.New("bad") })
			if resp := flagontest.NewClient(t, app).Get(tt.path); resp.StatusCode != 500 {
				t.Errorf("status %d, want 500", resp.StatusCode)
			}
			if n := strings.Count(logs.String(), "level=ERROR"); n != tt.wantReport || signalled != tt.wantReport {
				t.Errorf("%d error records and %d signals, want %d of each", n, signalled, tt.wantReport)
			}
		})
	}
}

// TestFailingErrorHandlerIsAFailure follows Flask, where an exception
// raised by an error handler propagates to handle_exception: even when
// the handler returns an HTTP error (a 404 handler returning Abort(403)),
// the request fails with a 500, logged and sent as got_request_exception
// once, answered by the 500 handler when there is one, and teardown gets
// the handler's error. A 500 handler that fails logs its own error as
// "error handler failed" (the WSGI server's log in Flask), not a second
// "request failed", and teardown gets the request's error.
func TestFailingErrorHandlerIsAFailure(t *testing.T) {
	tests := []struct {
		name, path     string
		handler500     func(c *flagon.Ctx, err error) error
		wantStatus     int
		wantBody       string
		wantFailedLogs int // "request failed"
		wantHandlerLog int // "error handler failed"
		wantTeardown   string
		wantAbort403   bool // teardown's error still wraps the Abort(403)
	}{
		{"404 handler returning Abort(403)", "/missing", nil, 500, "Internal Server Error", 1, 0,
			"error handler failed: 403 Forbidden", true},
		{"404 handler returning Abort(403), 500 handler answers", "/missing",
			func(c *flagon.Ctx, err error) error { return c.Status(500).Text("custom 500") },
			500, "custom 500", 1, 0, "error handler failed: 403 Forbidden", true},
		{"404 handler panicking", "/missing-panic", nil, 500, "Internal Server Error", 1, 0,
			"error handler failed: panic: no page", false},
		{"500 handler that fails", "/fail",
			func(c *flagon.Ctx, err error) error { return errors.New("the handler broke") },
			500, "Internal Server Error", 1, 1, "database gone", false},
		{"404 handler and 500 handler both fail", "/missing",
			func(c *flagon.Ctx, err error) error { return errors.New("the handler broke") },
			500, "Internal Server Error", 1, 1, "error handler failed: 403 Forbidden", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New()
			var logs bytes.Buffer
			app.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelError}))
			signalled := 0
			defer flagon.GotRequestException.ConnectFor(app, func(_ any, _ flagon.ErrorEvent) { signalled++ })()
			var torn error
			app.TeardownRequest(func(_ *flagon.Ctx, err error) { torn = err })
			app.Get("/fail", func(c *flagon.Ctx) error { return errors.New("database gone") })
			app.Get("/missing", func(c *flagon.Ctx) error { return flagon.Abort(404) })
			app.Get("/missing-panic", func(c *flagon.Ctx) error { return flagon.Abort(404, "panic") })
			app.ErrorHandler(404, func(c *flagon.Ctx, err error) error {
				if strings.Contains(err.Error(), "panic") {
					panic("no page")
				}
				return flagon.Abort(403)
			})
			if tt.handler500 != nil {
				app.ErrorHandler(500, tt.handler500)
			}
			resp := flagontest.NewClient(t, app).Get(tt.path)
			if resp.StatusCode != tt.wantStatus || !strings.Contains(resp.Text(), tt.wantBody) {
				t.Errorf("status %d %q, want %d %q", resp.StatusCode, resp.Text(), tt.wantStatus, tt.wantBody)
			}
			if n := strings.Count(logs.String(), `msg="request failed"`); n != tt.wantFailedLogs {
				t.Errorf("%d request failed records, want %d:\n%s", n, tt.wantFailedLogs, logs.String())
			}
			if n := strings.Count(logs.String(), `msg="error handler failed"`); n != tt.wantHandlerLog {
				t.Errorf("%d error handler failed records, want %d:\n%s", n, tt.wantHandlerLog, logs.String())
			}
			if n := strings.Count(logs.String(), "level=ERROR"); n != tt.wantFailedLogs+tt.wantHandlerLog {
				t.Errorf("%d error records in all:\n%s", n, logs.String())
			}
			if signalled != 1 {
				t.Errorf("got_request_exception sent %d times, want 1", signalled)
			}
			if torn == nil || !strings.HasPrefix(torn.Error(), tt.wantTeardown) {
				t.Fatalf("teardown got %v, want %q...", torn, tt.wantTeardown)
			}
			if flagon.HTTPStatus(torn) != 500 {
				t.Errorf("HTTPStatus(teardown error) = %d, want 500", flagon.HTTPStatus(torn))
			}
			var he *flagon.HTTPError
			if got := errors.As(torn, &he) && he.Code == 403; got != tt.wantAbort403 {
				t.Errorf("teardown error wraps Abort(403): %v, want %v", got, tt.wantAbort403)
			}
		})
	}
}
