package flagon_test

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// Ports of Flask tests/test_logging.py with a Go meaning. The app logs to
// its *slog.Logger (App.Logger, slog.Default unless WithLogger); Python's
// logger levels, handlers and wsgi_errors_stream have no equivalent.

// test_log_view_exception: an unhandled error is a 500 whose record names
// the method, the path and the error (Flask: "Exception on / [GET]" and
// the traceback; see docs/web.md).
func TestLogViewException(t *testing.T) {
	var stream bytes.Buffer
	app := flagon.New(flagon.WithLogger(slog.New(slog.NewTextHandler(&stream, nil))))
	app.Config.Set("TESTING", false)
	app.Get("/", func(c *flagon.Ctx) error { return errTest })
	res := flagontest.NewClient(t, app).Get("/")
	if res.StatusCode != 500 || res.Text() == "" {
		t.Errorf("status %d, body %q", res.StatusCode, res.Text())
	}
	for _, want := range []string{"level=ERROR", "method=GET", "path=/", "error=test"} {
		if !strings.Contains(stream.String(), want) {
			t.Errorf("log %q lacks %q", stream.String(), want)
		}
	}
}

// test_wsgi_errors_stream: what a view logs goes to the app's logger.
func TestWSGIErrorsStream(t *testing.T) {
	var stream bytes.Buffer
	app := flagon.New(flagon.WithLogger(slog.New(slog.NewTextHandler(&stream, nil))))
	app.Get("/", func(c *flagon.Ctx) error {
		app.Logger.Error("test")
		return nil
	})
	flagontest.NewClient(t, app).Get("/")
	if !strings.Contains(stream.String(), "level=ERROR msg=test") {
		t.Errorf("log %q", stream.String())
	}
}
