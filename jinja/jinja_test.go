package jinja

import (
	"errors"
	"html/template"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

// render parses src as the template "t.html" (autoescaped) and renders it.
func render(t *testing.T, src string, data any) (string, error) {
	t.Helper()
	env := &Environment{Loader: fstest.MapFS{"t.html": {Data: []byte(src)}}}
	tmpl, err := env.GetTemplate("t.html")
	if err != nil {
		return "", err
	}
	return tmpl.Render(data)
}

type author struct{ Username string }

type post struct {
	ID       int
	Title    string
	Body     string
	AuthorID int
	Created  time.Time
	Author   *author
	Tags     []string
	hidden   string
}

func (p post) Summary() string          { return p.Title + "!" }
func (p *post) ShortTitle(n int) string { return p.Title[:n] }

func TestGoValueAttributes(t *testing.T) {
	p := &post{ID: 7, Title: "Hello <World>", AuthorID: 3, Created: time.Date(2024, 1, 15, 10, 30, 0, 0, time.UTC),
		Author: &author{"ann"}, Tags: []string{"a", "b"}, hidden: "secret"}
	cases := []struct{ name, src, want string }{
		{"snake_case field", "{{ post.author_id }}", "3"},
		{"initialism id", "{{ post.id }}", "7"},
		{"go field name", "{{ post.AuthorID }}", "3"},
		{"lower field", "{{ post.title }}", "Hello &lt;World&gt;"},
		{"item syntax on struct", "{{ post['title'] }}", "Hello &lt;World&gt;"},
		{"nested pointer", "{{ post.author.username }}", "ann"},
		{"slice field", "{{ post.tags|join(',') }} {{ post.tags[1] }} {{ post.tags|length }}", "a,b b 2"},
		{"unexported field is undefined", "[{{ post.hidden }}]", "[]"},
		{"method", "{{ post.summary() }}", "Hello &lt;World&gt;!"},
		{"pointer method with arg", "{{ post.short_title(5) }}", "Hello"},
		{"strftime", "{{ post.created.strftime('%Y-%m-%d %H:%M') }}", "2024-01-15 10:30"},
		{"map of structs", "{{ posts['x'].title|length }}", "13"},
		{"slice of structs loop", "{% for p in list %}{{ p.id }}{% endfor %}", "78"},
		{"go map iteration is sorted", "{% for k in m %}{{ k }}{% endfor %}", "abc"},
		{"go ints and floats", "{{ i32 // 2 }} {{ f32 }} {{ u8 + 1 }}", "3 1.5 256"},
	}
	data := map[string]any{"post": p, "posts": map[string]post{"x": *p},
		"list": []post{*p, {ID: 8}}, "m": map[string]int{"c": 1, "a": 2, "b": 3},
		"i32": int32(7), "f32": float32(1.5), "u8": uint8(255)}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := render(t, c.src, data)
			if err != nil || got != c.want {
				t.Fatalf("got %q, %v; want %q", got, err, c.want)
			}
		})
	}
}

func TestErrorsNameTemplateLineAndName(t *testing.T) {
	fs := fstest.MapFS{
		"page.html":    {Data: []byte("a\nb\n{% include 'part.html' %}\n")},
		"part.html":    {Data: []byte("x\n\n{{ user.name }}\n")},
		"syntax.html":  {Data: []byte("ok\n{% if x %}\nno end\n")},
		"unknown.html": {Data: []byte("\n{{ x|nofilter }}")},
		"macros.html":  {Data: []byte("{% macro m() %}\n\n{{ 1 // 0 }}{% endmacro %}")},
		"uses.html":    {Data: []byte("{% import 'macros.html' as x %}\n{{ x.m() }}")},
	}
	env := &Environment{Loader: fs}
	cases := []struct {
		tmpl, kind, where, msg string
		line                   int
	}{
		{"page.html", "UndefinedError", "part.html", "'user' is undefined", 3},
		{"syntax.html", "TemplateSyntaxError", "syntax.html", "endif", 3},
		{"unknown.html", "TemplateAssertionError", "unknown.html", "nofilter", 2},
		{"uses.html", "ZeroDivisionError", "macros.html", "division", 3},
	}
	for _, c := range cases {
		t.Run(c.tmpl, func(t *testing.T) {
			var err error
			tmpl, err := env.GetTemplate(c.tmpl)
			if err == nil {
				_, err = tmpl.Render(nil)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want *Error", err)
			}
			if e.Kind != c.kind || e.Template != c.where || e.Line != c.line || !strings.Contains(e.Msg, c.msg) {
				t.Fatalf("got %s %s:%d %q; want %s %s:%d containing %q", e.Kind, e.Template, e.Line, e.Msg, c.kind, c.where, c.line, c.msg)
			}
		})
	}
}

