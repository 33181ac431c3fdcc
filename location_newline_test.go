package flagon_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
)

// TestLocationWithNewlineIs500: a Location with CR or LF, which urlsplit
// would collapse ("/\r\n/evil.com" into "//evil.com"), is refused with
// the 500 error page as Werkzeug's headers refuse it, whether it comes
// from Redirect, the handler's own header or an after-request hook.
func TestLocationWithNewlineIs500(t *testing.T) {
	app := flagon.New()
	app.Get("/redirect", func(c *flagon.Ctx) error { return c.Redirect("/\r\n/evil.com") })
	app.Get("/next", func(c *flagon.Ctx) error {
		next := c.Args().Get("next")
		if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
			next = "/"
		}
		return c.Redirect(next)
	})
	app.Get("/header", func(c *flagon.Ctx) error {
		c.Header()["Location"] = []string{"/\n/evil.com"}
		c.Status(302)
		return c.Text("")
	})
	app.Get("/hook", func(c *flagon.Ctx) error { return c.Text("ok") },
		flagon.Endpoint("hook"))
	app.Get("/tab", func(c *flagon.Ctx) error { return c.Redirect("/\t/evil.com") })
	app.AfterRequest(func(c *flagon.Ctx) error {
		if c.Request.URL.Path == "/hook" {
			c.Header().Set("Location", "/x")
			c.Header()["Location"] = []string{"/\r/evil.com"}
		}
		return nil
	})
	tests := []struct {
		name, path string
		code       int
		loc        string
	}{
		{"redirect", "/redirect", 500, ""},
		{"next_parameter", "/next?next=/%0d%0a/evil.com", 500, ""},
		{"handler_header", "/header", 500, ""},
		{"hook_header", "/hook", 500, ""},
		{"tab_escaped", "/tab", 302, "/%09/evil.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			app.ServeHTTP(rec, httptest.NewRequest("GET", tt.path, nil))
			loc := rec.Header().Get("Location")
			if rec.Code != tt.code || loc != tt.loc {
				t.Fatalf("got %d Location %q, want %d %q", rec.Code, loc, tt.code, tt.loc)
			}
		})
	}
}
