package flagon_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

func templateApp(t *testing.T) (*flagon.App, *[]string) {
	app := flagon.New(flagon.WithRootPath("testdata"), flagon.WithLogger(quietApp().Logger))
	app.TemplateFunc("money", func(cents int) string { return fmt.Sprintf("$%d.%02d", cents/100, cents%100) })
	app.ContextProcessor(func(c *flagon.Ctx) map[string]any { return map[string]any{"site": "flagon shop"} })
	app.Get("/", func(c *flagon.Ctx) error {
		return c.Render("index.html", map[string]any{"name": "<script>alert(1)</script>"})
	}, flagon.Endpoint("index"))
	app.Get("/other", func(c *flagon.Ctx) error { return c.Render("other.html", map[string]any{"cents": 1250}) })
	app.Get("/missing", func(c *flagon.Ctx) error { return c.Render("nope.html", nil) })
	app.Get("/string", func(c *flagon.Ctx) error {
		s, err := c.RenderString(`{{ extends "base.html" }}{{ define "content" }}inline {{ url_for "index" "page" 2 }}{{ end }}`, nil)
		if err != nil {
			return err
		}
		return c.HTML(s)
	})
	bp := flagon.NewBlueprint("admin", "/admin")
	bp.TemplateFS = fstest.MapFS{"admin/panel.html": {Data: []byte(`{{ extends "base.html" }}{{ define "content" }}panel{{ end }}`)}}
	bp.Get("/", func(c *flagon.Ctx) error { return c.Render("admin/panel.html", nil) }, flagon.Endpoint("panel"))
	app.RegisterBlueprint(bp)
	var events []string
	d1 := flagon.BeforeRenderTemplate.ConnectFor(app, func(_ any, ev flagon.TemplateEvent) { events = append(events, "before "+ev.Name) })
	d2 := flagon.TemplateRendered.ConnectFor(app, func(_ any, ev flagon.TemplateEvent) { events = append(events, "rendered "+ev.Name) })
	t.Cleanup(func() { d1(); d2() })
	return app, &events
}

func TestRenderTemplates(t *testing.T) {
	tests := []struct {
		name, path string
		code       int
		contains   []string
	}{
		{"inheritance, globals and escaping", "/", 200, []string{"<title>Index</title>", `<a href="/">home</a> flagon shop`, "&lt;script&gt;alert(1)&lt;/script&gt;", "<p>/</p>"}},
		{"second page overriding the same block", "/other", 200, []string{"<title>Shop</title>", "other $12.50"}},
		{"blueprint template folder", "/admin/", 200, []string{"panel", "flagon shop"}},
		{"template string extending a file", "/string", 200, []string{"inline /?page=2"}},
		{"missing template is a 500", "/missing", 500, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app, _ := templateApp(t)
			res := flagontest.NewClient(t, app).Get(tt.path)
			if res.StatusCode != tt.code {
				t.Fatalf("status %d, want %d: %s", res.StatusCode, tt.code, res.Text())
			}
			for _, want := range tt.contains {
				if !strings.Contains(res.Text(), want) {
					t.Errorf("page lacks %q:\n%s", want, res.Text())
				}
			}
		})
	}
}

func TestTemplateSignals(t *testing.T) {
	app, events := templateApp(t)
	flagontest.NewClient(t, app).Get("/other")
	if got := strings.Join(*events, ", "); got != "before other.html, rendered other.html" {
		t.Fatalf("events: %s", got)
	}
}

// TestRenderReusesBuffersCleanly renders pages of different sizes, and a
// failing one, in turn: every response holds its own page and nothing of
// an earlier one (Render recycles its buffers).
func TestRenderReusesBuffersCleanly(t *testing.T) {
	app := flagon.New(flagon.WithLogger(quietApp().Logger), flagon.WithTemplateFS(fstest.MapFS{
		"page.html": {Data: []byte(`<p>{{ . }}</p>`)},
		"bad.html":  {Data: []byte(`<p>partial {{ index . 5 }}</p>`)},
	}))
	app.Get("/page/<int:n>", func(c *flagon.Ctx) error {
		n, err := c.ParamInt("n")
		if err != nil {
			return err
		}
		return c.Render("page.html", strings.Repeat("x", n))
	})
	app.Get("/bad", func(c *flagon.Ctx) error { return c.Render("bad.html", []int{1}) })
	client := flagontest.NewClient(t, app)
	for _, n := range []int{100000, 3, 0, 5000, 1} {
		if res := client.Get("/bad"); res.StatusCode != 500 || strings.Contains(res.Text(), "partial") {
			t.Fatalf("failing render: %d %q, want a 500 without the partial page", res.StatusCode, res.Text())
		}
		want := "<p>" + strings.Repeat("x", n) + "</p>"
		if res := client.Get(fmt.Sprintf("/page/%d", n)); res.Text() != want {
			t.Fatalf("page of %d: %d bytes, want %d", n, len(res.Text()), len(want))
		}
	}
}

// Jinja's split_template_path: "./" and empty pieces are dropped from a
// template name, so render_template("./admin/panel.html") works.
func TestRenderNormalisesTemplateName(t *testing.T) {
	tests := []struct {
		name string
		code int
	}{
		{"./admin/panel.html", 200},
		{"admin//panel.html", 200},
		{"/admin/./panel.html", 200},
		{"admin/../admin/panel.html", 500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New(flagon.WithRootPath("testdata"), flagon.WithLogger(quietApp().Logger))
			app.TemplateFS = fstest.MapFS{"admin/panel.html": {Data: []byte(`panel`)}}
			app.Get("/", func(c *flagon.Ctx) error { return c.Render(tt.name, nil) })
			res := flagontest.NewClient(t, app).Get("/")
			if res.StatusCode != tt.code || tt.code == 200 && res.Text() != "panel" {
				t.Fatalf("got %d %q, want %d", res.StatusCode, res.Text(), tt.code)
			}
		})
	}
}

