package flagon_test

import (
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

var langCode = flagon.NewKey[string]("lang_code")

// urlForText answers with the URL of endpoint, or the error.
func urlForText(endpoint string, values ...any) flagon.HandlerFunc {
	return func(c *flagon.Ctx) error {
		u, err := c.URLFor(endpoint, values...)
		if err != nil {
			return c.Text("error: " + err.Error())
		}
		return c.Text(u)
	}
}

// test_url_processors (Flask): url_value_preprocessor pulls the language
// code from the matched values and url_defaults puts it back into URLs of
// endpoints that expect it.
func TestURLProcessors(t *testing.T) {
	app := flagon.New()
	app.URLDefaults(func(c *flagon.Ctx, endpoint string, values map[string]any) {
		if c == nil {
			return
		}
		if lang, ok := langCode.Get(c); ok && app.EndpointExpects(endpoint, "lang_code") {
			if _, set := values["lang_code"]; !set {
				values["lang_code"] = lang
			}
		}
	})
	app.URLValuePreprocessor(func(c *flagon.Ctx, endpoint string, values map[string]any) {
		if v, ok := values["lang_code"].(string); ok {
			langCode.Set(c, v)
		}
	})
	app.Get("/<lang_code>/", urlForText("about"), flagon.Endpoint("index"))
	app.Get("/<lang_code>/about", urlForText("something_else"), flagon.Endpoint("about"))
	app.Get("/foo", urlForText("about", "lang_code", "en"), flagon.Endpoint("something_else"))
	cl := flagontest.NewClient(t, app)
	for path, want := range map[string]string{"/de/": "/de/about", "/de/about": "/foo", "/foo": "/en/about"} {
		if got := cl.Get(path).Text(); got != want {
			t.Errorf("GET %s = %q, want %q", path, got, want)
		}
	}
}

// test_blueprint_url_processors (Flask): the same on a blueprint whose
// prefix holds the variable.
func TestBlueprintURLProcessors(t *testing.T) {
	bp := flagon.NewBlueprint("frontend", "/<lang_code>")
	bp.URLDefaults(func(c *flagon.Ctx, endpoint string, values map[string]any) {
		if _, set := values["lang_code"]; !set {
			values["lang_code"] = langCode.GetOr(c, "")
		}
	})
	bp.URLValuePreprocessor(func(c *flagon.Ctx, endpoint string, values map[string]any) {
		langCode.Set(c, values["lang_code"].(string))
	})
	bp.Get("/", urlForText(".about"), flagon.Endpoint("index"))
	bp.Get("/about", urlForText(".index"), flagon.Endpoint("about"))
	app := flagon.New()
	app.RegisterBlueprint(bp)
	cl := flagontest.NewClient(t, app)
	for path, want := range map[string]string{"/de/": "/de/about", "/de/about": "/de/"} {
		if got := cl.Get(path).Text(); got != want {
			t.Errorf("GET %s = %q, want %q", path, got, want)
		}
	}
}

// test_inject_blueprint_url_defaults (Flask): a blueprint's url_defaults
// apply to its endpoints, in and outside requests.
func TestInjectBlueprintURLDefaults(t *testing.T) {
	bp := flagon.NewBlueprint("foo")
	bp.URLDefaults(func(c *flagon.Ctx, endpoint string, values map[string]any) { values["page"] = "login" })
	bp.Get("/<page>", func(c *flagon.Ctx) error { return nil }, flagon.Endpoint("view"))
	app := flagon.New()
	app.RegisterBlueprint(bp)
	app.Get("/other/<page>", urlForText("foo.view"), flagon.Endpoint("other"))
	if u, err := app.URLFor("foo.view"); err != nil || u != "/login" {
		t.Fatalf("URLFor = %q, %v", u, err)
	}
	if got := flagontest.NewClient(t, app).Get("/other/somepage").Text(); got != "/login" {
		t.Fatalf("in a request: %q", got)
	}
	if u, err := app.URLFor("other"); err == nil {
		t.Fatalf("the blueprint's defaults leaked to an app endpoint: %q", u)
	}
}

// test_build_error_handler and test_build_error_handler_reraise (Flask).
func TestBuildErrorHandler(t *testing.T) {
	if _, err := flagon.New().URLFor("spam"); err == nil {
		t.Fatal("no error for an unknown endpoint")
	}
	app := flagon.New()
	reraised := flagon.New()
	reraised.OnURLBuildError(func(err error, endpoint string, values map[string]any) (string, bool, error) {
		return "", false, err
	})
	if _, err := reraised.URLFor("not.existing"); err == nil {
		t.Fatal("a re-raising handler hid the error")
	}
	app.OnURLBuildError(func(err error, endpoint string, values map[string]any) (string, bool, error) {
		return "", false, nil // passes
	})
	app.OnURLBuildError(func(err error, endpoint string, values map[string]any) (string, bool, error) {
		return "/test_handler/", true, nil
	})
	if u, err := app.URLFor("spam"); err != nil || u != "/test_handler/" {
		t.Fatalf("URLFor = %q, %v", u, err)
	}
}
