package cli_test

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// TestPanicStackPrintedAsLines: the terminal log of `run` prints a
// panic's stack as lines below the error record, as Flask's log prints
// a traceback, not as one quoted value full of \n and \t.
func TestPanicStackPrintedAsLines(t *testing.T) {
	p, url := start(t, "run", "-p", "0", "--no-reload", "--no-debugger")
	if code, _ := get(t, http.DefaultClient, url+"/boom"); code != 500 {
		t.Fatalf("GET /boom = %d, want 500", code)
	}
	p.WaitOutput("status=500", 5*time.Second)
	_, errOut, _ := p.Stop()
	if strings.Contains(errOut, `stack="`) || strings.Contains(errOut, `\n\t`) {
		t.Errorf("the stack is one escaped value:\n%s", errOut)
	}
	want := regexp.MustCompile(`(?m)ERROR request failed method=GET path=/boom error=panic: kaboom\n` +
		`goroutine \d+ \[running\]:\n(.+\n\t.+\.go:\d+.*\n)+`)
	if !want.MatchString(errOut) {
		t.Errorf("no stack as lines after the error record:\n%s", errOut)
	}
}

// TestMissingTemplatesReportedAtStart: `run` warns at start-up when the
// app has no templates folder, not at the first render.
func TestMissingTemplatesReportedAtStart(t *testing.T) {
	withTemplates := t.TempDir()
	if err := os.Mkdir(filepath.Join(withTemplates, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	without := t.TempDir()
	tests := []struct {
		name string
		root string
		want bool
	}{
		{"no templates folder", without, true},
		{"templates folder", withTemplates, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			factory := func() (*flagon.App, error) {
				app := flagon.New(flagon.WithRootPath(tt.root))
				app.Get("/", func(c *flagon.Ctx) error { return c.Text("home") })
				return app, nil
			}
			p := flagontest.StartCLI(t, factory, "run", "-p", "0", "--no-reload")
			if p.URL(startTimeout) == "" {
				_, errOut, code := p.Stop()
				t.Fatalf("not serving (exit %d):\n%s", code, errOut)
			}
			_, errOut, _ := p.Stop()
			want := "WARN  no templates folder: " + filepath.Join(tt.root, "templates") + " does not exist"
			if got := strings.Contains(errOut, want); got != tt.want {
				t.Errorf("warning shown = %v, want %v:\n%s", got, tt.want, errOut)
			}
		})
	}
}
