package doccheck

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"
)

// checkout is the flagon module's folder (this file is in internal/doccheck).
func checkout(t *testing.T) string {
	_, file, _, _ := runtime.Caller(0)
	root, err := filepath.Abs(filepath.Join(filepath.Dir(file), "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// TestQuickstart follows docs/quickstart.md in a temporary folder: it
// writes the files the page shows, runs its commands (go get becomes a
// replace to this checkout; go run . builds once), serves the app and
// runs its test. It builds programs, so it runs when
// FLAGON_QUICKSTART_TEST=1 (as .ci/run does).
func TestQuickstart(t *testing.T) {
	if os.Getenv("FLAGON_QUICKSTART_TEST") != "1" {
		t.Skip("set FLAGON_QUICKSTART_TEST=1 to follow the quickstart (builds an app)")
	}
	root := checkout(t)
	page, err := os.ReadFile(filepath.Join(root, "docs", "quickstart.md"))
	if err != nil {
		t.Fatal(err)
	}
	q := &quickstart{t: t, root: root, dir: t.TempDir()}
	outputs := map[string]string{} // by command line
	for _, b := range blocks(string(page)) {
		switch {
		case b.file != "":
			q.write(b.file, b.text)
		case b.lang == "sh":
			for _, cmd := range commands(b.text) {
				outputs[cmd] = q.run(cmd)
			}
		case b.lang == "" && strings.Contains(b.after, "prints:"):
			checkPrinted(t, b, outputs)
		}
	}
	if q.steps < 6 {
		t.Fatalf("followed %d commands; the page's sh blocks were not found", q.steps)
	}
}

var backticked = regexp.MustCompile("`([^`]+)`")

// checkPrinted checks a block shown as what "`command` prints:" against
// the output of the command line that contains that command.
func checkPrinted(t *testing.T, b block, outputs map[string]string) {
	t.Helper()
	m := backticked.FindStringSubmatch(b.after)
	if m == nil {
		t.Fatalf("%q names no command", b.after)
	}
	found := false
	for cmd, out := range outputs {
		if !strings.Contains(cmd, m[1]) {
			continue
		}
		found = true
		for _, line := range strings.Split(strings.TrimSpace(b.text), "\n") {
			if !strings.Contains(out, strings.TrimSpace(line)) {
				t.Errorf("the page says %s prints %q; it printed:\n%s", cmd, line, out)
			}
		}
	}
	if !found {
		t.Errorf("%q: no command of the page runs %s", b.after, m[1])
	}
}

// commands returns the command lines of an sh block, without comments.
func commands(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// quickstart is the state of the walk: the folder and the built app.
type quickstart struct {
	t     *testing.T
	root  string
	dir   string
	app   string
	steps int
}

func (q *quickstart) write(name, text string) {
	path := filepath.Join(q.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		q.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		q.t.Fatal(err)
	}
	q.app = "" // sources changed: go run rebuilds
}

// run runs one command of the page and returns its output.
func (q *quickstart) run(line string) string {
	q.t.Helper()
	q.steps++
	args := strings.Fields(line)
	switch {
	case strings.HasPrefix(line, "mkdir "): // the temporary folder is the app's
		return ""
	case strings.HasPrefix(line, "go get github.com/flagon-go/flagon"):
		return q.exec("go", "mod", "edit", "-require=github.com/flagon-go/flagon@v0.0.0",
			"-replace=github.com/flagon-go/flagon="+q.root)
	case len(args) >= 3 && args[0] == "go" && args[1] == "run" && args[2] == ".":
		return q.runApp(args[3:])
	}
	return q.exec(args[0], args[1:]...)
}

// runApp is `go run . args`: the app is built once per version of the
// sources; `run` is served on a free port and visited.
func (q *quickstart) runApp(args []string) string {
	if q.app == "" {
		q.app = filepath.Join(q.dir, "app.bin")
		q.exec("go", "build", "-o", q.app, ".")
	}
	if len(args) > 0 && args[0] == "run" {
		return q.serve(args)
	}
	return q.exec(q.app, args...)
}

var runningOn = regexp.MustCompile(`Running on (http://\S+)`)

// serve starts `run -p 0`, checks the page and the JSON, and stops it.
func (q *quickstart) serve(args []string) string {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, q.app, append(args, "-p", "0")...)
	cmd.Dir = q.dir
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		q.t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Signal(os.Interrupt); _ = cmd.Wait() }()
	url := ""
	sc := bufio.NewScanner(stderr)
	for url == "" && sc.Scan() {
		if m := runningOn.FindStringSubmatch(sc.Text()); m != nil {
			url = m[1]
		}
	}
	go func() { _, _ = io.Copy(io.Discard, stderr) }()
	if url == "" {
		q.t.Fatal("`run` printed no Running on line")
	}
	for path, want := range map[string]string{"/": "<li>Ada</li>", "/api/greetings": `"name":"Ada"`} {
		resp, err := http.Get(url + path)
		if err != nil {
			q.t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), want) {
			q.t.Errorf("GET %s = %d, want 200 with %q:\n%s", path, resp.StatusCode, want, body)
		}
	}
	return ""
}

// exec runs a command in the app's folder, failing the test when it fails.
func (q *quickstart) exec(name string, args ...string) string {
	q.t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = q.dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		q.t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}
