package render_test

import (
	"fmt"
	"html/template"
	"os"
	"strings"
	"testing/fstest"

	"github.com/flagon-go/flagon/render"
)

// files returns an in-memory templates folder; an application would use
// render.DirRoot("templates") or an embed.FS.
func files() fstest.MapFS {
	return fstest.MapFS{
		"base.html": {Data: []byte(`<title>{{ block "title" . }}Shop{{ end }}</title>` +
			`<main>{{ block "content" . }}{{ end }}</main>`)},
		"products.html": {Data: []byte(`{{ extends "base.html" }}
{{ define "title" }}Products{{ end }}
{{ define "content" }}{{ range . }}{{ template "partials/item.html" . }}{{ end }}{{ end }}`)},
		"partials/item.html": {Data: []byte(`<p>{{ . }}</p>`)},
	}
}

// A page extends a layout and includes a partial; values are escaped.
func Example_inheritance() {
	set, err := render.New(render.Options{Roots: []render.Root{{Name: "templates", FS: files()}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	err = set.Render(os.Stdout, "products.html", []string{"Tea", "<b>Coffee</b>"}, nil)
	fmt.Println()
	fmt.Println(err)
	// Output:
	// <title>Products</title><main><p>Tea</p><p>&lt;b&gt;Coffee&lt;/b&gt;</p></main>
	// <nil>
}

// Options.Funcs gives templates functions that read the value of the
// current render, without parsing or cloning anything per render.
func ExampleState() {
	type request struct{ User string }
	set, _ := render.New(render.Options{
		Roots: []render.Root{{FS: fstest.MapFS{"hello.html": {Data: []byte(`Hello {{ user }}, {{ upper . }}`)}}}},
		Funcs: func(s *render.State) template.FuncMap {
			return template.FuncMap{"user": func() string { return s.Value.(*request).User }}
		},
		StaticFuncs: template.FuncMap{"upper": strings.ToUpper},
	})
	set.Render(os.Stdout, "hello.html", "welcome", &request{User: "ann"})
	fmt.Println()
	set.Render(os.Stdout, "hello.html", "welcome", &request{User: "bob"})
	fmt.Println()
	// Output:
	// Hello ann, WELCOME
	// Hello bob, WELCOME
}

// New reports every broken template with its file and line.
func ExampleNew() {
	_, err := render.New(render.Options{Roots: []render.Root{{Name: "templates", FS: fstest.MapFS{
		"index.html": {Data: []byte("<h1>Shop</h1>\n{{ if }}")},
		"cart.html":  {Data: []byte("{{ template \"partials/total.html\" . }}")},
	}}}})
	fmt.Println(err)
	// Output:
	// templates/cart.html:1: template "partials/total.html" not found (searched: templates)
	// templates/index.html:2: missing value for if
}

// RenderString renders a template source, which may extend the Set's files.
func ExampleSet_RenderString() {
	set, _ := render.New(render.Options{Roots: []render.Root{{FS: files()}}})
	out, err := set.RenderString(`{{ extends "base.html" }}{{ define "content" }}{{ . }}{{ end }}`, "<hi>", nil)
	fmt.Println(out, err)
	// Output:
	// <title>Shop</title><main>&lt;hi&gt;</main> <nil>
}

// Context processors add values to every render whose data is a map.
func ExampleOptions_contextProcessors() {
	set, _ := render.New(render.Options{
		Roots: []render.Root{{FS: fstest.MapFS{"a.html": {Data: []byte(`{{ .site }}: {{ .title }}`)}}}},
		ContextProcessors: []func(any) map[string]any{
			func(any) map[string]any { return map[string]any{"site": "Shop", "title": "default"} },
		},
	})
	set.Render(os.Stdout, "a.html", map[string]any{"title": "Cart"}, nil)
	fmt.Println()
	// Output:
	// Shop: Cart
}
