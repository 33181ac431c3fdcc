package flagon_test

import (
	"errors"
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// Ports of Flask tests/test_signals.py. Receivers are connected for the
// test's app (Blinker's connect(record, app)) and disconnected at the end.

func signalsTemplateApp() *flagon.App {
	app := flagon.New(flagon.WithTemplateFS(fstest.MapFS{
		"simple_template.html": {Data: []byte("<h1>{{ .whiskey }}</h1>")},
	}))
	app.Get("/", func(c *flagon.Ctx) error {
		return c.Render("simple_template.html", map[string]any{"whiskey": 42})
	})
	return app
}

func TestTemplateRenderedSignal(t *testing.T) {
	app := signalsTemplateApp()
	var recorded []flagon.TemplateEvent
	defer flagon.TemplateRendered.ConnectFor(app, func(_ any, ev flagon.TemplateEvent) {
		recorded = append(recorded, ev)
	})()
	flagontest.NewClient(t, app).Get("/")
	if len(recorded) != 1 {
		t.Fatalf("recorded %d events", len(recorded))
	}
	data, _ := recorded[0].Data.(map[string]any)
	if recorded[0].Name != "simple_template.html" || data["whiskey"] != 42 {
		t.Errorf("event %+v", recorded[0])
	}
}

func TestBeforeRenderTemplateSignal(t *testing.T) {
	app := signalsTemplateApp()
	var recorded []flagon.TemplateEvent
	defer flagon.BeforeRenderTemplate.ConnectFor(app, func(_ any, ev flagon.TemplateEvent) {
		ev.Data.(map[string]any)["whiskey"] = 43
		recorded = append(recorded, ev)
	})()
	res := flagontest.NewClient(t, app).Get("/")
	if len(recorded) != 1 || recorded[0].Name != "simple_template.html" {
		t.Fatalf("recorded %+v", recorded)
	}
	if got := res.Text(); got != "<h1>43</h1>" {
		t.Errorf("body %q", got)
	}
}

func TestRequestSignals(t *testing.T) {
	app := quietApp()
	var calls []string
	defer flagon.RequestStarted.ConnectFor(app, func(any, *flagon.Ctx) { calls = append(calls, "before-signal") })()
	defer flagon.RequestFinished.ConnectFor(app, func(any, *flagon.Ctx) { calls = append(calls, "after-signal") })()
	app.BeforeRequest(func(c *flagon.Ctx) error { calls = append(calls, "before-handler"); return nil })
	app.AfterRequestResponse(func(c *flagon.Ctx, res *flagon.Response) (*flagon.Response, error) {
		calls = append(calls, "after-handler")
		res.Body = []byte("stuff")
		return res, nil
	})
	app.Get("/", func(c *flagon.Ctx) error {
		calls = append(calls, "handler")
		return c.Text("ignored anyway")
	})
	res := flagontest.NewClient(t, app).Get("/")
	if res.Text() != "stuff" {
		t.Errorf("body %q", res.Text())
	}
	want := []string{"before-signal", "before-handler", "handler", "after-handler", "after-signal"}
	if !reflect.DeepEqual(calls, want) {
		t.Errorf("calls %v", calls)
	}
}

var errZeroDivision = errors.New("division by zero")

func TestRequestExceptionSignal(t *testing.T) {
	app := quietApp()
	var recorded []error
	defer flagon.GotRequestException.ConnectFor(app, func(_ any, ev flagon.ErrorEvent) { recorded = append(recorded, ev.Err) })()
	app.Get("/", func(c *flagon.Ctx) error { return errZeroDivision })
	if code := flagontest.NewClient(t, app).Get("/").StatusCode; code != 500 {
		t.Errorf("status %d", code)
	}
	if len(recorded) != 1 || !errors.Is(recorded[0], errZeroDivision) {
		t.Errorf("recorded %v", recorded)
	}
}

func TestAppcontextSignals(t *testing.T) {
	app := quietApp()
	var recorded []string
	defer flagon.AppContextPushed.ConnectFor(app, func(any, *flagon.Ctx) { recorded = append(recorded, "push") })()
	defer flagon.AppContextPopped.ConnectFor(app, func(any, *flagon.Ctx) { recorded = append(recorded, "pop") })()
	app.Get("/", func(c *flagon.Ctx) error { return c.Text("Hello") })
	if body := flagontest.NewClient(t, app).Get("/").Text(); body != "Hello" {
		t.Errorf("body %q", body)
	}
	if !reflect.DeepEqual(recorded, []string{"push", "pop"}) {
		t.Errorf("recorded %v", recorded)
	}
}

func TestFlashSignal(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"SECRET_KEY": "test key"}))
	app.Get("/", func(c *flagon.Ctx) error {
		c.Flash("This is a flash message", "notice")
		return c.Redirect("/other")
	})
	var recorded []flagon.FlashEvent
	defer flagon.MessageFlashed.ConnectFor(app, func(_ any, ev flagon.FlashEvent) { recorded = append(recorded, ev) })()
	flagontest.NewClient(t, app).Get("/")
	if len(recorded) != 1 || recorded[0].Message != "This is a flash message" || recorded[0].Category != "notice" {
		t.Errorf("recorded %+v", recorded)
	}
}

func TestAppcontextTearingDownSignal(t *testing.T) {
	app := quietApp()
	app.Config.Set("TESTING", false)
	var recorded []error
	defer flagon.AppContextTearingDown.ConnectFor(app, func(_ any, ev flagon.ErrorEvent) { recorded = append(recorded, ev.Err) })()
	app.Get("/", func(c *flagon.Ctx) error { return errZeroDivision })
	if code := flagontest.NewClient(t, app).Get("/").StatusCode; code != 500 {
		t.Errorf("status %d", code)
	}
	if len(recorded) != 1 || !errors.Is(recorded[0], errZeroDivision) {
		t.Errorf("recorded %v", recorded)
	}
}
