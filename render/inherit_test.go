package render

import (
	"errors"
	"strings"
	"testing"
)

var inheritFiles = map[string]string{
	"base.html": `<title>{{block "title" .}}Site{{end}}</title>` +
		`<main>{{block "content" .}}base default{{end}}</main>` +
		`<footer>{{block "footer" .}}base footer{{end}}</footer>`,
	"layout.html": `{{ extends "base.html" }}` + "\n" +
		`{{define "content"}}<div class="layout">{{block "body" .}}layout body{{end}}</div>{{end}}` +
		`{{define "footer"}}layout footer{{end}}`,
	"page_a.html":        "{{ extends \"base.html\" }}\n{{define \"content\"}}A says {{.}}{{end}}",
	"page_b.html":        "{{ extends \"base.html\" }}\n{{define \"content\"}}B says {{.}}{{end}}{{define \"title\"}}B{{end}}",
	"page_c.html":        "{{- extends \"layout.html\" -}}\n{{define \"body\"}}C body{{end}}",
	"page_d.html":        "{{ extends \"layout.html\" }}\n{{define \"body\"}}D body{{end}}{{define \"footer\"}}D footer{{end}}",
	"defaults.html":      `{{ extends "base.html" }}` + "\nignored text outside defines",
	"nav.html":           `<nav>{{template "partials/link.html" .}}</nav>`,
	"partials/link.html": `<a href="/{{.}}">{{.}}</a>`,
	"with_nav.html":      "{{ extends \"base.html\" }}\n{{define \"content\"}}{{template \"nav.html\" .}}{{end}}",
	"plain.html":         `plain {{.}}`,
}

func TestInheritance(t *testing.T) {
	s := newSet(t, inheritFiles, Options{})
	tests := []struct {
		name, page, want string
	}{
		{"page A overrides content", "page_a.html",
			"<title>Site</title><main>A says x</main><footer>base footer</footer>"},
		{"page B overrides content too, no clash", "page_b.html",
			"<title>B</title><main>B says x</main><footer>base footer</footer>"},
		{"base renders its defaults", "base.html",
			"<title>Site</title><main>base default</main><footer>base footer</footer>"},
		{"child with no defines keeps defaults", "defaults.html",
			"<title>Site</title><main>base default</main><footer>base footer</footer>"},
		{"layout alone uses its block default", "layout.html",
			`<title>Site</title><main><div class="layout">layout body</div></main><footer>layout footer</footer>`},
		{"three levels", "page_c.html",
			`<title>Site</title><main><div class="layout">C body</div></main><footer>layout footer</footer>`},
		{"three levels overriding the middle", "page_d.html",
			`<title>Site</title><main><div class="layout">D body</div></main><footer>D footer</footer>`},
		{"nested includes", "with_nav.html",
			`<title>Site</title><main><nav><a href="/x">x</a></nav></main><footer>base footer</footer>`},
		{"no inheritance", "plain.html", "plain x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, s, tt.page, "x", nil); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestPagesDefiningSameBlockRenderedAlternately(t *testing.T) {
	s := newSet(t, inheritFiles, Options{})
	for i := 0; i < 3; i++ {
		for _, page := range []string{"page_a.html", "page_b.html"} {
			want := strings.ToUpper(page[5:6]) + " says x"
			if got := render(t, s, page, "x", nil); !strings.Contains(got, want) {
				t.Fatalf("round %d: %s rendered %q, want it to contain %q", i, page, got, want)
			}
		}
	}
}

func TestRootsOrder(t *testing.T) {
	blueprint := Root{Name: "admin/templates", FS: mapFS(map[string]string{
		"index.html":       "blueprint index",
		"admin/panel.html": `{{ extends "base.html" }}{{define "content"}}panel{{end}}`,
	})}
	s := newSet(t, map[string]string{
		"index.html": "app index",
		"base.html":  `<main>{{block "content" .}}{{end}}</main>`,
	}, Options{Roots: []Root{blueprint}})
	tests := []struct{ name, page, want string }{
		{"app root wins", "index.html", "app index"},
		{"blueprint page extends app base", "admin/panel.html", "<main>panel</main>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, s, tt.page, nil, nil); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	want := []string{"admin/panel.html", "base.html", "index.html"}
	if got := s.Names(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("Names() = %v, want %v", got, want)
	}
}

func TestExtensions(t *testing.T) {
	files := map[string]string{"a.html": "a", "b.txt": "b", "c.md": "c", "d.tmpl": "d"}
	tests := []struct {
		name string
		exts []string
		want string
	}{
		{"defaults", nil, "a.html,b.txt,d.tmpl"},
		{"custom", []string{".md"}, "c.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSet(t, files, Options{Extensions: tt.exts})
			if got := strings.Join(s.Names(), ","); got != tt.want {
				t.Errorf("Names() = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestNotFound(t *testing.T) {
	s := newSet(t, map[string]string{"a.html": "a"}, Options{Roots: []Root{{Name: "shop/templates", FS: mapFS(nil)}}})
	err := s.Render(&strings.Builder{}, "missing.html", nil, nil)
	var nf *NotFoundError
	if !errors.As(err, &nf) || nf.Name != "missing.html" {
		t.Fatalf("err = %v, want *NotFoundError for missing.html", err)
	}
	want := `template "missing.html" not found (searched: templates, shop/templates)`
	if err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
}

func TestDelims(t *testing.T) {
	s := newSet(t, map[string]string{
		"base.html": `<b>[[block "content" .]][[end]]</b>{{literal}}`,
		"page.html": `[[ extends "base.html" ]][[define "content"]][[.]][[end]]`,
	}, Options{Delims: [2]string{"[[", "]]"}})
	if got, want := render(t, s, "page.html", "<x>", nil), "<b>&lt;x&gt;</b>{{literal}}"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDefinesLibrary(t *testing.T) {
	s := newSet(t, map[string]string{
		"macros.html": `{{define "button"}}<button>{{.}}</button>{{end}}{{define "badge"}}<i>{{.}}</i>{{end}}`,
		"base.html":   `<main>{{block "content" .}}{{end}}</main>`,
		"page.html":   `{{ extends "base.html" }}{{ template "macros.html" }}{{define "content"}}{{template "button" .}}{{end}}`,
		"plain.html":  `{{ template "macros.html" }}{{template "badge" .}}`,
	}, Options{})
	tests := []struct{ name, page, want string }{
		{"extending page", "page.html", "<main><button>&lt;ok&gt;</button></main>"},
		{"plain page", "plain.html", "<i>&lt;ok&gt;</i>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, s, tt.page, "<ok>", nil); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNoRoots(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.RenderString(`{{.}}!`, "hi", nil); err != nil || got != "hi!" {
		t.Errorf("RenderString = %q, %v", got, err)
	}
	if err := s.Render(&strings.Builder{}, "a.html", nil, nil); err == nil || err.Error() != `template "a.html" not found (no template roots)` {
		t.Errorf("Render err = %v", err)
	}
}
