package flagon_test

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// Cases ported from Flask's tests/test_basic.py, on the public API.

func hello(c *flagon.Ctx) error { return c.Text("Hello World") }

// test_options_work and test_options_on_multiple_rules: OPTIONS answers
// with every method of the path's rules and an empty body.
func TestFlaskBasicOptions(t *testing.T) {
	tests := []struct {
		name  string
		setup func(app *flagon.App)
		allow string
	}{
		{"test_options_work", func(app *flagon.App) {
			app.Route("/", hello, flagon.Methods("GET", "POST"))
		}, "GET, HEAD, OPTIONS, POST"},
		{"test_options_on_multiple_rules", func(app *flagon.App) {
			app.Route("/", hello, flagon.Methods("GET", "POST"), flagon.Endpoint("index"))
			app.Route("/", hello, flagon.Methods("PUT"), flagon.Endpoint("index_put"))
		}, "GET, HEAD, OPTIONS, POST, PUT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New()
			tt.setup(app)
			res := flagontest.NewClient(t, app).Options("/")
			if got := res.Header.Get("Allow"); got != tt.allow {
				t.Errorf("Allow = %q, want %q", got, tt.allow)
			}
			if res.StatusCode != 200 || len(res.Body) != 0 {
				t.Errorf("status %d body %q, want 200 and empty", res.StatusCode, res.Body)
			}
		})
	}
}

// test_request_dispatching: a method no rule accepts is a 405 with the
// allowed methods; HEAD of a GET route has no body.
func TestFlaskBasicRequestDispatching(t *testing.T) {
	app := flagon.New()
	app.Get("/", func(c *flagon.Ctx) error { return c.Text(c.Request.Method) })
	app.Route("/more", func(c *flagon.Ctx) error { return c.Text(c.Request.Method) }, flagon.Methods("GET", "POST"))
	cl := flagontest.NewClient(t, app)
	tests := []struct {
		name, method, path string
		status             int
		body, allow        string
	}{
		{"get", "GET", "/", 200, "GET", ""},
		{"post not allowed", "POST", "/", 405, "", "GET, HEAD, OPTIONS"},
		{"head", "HEAD", "/", 200, "", ""},
		{"more post", "POST", "/more", 200, "POST", ""},
		{"more get", "GET", "/more", 200, "GET", ""},
		{"more delete", "DELETE", "/more", 405, "", "GET, HEAD, OPTIONS, POST"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := cl.Do(tt.method, tt.path)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.status)
			}
			if tt.status == 200 && res.Text() != tt.body {
				t.Errorf("body %q, want %q", res.Text(), tt.body)
			}
			if got := res.Header.Get("Allow"); got != tt.allow {
				t.Errorf("Allow = %q, want %q", got, tt.allow)
			}
		})
	}
}

func sessionConfigApp(cfg map[string]any) *flagon.App {
	base := map[string]any{"SECRET_KEY": "test key", "TESTING": true}
	for k, v := range cfg {
		base[k] = v
	}
	app := flagon.New(flagon.WithConfig(base))
	app.Get("/", func(c *flagon.Ctx) error {
		c.Session().Set("testing", 42)
		return c.Text("Hello World")
	})
	app.Get("/clear", func(c *flagon.Ctx) error {
		c.Session().Pop("testing")
		return c.Text("Goodbye World")
	})
	return app
}

