package debugpage_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/cli/debugpage"
	"github.com/flagon-go/flagon/flagontest"
)

func TestJinjaTemplateErrorShowsSource(t *testing.T) {
	tests := []struct {
		name, tmpl string
		want       []string
	}{
		{"undefined in the rendered template", "page.html",
			[]string{"template page.html", "{{ missing.attr }}", "line one", "UndefinedError"}},
		{"error in an included template names it", "outer.html",
			[]string{"template inner.html", "{{ 1 // 0 }}", "ZeroDivisionError"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app, _ := newApp(true, debugpage.Options{PIN: debugpage.PINOff})
			app.TemplateFS = fstest.MapFS{
				"page.html":  {Data: []byte("line one\n{{ missing.attr }}\nline three")},
				"outer.html": {Data: []byte("outer\n{% include 'inner.html' %}")},
				"inner.html": {Data: []byte("a\nb\n{{ 1 // 0 }}")},
			}
			app.UseJinja()
			app.Get("/t/<name>", func(c *flagon.Ctx) error { return c.Render(c.Param("name"), nil) })
			body := flagontest.NewClient(t, app).Get("/t/" + tt.tmpl).Text()
			for _, w := range tt.want {
				if !strings.Contains(body, strings.ReplaceAll(w, "'", "&#39;")) {
					t.Errorf("page lacks %q", w)
				}
			}
		})
	}
}