func TestLoaderCannotLeaveItsRoot(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("SECRET"), 0o600); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(dir, "templates")
	if err := os.MkdirAll(filepath.Join(root, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	env := &Environment{Loader: os.DirFS(root)}
	for _, name := range []string{"../secret.txt", "sub/../../secret.txt", "/../secret.txt", dir + "/secret.txt", "sub", "", "./../secret.txt"} {
		t.Run(name, func(t *testing.T) {
			tmpl, err := env.FromString(`{% include name %}`)
			if err != nil {
				t.Fatal(err)
			}
			out, err := tmpl.Render(map[string]any{"name": name})
			var e *Error
			if !errors.As(err, &e) || e.Kind != "TemplateNotFound" || strings.Contains(out, "SECRET") {
				t.Fatalf("include %q: got %q, %v; want TemplateNotFound", name, out, err)
			}
		})
	}
}

func TestHostileData(t *testing.T) {
	cases := []struct {
		name, src string
		data      any
		want      string
	}{
		{"script tag", "{{ v }}", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"quotes in attribute", `<a title="{{ v }}" x='{{ v }}'>`, `"'><x`, `<a title="&#34;&#39;&gt;&lt;x" x='&#34;&#39;&gt;&lt;x'>`},
		{"invalid utf-8 replaced", "{{ v }}", "a\xffb<", "a\uFFFDb&lt;"},
		{"nested containers escaped", "{{ v }}", map[string]any{"k": []any{"<i>"}}, "{&#39;k&#39;: [&#39;&lt;i&gt;&#39;]}"},
		{"tojson in script", "<script>{{ v|tojson }}</script>", "</script><script>", `<script>"\u003c/script\u003e\u003cscript\u003e"</script>`},
		{"markup only from safe", "{{ v|upper }}", "<b>", "&lt;B&gt;"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := render(t, c.src, map[string]any{"v": c.data})
			if err != nil || got != c.want {
				t.Fatalf("got %q, %v; want %q", got, err, c.want)
			}
		})
	}
}

func TestHostileTemplatesFailClearly(t *testing.T) {
	cases := []struct{ name, src, kind string }{
		{"deep parentheses", strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000), "TemplateSyntaxError"},
		{"deep if nesting", strings.Repeat("{% if 1 %}", 5000), "TemplateSyntaxError"},
		{"endless macro recursion", "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "RecursionError"},
		{"self-referencing data in a recursive loop", "{% for n in [d] recursive %}{{ loop(n.kids) }}{% endfor %}", "RecursionError"},
		{"cyclic data to tojson", "d|tojson", "ValueError"},
		{"loop limit", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "LoopLimitError"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := &Environment{MaxLoopIterations: 100_000}
			var err error
			tmpl, err := env.FromString("{{ " + c.src + " }}")
			if strings.Contains(c.src, "{%") {
				tmpl, err = env.FromString(c.src)
			}
			if err == nil {
				cyclic := map[string]any{}
				cyclic["kids"] = []any{cyclic}
				_, err = tmpl.Render(map[string]any{"d": cyclic})
			}
			var e *Error
			if !errors.As(err, &e) || e.Kind != c.kind {
				t.Fatalf("got %v; want %s", err, c.kind)
			}
		})
	}
}

func TestCyclicDataPrints(t *testing.T) {
	cyclic := map[string]any{}
	cyclic["kids"] = []any{cyclic}
	got, err := render(t, "{{ d }}", map[string]any{"d": cyclic})
	if err != nil || !strings.Contains(got, "...") {
		t.Fatalf("got %.80q, %v", got, err)
	}
}

func TestTemplateCache(t *testing.T) {
	fs := fstest.MapFS{"a.html": {Data: []byte("{{ x }}")}}
	env := &Environment{Loader: fs}
	a, err := env.GetTemplate("a.html")
	if err != nil {
		t.Fatal(err)
	}
	fs["a.html"] = &fstest.MapFile{Data: []byte("changed")}
	b, _ := env.GetTemplate("a.html")
	if a != b {
		t.Fatal("second GetTemplate parsed again instead of using the cache")
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if out, err := a.Render(map[string]any{"x": i}); err != nil || out == "" {
				t.Errorf("concurrent render: %q %v", out, err)
			}
		}(i)
	}
	wg.Wait()
}

