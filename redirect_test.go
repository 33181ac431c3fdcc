package flagon_test

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// TestSlashRedirectIsNotAnOpenRedirect is issue #15's open redirect: the
// strict-slashes redirect quotes the decoded path as Werkzeug does, so a
// backslash, '?' or '#' in the request path cannot leave the host or move
// into the query or fragment.
func TestSlashRedirectIsNotAnOpenRedirect(t *testing.T) {
	app := flagon.New()
	app.Get("/<name>/", func(c *flagon.Ctx) error { return c.Text(c.Param("name")) })
	app.Get("/x//<name>/", func(c *flagon.Ctx) error { return c.Text(c.Param("name")) },
		flagon.Endpoint("double"), flagon.MergeSlashes(false))
	tests := []struct{ name, path, want string }{
		{"backslash", "/%5Cevil.example", "/%5Cevil.example/"},
		{"question mark", "/a%3Fb", "/a%3Fb/"},
		{"hash", "/a%23b", "/a%23b/"},
		{"escaped slash", "/a%2Fb%2F", ""},
		{"percent", "/100%25", "/100%25/"},
		{"non-ASCII", "/%C3%A9", "/%C3%A9/"},
		{"leading double slash", "//evil.example", "/evil.example/"},
		{"merged slashes quoted", "//a%3Fb//", "/a%3Fb/"},
		{"rule keeping its slashes", "/x//%5Cevil", "/x//%5Cevil/"},
		{"query kept", "/a?next=%2F%2Fx&y=1", "/a/?next=%2F%2Fx&y=1"},
		{"hash in raw query escaped", "/a?x=1%23", "/a/?x=1%23"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			app.ServeHTTP(rec, httptest.NewRequest("GET", tt.path, nil))
			loc := rec.Header().Get("Location")
			if tt.want == "" {
				if strings.HasPrefix(loc, "//") {
					t.Fatalf("Location %q is scheme-relative", loc)
				}
				return
			}
			if rec.Code != 308 || loc != tt.want {
				t.Fatalf("got %d Location %q, want 308 %q", rec.Code, loc, tt.want)
			}
		})
	}
}

// TestSlashRedirectEscapesRawQuery: a query the server received with a raw
// '#', space or quote (which Go's server accepts) is escaped in Location.
func TestSlashRedirectEscapesRawQuery(t *testing.T) {
	app := flagon.New()
	app.Get("/dir/", func(c *flagon.Ctx) error { return c.Text("dir") })
	app.Freeze()
	req := httptest.NewRequest("GET", "/dir", nil)
	req.URL.RawQuery = `a=1#frag "x"`
	rec := httptest.NewRecorder()
	app.ServeHTTP(rec, req)
	if got, want := rec.Header().Get("Location"), "/dir/?a=1%23frag%20%22x%22"; got != want {
		t.Fatalf("Location = %q, want %q", got, want)
	}
}

// test_basic_routing (Werkzeug): bound under the script name /test, the
// trailing-slash redirect of /bar goes to /test/bar/. Behind ProxyFix the
// script name is X-Forwarded-Prefix; a prefix with extra slashes cannot make
// the location scheme-relative.
func TestSlashRedirectKeepsScriptRoot(t *testing.T) {
	app := flagon.New()
	app.Use(flagon.ProxyFix(flagon.ProxyFixOptions{Prefix: 1}))
	app.Get("/bar/", func(c *flagon.Ctx) error { return c.Text("bar") })
	cl := flagontest.NewClient(t, app)
	tests := []struct{ name, prefix, path, want string }{
		{"test_basic_routing", "/test", "/bar", "/test/bar/"},
		{"trailing slash on prefix", "/test/", "/bar?aha=muhaha", "/test/bar/?aha=muhaha"},
		{"root prefix", "/", "/bar", "/bar/"},
		{"double-slash prefix", "//evil.example", "/bar", "/evil.example/bar/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := cl.Get(tt.path, flagontest.Header("X-Forwarded-Prefix", tt.prefix))
			if res.StatusCode != 308 || res.Location() != tt.want {
				t.Fatalf("got %d Location %q, want 308 %q", res.StatusCode, res.Location(), tt.want)
			}
		})
	}
}

