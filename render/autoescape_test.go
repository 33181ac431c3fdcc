package render

import (
	"errors"
	"strings"
	"testing"
)

// Flask's test_templating.py::test_escaping_without_template_filename and
// test_no_escaping: .html, .htm, .xml, .xhtml and .svg are
// escaped, other extensions are not, whatever they extend or include.
func TestAutoescapeByExtension(t *testing.T) {
	files := map[string]string{
		"page.html":                 `{{.}}`,
		"page.htm":                  `{{.}}`,
		"page.xml":                  `{{.}}`,
		"mail.txt":                  `Hello {{.}}!`,
		"non_escaping_template.txt": "{{.}}\n{{html .}}",
		"notes.tmpl":                `{{.}}`,
		"base.txt":                  `[{{block "body" .}}{{end}}]`,
		"child.txt":                 `{{ extends "base.txt" }}{{define "body"}}{{.}}{{end}}`,
		"uses_html.txt":             `{{template "page.html" .}}`,
		"uses_txt.html":             `{{template "mail.txt" .}}`,
	}
	s := newSet(t, files, Options{})
	const in = `<b>&"`
	tests := []struct {
		name, page, want string
	}{
		{"html", "page.html", `&lt;b&gt;&amp;&#34;`},
		{"htm", "page.htm", `&lt;b&gt;&amp;&#34;`},
		{"xml", "page.xml", `&lt;b&gt;&amp;&#34;`},
		{"test_escaping_without_template_filename mail.txt", "mail.txt", `Hello <b>&"!`},
		{"test_no_escaping (html func as autoescape true)", "non_escaping_template.txt", in + "\n&lt;b&gt;&amp;&#34;"},
		{"tmpl not escaped", "notes.tmpl", in},
		{"txt extending txt", "child.txt", `[` + in + `]`},
		{"txt including html follows the page", "uses_html.txt", in},
		{"html including txt follows the page", "uses_txt.html", `Hello &lt;b&gt;&amp;&#34;!`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, s, tt.page, in, nil); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	got, err := s.RenderString(`{{.}}`, in, nil)
	if err != nil || got != `&lt;b&gt;&amp;&#34;` {
		t.Errorf("test_escaping_without_template_filename: RenderString = %q, %v; want escaped", got, err)
	}
}

func TestAutoescapeNames(t *testing.T) {
	for name, want := range map[string]bool{
		"a.html": true, "a.HTM": true, "a.xml": true, "a.xhtml": true, "a.svg": true,
		"a.txt": false, "a.tmpl": false, "a.js": false, "html": false, "a.html.txt": false,
	} {
		if got := AutoescapeByExtension(name); got != want {
			t.Errorf("AutoescapeByExtension(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestAutoescapeOption(t *testing.T) {
	s := newSet(t, map[string]string{"a.tmpl": `{{.}}`, "b.html": `{{.}}`}, Options{
		Autoescape: func(name string) bool { return strings.HasSuffix(name, ".tmpl") },
	})
	if got := render(t, s, "a.tmpl", "<i>", nil); got != "&lt;i&gt;" {
		t.Errorf("a.tmpl = %q, want escaped", got)
	}
	if got := render(t, s, "b.html", "<i>", nil); got != "<i>" {
		t.Errorf("b.html = %q, want raw", got)
	}
}

// Flask's test_templating.py::test_macros (get_template_attribute).
func TestRenderDefine(t *testing.T) {
	s := newSet(t, map[string]string{
		"_macro.html": `{{define "hello"}}Hello {{.}}!{{end}}`,
		"_macro.txt":  `{{define "hello"}}Hello {{.}}!{{end}}`,
	}, Options{})
	tests := []struct {
		name, page, data, want string
	}{
		{"test_macros", "_macro.html", "World", "Hello World!"},
		{"escaped in an html template", "_macro.html", "<b>", "Hello &lt;b&gt;!"},
		{"raw in a text template", "_macro.txt", "<b>", "Hello <b>!"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sb strings.Builder
			if err := s.RenderDefine(&sb, tt.page, "hello", tt.data, nil); err != nil {
				t.Fatal(err)
			}
			if sb.String() != tt.want {
				t.Errorf("got %q, want %q", sb.String(), tt.want)
			}
		})
	}
	err := s.RenderDefine(&strings.Builder{}, "_macro.html", "bye", nil, nil)
	if err == nil || !strings.Contains(err.Error(), `"bye"`) {
		t.Errorf("unknown define: err = %v", err)
	}
	var nf *NotFoundError
	if err := s.RenderDefine(&strings.Builder{}, "nope.html", "hello", nil, nil); !errors.As(err, &nf) {
		t.Errorf("unknown template: err = %v, want *NotFoundError", err)
	}
}
