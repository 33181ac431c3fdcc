package render

import (
	"errors"
	htmltemplate "html/template"
	"strings"
	"testing"
)

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"broken action", map[string]string{"index.html": "line1\nline2\n{{ if }}"},
			`templates/index.html:3: missing value for if`},
		{"unclosed action", map[string]string{"index.html": "a\n{{ .Name "},
			`templates/index.html:2: unclosed action`},
		{"unknown function", map[string]string{"index.html": "a\nb\n\n{{ nope . }}"},
			`templates/index.html:4: function "nope" not defined`},
		{"undefined template", map[string]string{"index.html": "a\n{{ template \"partials/missing.html\" . }}"},
			`templates/index.html:2: template "partials/missing.html" not found (searched: templates)`},
		{"undefined template in include", map[string]string{
			"index.html": `{{ template "nav.html" . }}`, "nav.html": "\n\n{{ template \"gone\" }}"},
			`templates/nav.html:3: template "gone" not found (searched: templates)`},
		{"missing parent", map[string]string{"index.html": "\n{{ extends \"nobase.html\" }}"},
			`templates/index.html:2: template "nobase.html" not found (searched: templates)`},
		{"inheritance cycle", map[string]string{
			"a.html": `{{ extends "b.html" }}`, "b.html": `{{ extends "a.html" }}`},
			`templates/a.html:1: extends "b.html": inheritance cycle`},
		{"extends not first", map[string]string{"index.html": "{{ .X }}\n{{ extends \"base.html\" }}", "base.html": ""},
			`templates/index.html:2: extends must be the first action of the file: {{ extends "base.html" }}`},
		{"extends inside define", map[string]string{"index.html": "{{define \"x\"}}\n{{ extends \"base.html\" }}{{end}}", "base.html": ""},
			`templates/index.html:2: extends must be the first action of the file: {{ extends "base.html" }}`},
		{"extends with variable", map[string]string{"index.html": `{{ extends .Parent }}`},
			`templates/index.html:1: extends takes one string constant: {{ extends "base.html" }}`},
		{"escaper: ambiguous URL", map[string]string{"index.html": "x\n\n<a href=\"{{if .C}}/path/{{else}}/search?q={{end}}{{.X}}\">"},
			`templates/index.html:3: {{.X}} appears in an ambiguous context within a URL`},
		{"escaper: in a block", map[string]string{"index.html": "{{ extends \"base.html\" }}\n{{define \"c\"}}<a =\"{{.}}\">{{end}}", "base.html": `{{block "c" .}}{{end}}`},
			`templates/index.html: in "c": expected space, attr name, or end of tag, but got "=\""`},
		{"escaper: unclosed attribute", map[string]string{"index.html": "<a href=\"{{.}}"},
			`templates/index.html: template ends in a non-text context: unclosed tag, attribute, comment or script`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(Options{Roots: []Root{{Name: "templates", FS: mapFS(tt.files)}}})
			if err == nil {
				t.Fatalf("New: no error, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %q\nwant prefix %q", err, tt.want)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("err %T does not hold an *Error", err)
			}
		})
	}
}

func TestLoadErrorListsEveryBrokenTemplate(t *testing.T) {
	s, err := New(Options{Roots: []Root{{Name: "templates", FS: mapFS(map[string]string{
		"ok.html":    "fine",
		"bad1.html":  "{{ if }}",
		"bad2.html":  "\n{{ nope }}",
		"child.html": `{{ extends "bad1.html" }}`,
	})}}})
	want := "templates/bad1.html:1: missing value for if\ntemplates/bad2.html:2: function \"nope\" not defined"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v\nwant %s", err, want)
	}
	if got := render(t, s, "ok.html", nil, nil); got != "fine" {
		t.Errorf("ok.html = %q, want fine", got)
	}
	tests := []struct{ name, page, want string }{
		{"broken page", "bad2.html", `templates/bad2.html:2: function "nope" not defined`},
		{"child of a broken page", "child.html", "templates/bad1.html:1: missing value for if"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.Render(&strings.Builder{}, tt.page, nil, nil)
			if err == nil || err.Error() != tt.want {
				t.Errorf("Render err = %v, want %s", err, tt.want)
			}
		})
	}
}

func TestExecErrorNamesFile(t *testing.T) {
	s := newSet(t, map[string]string{
		"base.html": `{{block "content" .}}{{end}}`,
		"page.html": "{{ extends \"base.html\" }}\n{{define \"content\"}}\n{{ .Missing }}{{end}}",
	}, Options{})
	var sb strings.Builder
	err := s.Render(&sb, "page.html", struct{}{}, nil)
	var e *Error
	if !errors.As(err, &e) || e.Path != "templates/page.html" || e.Line != 3 {
		t.Fatalf("err = %v, want an *Error at templates/page.html:3", err)
	}
	if sb.Len() != 0 {
		t.Errorf("Render wrote %q after an error, want nothing", sb.String())
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"root without FS", Options{Roots: []Root{{Name: "app"}}}, "render: root app has no FS"},
		{"bad static func", Options{Roots: []Root{{FS: mapFS(nil)}}, StaticFuncs: map[string]any{"x": 3}},
			"render: bad template function"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.opts)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

// failWriter fails every write.
type failWriter struct{}

var errWrite = errors.New("client went away")

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestWriterErrorsPassThrough(t *testing.T) {
	s := newSet(t, map[string]string{"a.html": strings.Repeat("x", 10000) + "{{.}}"}, Options{})
	tests := []struct {
		name string
		run  func() error
	}{
		{"Render", func() error { return s.Render(failWriter{}, "a.html", 1, nil) }},
		{"Stream", func() error { return s.Stream(failWriter{}, "a.html", 1, nil) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.run(); !errors.Is(err, errWrite) {
				t.Errorf("err = %v, want the writer's error", err)
			}
		})
	}
}

func TestEscapeErrorUnwraps(t *testing.T) {
	_, err := New(Options{Roots: []Root{{FS: mapFS(map[string]string{
		"a.html": `<a href="{{if .C}}/p/{{else}}/s?q={{end}}{{.X}}">`,
	})}}})
	var he *htmltemplate.Error
	if !errors.As(err, &he) || he.ErrorCode != htmltemplate.ErrAmbigContext {
		t.Errorf("err = %v, want it to wrap an html/template ErrAmbigContext", err)
	}
}
