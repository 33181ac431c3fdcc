package jinjarender

import (
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/fortunes"
	"github.com/flagon-go/flagon/jinja"
)

// loadPage is the fortunes page of the Flask benchmark app, in flagon's
// Jinja engine configured as flagon configures it for an app (autoescape
// by extension, as Flask), with its data.
func loadPage(tb testing.TB) (*jinja.Template, map[string]any) {
	tb.Helper()
	env := &jinja.Environment{Loader: os.DirFS("../flask/templates")}
	page, err := env.GetTemplate("fortunes.html")
	if err != nil {
		tb.Fatal(err)
	}
	return page, map[string]any{"fortunes": fortunes.Sorted()}
}

// TestPageMatchesJinja2: flagon-jinja's page is byte-identical to the one
// jinja2_render.py renders with Python's Jinja2, so the two timings are of
// the same work.
func TestPageMatchesJinja2(t *testing.T) {
	out, err := exec.Command("/usr/bin/python3", "jinja2_render.py", "--page").Output()
	if err != nil {
		t.Skipf("python3 with jinja2 not available: %v", err)
	}
	page, data := loadPage(t)
	var got strings.Builder
	if err := page.Execute(&got, data); err != nil {
		t.Fatal(err)
	}
	if got.String() != string(out) {
		t.Fatalf("pages differ:\nflagon-jinja: %s\njinja2:       %s", got.String(), out)
	}
}

// BenchmarkRender renders the fortunes page with flagon's Jinja engine,
// the work jinja2_render.py times with Jinja2.
func BenchmarkRender(b *testing.B) {
	page, data := loadPage(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := page.Execute(io.Discard, data); err != nil {
			b.Fatal(err)
		}
	}
}
