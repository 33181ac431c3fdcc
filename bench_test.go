package flagon_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/flagon-go/flagon"
)

// discardWriter is a reusable ResponseWriter, so benchmarks measure the
// router and not httptest.ResponseRecorder. Like net/http's own response
// it has WriteString, so writing a string allocates nothing on either side.
type discardWriter struct{ h http.Header }

func (w *discardWriter) Header() http.Header               { return w.h }
func (w *discardWriter) Write(p []byte) (int, error)       { return len(p), nil }
func (w *discardWriter) WriteString(s string) (int, error) { return len(s), nil }
func (w *discardWriter) WriteHeader(int)                   {}

func newDiscard() *discardWriter { return &discardWriter{h: http.Header{}} }

// benchHost is the host of the host-matching benchmark apps (httptest's
// default request host).
const benchHost = "example.com"

// benchFlagon returns the benchmark app: a static and a two-variable
// route, beside rules with defaults (Werkzeug's redirect_defaults) of
// another endpoint. With hostMatching, every rule has a Host, and a rule
// with a host variable sits beside them.
func benchFlagon(hostMatching bool) *flagon.App {
	var opts []flagon.Option
	var host []flagon.RouteOption
	if hostMatching {
		opts = append(opts, flagon.WithHostMatching(benchHost))
		host = []flagon.RouteOption{flagon.Host(benchHost)}
	}
	app := flagon.New(opts...)
	app.Get("/plaintext", func(c *flagon.Ctx) error { return c.Text("Hello, World!") }, host...)
	app.Get("/user/<name>/posts/<int:id>", func(c *flagon.Ctx) error { return c.Text(c.Param("name")) }, host...)
	users := func(c *flagon.Ctx) error { return c.Text(c.Param("page")) }
	app.Get("/users/", users, append(slices.Clone(host), flagon.Endpoint("users"), flagon.Defaults(map[string]any{"page": 1}))...)
	app.Get("/users/page/<int:page>", users, append(slices.Clone(host), flagon.Endpoint("users"))...)
	if hostMatching {
		tenant := func(c *flagon.Ctx) error { return c.Text(c.Param("tenant")) }
		app.Get("/plaintext", tenant, flagon.Host("<tenant>."+benchHost), flagon.Endpoint("tenant"))
	}
	app.Freeze()
	return app
}

var plainCT = []string{"text/plain; charset=utf-8"}

// benchMux returns the ServeMux doing the same work as benchFlagon's app;
// with hostMatching its patterns name the host.
func benchMux(hostMatching bool) *http.ServeMux {
	host := ""
	if hostMatching {
		host = benchHost
	}
	text := func(w http.ResponseWriter, s string) {
		w.Header()["Content-Type"] = plainCT
		io.WriteString(w, s)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+host+"/plaintext", func(w http.ResponseWriter, r *http.Request) {
		text(w, "Hello, World!")
	})
	mux.HandleFunc("GET "+host+"/user/{name}/posts/{id}", func(w http.ResponseWriter, r *http.Request) {
		text(w, r.PathValue("name"))
	})
	mux.HandleFunc("GET "+host+"/users/", func(w http.ResponseWriter, r *http.Request) { text(w, "1") })
	mux.HandleFunc("GET "+host+"/users/page/{page}", func(w http.ResponseWriter, r *http.Request) {
		text(w, r.PathValue("page"))
	})
	return mux
}

// dispatchCases are the requests of the dispatch benchmarks: a static
// route and a route with variables, without and with host matching.
var dispatchCases = []struct {
	name         string
	path         string
	hostMatching bool
}{
	{"static", "/plaintext", false},
	{"params", "/user/gopher/posts/42", false},
	{"host-static", "/plaintext", true},
	{"host-params", "/user/gopher/posts/42", true},
}

func BenchmarkDispatch(b *testing.B) {
	for _, p := range dispatchCases {
		handlers := []struct {
			name string
			h    http.Handler
		}{{"servemux", benchMux(p.hostMatching)}, {"flagon", benchFlagon(p.hostMatching)}}
		for _, h := range handlers {
			b.Run(p.name+"/"+h.name, func(b *testing.B) {
				req := httptest.NewRequest("GET", p.path, nil)
				w := newDiscard()
				b.ReportAllocs()
				for b.Loop() {
					clear(w.h)
					h.h.ServeHTTP(w, req)
				}
			})
		}
	}
}

// TestDispatchAllocatesNothing checks the Done-when item: dispatching a
// static route or one with variables, with or without host matching,
// allocates nothing (the handlers' own writes allocate nothing either).
func TestDispatchAllocatesNothing(t *testing.T) {
	for _, tt := range dispatchCases {
		t.Run(tt.name, func(t *testing.T) {
			app := benchFlagon(tt.hostMatching)
			req := httptest.NewRequest("GET", tt.path, nil)
			w := newDiscard()
			app.ServeHTTP(w, req)
			if got := w.h.Get("Content-Type"); got != "text/plain; charset=utf-8" {
				t.Fatalf("Content-Type %q: the route did not answer", got)
			}
			allocs := testing.AllocsPerRun(200, func() {
				clear(w.h)
				app.ServeHTTP(w, req)
			})
			if allocs != 0 {
				t.Fatalf("flagon allocates %.1f per request, want 0", allocs)
			}
		})
	}
}

// BenchmarkDispatchPaired times net/http's ServeMux and flagon in turns
// within one loop (batches of 64 requests each, the first of a pair
// alternating), so that both see the same machine load. It reports each
// one's median time per request over its batches and the ratio of the
// medians: on a shared machine a batch that loses the CPU takes many times
// longer, and those outliers, not the routers, decide a mean. Separate
// sub-benchmarks of BenchmarkDispatch differ by more than the gap between
// the two on a shared machine.
func BenchmarkDispatchPaired(b *testing.B) {
	const batch = 64
	for _, p := range dispatchCases {
		b.Run(p.name, func(b *testing.B) {
			req := httptest.NewRequest("GET", p.path, nil)
			mux, fl := benchMux(p.hostMatching), benchFlagon(p.hostMatching)
			w := newDiscard()
			run := func(h http.Handler) time.Duration {
				start := time.Now()
				for range batch {
					clear(w.h)
					h.ServeHTTP(w, req)
				}
				return time.Since(start)
			}
			var muxTimes, flTimes []time.Duration
			for b.Loop() {
				if len(muxTimes)%2 == 0 {
					muxTimes = append(muxTimes, run(mux))
					flTimes = append(flTimes, run(fl))
				} else {
					flTimes = append(flTimes, run(fl))
					muxTimes = append(muxTimes, run(mux))
				}
			}
			muxNs, flNs := medianPerRequest(muxTimes, batch), medianPerRequest(flTimes, batch)
			b.ReportMetric(muxNs, "servemux-ns/req")
			b.ReportMetric(flNs, "flagon-ns/req")
			b.ReportMetric(flNs/muxNs, "flagon/servemux")
		})
	}
}

// medianPerRequest returns the median of batch times divided by the
// batch size, in nanoseconds.
func medianPerRequest(times []time.Duration, batch int) float64 {
	slices.Sort(times)
	mid := times[len(times)/2]
	if len(times)%2 == 0 {
		mid = (times[len(times)/2-1] + mid) / 2
	}
	return float64(mid.Nanoseconds()) / float64(batch)
}
