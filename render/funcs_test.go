package render

import (
	"fmt"
	"html/template"
	"strings"
	"sync"
	"testing"
)

// request stands for the per-request value the web core passes.
type request struct {
	User string
	Path string
}

// requestFuncs is an Options.Funcs factory reading *request values.
func requestFuncs(st *State) template.FuncMap {
	return template.FuncMap{
		"current_user": func() string {
			if r, ok := st.Value.(*request); ok {
				return r.User
			}
			return "anonymous"
		},
		"url_for": func(endpoint string) string {
			r, _ := st.Value.(*request)
			if r == nil {
				return "/" + endpoint
			}
			return r.Path + "/" + endpoint
		},
	}
}

func TestPerRenderGlobals(t *testing.T) {
	s := newSet(t, map[string]string{
		"base.html": `{{block "c" .}}{{end}}`,
		"page.html": `{{ extends "base.html" }}{{define "c"}}{{current_user}} <a href="{{url_for "home"}}">{{upper .}}</a>{{end}}`,
	}, Options{Funcs: requestFuncs, StaticFuncs: template.FuncMap{"upper": strings.ToUpper}})
	tests := []struct {
		name  string
		value any
		want  string
	}{
		{"a user", &request{User: "ann", Path: "/en"}, `ann <a href="/en/home">DATA</a>`},
		{"another user", &request{User: "<bob>", Path: "/fr"}, `&lt;bob&gt; <a href="/fr/home">DATA</a>`},
		{"no value", nil, `anonymous <a href="/home">DATA</a>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, s, "page.html", "data", tt.value); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPerRenderGlobalsConcurrent(t *testing.T) {
	s := newSet(t, map[string]string{
		"page.html": `{{range .}}{{current_user}}{{end}}`,
	}, Options{Funcs: requestFuncs})
	loop := make([]int, 50)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			user := fmt.Sprintf("u%d", g)
			want := strings.Repeat(user, len(loop))
			for i := 0; i < 200; i++ {
				var sb strings.Builder
				if err := s.Render(&sb, "page.html", loop, &request{User: user}); err != nil || sb.String() != want {
					errs <- fmt.Errorf("goroutine %d render %d: %q, %v", g, i, sb.String(), err)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestContextProcessors(t *testing.T) {
	procs := []func(any) map[string]any{
		func(v any) map[string]any { return map[string]any{"site": "Shop", "who": v} },
		func(any) map[string]any { return map[string]any{"year": 2024, "site": "Later"} },
	}
	s := newSet(t, map[string]string{
		"map.html":    `{{.site}} {{.year}} {{.who}} {{.title}}`,
		"struct.html": `{{.Title}}`,
	}, Options{ContextProcessors: procs})
	tests := []struct {
		name, page string
		data       any
		want       string
	}{
		{"map gets processor values", "map.html", map[string]any{"title": "T"}, "Later 2024 ann T"},
		{"render values win", "map.html", map[string]any{"site": "Mine", "title": "T"}, "Mine 2024 ann T"},
		{"nil data becomes a map", "map.html", nil, "Later 2024 ann "},
		{"struct passed as is", "struct.html", struct{ Title string }{"S"}, "S"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, s, tt.page, tt.data, "ann"); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	data := map[string]any{"title": "T"}
	render(t, s, "map.html", data, "ann")
	if len(data) != 1 {
		t.Errorf("caller's map modified: %v", data)
	}
}

func TestRenderHooks(t *testing.T) {
	var events []string
	record := func(kind string) func(string, any) {
		return func(name string, data any) {
			events = append(events, fmt.Sprintf("%s %s %v", kind, name, data.(map[string]any)["n"]))
		}
	}
	s := newSet(t, map[string]string{
		"ok.html":  `{{.n}}`,
		"bad.html": `{{.n.X}}`,
	}, Options{
		BeforeRender:      record("before"),
		OnRender:          record("rendered"),
		ContextProcessors: []func(any) map[string]any{func(any) map[string]any { return map[string]any{"n": 1} }},
	})
	tests := []struct {
		name, page string
		want       string
	}{
		{"success calls both in order", "ok.html", "before ok.html 1,rendered ok.html 1"},
		{"failure skips OnRender", "bad.html", "before bad.html 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			events = nil
			s.Render(&strings.Builder{}, tt.page, nil, nil)
			if got := strings.Join(events, ","); got != tt.want {
				t.Errorf("events %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRenderString(t *testing.T) {
	s := newSet(t, map[string]string{
		"base.html": `<b>{{block "c" .}}{{end}}</b>`,
		"nav.html":  `<nav>{{.}}</nav>`,
	}, Options{Funcs: requestFuncs})
	tests := []struct {
		name, src, want string
	}{
		{"plain", `Hello {{.}}`, "Hello &lt;x&gt;"},
		{"globals", `{{current_user}}`, "ann"},
		{"extends a file", `{{ extends "base.html" }}{{define "c"}}in {{.}}{{end}}`, "<b>in &lt;x&gt;</b>"},
		{"includes a file", `{{template "nav.html" .}}`, "<nav>&lt;x&gt;</nav>"},
		{"parse error", "\n{{ if }}", "error: <string>:2: missing value for if"},
		{"missing template", `{{template "nope.html"}}`, `error: <string>:1: template "nope.html" not found (searched: templates)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for round := 0; round < 2; round++ {
				got, err := s.RenderString(tt.src, "<x>", &request{User: "ann"})
				if err != nil {
					got = "error: " + err.Error()
				}
				if got != tt.want {
					t.Errorf("round %d: got %q, want %q", round, got, tt.want)
				}
			}
		})
	}
}

func TestRenderStringCacheBound(t *testing.T) {
	s := newSet(t, map[string]string{}, Options{StringCacheSize: 2})
	for i := 0; i < 5; i++ {
		src := fmt.Sprintf("n%d {{.}}", i)
		if got, err := s.RenderString(src, i, nil); err != nil || got != fmt.Sprintf("n%d %d", i, i) {
			t.Fatalf("RenderString(%q) = %q, %v", src, got, err)
		}
	}
	if n := len(s.strings.pages); n != 2 {
		t.Errorf("cache holds %d sources, want 2", n)
	}
	if s.strings.get("n4 {{.}}") == nil || s.strings.get("n0 {{.}}") != nil {
		t.Errorf("cache should keep the newest sources, has %v", s.strings.order)
	}
}

func TestFuncsMustKeepTheirNames(t *testing.T) {
	calls := 0
	s := newSet(t, map[string]string{"a.html": `{{ f }}`}, Options{Funcs: func(*State) template.FuncMap {
		calls++
		if calls == 1 {
			return template.FuncMap{"f": func() string { return "" }}
		}
		return template.FuncMap{}
	}})
	err := s.Render(&strings.Builder{}, "a.html", nil, nil)
	if err == nil || err.Error() != `render: Options.Funcs returned no function "f" this time` {
		t.Errorf("err = %v", err)
	}
}