// test_session_path, test_session_using_session_settings: the cookie
// attributes come from SESSION_COOKIE_* and APPLICATION_ROOT, for the
// cookie that sets the session and the one that deletes it.
func TestFlaskBasicSessionCookieAttributes(t *testing.T) {
	settings := map[string]any{
		"SERVER_NAME":                "www.example.com:8080",
		"APPLICATION_ROOT":           "/test",
		"SESSION_COOKIE_DOMAIN":      ".example.com",
		"SESSION_COOKIE_HTTPONLY":    false,
		"SESSION_COOKIE_SECURE":      true,
		"SESSION_COOKIE_PARTITIONED": true,
		"SESSION_COOKIE_SAMESITE":    "Lax",
		"SESSION_COOKIE_PATH":        "/",
	}
	tests := []struct {
		name   string
		cfg    map[string]any
		path   string
		has    []string
		hasNot []string
	}{
		{"test_session_path", map[string]any{"APPLICATION_ROOT": "/foo"}, "/", []string{"path=/foo", "httponly"}, []string{"secure", "domain"}},
		{"test_session_using_session_settings", settings, "/",
			[]string{"domain=example.com", "path=/", "secure", "samesite=lax", "partitioned"}, []string{"httponly"}},
		{"test_session_using_session_settings clear", settings, "/clear",
			[]string{"session=;", "domain=example.com", "path=/", "secure", "samesite=lax", "partitioned"}, []string{"httponly"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cl := flagontest.NewClient(t, sessionConfigApp(tt.cfg))
			if tt.path != "/" {
				cl.Get("/")
			}
			cookie := strings.ToLower(cl.Get(tt.path).Header.Get("Set-Cookie"))
			for _, s := range tt.has {
				if !strings.Contains(cookie, s) {
					t.Errorf("Set-Cookie %q lacks %q", cookie, s)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(cookie, s) {
					t.Errorf("Set-Cookie %q has %q", cookie, s)
				}
			}
		})
	}
}

// test_session_accessed and test_session_vary_cookie: Vary: Cookie
// exactly when the view used the session, merged into one Vary header.
func TestFlaskBasicSessionVary(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"SECRET_KEY": "k"}))
	app.Get("/set", func(c *flagon.Ctx) error { c.Session().Set("test", "test"); return c.Text("") })
	app.Get("/get", func(c *flagon.Ctx) error { v, _ := c.Session().Get("test"); s, _ := v.(string); return c.Text(s) })
	app.Get("/clear", func(c *flagon.Ctx) error { c.Session().Clear(); return c.Text("") })
	app.Get("/vary-cookie-header-set", func(c *flagon.Ctx) error {
		c.Header().Add("Vary", "Cookie")
		c.Session().Set("test", "test")
		return c.Text("")
	})
	app.Get("/vary-header-set", func(c *flagon.Ctx) error {
		c.Header().Add("Vary", "Accept-Encoding, Accept-Language")
		c.Session().Set("test", "test")
		return c.Text("")
	})
	app.Get("/nothing", func(c *flagon.Ctx) error { return c.Text("") })
	tests := []struct{ path, want string }{
		{"/nothing", ""},
		{"/set", "Cookie"},
		{"/get", "Cookie"},
		{"/nothing", ""},
		{"/clear", "Cookie"},
		{"/vary-cookie-header-set", "Cookie"},
		{"/vary-header-set", "Accept-Encoding, Accept-Language, Cookie"},
		{"/nothing", ""},
	}
	cl := flagontest.NewClient(t, app)
	for _, tt := range tests {
		res := cl.Get(tt.path)
		vary := res.Header.Values("Vary")
		if tt.want == "" {
			if len(vary) != 0 {
				t.Errorf("%s: Vary %q, want none", tt.path, vary)
			}
			continue
		}
		if len(vary) != 1 || vary[0] != tt.want {
			t.Errorf("%s: Vary %q, want one %q", tt.path, vary, tt.want)
		}
	}
}

// test_session_expiration: a permanent session's cookie expires after
// PERMANENT_SESSION_LIFETIME; a non-permanent one has no Expires.
func TestFlaskBasicSessionExpiration(t *testing.T) {
	for _, permanent := range []bool{true, false} {
		app := flagon.New(flagon.WithConfig(map[string]any{"SECRET_KEY": "k"}))
		app.Get("/", func(c *flagon.Ctx) error {
			c.Session().Set("test", 42)
			c.Session().SetPermanent(permanent)
			return c.Text("")
		})
		app.Get("/test", func(c *flagon.Ctx) error {
			if c.Session().Permanent() {
				return c.Text("True")
			}
			return c.Text("False")
		})
		cl := flagontest.NewClient(t, app)
		res := cl.Get("/")
		ck, err := http.ParseSetCookie(res.Header.Get("Set-Cookie"))
		if err != nil {
			t.Fatal(err)
		}
		if !permanent {
			if !ck.Expires.IsZero() || ck.MaxAge != 0 {
				t.Errorf("non-permanent cookie expires: %q", res.Header.Get("Set-Cookie"))
			}
			continue
		}
		want := time.Now().Add(31 * 24 * time.Hour)
		if d := ck.Expires.Sub(want); d > time.Minute || d < -time.Minute {
			t.Errorf("expires %v, want about %v", ck.Expires, want)
		}
		if got := cl.Get("/test").Text(); got != "True" {
			t.Errorf("permanent = %s", got)
		}
	}
}

