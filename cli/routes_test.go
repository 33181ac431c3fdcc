package cli_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/cli"
	"github.com/flagon-go/flagon/flagontest"
)

// column returns the first word of each table row after the header.
func column(out string, col int) []string {
	var cells []string
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n")[2:] {
		fields := strings.Split(line, "  ")
		var nonEmpty []string
		for _, f := range fields {
			if f = strings.TrimSpace(f); f != "" {
				nonEmpty = append(nonEmpty, f)
			}
		}
		cells = append(cells, nonEmpty[col])
	}
	return cells
}

func TestRoutesSorts(t *testing.T) {
	tests := []struct {
		name string
		args []string
		col  int
		want []string
	}{
		{"default sorts by endpoint", nil, 0, []string{"admin.delete_user", "boom", "index", "item"}},
		{"endpoint", []string{"--sort", "endpoint"}, 0, []string{"admin.delete_user", "boom", "index", "item"}},
		{"rule", []string{"-s", "rule"}, 2, []string{"/", "/admin/users/<name>", "/boom", "/items/<int:id>"}},
		{"methods", []string{"--sort", "methods"}, 1, []string{"DELETE", "GET", "GET", "GET, POST"}},
		{"match keeps registration order", []string{"--sort", "match"}, 0, []string{"index", "item", "boom", "admin.delete_user"}},
		{"all methods", []string{"--all-methods", "-s", "rule"}, 1,
			[]string{"GET, HEAD, OPTIONS", "DELETE, OPTIONS", "GET, HEAD, OPTIONS", "GET, HEAD, OPTIONS, POST"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := flagontest.RunCLI(t, newApp, append([]string{"routes"}, tt.args...)...)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			got := column(out, tt.col)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("column %d = %q, want %q\n%s", tt.col, got, tt.want, out)
			}
		})
	}
}

func TestRoutesTableFormat(t *testing.T) {
	app := flagon.New()
	app.Get("/", func(c *flagon.Ctx) error { return nil }, flagon.Endpoint("index"))
	app.Post("/static-file/<path:name>", func(c *flagon.Ctx) error { return nil }, flagon.Endpoint("upload"))
	var buf bytes.Buffer
	cli.WriteRoutes(&buf, app.URLMap().Rules(), "endpoint", false)
	want := "" +
		"Endpoint  Methods  Rule                    \n" +
		"--------  -------  ------------------------\n" +
		"index     GET      /                       \n" +
		"upload    POST     /static-file/<path:name>\n"
	if buf.String() != want {
		t.Errorf("table:\n%q\nwant\n%q", buf.String(), want)
	}
}

func TestRoutesEmptyAndBadSort(t *testing.T) {
	empty := func() (*flagon.App, error) { return flagon.New(), nil }
	out, _, code := flagontest.RunCLI(t, empty, "routes")
	if code != 0 || out != "No routes were registered.\n" {
		t.Errorf("empty app: exit %d, %q", code, out)
	}
	_, errOut, code := flagontest.RunCLI(t, newApp, "routes", "--sort", "size")
	if code != cli.ExitUsage || !strings.Contains(errOut, `"size" is not one of 'endpoint', 'methods', 'domain', 'rule', 'match'`) {
		t.Errorf("bad sort: exit %d, %q", code, errOut)
	}
}

func TestRoutesListStaticFiles(t *testing.T) {
	factory := func() (*flagon.App, error) {
		app := flagon.New(flagon.WithStaticFS(fstest.MapFS{"app.css": {Data: []byte("body{}")}}))
		app.Get("/", func(c *flagon.Ctx) error { return nil }, flagon.Endpoint("index"))
		return app, nil
	}
	out, _, code := flagontest.RunCLI(t, factory, "routes")
	if code != 0 || !strings.Contains(out, "static") || !strings.Contains(out, "/static/<path:filename>") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	// flask routes -s match: Flask registers the static route in the
	// app's constructor, so it comes before the app's own rules.
	out, _, code = flagontest.RunCLI(t, factory, "routes", "-s", "match")
	if got := column(out, 0); code != 0 || strings.Join(got, "|") != "static|index" {
		t.Errorf("-s match: exit %d, endpoints %q\n%s", code, got, out)
	}
}
