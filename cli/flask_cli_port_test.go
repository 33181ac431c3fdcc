package cli_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/cli"
	"github.com/flagon-go/flagon/config"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/spf13/cobra"
)

// Ports of the parts of Flask tests/test_cli.py with a Go meaning: the
// routes command (TestRoutes), .env/.flagonenv loading and usage errors.
// App discovery (--app, find_best_app, ScriptInfo) has no equivalent: the
// program is the app.

// routesPortApp is TestRoutes' app fixture, with a static folder.
func routesPortApp() (*flagon.App, error) {
	app := flagon.New(flagon.WithStaticFS(fstest.MapFS{"a.css": {Data: []byte("a{}")}}))
	noop := func(c *flagon.Ctx) error { return nil }
	app.Route("/get_post/<int:x>/<int:y>", noop, flagon.Methods("GET", "POST"), flagon.Endpoint("yyy_get_post"))
	app.Post("/zzz_post", noop, flagon.Endpoint("aaa_post"))
	return app, nil
}

// expectOrder is TestRoutes.expect_order: after the header, each row
// starts with the expected endpoint.
func expectOrder(t *testing.T, order []string, output string) {
	t.Helper()
	lines := strings.Split(output, "\n")[2:]
	for i, want := range order {
		if i >= len(lines) || !strings.HasPrefix(lines[i], want) {
			t.Errorf("row %d: want %q first\n%s", i, want, output)
			return
		}
	}
}

func TestRoutesPort(t *testing.T) {
	invoke := func(t *testing.T, args ...string) string {
		t.Helper()
		out, errOut, code := flagontest.RunCLI(t, routesPortApp, append([]string{"routes"}, args...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		return out
	}
	t.Run("test_simple", func(t *testing.T) {
		expectOrder(t, []string{"aaa_post", "static", "yyy_get_post"}, invoke(t))
	})
	t.Run("test_sort", func(t *testing.T) {
		if def, ep := invoke(t), invoke(t, "-s", "endpoint"); def != ep {
			t.Errorf("default:\n%s\nendpoint:\n%s", def, ep)
		}
		expectOrder(t, []string{"static", "yyy_get_post", "aaa_post"}, invoke(t, "-s", "methods"))
		expectOrder(t, []string{"yyy_get_post", "static", "aaa_post"}, invoke(t, "-s", "rule"))
		// Flask's match_order, [r.endpoint for r in app.url_map.iter_rules()]:
		// the static route is registered in the app's constructor, first.
		expectOrder(t, []string{"static", "yyy_get_post", "aaa_post"}, invoke(t, "-s", "match"))
	})
	t.Run("test_all_methods", func(t *testing.T) {
		if strings.Contains(invoke(t), "GET, HEAD, OPTIONS, POST") {
			t.Error("HEAD and OPTIONS shown by default")
		}
		if !strings.Contains(invoke(t, "--all-methods"), "GET, HEAD, OPTIONS, POST") {
			t.Error("--all-methods does not show them")
		}
	})
}

func TestRoutesDomainPort(t *testing.T) {
	noop := func(c *flagon.Ctx) error { return nil }
	cases := []struct {
		name, header string
		factory      cli.Factory
	}{
		{"test_no_routes", "No routes were registered.", func() (*flagon.App, error) { return flagon.New(), nil }},
		{"test_subdomain", "Subdomain", func() (*flagon.App, error) {
			app := flagon.New(flagon.WithSubdomainMatching())
			app.Get("/a", noop, flagon.Subdomain("a"), flagon.Endpoint("a"))
			app.Get("/b", noop, flagon.Subdomain("b"), flagon.Endpoint("b"))
			return app, nil
		}},
		{"test_host", "Host", func() (*flagon.App, error) {
			app := flagon.New(flagon.WithHostMatching(""))
			app.Get("/a", noop, flagon.Host("a"), flagon.Endpoint("a"))
			app.Get("/b", noop, flagon.Host("b"), flagon.Endpoint("b"))
			return app, nil
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := flagontest.RunCLI(t, tc.factory, "routes")
			if code != 0 || !strings.Contains(out, tc.header) {
				t.Errorf("exit %d, %q\n%s", code, errOut, out)
			}
		})
	}
	// Flask's sort "domain" sorts by that column.
	out, _, _ := flagontest.RunCLI(t, cases[1].factory, "routes", "-s", "domain")
	if rows := strings.Split(out, "\n"); len(rows) < 4 || !strings.HasPrefix(rows[2], "a ") || !strings.HasPrefix(rows[3], "b ") {
		t.Errorf("sort by domain:\n%s", out)
	}
}

// flaskTestApps writes Flask's tests/test_apps/.env and .flaskenv (named
// .flagonenv here) to a new directory.
func flaskTestApps(t *testing.T) string {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".env":       "FOO=env\nSPAM=1\nEGGS=2\nHAM=火腿\n",
		".flagonenv": "FOO=flaskenv\nBAR=bar\nEGGS=0\n",
	})
	return dir
}

