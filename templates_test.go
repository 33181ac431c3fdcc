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
