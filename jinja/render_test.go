package jinja

import (
	"bytes"
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// countingFS counts the Open calls of the names it is asked for.
type countingFS struct {
	fstest.MapFS
	opens map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.opens[name]++
	return c.MapFS.Open(name)
}

func TestMissingTemplatesRemembered(t *testing.T) {
	for _, c := range []struct {
		name       string
		autoReload bool
		wantOpens  int
		wantFound  bool
	}{
		{"a miss is not searched again", false, 1, false},
		{"with auto-reload a new template is found", true, 2, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			loader := &countingFS{MapFS: fstest.MapFS{}, opens: map[string]int{}}
			env := &Environment{Loader: loader, AutoReload: c.autoReload}
			_, err := env.GetTemplate("late.html")
			var e *Error
			if !errors.As(err, &e) || e.Kind != "TemplateNotFound" {
				t.Fatalf("got %v, want TemplateNotFound", err)
			}
			loader.MapFS["late.html"] = &fstest.MapFile{Data: []byte("here")}
			_, err = env.GetTemplate("late.html")
			if found := err == nil; found != c.wantFound || loader.opens["late.html"] != c.wantOpens {
				t.Fatalf("found %v (%v) after %d opens; want found %v after %d", found, err, loader.opens["late.html"], c.wantFound, c.wantOpens)
			}
		})
	}
}

// TestRenderContextLayers: variables are looked up in the render's data,
// its context, its globals and the environment's globals, in that order,
// without writing to the caller's maps; only globals reach a template
// imported without context.
func TestRenderContextLayers(t *testing.T) {
	env := &Environment{
		Loader: fstest.MapFS{
			"page.html": {Data: []byte(`{% set a = "set" %}{{ a }} {{ b }} {{ c }} {{ d }} {% import "m.html" as m %}{{ m.show() }}`)},
			"m.html":    {Data: []byte(`{% macro show() %}[{{ b }}|{{ c }}|{{ d }}]{% endmacro %}`)},
		},
		Globals: map[string]any{"a": "env", "b": "env", "c": "env", "d": "env"},
	}
	tmpl, err := env.GetTemplate("page.html")
	if err != nil {
		t.Fatal(err)
	}
	c := RenderContext{
		Vars:    map[string]any{"a": "vars"},
		Context: map[string]any{"a": "context", "b": "context"},
		Globals: map[string]any{"a": "globals", "b": "globals", "c": "globals"},
	}
	var out strings.Builder
	if err := tmpl.ExecuteContext(&out, c); err != nil {
		t.Fatal(err)
	}
	if want := "set context globals env [globals|globals|env]"; out.String() != want {
		t.Fatalf("got %q, want %q", out.String(), want)
	}
	if c.Vars["a"] != "vars" || len(c.Vars) != 1 {
		t.Fatalf("the render wrote to the caller's data: %v", c.Vars)
	}
}

// TestRenderContextFuncs: ContextFunc and GlobalsFunc answer names after
// the Context and Globals maps, in their layers: the context one reaches
// an include (with context, as Jinja's default) but not a template
// imported without context; the globals one reaches both. A name is
// asked for only when a template looks it up.
func TestRenderContextFuncs(t *testing.T) {
	env := &Environment{Loader: fstest.MapFS{
		"page.html": {Data: []byte(`{{ a }} {{ b }} {{ c }} {% include "inc.html" %} {% import "m.html" as m %}{{ m.show() }}` +
			`{% for i in [1] %}{% include "inc.html" %}{% endfor %}`)},
		"inc.html": {Data: []byte(`({{ b }}|{{ c }})`)},
		"m.html":   {Data: []byte(`{% macro show() %}[{{ b }}|{{ c }}]{% endmacro %}`)},
	}}
	tmpl, err := env.GetTemplate("page.html")
	if err != nil {
		t.Fatal(err)
	}
	asked := map[string]int{}
	layer := func(value string) func(string) (any, bool) {
		return func(name string) (any, bool) {
			asked[value+":"+name]++
			if name == "b" || name == "c" {
				return value, true
			}
			return nil, false
		}
	}
	c := RenderContext{
		Context:     map[string]any{"a": "context-map"},
		ContextFunc: layer("context"),
		GlobalsFunc: layer("globals"),
	}
	var out strings.Builder
	if err := tmpl.ExecuteContext(&out, c); err != nil {
		t.Fatal(err)
	}
	want := "context-map context context (context|context) [globals|globals](context|context)"
	if out.String() != want {
		t.Fatalf("got %q, want %q", out.String(), want)
	}
	if asked["context:a"] != 0 { // the Context map answered a
		t.Fatalf("names asked for: %v", asked)
	}
}

// TestExecuteWritesOnceToOtherWriters: a writer that is not an in-memory
// buffer gets the page in one write, and nothing when the render fails.
func TestExecuteWritesOnceToOtherWriters(t *testing.T) {
	env := &Environment{}
	ok, _ := env.FromString(`{% for i in range(3) %}<{{ i }}>{% endfor %}`)
	bad, _ := env.FromString(`{% for i in range(3) %}<{{ i }}>{% endfor %}{{ 1 // 0 }}`)
	w := &writeCounter{}
	if err := ok.Execute(w, nil); err != nil || w.writes != 1 || w.b.String() != "<0><1><2>" {
		t.Fatalf("%d writes of %q, %v", w.writes, w.b.String(), err)
	}
	w = &writeCounter{}
	if err := bad.Execute(w, nil); err == nil || w.writes != 0 {
		t.Fatalf("failed render: %d writes, %v", w.writes, err)
	}
	var buf bytes.Buffer
	if err := ok.Execute(&buf, nil); err != nil || buf.String() != "<0><1><2>" {
		t.Fatalf("into a buffer: %q, %v", buf.String(), err)
	}
}

type writeCounter struct {
	b      bytes.Buffer
	writes int
}

func (w *writeCounter) Write(p []byte) (int, error) {
	w.writes++
	return w.b.Write(p)
}