// unsetForTest unsets names for the test, restoring them after.
func unsetForTest(t *testing.T, names ...string) {
	for _, n := range names {
		t.Setenv(n, "")
		os.Unsetenv(n)
	}
}

func TestLoadDotenv(t *testing.T) {
	dir := flaskTestApps(t)
	unsetForTest(t, "FOO", "BAR", "SPAM", "HAM")
	t.Setenv("EGGS", "3")
	t.Chdir(dir)
	if paths, err := config.LoadDotenv(""); err != nil || len(paths) != 2 {
		t.Fatalf("LoadDotenv = %v, %v", paths, err)
	}
	if wd, _ := os.Getwd(); wd != dir {
		t.Errorf("working directory changed to %s", wd)
	}
	want := map[string]string{"FOO": "env", "BAR": "bar", "SPAM": "1", "EGGS": "3", "HAM": "火腿"}
	for k, v := range want {
		if got := os.Getenv(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	if _, err := config.LoadDotenvFiles("non-existent-file"); err == nil {
		t.Error("a missing file loaded")
	}
}

func TestDotenvPath(t *testing.T) {
	dir := flaskTestApps(t)
	unsetForTest(t, "FOO", "BAR", "EGGS")
	if _, err := config.LoadDotenvFiles(filepath.Join(dir, ".flagonenv")); err != nil {
		t.Fatal(err)
	}
	if os.Getenv("FOO") != "flaskenv" {
		t.Errorf("FOO = %q", os.Getenv("FOO"))
	}
}

func TestDisableDotenvFromEnv(t *testing.T) {
	t.Chdir(flaskTestApps(t))
	unsetForTest(t, "FOO")
	t.Setenv("FLAGON_SKIP_DOTENV", "1")
	flagontest.RunCLI(t, routesPortApp, "routes")
	if v, ok := os.LookupEnv("FOO"); ok {
		t.Errorf("FOO = %q", v)
	}
}

// An -e file that does not exist (or is a directory) is a usage error,
// exit 2, as click.Path(exists=True, dir_okay=False); a comma is part of
// the file name.
func TestEnvFileUsageErrors(t *testing.T) {
	dir := flaskTestApps(t)
	writeFiles(t, dir, map[string]string{"a,b.env": "COMMA=1\n"})
	unsetForTest(t, "COMMA")
	cases := []struct {
		name, file string
		code       int
		stderr     string
	}{
		{"missing", filepath.Join(dir, "missing.env"), cli.ExitUsage, "does not exist"},
		{"directory", dir, cli.ExitUsage, "is a directory"},
		{"comma in name", filepath.Join(dir, "a,b.env"), 0, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, code := flagontest.RunCLI(t, routesPortApp, "-e", tc.file, "routes")
			if code != tc.code || !strings.Contains(errOut, tc.stderr) {
				t.Errorf("exit %d, stderr %q", code, errOut)
			}
		})
	}
}

// test_run_cert_path and test_run_cert_adhoc: --cert and --key are
// checked before the server starts; an existing file in either order
// passes (here it then fails to load, exit 1, as it is no certificate).
func TestRunCertPort(t *testing.T) {
	file := filepath.Join(t.TempDir(), "port_test.py")
	writeFiles(t, filepath.Dir(file), map[string]string{"port_test.py": "not a certificate"})
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"test_run_cert_path/no key", []string{"--cert", file}, cli.ExitUsage, "required"},
		{"test_run_cert_path/no cert", []string{"--key", file}, cli.ExitUsage, "must also be specified"},
		{"test_run_cert_path/cert first", []string{"--cert", file, "--key", file}, 1, "loading the TLS certificate"},
		{"test_run_cert_path/key first", []string{"--key", file, "--cert", file}, 1, "loading the TLS certificate"},
		{"test_run_cert_adhoc/no key with adhoc", []string{"--cert", "adhoc", "--key", file}, cli.ExitUsage, "not used"},
		{"test_run_cert_import/not a file", []string{"--cert", "not_here"}, cli.ExitUsage, "does not exist"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"run", "-p", "0", "--no-reload"}, tc.args...)
			_, errOut, code := flagontest.RunCLI(t, routesPortApp, args...)
			if code != tc.code || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errOut, tc.code, tc.want)
			}
		})
	}
}

