package jinja_test

import (
	"fmt"
	"os"
	"reflect"

	"github.com/flagon-go/flagon/jinja"
)

func ExampleDumps() {
	d := jinja.NewDict()
	d.Set("name", "Zoë")
	d.Set("ids", []int{3, 1})
	out, _ := jinja.Dumps(d, jinja.DumpsOptions{})
	fmt.Println(out)
	out, _ = jinja.Dumps(d, jinja.DumpsOptions{UTF8: true})
	fmt.Println(out)
	// Output:
	// {"ids": [3, 1], "name": "Zo\u00eb"}
	// {"ids": [3, 1], "name": "Zoë"}
}

func ExampleTemplate_ExecuteContext() {
	env := &jinja.Environment{Globals: map[string]any{"site": "Flaskr"}}
	t, _ := env.FromString("{{ title }} - {{ user }} - {{ site }}")
	_ = t.ExecuteContext(os.Stdout, jinja.RenderContext{
		Vars:    map[string]any{"title": "Posts"},            // the view's data
		Context: map[string]any{"user": "ann", "title": "x"}, // context processors
	})
	// Output: Posts - ann - Flaskr
}

// A caller can answer context names on demand instead of building a map
// for every render: here the user is looked up only because the template
// uses it.
func ExampleRenderContext_contextFunc() {
	env := &jinja.Environment{}
	t, _ := env.FromString("{{ title }} by {{ user }}")
	lookups := 0
	_ = t.ExecuteContext(os.Stdout, jinja.RenderContext{
		Vars: map[string]any{"title": "Posts"},
		ContextFunc: func(name string) (any, bool) {
			lookups++
			if name == "user" {
				return "ann", true
			}
			return nil, false
		},
	})
	fmt.Println("", lookups)
	// Output: Posts by ann 1
}

type account struct{ Name string }

func (a *account) Greeting() string       { return "hi " + a.Name }
func (a *account) Delete() string         { return "deleted" }
func (a *account) Rename(n string) string { a.Name = n; return n }

func ExampleEnvironment_sandboxed() {
	env := &jinja.Environment{
		Sandboxed: true,
		AllowMethod: func(_ reflect.Type, name string) bool {
			return name == "Greeting"
		},
	}
	t, _ := env.FromString("{{ u.greeting }} [{{ u.delete }}] {{ u.name }}")
	out, _ := t.Render(map[string]any{"u": &account{"ann"}})
	fmt.Println(out)
	t, _ = env.FromString("{{ u.rename('eve') }}")
	_, err := t.Render(map[string]any{"u": &account{"ann"}})
	fmt.Println(err)
	// Output:
	// hi ann [] ann
	// SecurityError: access to attribute 'rename' of 'account' object is unsafe. (<template>, line 1)
}

func ExampleEnvironment_extensions() {
	env := &jinja.Environment{Extensions: []string{jinja.ExtDo, jinja.ExtLoopControls}}
	t, _ := env.FromString(`{% set seen = [] %}{% for n in [1, 2, 3, 4] %}` +
		`{% if n == 2 %}{% continue %}{% elif n == 4 %}{% break %}{% endif %}` +
		`{% do seen.append(n) %}{% endfor %}{{ seen }}`)
	out, _ := t.Render(nil)
	fmt.Println(out)
	// Output: [1, 3]
}
