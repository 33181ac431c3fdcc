package debugpage_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/cli/debugpage"
	"github.com/flagon-go/flagon/flagontest"
)

func TestParseBuildErrors(t *testing.T) {
	dir := t.TempDir()
	src := "package main\n\nfunc main() {\n\tundefinedThing()\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out := "# example.com/app\n./main.go:4:2: undefined: undefinedThing\n" + filepath.Join(dir, "main.go") + ":5:1: another\nnote: module requires Go 1.26\n"
	errs := debugpage.ParseBuildErrors(dir, out)
	if len(errs) != 2 {
		t.Fatalf("%d errors: %+v", len(errs), errs)
	}
	e := errs[0]
	if e.File != filepath.Join(dir, "main.go") || e.Line != 4 || e.Col != 2 || e.Message != "undefined: undefinedThing" {
		t.Errorf("first error %+v", e)
	}
	if len(e.Source) != 5 || e.Source[3].Text != "\tundefinedThing()" || !e.Source[3].Current {
		t.Errorf("source %+v", e.Source)
	}
}

func TestServeBuildErrors(t *testing.T) {
	dir := t.TempDir()
	_ = os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n\nvar x = y\n"), 0o644)
	failed := true
	status := func() (string, string, bool) { return dir, "./main.go:3:9: undefined: y\n", failed }
	tests := []struct {
		name   string
		debug  bool
		failed bool
		path   string
		accept string
		host   string
		page   bool
	}{
		{"browser sees the errors", true, true, "/ok", "text/html,*/*", "localhost", true},
		{"API client gets the last good build", true, true, "/ok", "application/json", "localhost", false},
		{"explicit page", true, true, "/__flagon__/build", "", "localhost", true},
		{"good build", true, false, "/ok", "text/html", "localhost", false},
		{"debug off", false, true, "/ok", "text/html", "localhost", false},
		{"untrusted host", true, true, "/ok", "text/html", "example.com", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app, _ := newApp(tt.debug, debugpage.Options{})
			debugpage.ServeBuildErrors(app, status)
			failed = tt.failed
			r := clientFor(t, app, tt.host).Get(tt.path, flagontest.Header("Accept", tt.accept))
			shown := strings.Contains(r.Text(), "Build failed") && strings.Contains(r.Text(), "undefined: y")
			if shown != tt.page {
				t.Errorf("build page shown %v, want %v (%d)", shown, tt.page, r.StatusCode)
			}
			if tt.page && (r.StatusCode != 500 || !strings.Contains(r.Text(), `<span class="line current"><span class=n>3</span>var x = y</span>`)) {
				t.Errorf("status %d or source line missing", r.StatusCode)
			}
			if !tt.page && tt.path == "/ok" && r.Text() != "fine" {
				t.Errorf("the app did not answer: %q", r.Text())
			}
		})
	}
}
