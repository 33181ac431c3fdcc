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

// test_follow_redirect_body (Werkzeug): 301 and 302 turn a POST into a
// GET without body; 307 and 308 repeat it; headers are kept.
func TestFollowRedirectBody(t *testing.T) {
	for _, tt := range []struct {
		code int
		keep bool
	}{{302, false}, {301, false}, {307, true}, {308, true}} {
		app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/some/redirect/" {
				r.ParseForm()
				io.WriteString(w, r.Method+" "+r.Header.Get("X-Foo")+" "+r.PostForm.Get("foo"))
				return
			}
			http.Redirect(w, r, "http://localhost/some/redirect/", tt.code)
		})
		want := "GET bar "
		if tt.keep {
			want = "POST bar bar"
		}
		res := flagontest.NewClient(t, app).Post("/", flagontest.Form(url.Values{"foo": {"bar"}}),
			flagontest.Header("X-Foo", "bar"), flagontest.FollowRedirects())
		if res.Text() != want {
			t.Errorf("%d: got %q, want %q", tt.code, res.Text(), want)
		}
	}
}
