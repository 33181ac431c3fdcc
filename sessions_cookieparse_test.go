package flagon_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// TestSessionCookieParsedAsWerkzeug: the session layer reads the Cookie
// header with Werkzeug's parse_cookie, as c.Cookie does, so a session
// cookie sent in a form Go's http.Request.Cookie rejects (spaces around
// "=", a quoted value with escapes, invalid UTF-8 next to it) still opens
// the session, and a permanent one is still refreshed.
func TestSessionCookieParsedAsWerkzeug(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"SECRET_KEY": "dev"}))
	app.Get("/login", func(c *flagon.Ctx) error {
		c.Session().Set("user", "ada")
		c.Session().SetPermanent(true)
		return c.Text("")
	})
	app.Get("/user", func(c *flagon.Ctx) error {
		v, _ := c.Session().Get("user")
		s, _ := v.(string)
		return c.Text(s)
	})
	app.Get("/ignored", func(c *flagon.Ctx) error { return c.Text("") })
	var token string
	for _, ck := range (&http.Response{Header: flagontest.NewClient(t, app).Get("/login").Header}).Cookies() {
		token = ck.Value
	}
	if token == "" {
		t.Fatal("no session cookie set")
	}
	escaped := `"` + strings.ReplaceAll(token, ".", `\056`) + `"`
	tests := []struct {
		name, header string
		goRejects    bool // Go's http.Request.Cookie finds no session cookie
	}{
		{"spaces around =", "session = " + token + " ", false},
		{"quoted with octal escapes", "session=" + escaped, true},
		{"after a cookie with comma and quote", `a="x,\"y"; session=` + token, false},
		{"after invalid UTF-8", "a=\xff\xfe; session=" + token, false},
		{"first of two", "session=" + token + "; session=garbage", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := (&http.Request{Header: http.Header{"Cookie": {tt.header}}}).Cookie("session"); (err != nil) != tt.goRejects {
				t.Fatalf("Go's parser error %v for %q, want rejection %v", err, tt.header, tt.goRejects)
			}
			cl := flagontest.NewClient(t, app)
			if got := cl.Get("/user", flagontest.Header("Cookie", tt.header)).Text(); got != "ada" {
				t.Errorf("session user = %q, want ada", got)
			}
			res := flagontest.NewClient(t, app).Get("/ignored", flagontest.Header("Cookie", tt.header))
			if !strings.Contains(res.Header.Get("Set-Cookie"), "Expires=") {
				t.Errorf("permanent session not refreshed: Set-Cookie = %q", res.Header.Get("Set-Cookie"))
			}
		})
	}
}
