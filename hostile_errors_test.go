package flagon_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// cyclicErr wraps next; pointing next at an earlier error closes a cycle
// that errors.Is and errors.As would follow forever.
type cyclicErr struct{ next error }

func (e *cyclicErr) Error() string { return "cyclic" }
func (e *cyclicErr) Unwrap() error { return e.next }

// selfJoinErr is an Unwrap() []error that contains itself.
type selfJoinErr struct{ errs []error }

func (e *selfJoinErr) Error() string   { return "self join" }
func (e *selfJoinErr) Unwrap() []error { return e.errs }

// unhandledErr has a handler in the cyclic app that never matches.
type unhandledErr struct{}

func (unhandledErr) Error() string { return "unhandled" }

func hostileErrors() map[string]func() error {
	return map[string]func() error{
		"/unwrap_cycle": func() error {
			a := &cyclicErr{}
			a.next = fmt.Errorf("again: %w", &cyclicErr{next: a})
			return a
		},
		"/join_self": func() error {
			j := &selfJoinErr{}
			j.errs = []error{j, nil}
			return fmt.Errorf("outer: %w", j)
		},
		"/typed_nil_panic": func() error {
			return fmt.Errorf("x: %w", (*flagon.PanicError)(nil))
		},
	}
}

// TestHostileErrorValues: an error value a handler returns cannot hang
// or break the core: a cyclic Unwrap chain or a wrapped typed-nil
// *PanicError is a logged 500.
func TestHostileErrorValues(t *testing.T) {
	for _, withHandlers := range []bool{false, true} {
		for path, mk := range hostileErrors() {
			t.Run(fmt.Sprintf("%s/handlers=%v", path[1:], withHandlers), func(t *testing.T) {
				var logs bytes.Buffer
				app := flagon.New(flagon.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
				if withHandlers {
					flagon.HandleError(app, func(c *flagon.Ctx, err unhandledErr) error { return c.Text("no") })
					flagon.HandleError(app, func(c *flagon.Ctx, err notFounder) error { return c.Text("no") })
					app.ErrorHandler(404, func(c *flagon.Ctx, err error) error { return c.Text("no") })
				}
				app.Get(path, func(c *flagon.Ctx) error { return mk() })
				done := make(chan *flagontest.Response, 1)
				go func() { done <- flagontest.NewClient(t, app).Get(path) }()
				var res *flagontest.Response
				select {
				case res = <-done:
				case <-time.After(5 * time.Second):
					t.Fatal("request hangs")
				}
				if res.StatusCode != 500 || !strings.Contains(res.Text(), "Internal Server Error") {
					t.Errorf("got %d %q, want the 500 page", res.StatusCode, res.Text())
				}
				if !strings.Contains(logs.String(), "request failed") {
					t.Errorf("not logged: %q", logs.String())
				}
			})
		}
	}
}

func TestNilPanicErrorMethods(t *testing.T) {
	var pe *flagon.PanicError
	if got := pe.Error(); got != "panic: <nil>" {
		t.Errorf("Error() = %q", got)
	}
	if got := pe.Unwrap(); got != nil {
		t.Errorf("Unwrap() = %v, want nil", got)
	}
	if errors.Is(fmt.Errorf("x: %w", pe), io.EOF) {
		t.Error("a nil *PanicError wraps io.EOF")
	}
}

// TestPanicWhileHandlingError: a panic while the core answers an error
// (here in an OnUnhandledError hook that trusts a wrapped *PanicError)
// is logged and answered with the 500 page, never an empty 200.
func TestPanicWhileHandlingError(t *testing.T) {
	var logs bytes.Buffer
	app := flagon.New(flagon.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	app.OnUnhandledError(func(c *flagon.Ctx, err error) bool {
		c.Header().Set("X-Half", "done")
		var pe *flagon.PanicError
		errors.As(err, &pe)
		_ = pe.Stack[0] // nil pointer: panics
		return true
	})
	app.Get("/", func(c *flagon.Ctx) error { return fmt.Errorf("x: %w", (*flagon.PanicError)(nil)) })
	res := flagontest.NewClient(t, app).Get("/")
	if res.StatusCode != 500 || !strings.Contains(res.Text(), "Internal Server Error") || res.Header.Get("X-Half") != "" {
		t.Errorf("got %d %q %v, want the clean 500 page", res.StatusCode, res.Text(), res.Header)
	}
	if !strings.Contains(logs.String(), "panic while handling an error") {
		t.Errorf("panic not logged: %q", logs.String())
	}
}
