package flagon_test

import (
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

type jinjaUser struct {
	ID       int
	Username string
}

var jinjaUserKey = flagon.NewKey[*jinjaUser]("user")

func jinjaApp(t *testing.T) *flagon.App {
	t.Helper()
	app := flagon.New(flagon.WithConfig(map[string]any{"SECRET_KEY": "dev", "SITE": "Flaskr"}),
		flagon.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	app.TemplateFS = fstest.MapFS{
		"base.html":     {Data: []byte(`<title>{% block title %}{% endblock %} - {{ config['SITE'] }}</title>{% block content %}{% endblock %}`)},
		"index.html":    {Data: []byte(`{% extends "base.html" %}{% block title %}Posts{% endblock %}{% block content %}{{ name }} {{ url_for('post', id=3, q='a b') }} {{ request.method }} {{ request.path }} {{ request.endpoint }} {{ request.args['q'] }}{% endblock %}`)},
		"user.html":     {Data: []byte(`{% if g.user %}{{ g.user['username'] }} #{{ g.user.id }}{% else %}anonymous{% endif %} {{ session['theme'] }}`)},
		"form.html":     {Data: []byte(`<input value="{{ request.form['title'] }}">{{ request.form['body'] }}`)},
		"flash.html":    {Data: []byte(`{% for m in get_flashed_messages() %}[{{ m }}]{% endfor %}`)},
		"cats.html":     {Data: []byte(`{% for c, m in get_flashed_messages(with_categories=true, category_filter=["error"]) %}{{ c }}:{{ m }};{% endfor %}`)},
		"funcs.html":    {Data: []byte(`{{ cents|money }} {{ money(5) }} {% if 4 is even_num %}even{% endif %} {{ site }} {{ token() }}`)},
		"macro.html":    {Data: []byte(`{% macro link() %}{{ url_for('index') }} {{ request is defined }}{% endmacro %}`)},
		"usemacro.html": {Data: []byte(`{% from "macro.html" import link %}{{ link() }}`)},
		"mail.txt":      {Data: []byte(`Hello {{ name }}`)},
		"broken.html":   {Data: []byte("line one\n{{ nothing.attr }}")},
		"syntax.html":   {Data: []byte("ok\n{% if %}")},
	}
	app.UseJinja()
	app.TemplateFunc("money", func(cents int) string { return "$" + strings.Repeat("9", cents%3) })
	app.TemplateFunc("even_num", func(n int) bool { return n%2 == 0 })
	app.TemplateRequestFunc("token", func(c *flagon.Ctx, _ ...any) (any, error) { return "tok-" + c.Request.Method, nil })
	app.ContextProcessor(func(c *flagon.Ctx) map[string]any {
		return map[string]any{"site": "from processor", "name": "processor"}
	})
	app.Get("/", func(c *flagon.Ctx) error {
		return c.Render("index.html", map[string]any{"name": "<b>x</b>"})
	}, flagon.Endpoint("index"))
	app.Get("/post/<int:id>", func(c *flagon.Ctx) error { return c.Text("post") }, flagon.Endpoint("post"))
	app.Get("/user", func(c *flagon.Ctx) error {
		if c.Args().Get("login") != "" {
			jinjaUserKey.Set(c, &jinjaUser{ID: 7, Username: "<ann>"})
		}
		c.Session().Set("theme", "dark")
		return c.Render("user.html", nil)
	})
	app.Route("/form", func(c *flagon.Ctx) error { return c.Render("form.html", nil) }, flagon.Methods("GET", "POST"))
	app.Get("/flash", func(c *flagon.Ctx) error {
		c.Flash("one")
		c.Flash("bad", "error")
		c.Flash("<i>", "message")
		return c.Render(c.Args().Get("t"), nil)
	})
	app.Get("/funcs", func(c *flagon.Ctx) error { return c.Render("funcs.html", map[string]any{"cents": 5}) })
	app.Get("/render/<name>", func(c *flagon.Ctx) error {
		return c.Render(c.Param("name"), map[string]any{"name": "<b>"})
	})
	app.Get("/string", func(c *flagon.Ctx) error {
		s, err := c.RenderString(`{{ name }} {{ url_for('index') }}`, map[string]any{"name": "<b>"})
		if err != nil {
			return err
		}
		return c.HTML(s)
	})
	return app
}

func TestJinjaTemplateContext(t *testing.T) {
	tests := []struct {
		name, method, path string
		opts               []flagontest.Option
		code               int
		want               string
	}{
		{"url_for request config and escaping", "GET", "/?q=z", nil, 200,
			`<title>Posts - Flaskr</title>&lt;b&gt;x&lt;/b&gt; /post/3?q=a+b GET / index z`},
		{"g.user absent is undefined", "GET", "/user", nil, 200, "anonymous dark"},
		{"g.user fields by snake_case", "GET", "/user?login=1", nil, 200, "&lt;ann&gt; #7 dark"},
		{"request.form first values", "POST", "/form", []flagontest.Option{flagontest.Form(url.Values{"title": {"a\"b", "x"}})}, 200,
			`<input value="a&#34;b">`},
		{"request.form missing on GET", "GET", "/form", nil, 200, `<input value="">`},
		{"get_flashed_messages", "GET", "/flash?t=flash.html", nil, 200, "[one][bad][&lt;i&gt;]"},
		{"get_flashed_messages with categories and filter", "GET", "/flash?t=cats.html", nil, 200, "error:bad;"},
		{"filters, tests, globals, processors, request funcs", "GET", "/funcs", nil, 200, "$99 $99 even from processor tok-GET"},
		{"globals reach macros imported without context, request does not", "GET", "/render/usemacro.html", nil, 200, "/ False"},
		{"no autoescape for .txt", "GET", "/render/mail.txt", nil, 200, "Hello <b>"},
		{"render_template_string autoescapes", "GET", "/string", nil, 200, "&lt;b&gt; /"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := flagontest.NewClient(t, jinjaApp(t)).Do(tt.method, tt.path, tt.opts...)
			if res.StatusCode != tt.code || !strings.Contains(res.Text(), tt.want) {
				t.Fatalf("got %d %q, want %d containing %q", res.StatusCode, res.Text(), tt.code, tt.want)
			}
		})
	}
}

func TestJinjaTemplateErrors(t *testing.T) {
	app := jinjaApp(t)
	app.Get("/err/<name>", func(c *flagon.Ctx) error {
		err := c.Render(c.Param("name"), nil)
		return c.Text("error: " + err.Error())
	})
	tests := []struct{ name, tmpl, want string }{
		{"undefined names template line and name", "broken.html", "UndefinedError: 'nothing' is undefined (broken.html, line 2)"},
		{"syntax error names template and line", "syntax.html", "broken.html"},
		{"missing template", "nope.html", `template "nope.html" not found`},
	}
	tests[1].want = "TemplateSyntaxError"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := flagontest.NewClient(t, app).Get("/err/" + tt.tmpl)
			if !strings.Contains(res.Text(), tt.want) {
				t.Fatalf("got %q, want %q", res.Text(), tt.want)
			}
		})
	}
}

