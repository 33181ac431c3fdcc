package flagon_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// commonViewTest is common_test of Flask's test_views.py.
func commonViewTest(t *testing.T, app *flagon.App) {
	t.Helper()
	cl := flagontest.NewClient(t, app)
	if got := cl.Get("/").Text(); got != "GET" {
		t.Errorf("GET = %q", got)
	}
	if got := cl.Post("/").Text(); got != "POST" {
		t.Errorf("POST = %q", got)
	}
	if code := cl.Put("/").StatusCode; code != 405 {
		t.Errorf("PUT = %d, want 405", code)
	}
	if got := allow(cl.Options("/")); got != "GET,HEAD,OPTIONS,POST" {
		t.Errorf("Allow = %q", got)
	}
}

// allow returns the sorted methods of a response's Allow header.
func allow(res *flagontest.Response) string {
	var ms []string
	for _, m := range strings.Split(res.Header.Get("Allow"), ",") {
		if m = strings.TrimSpace(m); m != "" {
			ms = append(ms, m)
		}
	}
	sort.Strings(ms)
	return strings.Join(ms, ",")
}

type basicView struct{}

func (basicView) Methods() []string                   { return []string{"GET", "POST"} }
func (basicView) DispatchRequest(c *flagon.Ctx) error { return c.Text(c.Request.Method) }

// test_basic_view
func TestBasicView(t *testing.T) {
	app := flagon.New()
	app.AddView("/", "index", basicView{})
	commonViewTest(t, app)
}

type indexView struct{ _ int }

func (*indexView) Get(c *flagon.Ctx) error  { return c.Text("GET") }
func (*indexView) Post(c *flagon.Ctx) error { return c.Text("POST") }

// test_method_based_view
func TestMethodBasedView(t *testing.T) {
	app := flagon.New()
	app.AddView("/", "index", &indexView{})
	commonViewTest(t, app)
}

type betterIndexView struct{ indexView }

func (*betterIndexView) Delete(c *flagon.Ctx) error { return c.Text("DELETE") }

// test_view_inheritance: methods of an embedded view count.
func TestViewInheritance(t *testing.T) {
	app := flagon.New()
	app.AddView("/", "index", &betterIndexView{})
	if got := allow(flagontest.NewClient(t, app).Options("/")); got != "DELETE,GET,HEAD,OPTIONS,POST" {
		t.Fatalf("Allow = %q", got)
	}
}

type parachuteView struct{}

func (parachuteView) DispatchRequest(c *flagon.Ctx) error { return c.Text("Awesome") }
func (parachuteView) Decorators() []flagon.Decorator {
	return []flagon.Decorator{func(h flagon.HandlerFunc) flagon.HandlerFunc {
		return func(c *flagon.Ctx) error {
			c.Header().Set("X-Parachute", "awesome")
			return h(c)
		}
	}}
}

// test_view_decorators
func TestViewDecorators(t *testing.T) {
	app := flagon.New()
	app.AddView("/", "index", parachuteView{})
	res := flagontest.NewClient(t, app).Get("/")
	if res.Header.Get("X-Parachute") != "awesome" || res.Text() != "Awesome" {
		t.Fatalf("got %q %v", res.Text(), res.Header)
	}
}

type helloView struct{}

func (helloView) DispatchRequest(c *flagon.Ctx) error { return c.Text("Hello World!") }

type autoOptionsView struct {
	helloView
	on bool
}

func (v autoOptionsView) ProvideAutomaticOptions() bool { return v.on }

type optionsView struct{}

func (optionsView) Methods() []string { return []string{"OPTIONS"} }
func (optionsView) DispatchRequest(c *flagon.Ctx) error {
	c.Header().Set("X-Test", "test")
	return c.Text("")
}

// test_view_provide_automatic_options_attr_disable, ..._attr_enable,
// test_provide_automatic_options_method_disable (test_views.py) and
// test_provide_automatic_options_arg_disable (test_basic.py).
func TestProvideAutomaticOptions(t *testing.T) {
	tests := []struct {
		name     string
		config   bool
		register func(app *flagon.App)
		code     int
		allow    string
		header   string
	}{
		{"test_view_provide_automatic_options_attr_disable", true, func(app *flagon.App) {
			app.AddView("/", "index", autoOptionsView{on: false})
		}, 405, "", ""},
		{"test_view_provide_automatic_options_attr_enable", false, func(app *flagon.App) {
			app.AddView("/", "index", autoOptionsView{on: true})
		}, 200, "GET,HEAD,OPTIONS", ""},
		{"test_provide_automatic_options_method_disable", true, func(app *flagon.App) {
			app.AddView("/", "index", optionsView{})
		}, 200, "", "test"},
		{"test_provide_automatic_options_arg_disable", true, func(app *flagon.App) {
			app.Get("/", func(c *flagon.Ctx) error { return c.Text("Hello World!") },
				flagon.Endpoint("index"), flagon.AutomaticOptions(false))
		}, 405, "", ""},
		{"PROVIDE_AUTOMATIC_OPTIONS false", false, func(app *flagon.App) {
			app.Get("/", func(c *flagon.Ctx) error { return c.Text("Hello World!") }, flagon.Endpoint("index"))
		}, 405, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New()
			app.Config.Set("PROVIDE_AUTOMATIC_OPTIONS", tt.config)
			tt.register(app)
			res := flagontest.NewClient(t, app).Options("/")
			if res.StatusCode != tt.code {
				t.Fatalf("OPTIONS = %d, want %d", res.StatusCode, tt.code)
			}
			if tt.allow != "" && allow(res) != tt.allow {
				t.Errorf("Allow = %q, want %q", allow(res), tt.allow)
			}
			if tt.header != "" && res.Header.Get("X-Test") != tt.header {
				t.Errorf("X-Test = %q", res.Header.Get("X-Test"))
			}
		})
	}
}

