package flagon_test

import (
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// Ports of Flask tests/test_templating.py cases not ported elsewhere, run
// on a Jinja app (UseJinja) as the originals are Jinja templates. Custom
// loaders and jinja_options have no equivalent: templates come from an
// fs.FS.

// renderOn serves GET / rendering src with data on app and returns the body.
func renderOn(t *testing.T, app *flagon.App, src string, data map[string]any, before func(c *flagon.Ctx)) string {
	t.Helper()
	app.Get("/", func(c *flagon.Ctx) error {
		if before != nil {
			before(c)
		}
		out, err := c.RenderString(src, data)
		if err != nil {
			return err
		}
		return c.HTML(out)
	})
	return flagontest.NewClient(t, app).Get("/?foo=42").Text()
}

func jinjaPortApp() *flagon.App {
	app := flagon.New(flagon.WithConfig(map[string]any{"SECRET_KEY": "test key"}))
	app.UseJinja()
	return app
}

func TestOriginalWin(t *testing.T) {
	if got := renderOn(t, jinjaPortApp(), "{{ config }}", map[string]any{"config": 42}, nil); got != "42" {
		t.Errorf("body %q", got)
	}
}

func TestRequestLessRendering(t *testing.T) {
	app := jinjaPortApp()
	app.Config.Set("WORLD_NAME", "Special World")
	app.ContextProcessor(func(c *flagon.Ctx) map[string]any { return map[string]any{"foo": 42} })
	got, err := app.RenderTemplateString("Hello {{ config.WORLD_NAME }} {{ foo }}", nil)
	if err != nil || got != "Hello Special World 42" {
		t.Errorf("RenderTemplateString = %q, %v", got, err)
	}
}

func TestStandardContext(t *testing.T) {
	src := "{{ request.args.foo }}\n{{ g.foo }}\n{{ config.DEBUG }}\n{{ session.test }}"
	got := renderOn(t, jinjaPortApp(), src, nil, func(c *flagon.Ctx) {
		flagon.NewKey[int]("foo").Set(c, 23) // g.foo = 23
		c.Session().Set("test", "aha")
	})
	if f := strings.Fields(got); strings.Join(f, " ") != "42 23 False aha" {
		t.Errorf("body %q", got)
	}
}

// test_add_template_filter, test_template_test and test_add_template_global:
// a TemplateFunc is a filter and a global, and a test when it returns a
// bool.
func TestAddTemplateFilterTestGlobal(t *testing.T) {
	app := jinjaPortApp()
	app.TemplateFunc("my_reverse", func(s string) string {
		r := []rune(s)
		for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
			r[i], r[j] = r[j], r[i]
		}
		return string(r)
	})
	app.TemplateFunc("boolean", func(v any) bool { _, ok := v.(bool); return ok })
	app.TemplateFunc("get_stuff", func() int { return 42 })
	src := "{{ 'abcd'|my_reverse }} {{ false is boolean }} {{ 1 is boolean }} {{ get_stuff() }}"
	if got := renderOn(t, app, src, nil, nil); got != "dcba True False 42" {
		t.Errorf("body %q", got)
	}
}