// test_session_stored_last: a session changed in an after-request hook is
// saved.
func TestFlaskBasicSessionStoredLast(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"SECRET_KEY": "k"}))
	app.AfterRequest(func(c *flagon.Ctx) error { c.Session().Set("foo", 42); return nil })
	app.Get("/", func(c *flagon.Ctx) error {
		v, ok := c.Session().GetInt("foo")
		if !ok {
			return c.Text("None")
		}
		return c.Textf("%d", v)
	})
	cl := flagontest.NewClient(t, app)
	for i, want := range []string{"None", "42"} {
		if got := cl.Get("/").Text(); got != want {
			t.Errorf("request %d = %q, want %q", i, got, want)
		}
	}
}

// test_session_secret_key_fallbacks: a session signed with a key that is
// now a fallback still loads; one signed with an unknown key is empty.
func TestFlaskBasicSessionSecretKeyFallbacks(t *testing.T) {
	build := func(key string, fallbacks ...string) *flagon.App {
		app := flagon.New(flagon.WithConfig(map[string]any{"SECRET_KEY": key, "SECRET_KEY_FALLBACKS": fallbacks}))
		app.Post("/", func(c *flagon.Ctx) error { c.Session().Set("a", 1); return c.Text("") }, flagon.Endpoint("set_session"))
		app.Get("/", func(c *flagon.Ctx) error { return c.JSON(c.Session().Values()) }, flagon.Endpoint("get_session"))
		return app
	}
	cl := flagontest.NewClient(t, build("0 key", "-1 key", "-2 key"))
	cl.Post("/")
	cookies := cl.Jar
	tests := []struct {
		name string
		app  *flagon.App
		want string
	}{
		{"same key", build("0 key", "-1 key", "-2 key"), `{"a":1}`},
		{"unknown key", build("? key"), `{}`},
		{"rotated", build("+1 key", "0 key", "-1 key"), `{"a":1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c2 := flagontest.NewClient(t, tt.app)
			c2.Jar = cookies
			if got := strings.TrimSpace(c2.Get("/").Text()); got != tt.want {
				t.Errorf("session = %s, want %s", got, tt.want)
			}
		})
	}
}

// test_url_generation: url_for quotes values and builds external URLs.
func TestFlaskBasicURLGeneration(t *testing.T) {
	app := flagon.New()
	app.Route("/hello/<name>", hello, flagon.Methods("POST"), flagon.Endpoint("hello"))
	tests := []struct {
		name   string
		values []any
		want   string
	}{
		{"relative", []any{"name", "test x"}, "/hello/test%20x"},
		{"external", []any{"name", "test x", "_external", true}, "http://localhost/hello/test%20x"},
	}
	type result struct {
		url string
		err error
	}
	got := make([]result, len(tests))
	app.Get("/probe", func(c *flagon.Ctx) error {
		for i, tt := range tests {
			got[i].url, got[i].err = c.URLFor("hello", tt.values...)
		}
		return c.Text("")
	})
	flagontest.NewClient(t, app).Get("/probe")
	for i, tt := range tests {
		if got[i].err != nil || got[i].url != tt.want {
			t.Errorf("%s: url_for = %q, %v; want %q", tt.name, got[i].url, got[i].err, tt.want)
		}
	}
}

// test_nonascii_pathinfo: a rule with non-ASCII characters matches the
// percent-encoded request path.
func TestFlaskBasicNonASCIIPathinfo(t *testing.T) {
	app := flagon.New()
	app.Get("/киртест", func(c *flagon.Ctx) error { return c.Text("Hello World!") })
	res := flagontest.NewClient(t, app).Get("/" + url.PathEscape("киртест"))
	if res.StatusCode != 200 || res.Text() != "Hello World!" {
		t.Errorf("status %d body %q", res.StatusCode, res.Text())
	}
}

// Werkzeug's Response.get_app_iter and get_wsgi_headers: a 204 or 304
// response has no body and no Content-Length, whatever the view wrote,
// and writing one is no error (net/http would fail the write and log it).
func TestWerkzeugNoBodyStatuses(t *testing.T) {
	var logs strings.Builder
	app := flagon.New(flagon.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	app.Get("/204", func(c *flagon.Ctx) error { return c.Status(204).Text("hello") })
	app.Get("/304", func(c *flagon.Ctx) error { return c.Status(304).Bytes("text/plain", []byte("hello")) })
	app.Get("/204-bytes", func(c *flagon.Ctx) error { return c.Status(204).Bytes("text/plain", []byte("hello")) })
	srv := httptest.NewServer(app)
	defer srv.Close()
	cl := flagontest.NewClient(t, app)
	for _, path := range []string{"/204", "/304", "/204-bytes"} {
		t.Run(path, func(t *testing.T) {
			res := cl.Get(path)
			if len(res.Body) != 0 || res.Header.Get("Content-Length") != "" {
				t.Errorf("test client: body %q, Content-Length %q", res.Body, res.Header.Get("Content-Length"))
			}
			sres, err := http.Get(srv.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(sres.Body)
			sres.Body.Close()
			if len(b) != 0 || sres.Header.Get("Content-Length") != "" {
				t.Errorf("server: body %q, Content-Length %q", b, sres.Header.Get("Content-Length"))
			}
		})
	}
	if logs.Len() != 0 {
		t.Errorf("logged: %s", logs.String())
	}
}

// test_error_handling, test_error_handling_processing,
// test_before_request_and_routing_errors and test_user_error_handling.
func TestFlaskBasicErrorHandling(t *testing.T) {
	type myError struct{ error }
	something := flagon.NewKey[string]("something")
	app := flagon.New(flagon.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	app.BeforeRequest(func(c *flagon.Ctx) error { something.Set(c, "value"); return nil })
	app.ErrorHandler(404, func(c *flagon.Ctx, err error) error {
		v, _ := something.Get(c)
		return c.Status(404).Text("not found " + v)
	})
	app.ErrorHandler(500, func(c *flagon.Ctx, err error) error { return c.Status(500).Text("internal server error") })
	app.ErrorHandler(403, func(c *flagon.Ctx, err error) error { return c.Status(403).Text("forbidden") })
	flagon.HandleError(app, func(c *flagon.Ctx, e *myError) error { return c.Text("42") })
	app.AfterRequest(func(c *flagon.Ctx) error {
		if c.Request.URL.Path == "/error" {
			c.Header().Set("Content-Type", "text/x-special")
		}
		return nil
	})
	app.Get("/", func(c *flagon.Ctx) error { return flagon.Abort(404) }, flagon.Endpoint("index"))
	app.Get("/error", func(c *flagon.Ctx) error { return errors.New("division by zero") }, flagon.Endpoint("error"))
	app.Get("/forbidden", func(c *flagon.Ctx) error { return flagon.Abort(403) }, flagon.Endpoint("forbidden"))
	app.Get("/mine", func(c *flagon.Ctx) error { return &myError{errors.New("mine")} }, flagon.Endpoint("mine"))
	cl := flagontest.NewClient(t, app)
	tests := []struct {
		name, path  string
		status      int
		body, ctype string
	}{
		{"test_error_handling abort 404", "/", 404, "not found value", ""},
		{"test_error_handling_processing", "/error", 500, "internal server error", "text/x-special"},
		{"test_error_handling 403", "/forbidden", 403, "forbidden", ""},
		{"test_before_request_and_routing_errors", "/missing", 404, "not found value", ""},
		{"test_user_error_handling", "/mine", 200, "42", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := cl.Get(tt.path)
			if res.StatusCode != tt.status || res.Text() != tt.body {
				t.Errorf("got %d %q, want %d %q", res.StatusCode, res.Text(), tt.status, tt.body)
			}
			if tt.ctype != "" && res.Header.Get("Content-Type") != tt.ctype {
				t.Errorf("Content-Type %q, want %q", res.Header.Get("Content-Type"), tt.ctype)
			}
		})
	}
}

// test_appctx.py's test_app_tearing_down_with_handled_exception_by_app_handler
// and test_app_tearing_down_with_unhandled_exception, and test_basic.py's
// test_teardown_request_handler_error: teardown functions get the error
// only when no handler of its own answered it (the 500 handler is a
// fallback, not a handler of the error).
func TestFlaskTeardownSeesUnhandledErrors(t *testing.T) {
	type handledError struct{ error }
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"test_app_tearing_down_with_handled_exception_by_app_handler", &handledError{errors.New("dummy")}, "<nil>"},
		{"test_app_tearing_down_with_unhandled_exception", errors.New("dummy"), "dummy"},
		{"http error below 500", flagon.Abort(404), "<nil>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New(flagon.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
			var seen []string
			app.TeardownRequest(func(c *flagon.Ctx, err error) { seen = append(seen, fmt.Sprint(err)) })
			flagon.HandleError(app, func(c *flagon.Ctx, e *handledError) error { return c.JSON(e.Error()) })
			app.ErrorHandler(500, func(c *flagon.Ctx, err error) error { return c.Status(500).Text("oops") })
			app.Get("/", func(c *flagon.Ctx) error { return tt.err })
			flagontest.NewClient(t, app).Get("/")
			if len(seen) != 1 || seen[0] != tt.want {
				t.Errorf("teardown saw %q, want [%q]", seen, tt.want)
			}
		})
	}
}
