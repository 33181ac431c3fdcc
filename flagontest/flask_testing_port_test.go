package flagontest_test

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/session"
	"github.com/spf13/cobra"
)

// Ports of Flask's tests/test_testing.py not covered elsewhere
// (test_environ_defaults_from_config and test_blueprint_with_subdomain are
// in scriptroot_test.go, the session transactions in session_test.go,
// test_environ_base_* in werkzeug_client_port_test.go). `with client:`
// (context preservation), EnvironBuilder objects and FlaskCliRunner
// subclasses have no Go meaning; see docs/web.md.

// urlApp answers / with request.url as Jinja sees it.
func urlApp(t *testing.T, opts ...flagon.Option) *flagon.App {
	t.Helper()
	app := flagon.New(opts...)
	app.UseJinja()
	app.Get("/", func(c *flagon.Ctx) error {
		s, err := c.RenderString("{{ request.url }}", nil)
		if err != nil {
			return err
		}
		return c.Text(s)
	})
	return app
}

// test_environ_defaults, test_specify_url_scheme, test_path_is_url: the
// client's URL defaults and their overrides.
func TestFlaskTestingRequestURL(t *testing.T) {
	tests := []struct {
		name string
		cfg  map[string]any
		path string
		opts []flagontest.Option
		want string
	}{
		{"test_environ_defaults", nil, "/", nil, "http://localhost/"},
		{"test_specify_url_scheme", nil, "/", []flagontest.Option{flagontest.URLScheme("https")}, "https://localhost/"},
		{"test_path_is_url", nil, "https://example.com/", nil, "https://example.com/"},
		{"full URL keeps its scheme over url_scheme", nil, "https://example.com/",
			[]flagontest.Option{flagontest.URLScheme("http")}, "https://example.com/"},
		{"full URL keeps APPLICATION_ROOT", map[string]any{"APPLICATION_ROOT": "/foo"}, "https://example.com/", nil,
			"https://example.com/foo/"},
		{"preferred scheme overridden", map[string]any{"PREFERRED_URL_SCHEME": "https"}, "/",
			[]flagontest.Option{flagontest.URLScheme("http")}, "http://localhost/"},
		{"subdomain option", map[string]any{"SERVER_NAME": "example.com:1234"}, "/",
			[]flagontest.Option{flagontest.Subdomain("xxx")}, "http://xxx.example.com:1234/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := flagontest.NewClient(t, urlApp(t, flagon.WithConfig(tt.cfg))).Get(tt.path, tt.opts...)
			if res.StatusCode != 200 || res.Text() != tt.want {
				t.Fatalf("got %d %q, want %q", res.StatusCode, res.Text(), tt.want)
			}
		})
	}
}

// test_redirect_keep_session: the session cookie set by one request goes
// with the redirected request of a POST.
func TestFlaskTestingRedirectKeepSession(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"SECRET_KEY": "dev"}))
	app.Route("/", func(c *flagon.Ctx) error {
		if c.Request.Method == "POST" {
			return c.Redirect("/getsession")
		}
		c.Session().Set("data", "foo")
		return c.Text("index")
	}, flagon.Methods("GET", "POST"))
	app.Get("/getsession", func(c *flagon.Ctx) error {
		v, ok := c.Session().Get("data")
		if !ok {
			return c.Text("<missing>")
		}
		return c.Text(fmt.Sprint(v))
	})
	cl := flagontest.NewClient(t, app)
	steps := []struct {
		name, method string
		path         string
		opts         []flagontest.Option
		want         string
	}{
		{"before", "GET", "/getsession", nil, "<missing>"},
		{"set", "GET", "/", nil, "index"},
		{"post followed", "POST", "/", []flagontest.Option{flagontest.Form(url.Values{}), flagontest.FollowRedirects()}, "foo"},
		{"after", "GET", "/getsession", nil, "foo"},
	}
	for _, st := range steps {
		if got := cl.Do(st.method, st.path, st.opts...).Text(); got != st.want {
			t.Fatalf("%s: got %q, want %q", st.name, got, st.want)
		}
	}
}

