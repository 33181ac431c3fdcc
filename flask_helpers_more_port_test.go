package flagon_test

import (
	"io"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// More ports of Flask tests/test_helpers.py (TestStreaming; the first ones
// are in flask_helpers_port_test.go). A stream function runs inside the
// request, so Flask's stream_with_context is the default: the request and
// the session are there while it writes.

func TestStreamingWithContext(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"SECRET_KEY": "test key"}))
	app.Get("/", func(c *flagon.Ctx) error {
		return c.Stream("text/plain", func(w flagon.StreamWriter) error {
			for _, part := range []string{"Hello ", c.Args().Get("name"), "!"} {
				if _, err := io.WriteString(w, part); err != nil {
					return err
				}
				w.Flush()
			}
			return nil
		})
	})
	app.Get("/session", func(c *flagon.Ctx) error {
		c.Session().Set("test", "flask")
		return c.Stream("text/plain", func(w flagon.StreamWriter) error {
			v, _ := c.Session().GetString("test")
			_, err := io.WriteString(w, v)
			return err
		})
	})
	cl := flagontest.NewClient(t, app)
	if got := cl.Get("/?name=World").Text(); got != "Hello World!" {
		t.Errorf("test_streaming_with_context: %q", got)
	}
	if got := cl.Get("/session").Text(); got != "flask" {
		t.Errorf("test_stream_keeps_session: %q", got)
	}
}
