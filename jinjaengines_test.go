package flagon_test

import (
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// countingFS counts the files opened in it (fs.Stat opens the file when
// the FS has no Stat method).
type countingFS struct {
	fs    fs.FS
	opens *atomic.Int64
}

func (c countingFS) Open(name string) (fs.File, error) {
	c.opens.Add(1)
	return c.fs.Open(name)
}

// mixedApp has an html/template app folder and a Jinja blueprint folder.
func mixedApp(appFS, bpFS fs.FS, debug bool) *flagon.App {
	app := flagon.New(flagon.WithConfig(map[string]any{"DEBUG": debug}),
		flagon.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	app.TemplateFS = appFS
	bp := flagon.NewBlueprint("legacy", "/legacy")
	bp.TemplateFS = bpFS
	bp.UseJinja()
	app.Get("/<path:name>", func(c *flagon.Ctx) error {
		if err := c.Render(c.Param("name"), map[string]any{"name": "x"}); err != nil {
			return c.Text("error: " + err.Error())
		}
		return nil
	})
	app.RegisterBlueprint(bp)
	return app
}

// TestMixedEnginesLookUpEachNameOnce: once a name has been rendered, an
// app mixing engines (without auto-reload) renders it again without
// looking in its template folders.
func TestMixedEnginesLookUpEachNameOnce(t *testing.T) {
	var opens atomic.Int64
	appFS := countingFS{fstest.MapFS{"page.html": {Data: []byte(`go {{ .name }}`)}}, &opens}
	bpFS := countingFS{fstest.MapFS{"legacy/page.html": {Data: []byte(`jinja {{ name|upper }}`)}}, &opens}
	c := flagontest.NewClient(t, mixedApp(appFS, bpFS, false))
	for _, tt := range []struct{ name, path, want string }{
		{"html/template folder", "/page.html", "go x"},
		{"Jinja folder", "/legacy/page.html", "jinja X"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.Get(tt.path).Text(); got != tt.want {
				t.Fatalf("first render %q, want %q", got, tt.want)
			}
			before := opens.Load()
			for i := 0; i < 3; i++ {
				if got := c.Get(tt.path).Text(); got != tt.want {
					t.Fatalf("render %d: %q, want %q", i+2, got, tt.want)
				}
			}
			if n := opens.Load() - before; n != 0 {
				t.Errorf("later renders opened %d files in the template folders, want 0", n)
			}
		})
	}
}

// TestMixedEnginesSeeNewFiles: a file added after a render is found (Jinja
// keeps no missing template), and with auto-reload (debug mode) a new file
// in an earlier folder takes over a name another engine rendered.
func TestMixedEnginesSeeNewFiles(t *testing.T) {
	for _, tt := range []struct {
		name       string
		debug      bool
		file       string
		before     string
		wantBefore string
		want       string
	}{
		{"debug mode finds a new Jinja file after a miss", true, "new.html", "new.html", "not found", "jinja X"},
		{"without auto-reload a missing name is not cached", false, "new.html", "new.html", "not found", "jinja X"},
		{"debug mode sees a Jinja file shadowing an html/template one", true, "page.html", "page.html", "go x", "jinja X"},
		{"without auto-reload the engine found first is kept", false, "page.html", "page.html", "go x", "go x"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "other.html"), []byte("other"), 0o644); err != nil {
				t.Fatal(err)
			}
			// The Jinja folder is the app's (searched first), the
			// html/template one a blueprint's.
			app := flagon.New(flagon.WithConfig(map[string]any{"DEBUG": tt.debug}),
				flagon.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
			app.TemplateFS = os.DirFS(dir)
			app.UseJinja()
			bp := flagon.NewBlueprint("go", "/go")
			bp.TemplateFS = fstest.MapFS{"page.html": {Data: []byte(`go {{ .name }}`)}}
			app.Get("/<path:name>", func(c *flagon.Ctx) error {
				if err := c.Render(c.Param("name"), map[string]any{"name": "x"}); err != nil {
					return c.Text("error: " + err.Error())
				}
				return nil
			})
			app.RegisterBlueprint(bp)
			c := flagontest.NewClient(t, app)
			if got := c.Get("/" + tt.before).Text(); !strings.Contains(got, tt.wantBefore) {
				t.Fatalf("before: got %q, want %q", got, tt.wantBefore)
			}
			if err := os.WriteFile(filepath.Join(dir, tt.file), []byte("jinja {{ name|upper }}"), 0o644); err != nil {
				t.Fatal(err)
			}
			if got := c.Get("/" + tt.before).Text(); got != tt.want {
				t.Errorf("after the new file: got %q, want %q", got, tt.want)
			}
		})
	}
}