// test_full_url_request: a full URL sends its host, query and body.
func TestFlaskTestingFullURLRequest(t *testing.T) {
	app := flagon.New()
	app.Post("/action", func(c *flagon.Ctx) error {
		form, err := c.Form()
		if err != nil {
			return err
		}
		return c.Text(fmt.Sprint(c.Request.Host, " ", form.Has("gin"), " ", c.Args().Has("vodka")))
	})
	res := flagontest.NewClient(t, app).Post("http://domain.com/action?vodka=42", flagontest.Form(url.Values{"gin": {"43"}}))
	if res.StatusCode != 200 || res.Text() != "domain.com true true" {
		t.Fatalf("got %d %q", res.StatusCode, res.Text())
	}
}

// test_json_request_and_response and test_client_json_no_app_context: a
// JSON body reaches the view, a jsonify answer is JSON, and one request
// pops one app context.
func TestFlaskTestingJSONRequestAndResponse(t *testing.T) {
	app := flagon.New()
	var isJSON bool
	app.Post("/echo", func(c *flagon.Ctx) error {
		isJSON = c.Request.Header.Get("Content-Type") == "application/json"
		var v any
		if err := c.BindJSON(&v); err != nil {
			return err
		}
		return c.JSON(v)
	})
	app.Post("/hello", func(c *flagon.Ctx) error {
		var v struct{ Name string }
		if err := c.BindJSON(&v); err != nil {
			return err
		}
		return c.Text("Hello, " + v.Name + "!")
	})
	popped := 0
	defer flagon.AppContextPopped.ConnectFor(app, func(any, *flagon.Ctx) { popped++ })()
	cl := flagontest.NewClient(t, app)

	t.Run("test_json_request_and_response", func(t *testing.T) {
		data := map[string]any{"drink": map[string]any{"gin": 1.0, "tonic": true}, "price": 10.0}
		res := cl.Post("/echo", flagontest.JSON(data))
		var got map[string]any
		if err := res.JSON(&got); err != nil || res.StatusCode != 200 || !isJSON || !res.IsJSON() || !reflect.DeepEqual(got, data) {
			t.Fatalf("got %d %q (request JSON %v, response JSON %v, %v)", res.StatusCode, res.Body, isJSON, res.IsJSON(), err)
		}
	})
	t.Run("test_client_json_no_app_context", func(t *testing.T) {
		popped = 0
		res := cl.Post("/hello", flagontest.JSON(map[string]string{"name": "Flask"}))
		if res.Text() != "Hello, Flask!" || popped != 1 {
			t.Fatalf("got %q, %d app contexts popped", res.Text(), popped)
		}
	})
}

// test_subdomain and test_nosubdomain: a URL built by url_for with
// SERVER_NAME set is requested as is.
func TestFlaskTestingSubdomain(t *testing.T) {
	tests := []struct {
		name    string
		opts    []flagon.Option
		rule    string
		ruleOpt []flagon.RouteOption
	}{
		{"test_subdomain", []flagon.Option{flagon.WithSubdomainMatching()}, "/", []flagon.RouteOption{flagon.Subdomain("<company_id>")}},
		{"test_nosubdomain", nil, "/<company_id>", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := append([]flagon.Option{flagon.WithConfig(map[string]any{"SERVER_NAME": "example.com"})}, tt.opts...)
			app := flagon.New(opts...)
			app.Get(tt.rule, func(c *flagon.Ctx) error { return c.Text(c.Param("company_id")) },
				append(tt.ruleOpt, flagon.Endpoint("view"))...)
			u, err := app.URLFor("view", "company_id", "xxx")
			if err != nil {
				t.Fatal(err)
			}
			res := flagontest.NewClient(t, app).Get(u)
			if res.StatusCode != 200 || res.Text() != "xxx" {
				t.Fatalf("GET %s: %d %q", u, res.StatusCode, res.Text())
			}
		})
	}
}

// test_session_transaction_needs_cookies... are in session_test.go;
// test_reuse_client: one client serves several requests.
func TestFlaskTestingReuseClient(t *testing.T) {
	cl := flagontest.NewClient(t, flagon.New())
	for i := range 2 {
		if res := cl.Get("/"); res.StatusCode != 404 {
			t.Fatalf("request %d: %d, want 404", i, res.StatusCode)
		}
	}
}

