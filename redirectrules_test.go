package flagon_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// Werkzeug's Rule(redirect_to=...) in both forms (rules.py's example:
// "/some/old/url/<slug>" to "foo/<slug>" and a function looking up the
// slug of an old id), through the app.
func TestRedirectToRules(t *testing.T) {
	app := quietApp()
	app.Get("/foo/<slug>", func(c *flagon.Ctx) error { return c.Text("foo " + c.Param("slug")) }, flagon.Endpoint("foo"))
	app.RedirectRule("/some/old/url/<slug>", "foo/<slug>")
	app.RedirectRule("/rooted/<path:rest>", "/<rest>")
	app.RedirectRule("/ext/<int:id>", "https://example.org/items/<id>")
	app.RedirectRuleFunc("/other/old/url/<int:id>", func(values map[string]any) (string, error) {
		if values["id"].(int) == 0 {
			return "", errors.New("no such id")
		}
		return fmt.Sprintf("foo/slug-%d", values["id"]), nil
	})
	app.RedirectRuleFunc("/evil/<name>", func(values map[string]any) (string, error) {
		return "//" + values["name"].(string), nil
	})
	cl := flagontest.NewClient(t, app)
	tests := []struct {
		name, path string
		code       int
		loc        string
	}{
		{"string form", "/some/old/url/hello", 308, "/foo/hello"},
		{"values are escaped", "/some/old/url/a%20b%3Fc", 308, "/foo/a%20b%3Fc"},
		{"query is not kept", "/some/old/url/x?page=2", 308, "/foo/x"},
		{"rooted target, path kept", "/rooted/a/b", 308, "/a/b"},
		{"absolute target", "/ext/7", 308, "https://example.org/items/7"},
		{"function form", "/other/old/url/42", 308, "/foo/slug-42"},
		{"function error", "/other/old/url/0", 500, ""},
		{"no scheme-relative location", "/evil/evil.com", 308, "/evil.com"},
		{"converter still applies", "/other/old/url/abc", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := cl.Get(tt.path)
			if res.StatusCode != tt.code || res.Location() != tt.loc {
				t.Errorf("got %d %q, want %d %q", res.StatusCode, res.Location(), tt.code, tt.loc)
			}
		})
	}
	if got := cl.Get("/some/old/url/hello", flagontest.FollowRedirects()).Text(); got != "foo hello" {
		t.Errorf("followed: %q", got)
	}
	// Behind a script root (ProxyFix's X-Forwarded-Prefix) a relative
	// target stays below it.
	proxied := quietApp()
	proxied.Use(flagon.ProxyFix(flagon.ProxyFixOptions{Prefix: 1}))
	proxied.RedirectRule("/old/<slug>", "new/<slug>")
	res := flagontest.NewClient(t, proxied).Get("/old/x", flagontest.Header("X-Forwarded-Prefix", "/app"))
	if res.Location() != "/app/new/x" {
		t.Errorf("script root: Location %q", res.Location())
	}
	defer func() {
		if recover() == nil {
			t.Error("a target naming an unknown variable did not panic")
		}
	}()
	quietApp().RedirectRule("/a/<x>", "b/<y>")
}