func TestJinjaBlueprintFolderBesideHTMLTemplate(t *testing.T) {
	app := flagon.New(flagon.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	app.TemplateFS = fstest.MapFS{"page.html": {Data: []byte(`go {{ .name }}`)}}
	bp := flagon.NewBlueprint("legacy", "/legacy")
	bp.TemplateFS = fstest.MapFS{"legacy/page.html": {Data: []byte(`jinja {{ name|upper }} {{ url_for('legacy.page') }}`)}}
	bp.UseJinja()
	bp.Get("/", func(c *flagon.Ctx) error { return c.Render("legacy/page.html", map[string]any{"name": "x"}) }, flagon.Endpoint("page"))
	app.Get("/", func(c *flagon.Ctx) error { return c.Render("page.html", map[string]any{"name": "y"}) })
	app.RegisterBlueprint(bp)
	c := flagontest.NewClient(t, app)
	for path, want := range map[string]string{"/": "go y", "/legacy/": "jinja X /legacy/"} {
		if got := c.Get(path).Text(); got != want {
			t.Errorf("%s: got %q, want %q", path, got, want)
		}
	}
}

func TestJinjaAutoReloadInDebugMode(t *testing.T) {
	for _, tt := range []struct {
		name  string
		debug bool
		want  string
	}{
		{"debug mode re-reads a changed template", true, "two"},
		{"otherwise the parsed template is kept", false, "one"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "page.html")
			if err := os.WriteFile(file, []byte("one"), 0o644); err != nil {
				t.Fatal(err)
			}
			app := flagon.New(flagon.WithConfig(map[string]any{"DEBUG": tt.debug}),
				flagon.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
			app.TemplateFS = os.DirFS(dir)
			app.UseJinja()
			app.Get("/", func(c *flagon.Ctx) error { return c.Render("page.html", nil) })
			c := flagontest.NewClient(t, app)
			if got := c.Get("/").Text(); got != "one" {
				t.Fatalf("first render %q", got)
			}
			if err := os.WriteFile(file, []byte("two"), 0o644); err != nil {
				t.Fatal(err)
			}
			later := time.Now().Add(time.Minute)
			if err := os.Chtimes(file, later, later); err != nil {
				t.Fatal(err)
			}
			if got := c.Get("/").Text(); got != tt.want {
				t.Errorf("after the change %q, want %q", got, tt.want)
			}
		})
	}
}

// TestMixedEnginesFollowFlaskSearchOrder: when a name is in several
// folders, the app's folder wins, then the blueprints' in registration
// order (Flask's DispatchingJinjaLoader), whichever engine each uses.
func TestMixedEnginesFollowFlaskSearchOrder(t *testing.T) {
	for _, tt := range []struct {
		name                 string
		appJinja, firstJinja bool
		want                 string
	}{
		{"html/template app folder before a Jinja blueprint", false, true, "app go"},
		{"Jinja app folder before an html/template blueprint", true, false, "app jinja"},
		{"first blueprint before the second", false, false, "first go"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			page := func(who string, jinja bool) fstest.MapFS {
				if jinja {
					return fstest.MapFS{"page.html": {Data: []byte(who + " {{ 'jinja' }}")}}
				}
				return fstest.MapFS{"page.html": {Data: []byte(who + ` {{ "go" }}`)}}
			}
			app := flagon.New(flagon.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
			if tt.name != "first blueprint before the second" {
				app.TemplateFS = page("app", tt.appJinja)
			} else {
				app.TemplateFS = fstest.MapFS{"other.html": {Data: []byte("x")}}
			}
			if tt.appJinja {
				app.UseJinja()
			}
			first := flagon.NewBlueprint("first", "/first")
			first.TemplateFS = page("first", tt.firstJinja)
			if tt.firstJinja {
				first.UseJinja()
			}
			second := flagon.NewBlueprint("second", "/second")
			second.TemplateFS = page("second", true)
			second.UseJinja()
			app.Get("/", func(c *flagon.Ctx) error { return c.Render("page.html", nil) })
			app.RegisterBlueprint(first)
			app.RegisterBlueprint(second)
			if got := flagontest.NewClient(t, app).Get("/").Text(); got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}
