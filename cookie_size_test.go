package flagon_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// test_cookie_maxsize (Werkzeug's test_http.py) through c.SetCookie: a
// Set-Cookie value over MAX_COOKIE_SIZE is logged with dump_cookie's
// warning (Flask's response.max_cookie_size is the config key) and still
// sent; 0 disables the check.
func TestCookieMaxSize(t *testing.T) {
	tests := []struct {
		name   string
		limit  any // MAX_COOKIE_SIZE; nil keeps the default
		value  string
		domain string
		warn   string // substring of the logged warning; "" for none
	}{
		{"test_cookie_maxsize at the limit", nil, strings.Repeat("bar", 1360) + "b", "", ""},
		{"test_cookie_maxsize over", nil, strings.Repeat("bar", 1360) + "ba", "",
			"The 'foo' cookie is too large: the value was 4082 bytes but the header required 12 extra bytes." +
				" The final size was 4094 bytes but the limit is 4093 bytes. Browsers may silently ignore cookies larger than this."},
		{"test_cookie_maxsize custom limit", 512, strings.Repeat("w", 501), "", "the limit is 512 bytes"},
		{"attributes count", 512, strings.Repeat("w", 495), "example.com", "the value was 495 bytes but the header required 32 extra bytes. The final size was 527 bytes"},
		{"quoted value counts as sent", 20, "a b c d e", "", "the value was 11 bytes but the header required 12 extra bytes. The final size was 23 bytes"},
		{"no limit", 0, strings.Repeat("bar", 2000), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			cfg := map[string]any{}
			if tt.limit != nil {
				cfg["MAX_COOKIE_SIZE"] = tt.limit
			}
			app := flagon.New(flagon.WithConfig(cfg), flagon.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
			app.Get("/", func(c *flagon.Ctx) error {
				c.SetCookie(&http.Cookie{Name: "foo", Value: tt.value, Path: "/", Domain: tt.domain})
				return c.Text("")
			})
			res := flagontest.NewClient(t, app).Get("/")
			if !strings.HasPrefix(res.Header.Get("Set-Cookie"), "foo=") {
				t.Fatalf("Set-Cookie = %.40q", res.Header.Get("Set-Cookie"))
			}
			got := logs.String()
			if tt.warn == "" && got != "" || !strings.Contains(got, tt.warn) {
				t.Fatalf("log %q, want %q", got, tt.warn)
			}
			if tt.warn != "" && !strings.Contains(got, "level=WARN") {
				t.Errorf("log %q is not a warning", got)
			}
		})
	}
}

// Werkzeug's set_cookie defaults path to "/": c.SetCookie sends Path=/
// for a cookie without a Path, and keeps a given one.
func TestSetCookieDefaultPath(t *testing.T) {
	tests := []struct{ name, path, want string }{
		{"no path", "", "theme=dark; Path=/"},
		{"given path", "/admin", "theme=dark; Path=/admin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New()
			app.Get("/a/b", func(c *flagon.Ctx) error {
				c.SetCookie(&http.Cookie{Name: "theme", Value: "dark", Path: tt.path})
				return nil
			})
			if got := flagontest.NewClient(t, app).Get("/a/b").Header.Get("Set-Cookie"); got != tt.want {
				t.Fatalf("Set-Cookie = %q, want %q", got, tt.want)
			}
		})
	}
}
