package flagon_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// Flask's test_templating.py::test_macros, test_no_escaping and
// test_escaping_without_template_filename through the app: a .txt page is
// not HTML-escaped, a string template and a .html page are.
func TestTemplatesAutoescapeAndMacros(t *testing.T) {
	app := flagon.New(flagon.WithLogger(quietApp().Logger))
	app.TemplateFS = fstest.MapFS{
		"_macro.html": {Data: []byte(`{{define "hello"}}Hello {{.}}!{{end}}`)},
		"link.html":   {Data: []byte(`{{define "link"}}<a href="{{ url_for "index" }}">{{.}}</a>{{end}}`)},
		"mail.txt":    {Data: []byte(`{{ .foo }} Mail`)},
		"page.html":   {Data: []byte(`{{ .foo }} Page`)},
	}
	app.Get("/", func(c *flagon.Ctx) error {
		return c.Render("mail.txt", map[string]any{"foo": "<test>"})
	}, flagon.Endpoint("index"))
	app.Get("/macro", func(c *flagon.Ctx) error {
		s, err := c.CallMacro("link.html", "link", "<b>")
		if err != nil {
			return err
		}
		return c.Text(s)
	})
	cl := flagontest.NewClient(t, app)
	if got := cl.Get("/").Text(); got != "<test> Mail" {
		t.Errorf("test_escaping_without_template_filename: mail.txt = %q", got)
	}
	if got := cl.Get("/macro").Text(); got != `<a href="/">&lt;b&gt;</a>` {
		t.Errorf("macro in a request = %q", got)
	}
	tests := []struct {
		name string
		run  func() (string, error)
		want string
	}{
		{"test_macros", func() (string, error) { return app.CallMacro("_macro.html", "hello", "World") }, "Hello World!"},
		{"macro escapes", func() (string, error) { return app.CallMacro("_macro.html", "hello", "<i>") }, "Hello &lt;i&gt;!"},
		{"render_template mail.txt", func() (string, error) {
			return app.RenderTemplate("mail.txt", map[string]any{"foo": "<test>"})
		}, "<test> Mail"},
		{"render_template page.html", func() (string, error) {
			return app.RenderTemplate("page.html", map[string]any{"foo": "<test>"})
		}, "&lt;test&gt; Page"},
		{"render_template_string", func() (string, error) {
			return app.RenderTemplateString("{{ .foo }}", map[string]any{"foo": "<test>"})
		}, "&lt;test&gt;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.run()
			if err != nil || got != tt.want {
				t.Errorf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	if _, err := app.CallMacro("_macro.html", "bye", nil); err == nil || !strings.Contains(err.Error(), "bye") {
		t.Errorf("unknown macro: %v", err)
	}
}
