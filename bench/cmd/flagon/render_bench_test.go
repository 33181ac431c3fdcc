package main

import (
	"bytes"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/bench/internal/rawdb"
	"github.com/flagon-go/flagon/bench/internal/tfb"
)

// BenchmarkFortunesPage renders the fortunes page from rows already in
// memory: flagon's c.Render of a page extending a base, against raw
// html/template into a buffer, and the same page in Jinja (flagon-jinja),
// all behind a handler.
func BenchmarkFortunesPage(b *testing.B) {
	tmpl, _ := fs.Sub(templates, "templates")
	app := flagon.New(flagon.WithTemplateFS(tmpl))
	app.Get("/fortunes", func(c *flagon.Ctx) error {
		fs := make([]*Fortune, 0, 13)
		for _, f := range tfb.Fortunes {
			fs = append(fs, &Fortune{ID: f.ID, Message: f.Message})
		}
		return c.Render("fortunes.html", fs)
	})
	jtmpl, _ := fs.Sub(jinjaTemplates, "jinja")
	japp := newJinjaApp(nil, jtmpl)
	japp.Get("/fortunes-page", func(c *flagon.Ctx) error {
		fs := make([]*Fortune, 0, 13)
		for _, f := range tfb.Fortunes {
			fs = append(fs, &Fortune{ID: f.ID, Message: f.Message})
		}
		return renderFortunes(c, fs)
	})
	raw := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fs := make([]rawdb.Fortune, 0, 13)
		for _, f := range tfb.Fortunes {
			fs = append(fs, rawdb.Fortune{ID: f.ID, Message: f.Message})
		}
		var buf bytes.Buffer
		rawdb.RenderFortunes(&buf, fs)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(buf.Bytes())
	})
	for _, h := range []struct {
		name string
		h    http.Handler
		path string
	}{{"raw", raw, "/fortunes"}, {"flagon", app, "/fortunes"}, {"flagon-jinja", japp, "/fortunes-page"}} {
		b.Run(h.name, func(b *testing.B) {
			req := httptest.NewRequest("GET", h.path, nil)
			b.ReportAllocs()
			for b.Loop() {
				w := httptest.NewRecorder()
				h.h.ServeHTTP(w, req)
				if w.Code != 200 {
					b.Fatal(w.Code, w.Body.String())
				}
			}
		})
	}
}