// test_redirect (Werkzeug, test_utils.py): the Location header of a
// redirect is the IRI converted to a URI: IDNA host, escaped path.
func TestRedirectIRIToURI(t *testing.T) {
	tests := []struct{ location, want string }{
		{"http://example.com", "http://example.com"},
		{"/füübär", "/f%C3%BC%C3%BCb%C3%A4r"},
		{"http://☃.example.com/", "http://xn--n3h.example.com/"},
		{"itms-services://?url=abc", "itms-services://?url=abc"},
		{"http://☃.net/påth?q=èry%DF", "http://xn--n3h.net/p%C3%A5th?q=%C3%A8ry%DF"},
		{"http://user@☃.net:8080/a b#frag ment", "http://user@xn--n3h.net:8080/a%20b#frag%20ment"},
	}
	for _, tt := range tests {
		t.Run(tt.location, func(t *testing.T) {
			app := flagon.New()
			app.Get("/", func(c *flagon.Ctx) error { return c.Redirect(tt.location, 307) })
			rec := httptest.NewRecorder()
			app.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
			if got := rec.Header().Get("Location"); got != tt.want {
				t.Fatalf("Location = %q, want %q", got, tt.want)
			}
		})
	}
}

// test_redirect_xss and test_redirect (Werkzeug): the location is sent as
// given (not resolved or cleaned) and escaped in the HTML body.
func TestRedirectLocationAsGiven(t *testing.T) {
	tests := []struct{ location, want string }{
		{"done", "done"},
		{"/a/../b//c", "/a/../b//c"},
		{`http://example.com/?xss="><script>alert(1)</script>`, `http://example.com/?xss=%22%3E%3Cscript%3Ealert(1)%3C/script%3E`},
	}
	for _, tt := range tests {
		t.Run(tt.location, func(t *testing.T) {
			app := flagon.New()
			app.Get("/r/x", func(c *flagon.Ctx) error { return c.Redirect(tt.location) })
			rec := httptest.NewRecorder()
			app.ServeHTTP(rec, httptest.NewRequest("GET", "/r/x", nil))
			if rec.Code != 302 || rec.Header().Get("Location") != tt.want {
				t.Fatalf("got %d %q, want 302 %q", rec.Code, rec.Header().Get("Location"), tt.want)
			}
			if body := rec.Body.String(); strings.Contains(body, "<script>") || !strings.Contains(body, "Redirecting...") {
				t.Fatalf("body %q", body)
			}
		})
	}
}

// test_redirect (Werkzeug 3.1's test_utils.py, which redirects with 305):
// c.Redirect sends every code Werkzeug's redirect documents (301, 302,
// 303, 305, 307, 308) and 300, which it sends too, with the Location as a
// URI and the HTML body linking the location as given; codes that are no redirect are an error, never sent.
func TestRedirectCodes(t *testing.T) {
	tests := []struct {
		name    string
		code    int
		wantErr bool
	}{
		{"test_redirect 305", 305, false},
		{"300 multiple choices", 300, false},
		{"301", 301, false},
		{"302", 302, false},
		{"303", 303, false},
		{"307", 307, false},
		{"308", 308, false},
		{"304 not modified", 304, true},
		{"306 unused", 306, true},
		{"200", 200, true},
		{"404", 404, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New(flagon.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
			var err error
			app.Get("/", func(c *flagon.Ctx) error { err = c.Redirect("/füübär", tt.code); return err })
			rec := httptest.NewRecorder()
			app.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
			if tt.wantErr {
				if err == nil || rec.Code != 500 || rec.Header().Get("Location") != "" {
					t.Fatalf("got %d %q, err %v; want a 500 without Location", rec.Code, rec.Header().Get("Location"), err)
				}
				return
			}
			if err != nil || rec.Code != tt.code || rec.Header().Get("Location") != "/f%C3%BC%C3%BCb%C3%A4r" ||
				strings.Count(rec.Body.String(), "/füübär") != 2 {
				t.Fatalf("got %d %q %q, err %v", rec.Code, rec.Header().Get("Location"), rec.Body.String(), err)
			}
		})
	}
}
