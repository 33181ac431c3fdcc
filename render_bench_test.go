package flagon_test

import (
	"bytes"
	"html/template"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/flagon-go/flagon"
)

type fortune struct {
	ID      int
	Message string
}

// fortuneRows are TechEmpower's fortunes plus the one added per request.
func fortuneRows() []fortune {
	rows := []fortune{
		{1, "fortune: No such file or directory"},
		{2, "A computer scientist is someone who fixes things that aren't broken."},
		{3, "After enough decimal places, nobody gives a damn."},
		{4, "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1"},
		{5, "A computer program does what you tell it to do, not what you want it to do."},
		{6, "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen"},
		{7, "Any program that runs doesn't need to be updated."},
		{8, "Feature: A bug with seniority."},
		{9, "Computers make very fast, very accurate mistakes."},
		{10, `<script>alert("This should not be displayed in a browser alert box.");</script>`},
		{11, "フレームワークのベンチマーク"},
		{12, "Additional fortune added at request time."},
	}
	slices.SortFunc(rows, func(a, b fortune) int { return strings.Compare(a.Message, b.Message) })
	return rows
}

const (
	fortunesBase = `<!DOCTYPE html><html><head><title>Fortunes</title></head><body>{{block "content" .}}{{end}}</body></html>`
	fortunesBody = `{{define "content"}}<table><tr><th>id</th><th>message</th></tr>` +
		`{{range .}}<tr><td>{{.ID}}</td><td>{{.Message}}</td></tr>{{end}}</table>{{end}}`
)

// plainFortunesHandler is the baseline: net/http and html/template alone.
func plainFortunesHandler() http.Handler {
	tmpl := template.Must(template.Must(template.New("base").Parse(fortunesBase)).Parse(fortunesBody))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var buf bytes.Buffer
		if err := tmpl.Execute(&buf, fortuneRows()); err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(buf.Bytes())
	})
}

func flagonFortunesApp() *flagon.App {
	app := flagon.New(flagon.WithTemplateFS(fstest.MapFS{
		"base.html":     {Data: []byte(fortunesBase)},
		"fortunes.html": {Data: []byte(`{{ extends "base.html" }}` + fortunesBody)},
	}))
	app.Get("/fortunes", func(c *flagon.Ctx) error { return c.Render("fortunes.html", fortuneRows()) })
	app.Freeze()
	return app
}

func TestFortunesPagesMatch(t *testing.T) {
	req := httptest.NewRequest("GET", "/fortunes", nil)
	a, b := httptest.NewRecorder(), httptest.NewRecorder()
	plainFortunesHandler().ServeHTTP(a, req)
	flagonFortunesApp().ServeHTTP(b, req)
	if a.Body.String() != b.Body.String() || !strings.Contains(b.Body.String(), "&lt;script&gt;") {
		t.Fatalf("pages differ:\n%s\n%s", a.Body, b.Body)
	}
}

// BenchmarkFortunes renders the TechEmpower fortunes page through a whole
// request, flagon (router, hooks, c.Render with inheritance) beside plain
// net/http + html/template in the same run.
func BenchmarkFortunes(b *testing.B) {
	for _, h := range []struct {
		name string
		h    http.Handler
	}{{"html-template", plainFortunesHandler()}, {"flagon", flagonFortunesApp()}} {
		b.Run(h.name, func(b *testing.B) {
			req := httptest.NewRequest("GET", "/fortunes", nil)
			w := newDiscard()
			b.ReportAllocs()
			for b.Loop() {
				clear(w.h)
				h.h.ServeHTTP(w, req)
			}
		})
	}
}
