package flagontest_test

import (
	"net"
	"net/http"
	"net/url"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// Cases ported from Werkzeug's tests/test_test.py (the test client).

func cookieApp() *flagon.App {
	app := flagon.New()
	app.Get("/<path:p>", func(c *flagon.Ctx) error {
		v, ok := c.Cookie("test")
		c.SetCookie(&http.Cookie{Name: "test", Value: "test", Path: "/"})
		if !ok {
			return c.Text("No Cookie")
		}
		return c.Text("test=" + v)
	})
	return app
}

func TestWerkzeugClientCookies(t *testing.T) {
	tests := []struct {
		name  string
		paths []string
		jar   bool
		want  string
	}{
		{"test_no_initial_cookie", []string{"/a"}, true, "No Cookie"},
		{"test_resent_cookie", []string{"/a", "/a"}, true, "test=test"},
		{"test_disable_cookies", []string{"/a", "/a"}, false, "No Cookie"},
		{"test_cookie_for_different_path", []string{"/path1", "/path2"}, true, "test=test"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cl := flagontest.NewClient(t, cookieApp())
			if !tt.jar {
				cl.Jar = nil
			}
			var got string
			for _, p := range tt.paths {
				got = cl.Get(p).Text()
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// test_cookie_forging: a cookie put in the jar by the test is sent.
func TestWerkzeugClientCookieForging(t *testing.T) {
	cl := flagontest.NewClient(t, cookieApp())
	cl.Jar.SetCookies(cl.BaseURL, []*http.Cookie{{Name: "test", Value: "bar"}})
	if got := cl.Get("/x").Text(); got != "test=bar" {
		t.Errorf("got %q", got)
	}
}

// test_cookie_across_redirect: a cookie set or deleted by a redirect is
// used by the request that follows it.
func TestWerkzeugClientCookieAcrossRedirect(t *testing.T) {
	app := flagon.New()
	app.Get("/", func(c *flagon.Ctx) error {
		if v, ok := c.Cookie("auth"); ok {
			return c.Text(v)
		}
		return c.Text("out")
	}, flagon.Endpoint("index"))
	app.Get("/in", func(c *flagon.Ctx) error {
		c.SetCookie(&http.Cookie{Name: "auth", Value: "in", Path: "/"})
		return c.Redirect("/")
	}, flagon.Endpoint("in"))
	app.Get("/out", func(c *flagon.Ctx) error {
		c.SetCookie(&http.Cookie{Name: "auth", Path: "/", MaxAge: -1})
		return c.Redirect("/")
	}, flagon.Endpoint("out"))
	cl := flagontest.NewClient(t, app)
	steps := []struct {
		path   string
		follow bool
		want   string
	}{
		{"/", false, "out"}, {"/in", true, "in"}, {"/", false, "in"}, {"/out", true, "out"}, {"/", false, "out"},
	}
	for _, s := range steps {
		var opts []flagontest.Option
		if s.follow {
			opts = append(opts, flagontest.FollowRedirects())
		}
		if got := cl.Get(s.path, opts...).Text(); got != s.want {
			t.Errorf("%s: %q, want %q", s.path, got, s.want)
		}
	}
}

// test_multiple_cookies: every Set-Cookie of a response is kept.
func TestWerkzeugClientMultipleCookies(t *testing.T) {
	app := flagon.New()
	app.Get("/", func(c *flagon.Ctx) error {
		a, _ := c.Cookie("test1")
		b, _ := c.Cookie("test2")
		c.SetCookie(&http.Cookie{Name: "test1", Value: "foo"})
		c.SetCookie(&http.Cookie{Name: "test2", Value: "bar"})
		return c.Text(a + "," + b)
	})
	cl := flagontest.NewClient(t, app)
	for i, want := range []string{",", "foo,bar"} {
		if got := cl.Get("/").Text(); got != want {
			t.Errorf("request %d: %q, want %q", i, got, want)
		}
	}
}

// test_full_url_requests_with_args and test_delete_requests_with_form.
func TestWerkzeugClientRequests(t *testing.T) {
	app := flagon.New()
	app.Get("/", func(c *flagon.Ctx) error { return c.Text(c.Request.Host + " " + c.Args().Get("x")) }, flagon.Endpoint("index"))
	app.Delete("/", func(c *flagon.Ctx) error { return c.Text(c.FormValue("x")) }, flagon.Endpoint("remove"))
	cl := flagontest.NewClient(t, app)
	tests := []struct {
		name, method, path string
		opts               []flagontest.Option
		want               string
	}{
		{"test_full_url_requests_with_args relative", "GET", "/?x=42", nil, "localhost 42"},
		{"test_full_url_requests_with_args absolute", "GET", "http://www.example.com/?x=23", nil, "www.example.com 23"},
		{"test_delete_requests_with_form", "DELETE", "/", []flagontest.Option{flagontest.Form(url.Values{"x": {"42"}})}, "42"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cl.Do(tt.method, tt.path, tt.opts...).Text(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// test_environ_base_default and test_environ_base_modified (Flask's
// test_testing.py): requests come from 127.0.0.1 unless RemoteAddr says
// otherwise.
func TestFlaskTestingEnvironBase(t *testing.T) {
	tests := []struct{ name, remote, want string }{
		{"test_environ_base_default", "", "127.0.0.1"},
		{"test_environ_base_modified", "192.168.0.22:5000", "192.168.0.22"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New()
			app.Get("/", func(c *flagon.Ctx) error {
				host, _, err := net.SplitHostPort(c.Request.RemoteAddr)
				if err != nil {
					return err
				}
				return c.Text(host)
			})
			cl := flagontest.NewClient(t, app)
			cl.RemoteAddr = tt.remote
			if got := cl.Get("/").Text(); got != tt.want {
				t.Errorf("remote address %q, want %q", got, tt.want)
			}
		})
	}
}