// test_cli_invoke and test_cli_custom_obj: RunCLI (app.test_cli_runner()
// .invoke) runs an app command by name, getting the app from the factory
// (ScriptInfo's create_app), which it calls.
func TestFlaskTestingCLI(t *testing.T) {
	called := 0
	factory := func() (*flagon.App, error) {
		called++
		app := flagon.New()
		app.Command(&cobra.Command{Use: "hello", Run: func(cmd *cobra.Command, _ []string) {
			fmt.Fprintln(cmd.OutOrStdout(), "Hello, World!")
		}})
		return app, nil
	}
	out, _, code := flagontest.RunCLI(t, factory, "hello")
	if !strings.Contains(out, "Hello") || code != 0 {
		t.Fatalf("test_cli_invoke: got %q, exit %d", out, code)
	}
	if called == 0 {
		t.Fatal("test_cli_custom_obj: the factory was not called")
	}
}

// test_session_transactions_no_null_sessions and
// test_session_transaction_needs_cookies: without a secret key or without
// cookies the transaction fails before its function runs.
func TestFlaskTestingSessionTransactionFailsFirst(t *testing.T) {
	noJar := flagontest.NewClient(t, flagon.New(flagon.WithConfig(map[string]any{"SECRET_KEY": "dev"})))
	noJar.Jar = nil
	tests := []struct {
		name string
		cl   *flagontest.Client
		want error
	}{
		{"test_session_transactions_no_null_sessions", flagontest.NewClient(t, flagon.New()), session.ErrNoSecretKey},
		{"test_session_transaction_needs_cookies", noJar, flagontest.ErrCookiesDisabled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			called := false
			err := tt.cl.SessionTransaction(func(*session.Session) error { called = true; return nil })
			if !errors.Is(err, tt.want) || called {
				t.Fatalf("err %v (function called: %v), want %v before the function", err, called, tt.want)
			}
		})
	}
}

// test_environbuilder_json_dumps: the JSON option encodes with the app's
// JSON provider (app.json.dumps), so its settings apply.
func TestFlaskTestingJSONDumpsFromApp(t *testing.T) {
	tests := []struct {
		name     string
		provider flagon.JSONProvider
		want     string
	}{
		{"test_environbuilder_json_dumps", flagon.StdJSON{UTF8: true}, "\"\u20ac\""},
		{"default ensure_ascii", flagon.StdJSON{}, `"\u20ac"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New()
			app.JSON = tt.provider
			app.Post("/", func(c *flagon.Ctx) error {
				b, err := io.ReadAll(c.Request.Body)
				if err != nil {
					return err
				}
				return c.Text(string(b))
			})
			if got := flagontest.NewClient(t, app).Post("/", flagontest.JSON("\u20ac")).Text(); got != tt.want {
				t.Fatalf("body %q, want %q", got, tt.want)
			}
		})
	}
}

// test_client_open_environ: the client's environ_base REMOTE_ADDR
// (Client.RemoteAddr) and a request's own (the RemoteAddr option, as
// environ_overrides) set where the request comes from; the request's wins,
// through a redirect too.
func TestFlaskTestingClientOpenEnviron(t *testing.T) {
	tests := []struct {
		name, base, path string
		opts             []flagontest.Option
		want             string
	}{
		{"test_client_open_environ default", "", "/index", nil, "127.0.0.1"},
		{"test_client_open_environ environ_base", "127.0.0.2:1", "/index", nil, "127.0.0.2"},
		{"environ_overrides", "127.0.0.2:1", "/index", []flagontest.Option{flagontest.RemoteAddr("10.0.0.9:2")}, "10.0.0.9"},
		{"environ_overrides through a redirect", "", "/",
			[]flagontest.Option{flagontest.RemoteAddr("10.0.0.9:2"), flagontest.FollowRedirects()}, "10.0.0.9"},
	}
	app := flagon.New()
	app.Get("/index", func(c *flagon.Ctx) error {
		host, _, err := net.SplitHostPort(c.Request.RemoteAddr)
		if err != nil {
			return err
		}
		return c.Text(host)
	})
	app.Get("/", func(c *flagon.Ctx) error { return c.Redirect("/index") })
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cl := flagontest.NewClient(t, app)
			cl.RemoteAddr = tt.base
			if got := cl.Get(tt.path, tt.opts...).Text(); got != tt.want {
				t.Fatalf("remote address %q, want %q", got, tt.want)
			}
		})
	}
}
