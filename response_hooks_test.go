package flagon_test

import (
	"bytes"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// Flask's test_basic.py::test_request_processing: an after_request
// function appends to the body.
func TestAfterRequestResponseRewritesBody(t *testing.T) {
	app := quietApp()
	var evts []string
	app.BeforeRequest(func(c *flagon.Ctx) error { evts = append(evts, "before"); return nil })
	app.AfterRequestResponse(func(c *flagon.Ctx, res *flagon.Response) (*flagon.Response, error) {
		res.Body = append(res.Body, "|after"...)
		evts = append(evts, "after")
		return res, nil
	})
	app.Get("/", func(c *flagon.Ctx) error {
		if strings.Join(evts, " ") != "before" {
			t.Errorf("in the view: %v", evts)
		}
		return c.Text("request")
	})
	res := flagontest.NewClient(t, app).Get("/")
	if res.Text() != "request|after" || strings.Join(evts, " ") != "before after" {
		t.Fatalf("got %q, events %v", res.Text(), evts)
	}
	if cl := res.Header.Get("Content-Length"); cl != "13" {
		t.Errorf("Content-Length = %q, want 13", cl)
	}
}

// Flask's test_signals.py::test_request_signals: the hook replaces the
// data, and request_finished runs after it.
func TestAfterRequestResponseSignals(t *testing.T) {
	app := quietApp()
	var calls []string
	app.BeforeRequest(func(c *flagon.Ctx) error { calls = append(calls, "before-handler"); return nil })
	app.AfterRequestResponse(func(c *flagon.Ctx, res *flagon.Response) (*flagon.Response, error) {
		calls = append(calls, "after-handler")
		res.Body = []byte("stuff")
		return res, nil
	})
	app.Get("/", func(c *flagon.Ctx) error {
		calls = append(calls, "handler")
		return c.Text("ignored anyway")
	})
	defer flagon.RequestFinished.ConnectFor(app, func(any, *flagon.Ctx) { calls = append(calls, "after-signal") })()
	res := flagontest.NewClient(t, app).Get("/")
	want := "before-handler handler after-handler after-signal"
	if res.Text() != "stuff" || strings.Join(calls, " ") != want {
		t.Fatalf("got %q, calls %v", res.Text(), calls)
	}
}

func TestAfterRequestResponseCases(t *testing.T) {
	app := quietApp()
	app.ErrorHandler(500, func(c *flagon.Ctx, err error) error {
		return c.Status(500).Text("internal server error")
	})
	bp := flagon.NewBlueprint("api", "/api")
	bp.AfterRequestResponse(func(c *flagon.Ctx, res *flagon.Response) (*flagon.Response, error) {
		switch c.Request.URL.Query().Get("do") {
		case "replace":
			h := http.Header{"Content-Type": {"application/json"}, "X-New": {"1"}}
			return &flagon.Response{Status: 201, Header: h, Body: []byte(`{"wrapped":` + string(res.Body) + `}`)}, nil
		case "fail":
			return nil, errors.New("hook failed")
		case "nostatus":
			return &flagon.Response{Header: res.Header, Body: []byte("no status")}, nil
		case "badstatus":
			return &flagon.Response{Status: 42, Header: res.Header, Body: res.Body}, nil
		case "upper":
			res.Body = bytes.ToUpper(res.Body)
			res.Header.Set("Content-Type", "text/x-special")
		}
		return nil, nil
	})
	bp.Get("/n", func(c *flagon.Ctx) error { return c.JSON(42) })
	bp.Get("/stream", func(c *flagon.Ctx) error {
		return c.Stream("text/plain", func(w flagon.StreamWriter) error {
			for _, s := range []string{"a", "b", "c"} {
				if _, err := w.Write([]byte(s)); err != nil {
					return err
				}
				w.Flush()
			}
			return nil
		})
	})
	bp.Get("/half", func(c *flagon.Ctx) error {
		_ = c.Text("half written")
		return errors.New("then failed")
	})
	bp.Get("/empty", func(c *flagon.Ctx) error { return c.NoContent() })
	app.RegisterBlueprint(bp)
	app.Get("/plain", func(c *flagon.Ctx) error { return c.Text("plain") })
	tests := []struct {
		name, method, path string
		code               int
		body, ctype        string
	}{
		{"kept as is", "GET", "/api/n", 200, "42\n", "application/json"},
		{"a new response replaces it", "GET", "/api/n?do=replace", 201, "{\"wrapped\":42\n}", "application/json"},
		{"rewritten, streamed body included", "GET", "/api/stream?do=upper", 200, "ABC", "text/x-special"},
		// Flask's test_error_handler_after_processor_error ("after").
		{"test_error_handler_after_processor_error", "GET", "/api/n?do=fail", 500, "internal server error", "text/plain; charset=utf-8"},
		{"an error after writing gets its error page", "GET", "/api/half", 500, "internal server error", "text/plain; charset=utf-8"},
		{"a response without a status is a 200", "GET", "/api/n?do=nostatus", 200, "no status", "application/json"},
		{"an invalid status is the 500 page", "GET", "/api/n?do=badstatus", 500, "internal server error", "text/plain; charset=utf-8"},
		{"no body for 204", "GET", "/api/empty?do=upper", 204, "", "text/x-special"},
		{"HEAD", "HEAD", "/api/n", 200, "", "application/json"},
		{"other scopes are not held", "GET", "/plain?do=upper", 200, "plain", "text/plain; charset=utf-8"},
	}
	cl := flagontest.NewClient(t, app)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := cl.Do(tt.method, tt.path)
			if res.StatusCode != tt.code || res.Text() != tt.body || res.Header.Get("Content-Type") != tt.ctype {
				t.Fatalf("got %d %q %q, want %d %q %q", res.StatusCode, res.Text(), res.Header.Get("Content-Type"), tt.code, tt.body, tt.ctype)
			}
		})
	}
	if res := cl.Head("/api/n"); res.Header.Get("Content-Length") != "3" {
		t.Errorf("HEAD Content-Length = %q, want 3", res.Header.Get("Content-Length"))
	}
}