func TestAutoescapeByExtension(t *testing.T) {
	for name, want := range map[string]bool{"a.html": true, "a.htm": true, "a.xml": true, "a.xhtml": true, "a.svg": true,
		"a.txt": false, "a.js": false, "a.html.j2": false, "": true} {
		if got := FlaskAutoescape(name); got != want {
			t.Errorf("FlaskAutoescape(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestMarkupFromGo(t *testing.T) {
	got, err := render(t, "{{ a }}{{ b }}{{ c }}", map[string]any{"a": Markup("<b>ok</b>"), "b": "<b>", "c": template.HTML("<i>")})
	if err != nil || got != "<b>ok</b>&lt;b&gt;<i>" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestAutoReload(t *testing.T) {
	fs := fstest.MapFS{"a.html": {Data: []byte("one"), ModTime: time.Unix(1, 0)}}
	env := &Environment{Loader: fs, AutoReload: true}
	a, _ := env.GetTemplate("a.html")
	fs["a.html"] = &fstest.MapFile{Data: []byte("two"), ModTime: time.Unix(2, 0)}
	b, err := env.GetTemplate("a.html")
	if err != nil {
		t.Fatal(err)
	}
	if out, _ := b.Render(nil); a == b || out != "two" {
		t.Fatalf("AutoReload kept the old template: %q", out)
	}
}

func TestGoFunctionsFiltersAndTests(t *testing.T) {
	env := &Environment{
		Loader: fstest.MapFS{"t.html": {Data: []byte(
			`{{ url_for('blog.update', id=post.id) }} {{ post.cents|money }} {{ 'x' if post.cents is big }} {{ shout('hi') }}`)}},
		Globals: map[string]any{
			"url_for": Func(func(args []any, kw *Dict) (any, error) {
				id, _ := kw.Get("id")
				return "/" + args[0].(string) + "/" + toStr(id), nil
			}),
			"shout": func(s string) Markup { return Markup("<b>" + s + "</b>") },
		},
		Filters: map[string]any{"money": func(c int64) string { return "$" + strconv.FormatInt(c/100, 10) }},
		Tests:   map[string]any{"big": func(c int) bool { return c > 100 }},
	}
	tmpl, err := env.GetTemplate("t.html")
	if err != nil {
		t.Fatal(err)
	}
	got, err := tmpl.Render(map[string]any{"post": post{ID: 4, Title: "t"}, "x": 1})
	var e *Error
	if !errors.As(err, &e) || e.Kind != "UndefinedError" || !strings.Contains(e.Msg, "cents") {
		// post has no Cents field: money gets Undefined and must say so.
		t.Fatalf("got %q, %v; want UndefinedError naming cents", got, err)
	}
	type priced struct{ ID, Cents int }
	got, err = tmpl.Render(map[string]any{"post": priced{4, 1234}})
	want := "/blog.update/4 $12 x <b>hi</b>"
	if err != nil || got != want {
		t.Fatalf("got %q, %v; want %q", got, err, want)
	}
}

type account struct{ Name string }

func (a *account) IsAdmin() bool          { return a.Name == "root" }
func (a *account) Rename(n string) string { a.Name = n; return n }

func TestGoMethodsReadLikeProperties(t *testing.T) {
	data := map[string]any{"u": &account{"root"}, "p": post{Title: "T", Created: time.Date(2024, 3, 9, 0, 0, 0, 0, time.UTC)}}
	cases := []struct{ name, src, want string }{
		{"zero-arg method as property", "{% if u.is_admin %}admin{% endif %}", "admin"},
		{"called explicitly", "{{ u.is_admin() }}", "True"},
		{"value method as property", "{{ p.summary }}", "T!"},
		{"time.Time accessors", "{{ p.created.year }}-{{ p.created.day }}", "2024-9"},
		{"method with args needs a call", "{{ u.rename('x') }}", "x"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := render(t, c.src, data)
			if err != nil || got != c.want {
				t.Fatalf("got %q, %v; want %q", got, err, c.want)
			}
		})
	}
}

func TestAllowMethodSandboxesGoMethods(t *testing.T) {
	u := &account{"ann"}
	env := &Environment{AllowMethod: func(recv reflect.Type, name string) bool { return name == "IsAdmin" }}
	tmpl, err := env.FromString("{{ u.is_admin }} {{ u.name }} [{{ u.rename }}]")
	if err != nil {
		t.Fatal(err)
	}
	got, err := tmpl.Render(map[string]any{"u": u})
	if err != nil || got != "False ann []" {
		t.Fatalf("got %q, %v", got, err)
	}
	tmpl, _ = env.FromString("{{ u.rename('evil') }}")
	if _, err := tmpl.Render(map[string]any{"u": u}); err == nil || u.Name != "ann" {
		t.Fatalf("a method AllowMethod refuses was called: err %v, name %q", err, u.Name)
	}
}

// TestUndefinedErrorMessages checks the messages against Jinja2 3.1's.
func TestUndefinedErrorMessages(t *testing.T) {
	data := map[string]any{"post": map[string]any{"a": 1}, "nums": []any{1}, "d": map[string]any{"a": 1}, "empty": []any{}}
	cases := []struct{ src, want string }{
		{"{{ post.nope.x }}", "'dict object' has no attribute 'nope'"},
		{"{{ nums[10].x }}", "list object has no element 10"},
		{"{{ none.x.y }}", "'None' has no attribute 'x'"},
		{"{{ missing.x }}", "'missing' is undefined"},
		{"{{ (nums|first if false).x }}", "the inline if-expression on line 1 evaluated to false and no else section was defined."},
		{"{{ (empty|first).x }}", "No first item, sequence was empty."},
		{`{{ d["zz"].x }}`, "'dict object' has no attribute 'zz'"},
	}
	for _, c := range cases {
		t.Run(c.src, func(t *testing.T) {
			_, err := render(t, c.src, data)
			var e *Error
			if !errors.As(err, &e) || e.Kind != "UndefinedError" || e.Msg != c.want {
				t.Fatalf("got %v; want UndefinedError %q", err, c.want)
			}
		})
	}
}

func TestIntegersGrowPastInt64(t *testing.T) {
	cases := []struct{ src, want string }{
		{"{{ 9223372036854775807 + 1 }}", "9223372036854775808"},
		{"{{ -9223372036854775807 - 10 }}", "-9223372036854775817"},
		{"{{ 2 ** 64 // 3 }} {{ 2 ** 64 % 7 }} {{ -(2 ** 64) // 3 }}", "6148914691236517205 2 -6148914691236517206"},
		{"{{ 2 ** 64 == 2 ** 64 }} {{ 2 ** 64 > 2 ** 63 }} {{ (2 ** 64) - (2 ** 64) }}", "True True 0"},
		{"{{ 2 ** 64 / 2 }} {{ [2 ** 64]|tojson }}", "9.223372036854776e+18 [18446744073709551616]"},
		{"{{ 123456789012345678901234567890 + 1 }}", "123456789012345678901234567891"},
	}
	for _, c := range cases {
		t.Run(c.src, func(t *testing.T) {
			got, err := render(t, c.src, nil)
			if err != nil || got != c.want {
				t.Fatalf("got %q, %v; want %q", got, err, c.want)
			}
		})
	}
	if _, err := render(t, "{{ 2 ** 100000 }}", nil); err == nil {
		t.Fatal("a power of 100,000 bits should fail, not allocate")
	}
}

func TestJSONDumpsPolicy(t *testing.T) {
	env := &Environment{JSONDumps: func(v any, indent int) (string, error) { return `{"x": "<y>"}`, nil }}
	tmpl, err := env.FromString("{{ 1|tojson }}")
	if err != nil {
		t.Fatal(err)
	}
	got, err := tmpl.Render(nil)
	if want := `{"x": "\u003cy\u003e"}`; err != nil || got != want {
		t.Fatalf("got %q, %v; want %q", got, err, want)
	}
}

func TestRandomAndLipsum(t *testing.T) {
	got, err := render(t, "{{ [7, 7]|random }} {{ lipsum(2, min=3, max=3)|length > 10 }} {{ lipsum(1, false, 2, 2).split()|length }}", nil)
	if err != nil || got != "7 True 2" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestEscapeForGoCode(t *testing.T) {
	for _, c := range []struct {
		in   any
		want Markup
	}{{"<a href='x'>&", "&lt;a href=&#39;x&#39;&gt;&amp;"}, {Markup("<b>"), "<b>"}, {5, "5"}, {nil, "None"},
		{"plain フレーム", "plain フレーム"}, {"フ<レ>\"ム\"", "フ&lt;レ&gt;&#34;ム&#34;"},
		{"a\xffb<", "a\ufffdb&lt;"}, {"<", "&lt;"}, {"x&", "x&amp;"}} {
		if got := Escape(c.in); got != c.want {
			t.Errorf("Escape(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}
