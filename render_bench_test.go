package flagon_test

import (
	"bytes"
	"html/template"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/internal/fortunes"
)

// fortuneRows are TechEmpower's fortunes plus the one added per request.
func fortuneRows() []fortunes.Fortune { return fortunes.Sorted() }

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

// jinjaFortunesPage is the fortunes page in Jinja, as the Flask
// benchmark app's templates (bench/flask/templates) write it.
const (
	jinjaFortunesBase = `<!DOCTYPE html><html><head><title>{% block title %}Fortunes{% endblock %}</title></head>` +
		`<body>{% block content %}{% endblock %}</body></html>`
	jinjaFortunesPage = `{% extends "base.html" %}{% block content %}<table><tr><th>id</th><th>message</th></tr>` +
		`{% for f in fortunes %}<tr><td>{{ f.id }}</td><td>{{ f.message }}</td></tr>{% endfor %}</table>{% endblock %}`
)

// jinjaFortunesApp is flagonFortunesApp rendering with the Jinja engine.
func jinjaFortunesApp() *flagon.App {
	app := flagon.New(flagon.WithTemplateFS(fstest.MapFS{
		"base.html":     {Data: []byte(jinjaFortunesBase)},
		"fortunes.html": {Data: []byte(jinjaFortunesPage)},
	}))
	app.UseJinja()
	app.Get("/fortunes", func(c *flagon.Ctx) error {
		return c.Render("fortunes.html", map[string]any{"fortunes": fortuneRows()})
	})
	app.Freeze()
	return app
}

func TestFortunesPagesMatch(t *testing.T) {
	req := httptest.NewRequest("GET", "/fortunes", nil)
	a, b, j := httptest.NewRecorder(), httptest.NewRecorder(), httptest.NewRecorder()
	plainFortunesHandler().ServeHTTP(a, req)
	flagonFortunesApp().ServeHTTP(b, req)
	jinjaFortunesApp().ServeHTTP(j, req)
	if a.Body.String() != b.Body.String() || !strings.Contains(b.Body.String(), "&lt;script&gt;") {
		t.Fatalf("pages differ:\n%s\n%s", a.Body, b.Body)
	}
	// html/template also escapes + (as &#43;), MarkupSafe does not.
	if strings.ReplaceAll(a.Body.String(), "&#43;", "+") != j.Body.String() {
		t.Fatalf("Jinja page differs:\n%s\n%s", a.Body, j.Body)
	}
}

// BenchmarkFortunes renders the TechEmpower fortunes page through a whole
// request, flagon (router, hooks, c.Render with inheritance) beside plain
// net/http + html/template in the same run, and flagon with the same page
// in Jinja (flagon-jinja).
func BenchmarkFortunes(b *testing.B) {
	for _, h := range []struct {
		name string
		h    http.Handler
	}{{"html-template", plainFortunesHandler()}, {"flagon", flagonFortunesApp()}, {"flagon-jinja", jinjaFortunesApp()}} {
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
