package jinja

import (
	"html/template"
	"io"
	"testing"
	"testing/fstest"

	tfb "github.com/flagon-go/flagon/internal/fortunes"
)

const (
	benchBase = `<!DOCTYPE html><html><head><title>{% block title %}Fortunes{% endblock %}</title></head>` +
		`<body>{% block content %}{% endblock %}</body></html>`
	benchPage = `{% extends "base.html" %}{% block content %}<table><tr><th>id</th><th>message</th></tr>` +
		`{% for f in fortunes %}<tr><td>{{ f.id }}</td><td>{{ f.message }}</td></tr>{% endfor %}</table>{% endblock %}`
	benchGo = `<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table><tr><th>id</th><th>message</th></tr>` +
		`{{range .}}<tr><td>{{.ID}}</td><td>{{.Message}}</td></tr>{{end}}</table></body></html>`
)

// BenchmarkFortunes compares the Jinja engine with html/template on the
// TechEmpower fortunes page.
func BenchmarkFortunes(b *testing.B) {
	rows := tfb.Sorted()
	env := &Environment{Loader: fstest.MapFS{
		"base.html":     {Data: []byte(benchBase)},
		"fortunes.html": {Data: []byte(benchPage)},
	}}
	page, err := env.GetTemplate("fortunes.html")
	if err != nil {
		b.Fatal(err)
	}
	plain := template.Must(template.New("f").Parse(benchGo))
	b.Run("jinja", func(b *testing.B) {
		data := map[string]any{"fortunes": rows}
		b.ReportAllocs()
		for b.Loop() {
			if err := page.Execute(io.Discard, data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("html-template", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := plain.Execute(io.Discard, rows); err != nil {
				b.Fatal(err)
			}
		}
	})
}
