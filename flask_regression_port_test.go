package flagon_test

import (
	"bytes"
	"log/slog"
	"strconv"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// Ports of Flask tests/test_regression.py and tests/test_subclassing.py.

type fooError struct{ whatever int }

func (fooError) Error() string { return "foo" }

// test_aborting: a view that aborts with a redirect to another endpoint,
// whose view raises an error a typed handler turns into text.
func TestAborting(t *testing.T) {
	app := quietApp()
	flagon.HandleError(app, func(c *flagon.Ctx, err fooError) error {
		return c.Text(strconv.Itoa(err.whatever))
	})
	app.Get("/", func(c *flagon.Ctx) error {
		u, err := c.URLFor("test")
		if err != nil {
			return err
		}
		return c.Redirect(u)
	}, flagon.Endpoint("index"))
	app.Get("/test", func(c *flagon.Ctx) error { return fooError{42} }, flagon.Endpoint("test"))
	cl := flagontest.NewClient(t, app)
	loc := cl.Get("/").Header.Get("Location")
	if base, last, _ := cutLast(loc, "/"); (base != "" && base != "http://localhost") || last != "test" {
		t.Errorf("Location %q", loc)
	}
	if body := cl.Get("/test").Text(); body != "42" {
		t.Errorf("body %q", body)
	}
}

func cutLast(s, sep string) (string, string, bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return "", s, false
	}
	return s[:i], s[i+len(sep):], true
}

// test_suppressed_exception_logging: Flask overrides log_exception; a Go
// app gives a logger that drops the records. The 500 page is unchanged.
func TestSuppressedExceptionLogging(t *testing.T) {
	var out bytes.Buffer
	logged := flagon.New(flagon.WithLogger(slog.New(slog.NewTextHandler(&out, nil))))
	suppressed := flagon.New(flagon.WithLogger(slog.New(slog.DiscardHandler)))
	for _, app := range []*flagon.App{logged, suppressed} {
		app.Get("/", func(c *flagon.Ctx) error { return errTest })
	}
	res := flagontest.NewClient(t, suppressed).Get("/")
	if res.StatusCode != 500 || !strings.Contains(res.Text(), "Internal Server Error") {
		t.Errorf("status %d, body %q", res.StatusCode, res.Text())
	}
	flagontest.NewClient(t, logged).Get("/")
	if !strings.Contains(out.String(), "test") {
		t.Errorf("the logging app logged %q", out.String())
	}
}

var errTest = errorString("test")

type errorString string

func (e errorString) Error() string { return string(e) }
