package routing

import (
	"bufio"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
)

// benchRoute is one GitHub API route: its Flask rule, the Go 1.22 ServeMux
// pattern for the same route and a request path matching it.
type benchRoute struct {
	method, rule, mux, path string
}

var varRe = regexp.MustCompile(`<([a-z_]+)>`)

// loadGitHub reads testdata/github_routes.txt.
func loadGitHub(tb testing.TB) []benchRoute {
	tb.Helper()
	f, err := os.Open("testdata/github_routes.txt")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var routes []benchRoute
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		method, rule, ok := strings.Cut(sc.Text(), " ")
		if !ok || strings.HasPrefix(method, "#") {
			continue
		}
		routes = append(routes, benchRoute{
			method: method,
			rule:   rule,
			mux:    method + " " + varRe.ReplaceAllString(rule, "{$1}"),
			path:   varRe.ReplaceAllString(rule, "$1"),
		})
	}
	return routes
}

func githubMap(tb testing.TB, routes []benchRoute) *Map {
	m := NewMap()
	for _, r := range routes {
		rule := &Rule{Pattern: r.rule, Endpoint: r.method + " " + r.rule, Methods: []string{r.method}, StrictSlashes: true}
		if err := m.Add(rule); err != nil {
			tb.Fatal(err)
		}
	}
	return m
}

// githubMux registers the same routes on a ServeMux; each handler records
// its pattern in *hit.
func githubMux(routes []benchRoute, hit *string) *http.ServeMux {
	mux := http.NewServeMux()
	for _, r := range routes {
		pattern := r.mux
		mux.HandleFunc(pattern, func(http.ResponseWriter, *http.Request) { *hit = pattern })
	}
	return mux
}

// nopWriter is a ResponseWriter that discards everything.
type nopWriter struct{}

func (nopWriter) Header() http.Header         { return nil }
func (nopWriter) Write(b []byte) (int, error) { return len(b), nil }
func (nopWriter) WriteHeader(int)             {}

func TestGitHubRoutes(t *testing.T) {
	routes := loadGitHub(t)
	if len(routes) != 203 {
		t.Fatalf("%d routes, want 203", len(routes))
	}
	m := githubMap(t, routes)
	var hit string
	mux := githubMux(routes, &hit)
	var p Params
	for _, r := range routes {
		got, err := m.Match(r.method, r.path, &p)
		if err != nil || got.Pattern != r.rule || !got.Allows(r.method) {
			t.Errorf("Match(%s %s) = %v, %v; want %s", r.method, r.path, got, err, r.rule)
		}
		mux.ServeHTTP(nopWriter{}, &http.Request{Method: r.method, URL: &url.URL{Path: r.path}})
		if hit != r.mux {
			t.Errorf("ServeMux(%s %s) ran %q, want %q", r.method, r.path, hit, r.mux)
		}
	}
}

// BenchmarkMatch matches single requests against the GitHub API routes with
// Map.Match and, as the baseline, net/http.ServeMux.ServeHTTP (routing plus
// a no-op handler call).
func BenchmarkMatch(b *testing.B) {
	routes := loadGitHub(b)
	m := githubMap(b, routes)
	var hit string
	mux := githubMux(routes, &hit)
	cases := []struct{ name, method, path string }{
		{"static", "GET", "/user/repos"},
		{"param1", "GET", "/users/julienschmidt"},
		{"param3", "GET", "/repos/julienschmidt/httprouter/issues/42"},
	}
	for _, c := range cases {
		b.Run(c.name+"/flagon", func(b *testing.B) {
			var p Params
			b.ReportAllocs()
			for b.Loop() {
				if _, err := m.Match(c.method, c.path, &p); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(c.name+"/servemux", func(b *testing.B) {
			req := &http.Request{Method: c.method, URL: &url.URL{Path: c.path}}
			b.ReportAllocs()
			for b.Loop() {
				mux.ServeHTTP(nopWriter{}, req)
			}
		})
	}
}

// BenchmarkGitHubAll matches every one of the 203 GitHub API routes per
// iteration, with Map.Match and with ServeMux as the baseline.
func BenchmarkGitHubAll(b *testing.B) {
	routes := loadGitHub(b)
	m := githubMap(b, routes)
	var hit string
	mux := githubMux(routes, &hit)
	b.Run("flagon", func(b *testing.B) {
		var p Params
		b.ReportAllocs()
		for b.Loop() {
			for _, r := range routes {
				if _, err := m.Match(r.method, r.path, &p); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("servemux", func(b *testing.B) {
		reqs := make([]*http.Request, len(routes))
		for i, r := range routes {
			reqs[i] = &http.Request{Method: r.method, URL: &url.URL{Path: r.path}}
		}
		b.ReportAllocs()
		for b.Loop() {
			for _, req := range reqs {
				mux.ServeHTTP(nopWriter{}, req)
			}
		}
	})
}