// test_context_processing (Flask, test_blueprints.py): a blueprint's
// context processor serves its own pages, its app context processor every
// page; test_template_filter: a blueprint's app template filter is usable
// in every template.
func TestBlueprintContextProcessing(t *testing.T) {
	bp := flagon.NewBlueprint("answer_bp")
	bp.AppContextProcessor(func(c *flagon.Ctx) map[string]any { return map[string]any{"notanswer": 43} })
	bp.ContextProcessor(func(c *flagon.Ctx) map[string]any { return map[string]any{"answer": 42} })
	bp.AppTemplateFunc("my_reverse", func(s string) string {
		r := []rune(s)
		for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
			r[i], r[j] = r[j], r[i]
		}
		return string(r)
	})
	page := func(c *flagon.Ctx) error {
		s, err := c.RenderString(`{{ with .notanswer }}{{ . }} is not the answer. {{ end }}`+
			`{{ with .answer }}{{ . }} is the answer.{{ end }} {{ my_reverse "abc" }}`, nil)
		if err != nil {
			return err
		}
		return c.HTML(s)
	}
	bp.Get("/bp", page, flagon.Endpoint("bp_page"))
	app := flagon.New()
	app.Get("/", page, flagon.Endpoint("app_page"))
	app.RegisterBlueprint(bp)
	cl := flagontest.NewClient(t, app)
	appPage, bpPage := cl.Get("/").Text(), cl.Get("/bp").Text()
	if !strings.Contains(appPage, "43") || strings.Contains(appPage, "42") || !strings.Contains(appPage, "cba") {
		t.Errorf("app page %q", appPage)
	}
	if !strings.Contains(bpPage, "42") || !strings.Contains(bpPage, "43") {
		t.Errorf("blueprint page %q", bpPage)
	}
}

// Rendering outside a request (issue #16: an app context for e-mails and
// CLI commands), with url_for and context processors.
func TestRenderTemplateOutsideRequest(t *testing.T) {
	app, _ := templateApp(t)
	out, err := app.RenderTemplateString(`Hi {{ .name }}: {{ url_for "index" }} {{ .site }} {{ len get_flashed_messages }}`, map[string]any{"name": "ann"})
	if err != nil || out != "Hi ann: / flagon shop 0" {
		t.Fatalf("got %q, %v", out, err)
	}
	page, err := app.RenderTemplate("other.html", map[string]any{"cents": 1250})
	if err != nil || !strings.Contains(page, "other $12.50") {
		t.Fatalf("got %q, %v", page, err)
	}
	if _, err := app.RenderTemplate("nope.html", nil); err == nil {
		t.Fatal("missing template gave no error")
	}
}

// The posted form is visible to templates after a failed validation, as
// Flask's request.form (issue #16), and the query as request.args.
func TestTemplateRequestForm(t *testing.T) {
	app := flagon.New()
	app.Post("/products", func(c *flagon.Ctx) error {
		if f, _ := c.Form(); f.Get("price") == "" {
			s, err := c.RenderString(`name={{ request.Form.Get "name" }} page={{ request.Args.Get "page" }} path={{ request.URL.Path }}`, nil)
			if err != nil {
				return err
			}
			return c.Status(422).HTML(s)
		}
		return c.Text("ok")
	})
	res := flagontest.NewClient(t, app).Post("/products?page=2", flagontest.Form(map[string][]string{"name": {"Chair"}}))
	if res.StatusCode != 422 || res.Text() != "name=Chair page=2 path=/products" {
		t.Fatalf("got %d %q", res.StatusCode, res.Text())
	}
}

// Flask's render_template with a list of names (select_template): the
// first existing template is rendered.
func TestRenderFirstExisting(t *testing.T) {
	app := flagon.New(flagon.WithLogger(quietApp().Logger))
	app.TemplateFS = fstest.MapFS{"b.html": {Data: []byte(`b {{ .x }}`)}}
	app.Get("/", func(c *flagon.Ctx) error {
		return c.RenderFirst([]string{"a.html", "./b.html"}, map[string]any{"x": 1})
	})
	app.Get("/none", func(c *flagon.Ctx) error { return c.RenderFirst([]string{"a.html", "c.html"}, nil) })
	cl := flagontest.NewClient(t, app)
	if got := cl.Get("/").Text(); got != "b 1" {
		t.Fatalf("got %q", got)
	}
	if code := cl.Get("/none").StatusCode; code != 500 {
		t.Fatalf("none: %d", code)
	}
}

func TestHasTemplates(t *testing.T) {
	page := fstest.MapFS{"page.html": {Data: []byte("x")}}
	tests := []struct {
		name  string
		setup func(t *testing.T) *flagon.App
		want  bool
	}{
		{"no templates folder", func(t *testing.T) *flagon.App { return flagon.New(flagon.WithRootPath(t.TempDir())) }, false},
		{"RootPath/templates", func(t *testing.T) *flagon.App { return flagon.New(flagon.WithRootPath("testdata")) }, true},
		{"TemplateFS", func(t *testing.T) *flagon.App {
			return flagon.New(flagon.WithRootPath(t.TempDir()), flagon.WithTemplateFS(page))
		}, true},
		{"a blueprint's templates", func(t *testing.T) *flagon.App {
			app := flagon.New(flagon.WithRootPath(t.TempDir()))
			bp := flagon.NewBlueprint("admin", "/admin")
			bp.TemplateFS = page
			app.RegisterBlueprint(bp)
			return app
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.setup(t).HasTemplates(); got != tt.want {
				t.Errorf("HasTemplates() = %v, want %v", got, tt.want)
			}
		})
	}
}