// test_help_echo_exception and test_no_command_echo_loading_error: when
// the factory fails, the error goes to stderr; --help still prints the
// usage (exit 0), as do the help command and shell-completion requests,
// and an unknown command is a usage error (exit 2).
func TestLoadingErrorPort(t *testing.T) {
	failing := func() (*flagon.App, error) { return nil, errors.New("oh no") }
	cases := []struct {
		name      string
		args      []string
		code      int
		stdout    string
		stderrHas []string
	}{
		{"test_help_echo_exception", []string{"--help"}, 0, "Usage:", []string{"oh no"}},
		{"test_no_command_echo_loading_error", []string{"missing"}, cli.ExitUsage, "", []string{"oh no", `unknown command "missing"`}},
		{"command needing the app", []string{"routes"}, cli.ExitError, "", []string{"oh no"}},
		{"help command", []string{"help"}, 0, "Usage:", []string{"oh no"}},
		{"help for a built-in command", []string{"help", "routes"}, 0, "routes", []string{"oh no"}},
		{"shell completion request", []string{"__complete", "rou"}, 0, "routes", []string{"oh no"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := flagontest.RunCLI(t, failing, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.stdout) {
				t.Errorf("exit %d, stdout %q", code, out)
			}
			for _, want := range tc.stderrHas {
				if !strings.Contains(errOut, want) {
					t.Errorf("stderr %q lacks %q", errOut, want)
				}
			}
		})
	}
}

// test_flaskgroup_debug, with flagon's documented difference: DEBUG set by
// the factory is kept when neither --debug/--no-debug nor FLAGON_DEBUG is
// given (Flask resets it to FLASK_DEBUG, false when unset); the flag and
// the variable still win.
func TestFlaskgroupDebug(t *testing.T) {
	factory := func() (*flagon.App, error) {
		app := flagon.New(flagon.WithConfig(map[string]any{"DEBUG": true}))
		app.Command(&cobra.Command{Use: "test", RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintln(cmd.OutOrStdout(), cli.App(cmd).Debug())
			return nil
		}})
		return app, nil
	}
	cases := []struct {
		name string
		env  string
		args []string
		want string
	}{
		{"unset keeps the factory's", "", []string{"test"}, "true\n"},
		{"--no-debug", "", []string{"--no-debug", "test"}, "false\n"},
		{"FLAGON_DEBUG=0", "0", []string{"test"}, "false\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			unsetForTest(t, "FLAGON_DEBUG")
			if tc.env != "" {
				t.Setenv("FLAGON_DEBUG", tc.env)
			}
			if out, errOut, code := flagontest.RunCLI(t, factory, tc.args...); code != 0 || out != tc.want {
				t.Errorf("exit %d, %q, %q; want %q", code, out, errOut, tc.want)
			}
		})
	}
}

// The routes table with a subdomain column is byte for byte what
// `flask routes` prints for the same app (Flask 3.1).
func TestRoutesMatchFlaskOutput(t *testing.T) {
	factory := func() (*flagon.App, error) {
		app, _ := routesPortApp()
		app.Get("/a", func(c *flagon.Ctx) error { return nil }, flagon.Subdomain("api"), flagon.Endpoint("a"))
		return app, nil
	}
	want := "" +
		"Endpoint      Methods    Subdomain  Rule                     \n" +
		"------------  ---------  ---------  -------------------------\n" +
		"a             GET        api        /a                       \n" +
		"aaa_post      POST                  /zzz_post                \n" +
		"static        GET                   /static/<path:filename>  \n" +
		"yyy_get_post  GET, POST             /get_post/<int:x>/<int:y>\n"
	if out, errOut, code := flagontest.RunCLI(t, factory, "routes"); code != 0 || out != want {
		t.Errorf("exit %d, %q\n%s\nwant\n%s", code, errOut, out, want)
	}
}
