package flagon_test

import (
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// Ports of Flask tests/test_appctx.py. app.URLFor is url_for in an app
// context; g is Ctx.G or a typed Key. Teardown cases are ported with the
// teardown tests; current_app and app_ctx_globals_class have no Go
// equivalent (the app is passed explicitly).

func TestBasicURLGeneration(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"SERVER_NAME": "localhost", "PREFERRED_URL_SCHEME": "https"}))
	app.Get("/", func(c *flagon.Ctx) error { return nil }, flagon.Endpoint("index"))
	if got, err := app.URLFor("index"); err != nil || got != "https://localhost/" {
		t.Errorf("URLFor = %q, %v", got, err)
	}
}

// test_url_generation_requires_server_name: an external URL needs
// SERVER_NAME. A relative one is allowed (a documented difference).
func TestURLGenerationRequiresServerName(t *testing.T) {
	app := flagon.New()
	app.Get("/", func(c *flagon.Ctx) error { return nil }, flagon.Endpoint("index"))
	if got, err := app.URLFor("index", "_external", true); err == nil {
		t.Errorf("URLFor external = %q, want an error", got)
	}
	if got, err := app.URLFor("index"); err != nil || got != "/" {
		t.Errorf("URLFor = %q, %v", got, err)
	}
}

// test_app_ctx_globals_methods: get, get with a default, contains,
// setdefault and pop on g, through a typed Key.
func TestAppCtxGlobalsMethods(t *testing.T) {
	foo := flagon.NewKey[string]("foo")
	bar := flagon.NewKey[string]("bar")
	app := quietApp()
	var failures []string
	check := func(ok bool, what string) {
		if !ok {
			failures = append(failures, what)
		}
	}
	app.Get("/", func(c *flagon.Ctx) error {
		_, ok := foo.Get(c)
		check(!ok, "get of a missing key")
		check(foo.GetOr(c, "bar") == "bar", "get with default")
		foo.Set(c, "bar")
		_, ok = foo.Get(c)
		check(ok, "contains after set")
		if _, ok := bar.Get(c); !ok { // setdefault
			bar.Set(c, "the cake is a lie")
		}
		if _, ok := bar.Get(c); !ok {
			bar.Set(c, "hello world")
		}
		v, _ := bar.Get(c)
		check(v == "the cake is a lie", "setdefault keeps the first value")
		bar.Delete(c) // pop
		check(bar.GetOr(c, "more cake") == "more cake", "pop with default")
		return nil
	})
	flagontest.NewClient(t, app).Get("/")
	for _, f := range failures {
		t.Error(f)
	}
}