type implicitHeadView struct{}

func (implicitHeadView) Get(c *flagon.Ctx) error {
	c.Header().Set("X-Method", c.Request.Method)
	return c.Text("Blub")
}

type explicitHeadView struct{}

func (explicitHeadView) Get(c *flagon.Ctx) error { return c.Text("GET") }
func (explicitHeadView) Head(c *flagon.Ctx) error {
	c.Header().Set("X-Method", "HEAD")
	return c.Text("")
}

// test_implicit_head and test_explicit_head
func TestViewHead(t *testing.T) {
	app := flagon.New()
	app.AddView("/implicit", "implicit", implicitHeadView{})
	app.AddView("/explicit", "explicit", explicitHeadView{})
	cl := flagontest.NewClient(t, app)
	if res := cl.Get("/implicit"); res.Text() != "Blub" || res.Header.Get("X-Method") != "GET" {
		t.Errorf("implicit GET: %q %q", res.Text(), res.Header.Get("X-Method"))
	}
	if res := cl.Head("/implicit"); len(res.Body) != 0 || res.Header.Get("X-Method") != "HEAD" {
		t.Errorf("implicit HEAD: %q %q", res.Text(), res.Header.Get("X-Method"))
	}
	if res := cl.Get("/explicit"); res.Text() != "GET" {
		t.Errorf("explicit GET: %q", res.Text())
	}
	if res := cl.Head("/explicit"); len(res.Body) != 0 || res.Header.Get("X-Method") != "HEAD" {
		t.Errorf("explicit HEAD: %q", res.Header.Get("X-Method"))
	}
}

// test_endpoint_override: another view under the same name is an error;
// the same view on a second rule is one endpoint.
func TestViewEndpointOverride(t *testing.T) {
	app := flagon.New()
	v := &indexView{}
	app.AddView("/", "index", v)
	app.AddView("/again", "index", v)
	if msg := panicMessage(func() { app.AddView("/other", "index", &indexView{}) }); msg == "" {
		t.Fatal("a second view under one endpoint did not panic")
	}
	commonViewTest(t, app)
}

type propfindView struct{}

func (propfindView) Methods() []string            { return []string{"GET", "PROPFIND"} }
func (propfindView) Get(c *flagon.Ctx) error      { return c.Text("GET") }
func (propfindView) Propfind(c *flagon.Ctx) error { return c.Text("PROPFIND") }
func (propfindView) Post(c *flagon.Ctx) error     { return c.Text("not listed") }

// test_methods_var_inheritance and test_remove_method_from_parent: the
// listed methods are exactly the view's methods.
func TestViewMethodsList(t *testing.T) {
	app := flagon.New()
	app.AddView("/", "index", propfindView{})
	cl := flagontest.NewClient(t, app)
	if got := cl.Get("/").Text(); got != "GET" {
		t.Errorf("GET = %q", got)
	}
	if got := cl.Do("PROPFIND", "/").Text(); got != "PROPFIND" {
		t.Errorf("PROPFIND = %q", got)
	}
	if code := cl.Post("/").StatusCode; code != 405 {
		t.Errorf("POST = %d, want 405", code)
	}
}

type getView struct{}

func (getView) Get(c *flagon.Ctx) error { return c.Text("GET") }

type deleteView struct{}

func (deleteView) Delete(c *flagon.Ctx) error { return c.Text("DELETE") }

// test_multiple_inheritance: methods of several embedded views.
func TestViewMultipleEmbedding(t *testing.T) {
	app := flagon.New()
	app.AddView("/", "index", struct {
		getView
		deleteView
	}{})
	cl := flagontest.NewClient(t, app)
	if cl.Get("/").Text() != "GET" || cl.Delete("/").Text() != "DELETE" {
		t.Fatal("embedded methods not dispatched")
	}
}

// A value that is no view is an error at registration.
func TestAddViewRejectsNonViews(t *testing.T) {
	app := flagon.New()
	for name, v := range map[string]any{"nil": nil, "int": 5, "no methods": struct{}{}} {
		if msg := panicMessage(func() { app.AddView("/"+strings.ReplaceAll(name, " ", ""), name, v) }); msg == "" {
			t.Errorf("%s: no panic", name)
		}
	}
}
