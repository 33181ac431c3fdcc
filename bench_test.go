package flagon_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/flagon-go/flagon"
)

// discardWriter is a reusable ResponseWriter, so benchmarks measure the
// router and not httptest.ResponseRecorder.
type discardWriter struct{ h http.Header }

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(p []byte) (int, error) { return len(p), nil }
func (w *discardWriter) WriteHeader(int)             {}

func newDiscard() *discardWriter { return &discardWriter{h: http.Header{}} }

func benchFlagon() *flagon.App {
	app := flagon.New()
	app.Get("/plaintext", func(c *flagon.Ctx) error { return c.Text("Hello, World!") })
	app.Get("/user/<name>/posts/<int:id>", func(c *flagon.Ctx) error { return c.Text(c.Param("name")) })
	app.Freeze()
	return app
}

var plainCT = []string{"text/plain; charset=utf-8"}

func benchMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /plaintext", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = plainCT
		io.WriteString(w, "Hello, World!")
	})
	mux.HandleFunc("GET /user/{name}/posts/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = plainCT
		io.WriteString(w, r.PathValue("name"))
	})
	return mux
}

func BenchmarkDispatch(b *testing.B) {
	handlers := []struct {
		name string
		h    http.Handler
	}{{"servemux", benchMux()}, {"flagon", benchFlagon()}}
	paths := []struct{ name, path string }{{"static", "/plaintext"}, {"params", "/user/gopher/posts/42"}}
	for _, p := range paths {
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

// TestStaticDispatchAllocatesLikeServeMux checks the Done-when item:
// dispatching a static route allocates nothing beyond what net/http does.
func TestStaticDispatchAllocatesLikeServeMux(t *testing.T) {
	tests := []struct{ name, path string }{{"static", "/plaintext"}, {"params", "/user/gopher/posts/42"}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", tt.path, nil)
			measure := func(h http.Handler) float64 {
				w := newDiscard()
				return testing.AllocsPerRun(200, func() {
					clear(w.h)
					h.ServeHTTP(w, req)
				})
			}
			mux, fl := measure(benchMux()), measure(benchFlagon())
			if fl > mux {
				t.Fatalf("flagon allocates %.1f per request, net/http's ServeMux %.1f", fl, mux)
			}
		})
	}
}

// BenchmarkDispatchPaired times net/http's ServeMux and flagon in turns
// within one loop (batches of 64 requests each), so that both see the same
// machine load; it reports each one's ns/op and their ratio. Separate
// sub-benchmarks of BenchmarkDispatch differ by more than the gap between
// the two on a shared machine.
func BenchmarkDispatchPaired(b *testing.B) {
	const batch = 64
	for _, p := range []struct{ name, path string }{{"static", "/plaintext"}, {"params", "/user/gopher/posts/42"}} {
		b.Run(p.name, func(b *testing.B) {
			req := httptest.NewRequest("GET", p.path, nil)
			mux, fl := benchMux(), benchFlagon()
			w := newDiscard()
			run := func(h http.Handler) time.Duration {
				start := time.Now()
				for range batch {
					clear(w.h)
					h.ServeHTTP(w, req)
				}
				return time.Since(start)
			}
			var muxTime, flTime time.Duration
			n := 0
			for b.Loop() {
				if n%2 == 0 {
					muxTime += run(mux)
					flTime += run(fl)
				} else {
					flTime += run(fl)
					muxTime += run(mux)
				}
				n++
			}
			reqs := float64(n * batch)
			b.ReportMetric(float64(muxTime.Nanoseconds())/reqs, "servemux-ns/req")
			b.ReportMetric(float64(flTime.Nanoseconds())/reqs, "flagon-ns/req")
			b.ReportMetric(float64(flTime)/float64(muxTime), "flagon/servemux")
		})
	}
}
