package render

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
	"time"

	tfb "github.com/flagon-go/flagon/internal/fortunes"
)

const (
	fortunesBase = `<!DOCTYPE html><html><head><title>{{block "title" .}}Fortunes{{end}}</title></head>` +
		`<body>{{block "content" .}}{{end}}</body></html>`
	fortunesPage = `{{ extends "base.html" }}{{define "content"}}<table><tr><th>id</th><th>message</th></tr>` +
		`{{range .}}<tr><td>{{.ID}}</td><td>{{.Message}}</td></tr>{{end}}</table>{{end}}`
	// fortunesPlain is fortunesPage without extends, for html/template.
	fortunesPlain = `{{define "content"}}<table><tr><th>id</th><th>message</th></tr>` +
		`{{range .}}<tr><td>{{.ID}}</td><td>{{.Message}}</td></tr>{{end}}</table>{{end}}`
)

// fortunesSet is the Set the benchmarks render through.
func fortunesSet(b *testing.B, opts Options) *Set {
	return newSet(b, map[string]string{"base.html": fortunesBase, "fortunes.html": fortunesPage}, opts)
}

// plainFortunes is the equivalent set parsed with html/template alone.
func plainFortunes(b *testing.B) *template.Template {
	t := template.Must(template.New("base.html").Parse(fortunesBase))
	return template.Must(t.Parse(fortunesPlain))
}

func TestFortunesOutputsMatch(t *testing.T) {
	s := newSet(t, map[string]string{"base.html": fortunesBase, "fortunes.html": fortunesPage}, Options{})
	got := render(t, s, "fortunes.html", tfb.Sorted(), nil)
	var want bytes.Buffer
	plainFortunes(nil).Execute(&want, tfb.Sorted())
	if got != want.String() {
		t.Fatalf("Set.Render and html/template differ:\n%s\n%s", got, want.String())
	}
	for _, s := range []string{"&lt;script&gt;alert(&#34;This should not", "フレームワークのベンチマーク", "<td>0</td><td>Additional"} {
		if !strings.Contains(got, s) {
			t.Errorf("output lacks %q", s)
		}
	}
}

func BenchmarkFortunes(b *testing.B) {
	rows := tfb.Sorted()
	plain := plainFortunes(b)
	set := fortunesSet(b, Options{})
	withFuncs := fortunesSet(b, Options{Funcs: requestFuncs, StaticFuncs: template.FuncMap{"upper": strings.ToUpper}})
	req := &request{User: "ann"}
	master := plainFortunes(b) // never executed, so it can be cloned
	cases := []struct {
		name string
		run  func(*bytes.Buffer) error
	}{
		{"html-template", func(w *bytes.Buffer) error { return plain.Execute(w, rows) }},
		{"render", func(w *bytes.Buffer) error { return set.Render(w, "fortunes.html", rows, nil) }},
		{"render-with-funcs", func(w *bytes.Buffer) error { return withFuncs.Render(w, "fortunes.html", rows, req) }},
		{"stream", func(w *bytes.Buffer) error { return set.Stream(w, "fortunes.html", rows, nil) }},
		{"html-template-clone-per-render", func(w *bytes.Buffer) error {
			c, _ := master.Clone()
			return c.Funcs(requestFuncs(&State{Value: req})).Execute(w, rows)
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var w bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				w.Reset()
				if err := c.run(&w); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(c.name+"-parallel", func(b *testing.B) {
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				var w bytes.Buffer
				for pb.Next() {
					w.Reset()
					if err := c.run(&w); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}

// BenchmarkFortunesOverhead alternates plain html/template and Set.Render in
// one loop, so that the noise of a shared machine hits both alike, and
// reports the time Set.Render adds in percent of html/template's.
func BenchmarkFortunesOverhead(b *testing.B) {
	rows := tfb.Sorted()
	plain := plainFortunes(b)
	set := fortunesSet(b, Options{Funcs: requestFuncs})
	req := &request{User: "ann"}
	var w bytes.Buffer
	var plainTime, setTime time.Duration
	runPlain := func() {
		w.Reset()
		t0 := time.Now()
		plain.Execute(&w, rows)
		plainTime += time.Since(t0)
	}
	runSet := func() {
		w.Reset()
		t0 := time.Now()
		set.Render(&w, "fortunes.html", rows, req)
		setTime += time.Since(t0)
	}
	n := 0
	for b.Loop() {
		if n++; n%2 == 0 {
			runPlain()
			runSet()
		} else {
			runSet()
			runPlain()
		}
	}
	b.ReportMetric(float64(plainTime.Nanoseconds())/float64(n), "html-template-ns/op")
	b.ReportMetric(float64(setTime.Nanoseconds())/float64(n), "render-ns/op")
	b.ReportMetric(100*float64(setTime-plainTime)/float64(plainTime), "%overhead")
}
