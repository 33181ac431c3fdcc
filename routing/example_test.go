package routing_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/flagon-go/flagon/routing"
)

func ExampleMap_Add() {
	m := routing.NewMap()
	r := &routing.Rule{Pattern: "/post/<int:id>", Endpoint: "show_post", StrictSlashes: true, Site: "app.go:10"}
	if err := m.Add(r); err != nil {
		fmt.Println(err)
	}
	fmt.Println(r.Methods, r.Args())

	err := m.Add(&routing.Rule{Pattern: "/post/<int:n>", Endpoint: "other", Site: "app.go:20"})
	fmt.Println(err)

	err = m.Add(&routing.Rule{Pattern: "/post/<int:id", Endpoint: "broken"})
	fmt.Println(err)
	// Output:
	// [GET HEAD OPTIONS] [id]
	// rule "/post/<int:id>" (registered at app.go:10) conflicts with rule "/post/<int:n>" (registered at app.go:20)
	// routing: invalid rule "/post/<int:id": unclosed '<' (at position 6)
}

func ExampleMap_Match() {
	m := routing.NewMap()
	for _, r := range []*routing.Rule{
		{Pattern: "/post/<int:id>", Endpoint: "show_post", StrictSlashes: true},
		{Pattern: "/projects/", Endpoint: "projects", StrictSlashes: true},
		{Pattern: "/login", Endpoint: "login", Methods: []string{"POST"}, StrictSlashes: true},
	} {
		if err := m.Add(r); err != nil {
			panic(err)
		}
	}
	var p routing.Params
	r, err := m.Match("GET", "/post/42", &p)
	id, _ := p.Value("id")
	fmt.Printf("%s %v %T %v\n", r.Endpoint, err, id, id)

	_, err = m.Match("GET", "/projects", &p)
	var redirect *routing.RedirectError
	if errors.As(err, &redirect) {
		fmt.Println(redirect.Code, redirect.Location)
	}

	_, err = m.Match("GET", "/login", &p)
	var notAllowed *routing.MethodNotAllowedError
	if errors.As(err, &notAllowed) {
		fmt.Println(notAllowed.Allow)
	}

	_, err = m.Match("GET", "/nope", &p)
	fmt.Println(err == routing.ErrNotFound)
	// Output:
	// show_post <nil> int 42
	// 308 /projects/
	// [OPTIONS POST]
	// true
}

func ExampleMap_Build() {
	m := routing.NewMap()
	for _, r := range []*routing.Rule{
		{Pattern: "/user/<name>", Endpoint: "profile"},
		{Pattern: "/files/<path:p>", Endpoint: "files"},
	} {
		if err := m.Add(r); err != nil {
			panic(err)
		}
	}
	path, query, err := m.Build("profile", map[string]any{"name": "John Doe", "page": 2, "tag": []string{"a", "b"}}, "")
	fmt.Println(path, query.Encode(), err)

	path, _, _ = m.Build("files", map[string]any{"p": "docs/read me.txt"}, "")
	fmt.Println(path)

	_, _, err = m.Build("profile", nil, "")
	fmt.Println(err)
	// Output:
	// /user/John%20Doe page=2&tag=a&tag=b <nil>
	// /files/docs/read%20me.txt
	// could not build url for endpoint "profile": missing value for "name"; did you forget to specify values ["name"]?
}

func ExampleMap_AddConverter() {
	m := routing.NewMap()
	// A "list" converter: comma-separated items in one segment.
	m.AddConverter("list", func(args []any, kwargs map[string]any) (routing.Converter, error) {
		return listConverter{}, nil
	})
	if err := m.Add(&routing.Rule{Pattern: "/tags/<list:tags>", Endpoint: "tags"}); err != nil {
		panic(err)
	}
	var p routing.Params
	if _, err := m.Match("GET", "/tags/go,web", &p); err != nil {
		panic(err)
	}
	tags, _ := p.Value("tags")
	fmt.Printf("%q\n", tags)
	// Output: ["go" "web"]
}

type listConverter struct{}

func (listConverter) Match(s string) bool { return s != "" }

func (listConverter) ToGo(s string) (any, error) { return strings.Split(s, ","), nil }

func (listConverter) ToURL(v any) (string, error) {
	items, ok := v.([]string)
	if !ok {
		return "", fmt.Errorf("want []string, got %T", v)
	}
	return strings.Join(items, ","), nil
}
