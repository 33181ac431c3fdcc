package flagontest_test

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"testing"

	"github.com/flagon-go/flagon/flagontest"
)

// redirectTo answers every request with a redirect to location.
func redirectTo(location string, code int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", location)
		w.WriteHeader(code)
	})
}

// test_follow_redirect_loop (Werkzeug): a redirect made twice is an error.
func TestFollowRedirectLoop(t *testing.T) {
	cl := flagontest.NewClient(t, redirectTo("http://localhost/some/redirect/", http.StatusFound))
	_, err := cl.Open("GET", "/", flagontest.FollowRedirects())
	var re *flagontest.RedirectError
	if !errors.As(err, &re) || !re.Loop || re.Location != "http://localhost/some/redirect/" {
		t.Fatalf("err = %v, want a redirect loop", err)
	}
}

// test_follow_external_redirect and
// test_follow_external_redirect_on_same_subdomain (Werkzeug): a redirect
// to another host is an error, not a local request; a subdomain is
// followed only when allowed.
func TestFollowExternalRedirect(t *testing.T) {
	subdomainApp := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Host == "test.example.com" {
			io.WriteString(w, "redirected successfully to subdomain")
			return
		}
		http.Redirect(w, r, "http://test.example.com/login", http.StatusFound)
	})
	tests := []struct {
		name      string
		handler   http.Handler
		base      string
		subdomain bool
		wantErr   bool
		want      string
	}{
		{"external", redirectTo("http://example.com/", http.StatusFound), "http://localhost", false, true, ""},
		{"scheme-relative", redirectTo("//evil.example/", http.StatusMovedPermanently), "http://localhost", false, true, ""},
		{"subdomain allowed", subdomainApp, "http://example.com", true, false, "redirected successfully to subdomain"},
		{"not a subdomain", subdomainApp, "http://localhost", true, true, ""},
		{"subdomain not allowed", subdomainApp, "http://example.com", false, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cl := flagontest.NewClient(t, tt.handler)
			cl.BaseURL, _ = url.Parse(tt.base)
			cl.AllowSubdomainRedirects = tt.subdomain
			res, err := cl.Open("GET", "/", flagontest.FollowRedirects())
			var re *flagontest.RedirectError
			if tt.wantErr {
				if !errors.As(err, &re) || re.Loop {
					t.Fatalf("err = %v, want a refused redirect", err)
				}
				return
			}
			if err != nil || res.Text() != tt.want {
				t.Fatalf("got %v, %v", res, err)
			}
		})
	}
}

// test_disable_cookies (Werkzeug): with no jar the client neither keeps
// nor sends cookies.
func TestDisableCookies(t *testing.T) {
	cl := flagontest.NewClient(t, echo())
	cl.Jar = nil
	res := cl.Get("/login", flagontest.FollowRedirects())
	if res.Text() != "anonymous" {
		t.Fatalf("got %q, want anonymous", res.Text())
	}
}

// test_redirects_are_tracked (Werkzeug): each response of the chain keeps
// its request and the history before it.
func TestRedirectsAreTracked(t *testing.T) {
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/first":
			http.Redirect(w, r, "/second", http.StatusSeeOther)
		case "/second":
			http.Redirect(w, r, "/third", http.StatusSeeOther)
		default:
			io.WriteString(w, "done")
		}
	})
	res := flagontest.NewClient(t, app).Get("/first", flagontest.FollowRedirects())
	if res.Text() != "done" || len(res.History) != 2 {
		t.Fatalf("got %q with %d redirects", res.Text(), len(res.History))
	}
	last, first := res.History[1], res.History[0]
	if last.Request.URL.Path != "/second" || last.StatusCode != 303 || last.Location() != "/third" ||
		len(last.History) != 1 || last.History[0] != first {
		t.Errorf("second hop: %s %d %s history %d", last.Request.URL.Path, last.StatusCode, last.Location(), len(last.History))
	}
	if first.Request.URL.Path != "/first" || first.Location() != "/second" || len(first.History) != 0 {
		t.Errorf("first hop: %s %s history %d", first.Request.URL.Path, first.Location(), len(first.History))
	}
	if res.Request.URL.Path != "/third" {
		t.Errorf("final request path %q", res.Request.URL.Path)
	}
}

// test_follow_redirect_non_root_base_url (Werkzeug): a relative location
// resolves against the request's URL.
func TestFollowRedirectRelativeLocation(t *testing.T) {
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/other/redirect" {
			w.Header().Set("Location", "done")
			w.WriteHeader(http.StatusFound)
			return
		}
		io.WriteString(w, r.URL.Path)
	})
	if got := flagontest.NewClient(t, app).Get("/other/redirect", flagontest.FollowRedirects()).Text(); got != "/other/done" {
		t.Fatalf("got %q, want /other/done", got)
	}
}

// test_follow_redirect_body (Werkzeug 3.1, with the codes and methods of
// its resolve_redirect): 301, 302, 303 and 305 turn any method but HEAD
// into a GET and drop the body, its Content-Type and Content-Length; 307
// and 308 repeat method and body; other headers are kept.
func TestFollowRedirectBody(t *testing.T) {
	tests := []struct {
		name   string
		code   int
		method string
		want   string // method, X-Foo, Content-Type, body seen after the redirect
	}{
		{"test_follow_redirect_body/302", 302, "POST", "GET|bar||"},
		{"test_follow_redirect_body/301", 301, "POST", "GET|bar||"},
		{"test_follow_redirect_body/307", 307, "POST", "POST|bar|application/x-www-form-urlencoded|foo=bar"},
		{"test_follow_redirect_body/308", 308, "POST", "POST|bar|application/x-www-form-urlencoded|foo=bar"},
		{"303 POST", 303, "POST", "GET|bar||"},
		{"305 POST", 305, "POST", "GET|bar||"},
		{"301 PUT", 301, "PUT", "GET|bar||"},
		{"302 PATCH", 302, "PATCH", "GET|bar||"},
		{"302 DELETE", 302, "DELETE", "GET|bar||"},
		{"303 PUT", 303, "PUT", "GET|bar||"},
		{"305 DELETE", 305, "DELETE", "GET|bar||"},
		{"302 GET", 302, "GET", "GET|bar||"},
		{"307 PUT", 307, "PUT", "PUT|bar|application/x-www-form-urlencoded|foo=bar"},
		{"308 DELETE", 308, "DELETE", "DELETE|bar|application/x-www-form-urlencoded|foo=bar"},
		{"307 PATCH", 307, "PATCH", "PATCH|bar|application/x-www-form-urlencoded|foo=bar"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/some/redirect/" {
					body, _ := io.ReadAll(r.Body)
					io.WriteString(w, r.Method+"|"+r.Header.Get("X-Foo")+"|"+r.Header.Get("Content-Type")+"|"+string(body))
					return
				}
				w.Header().Set("Location", "http://localhost/some/redirect/")
				w.WriteHeader(tt.code)
			})
			res := flagontest.NewClient(t, app).Do(tt.method, "/", flagontest.Form(url.Values{"foo": {"bar"}}),
				flagontest.Header("X-Foo", "bar"), flagontest.FollowRedirects())
			if res.StatusCode != 200 || res.Text() != tt.want {
				t.Errorf("got %d %q, want %q", res.StatusCode, res.Text(), tt.want)
			}
			if len(res.History) != 1 || res.History[0].StatusCode != tt.code {
				t.Errorf("history %v, want one %d", res.History, tt.code)
			}
		})
	}
}

// HEAD stays HEAD through every redirect (Werkzeug 3.1's resolve_redirect
// keeps HEAD for the codes that turn other methods into GET).
func TestFollowRedirectHeadKept(t *testing.T) {
	for _, code := range []int{301, 302, 303, 305, 307, 308} {
		t.Run(http.StatusText(code), func(t *testing.T) {
			var method string
			app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/to" {
					method = r.Method
					return
				}
				w.Header().Set("Location", "/to")
				w.WriteHeader(code)
			})
			res := flagontest.NewClient(t, app).Head("/", flagontest.FollowRedirects())
			if res.StatusCode != 200 || method != "HEAD" || len(res.History) != 1 {
				t.Errorf("got %d, method %q, %d redirects", res.StatusCode, method, len(res.History))
			}
		})
	}
}

// test_follow_redirect (Werkzeug): every redirect code Werkzeug 3.1
// follows (301, 302, 303, 305, 307, 308) is followed; 300, 304 and 306
// are not.
func TestFollowRedirectCodes(t *testing.T) {
	for _, tt := range []struct {
		code   int
		follow bool
	}{{301, true}, {302, true}, {303, true}, {305, true}, {307, true}, {308, true},
		{300, false}, {304, false}, {306, false}} {
		t.Run(http.StatusText(tt.code), func(t *testing.T) {
			app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/some/redirect/" {
					io.WriteString(w, "current url: http://localhost/some/redirect/")
					return
				}
				w.Header().Set("Location", "http://localhost/some/redirect/")
				w.WriteHeader(tt.code)
			})
			res := flagontest.NewClient(t, app).Get("/first/request", flagontest.FollowRedirects())
			if tt.follow && (res.StatusCode != 200 || res.Text() != "current url: http://localhost/some/redirect/") {
				t.Errorf("got %d %q, want the redirect followed", res.StatusCode, res.Text())
			}
			if !tt.follow && (res.StatusCode != tt.code || len(res.History) != 0) {
				t.Errorf("got %d with %d redirects, want %d not followed", res.StatusCode, len(res.History), tt.code)
			}
		})
	}
}

// test_follow_local_redirect (Werkzeug): a Location without a host is
// followed on the request's host.
func TestFollowLocalRedirect(t *testing.T) {
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/from/location" {
			w.Header().Set("Location", "/to/location")
			w.WriteHeader(http.StatusFound)
			return
		}
		io.WriteString(w, "current path: "+r.URL.Path+" on "+r.Host)
	})
	res := flagontest.NewClient(t, app).Get("/from/location", flagontest.FollowRedirects())
	if want := "current path: /to/location on localhost"; res.StatusCode != 200 || res.Text() != want {
		t.Fatalf("got %d %q, want %q", res.StatusCode, res.Text(), want)
	}
}
