//go:build unix

package reload_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// buildTimeout bounds one `go build` of the small program on a busy
// machine.
const buildTimeout = 3 * time.Minute

// smallProgram is a flagon program whose answer lives in message.go.
var smallProgram = map[string]string{
	"main.go": `package main

import (
	"errors"
	"os"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/cli"
)

func main() { cli.Main(create) }

func create() (*flagon.App, error) {
	if _, err := os.Stat("fail-factory"); err == nil {
		return nil, errors.New("factory disabled")
	}
	app := flagon.New()
	app.Get("/", func(c *flagon.Ctx) error { return c.Text(message) })
	app.Get("/crash", func(c *flagon.Ctx) error { os.Exit(3); return nil })
	return app, nil
}
`,
	"message.go":          "package main\n\nconst message = \"v1\"\n",
	"templates/page.html": "<p>hello</p>\n",
	"settings.toml":       "level = 1\n",
}

// syncBuffer collects a process's output.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// repoRoot is the flagon module's directory.
func repoRoot(t *testing.T) string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		t.Fatalf("go list -m: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// writeModule writes the small program as its own module that uses the
// working tree of flagon.
func writeModule(t *testing.T, dir, root string) {
	files := map[string]string{
		"go.mod": "module example.com/small\n\ngo 1.26\n\nrequire github.com/flagon-go/flagon v0.0.0\n\n" +
			"replace github.com/flagon-go/flagon => " + root + "\n",
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	files["go.sum"] = string(sum)
	for k, v := range smallProgram {
		files[k] = v
	}
	for name, content := range files {
		writeFile(t, filepath.Join(dir, name), content)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// goEnv is the environment of the builds: module mode that may update
// go.mod, the shared module cache, no network.
func goEnv() []string {
	return append(os.Environ(), "GOFLAGS=-mod=mod -buildvcs=false", "FLAGON_DEBUG_PIN=off")
}

// waitFor polls cond until it holds or timeout passes.
func waitFor(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if cond() {
			return true
		}
		time.Sleep(50 * time.Millisecond)
	}
	return cond()
}

// fetch returns the status and body of GET url, with an Accept header
// when given; each request uses a new connection.
func fetch(url, accept string) (int, string, error) {
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), err
}

// hammer requests url until stop is closed and records every failure.
func hammer(url string, stop <-chan struct{}, failures *[]error, mu *sync.Mutex, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		select {
		case <-stop:
			return
		case <-time.After(10 * time.Millisecond):
		}
		if _, _, err := fetch(url, ""); err != nil {
			mu.Lock()
			*failures = append(*failures, err)
			mu.Unlock()
		}
	}
}

// program is a running supervisor and its output.
type program struct {
	proc   *exec.Cmd
	output *syncBuffer
	exited chan error
	url    string
}

// startProgram starts cmd (the supervisor) in its own process group and
// waits for its "Running on" line.
func startProgram(t *testing.T, cmd *exec.Cmd) *program {
	p := &program{proc: cmd, output: &syncBuffer{}, exited: make(chan error, 1)}
	cmd.Stdout, cmd.Stderr = p.output, p.output
	cmd.WaitDelay = 5 * time.Second // a background go process may keep the pipe
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-p.exited
		p.exited <- nil
	})
	ok := waitFor(buildTimeout, func() bool {
		m := regexp.MustCompile(`Running on (http://\S+)`).FindStringSubmatch(p.output.String())
		if m != nil {
			p.url = m[1]
		}
		return m != nil
	})
	if !ok {
		t.Fatalf("the supervisor did not start:\n%s", p.output.String())
	}
	if !strings.Contains(p.output.String(), "Restarting with fsnotify") {
		t.Errorf("no reloader banner:\n%s", p.output.String())
	}
	return p
}

// expect waits until the server answers want.
func (p *program) expect(t *testing.T, want string, timeout time.Duration) {
	t.Helper()
	ok := waitFor(timeout, func() bool {
		_, body, err := fetch(p.url+"/", "")
		return err == nil && body == want
	})
	if !ok {
		t.Fatalf("never answered %q:\n%s", want, p.output.String())
	}
}

// interrupt sends SIGINT to the process group, as Ctrl-C does, and
// checks that everything stops. `go run` exits 1 after an interrupt
// whatever its program returns, so goRun accepts that.
func (p *program) interrupt(t *testing.T, goRun bool) {
	_ = syscall.Kill(-p.proc.Process.Pid, syscall.SIGINT)
	select {
	case err := <-p.exited:
		p.exited <- err
		if errors.Is(err, exec.ErrWaitDelay) {
			err = nil
		}
		if err != nil && !(goRun && p.proc.ProcessState.ExitCode() == 1) {
			t.Errorf("supervisor exit: %v\n%s", err, p.output.String())
		}
	case <-time.After(30 * time.Second):
		_ = syscall.Kill(-p.proc.Process.Pid, syscall.SIGQUIT) // goroutine dumps
		time.Sleep(time.Second)
		t.Errorf("the supervisor did not stop on SIGINT:\n%s", p.output.String())
	}
	if _, _, err := fetch(p.url+"/", ""); err == nil {
		t.Error("a server still answers after the supervisor stopped")
	}
}

// newModule writes the small program and returns its directory.
func newModule(t *testing.T) string {
	if testing.Short() {
		t.Skip("builds a program several times; skipped with -short")
	}
	dir := t.TempDir()
	writeModule(t, dir, repoRoot(t))
	return dir
}

// buildSmall builds the small program in dir.
func buildSmall(t *testing.T, dir string) string {
	bin := filepath.Join(t.TempDir(), "small")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir, build.Env = dir, goEnv()
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the small program: %v\n%s", err, out)
	}
	return bin
}

func TestReloaderSurvivesAFailingFactory(t *testing.T) {
	dir := newModule(t)
	bin := buildSmall(t, dir)
	writeFile(t, filepath.Join(dir, "fail-factory"), "")
	cmd := exec.Command(bin, "--debug", "run", "-p", "0")
	cmd.Dir, cmd.Env = dir, goEnv()
	p := startProgram(t, cmd)
	code, body, err := fetch(p.url+"/", "")
	if err != nil || code != 503 || !strings.Contains(body, "creating the app: factory disabled") {
		t.Errorf("while the factory fails: %d %v %q", code, err, body)
	}
	_ = os.Remove(filepath.Join(dir, "fail-factory"))
	writeFile(t, filepath.Join(dir, ".env"), "SMALL_TOUCHED=1\n")
	p.expect(t, "v1", 30*time.Second)
	p.interrupt(t, false)
}

func TestReloaderRebuildsWithoutRefusingConnections(t *testing.T) {
	dir := newModule(t)
	bin := buildSmall(t, dir)
	cmd := exec.Command(bin, "--debug", "run", "-p", "0", "--extra-files", "settings.toml",
		"--exclude-patterns", "*_gen.go")
	cmd.Dir, cmd.Env = dir, goEnv()
	p := startProgram(t, cmd)
	p.expect(t, "v1", 10*time.Second)
	url, output := p.url, p.output

	stop := make(chan struct{})
	var failures []error
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go hammer(url+"/", stop, &failures, &mu, &wg)
	}

	t.Run("template and excluded changes do not restart", func(t *testing.T) {
		before := strings.Count(output.String(), "Detected change")
		writeFile(t, filepath.Join(dir, "templates", "page.html"), "<p>changed</p>\n")
		writeFile(t, filepath.Join(dir, "ignored_gen.go"), "package main\n")
		time.Sleep(time.Second)
		_ = os.Remove(filepath.Join(dir, "ignored_gen.go"))
		if after := strings.Count(output.String(), "Detected change"); after != before {
			t.Errorf("a template change restarted the server:\n%s", output.String())
		}
	})

	t.Run("extra file restarts without a rebuild", func(t *testing.T) {
		writeFile(t, filepath.Join(dir, "settings.toml"), "level = 2\n")
		if !waitFor(30*time.Second, func() bool { return strings.Contains(output.String(), "Restarted") }) {
			t.Fatalf("no restart:\n%s", output.String())
		}
		if !strings.Contains(output.String(), "Detected change in 'settings.toml'") {
			t.Errorf("change not reported:\n%s", output.String())
		}
		p.expect(t, "v1", 10*time.Second)
	})

	close(stop) // the crash below refuses nothing but fails requests
	wg.Wait()
	if len(failures) > 0 {
		t.Fatalf("%d requests failed during restarts, first: %v", len(failures), failures[0])
	}

	t.Run("a crashed server leaves an explanation", func(t *testing.T) {
		_, _, _ = fetch(url+"/crash", "")
		if !waitFor(10*time.Second, func() bool { return strings.Contains(output.String(), "the server exited (exit status 3)") }) {
			t.Fatalf("crash not reported:\n%s", output.String())
		}
		code, body, err := fetch(url+"/", "")
		if err != nil || code != 503 || !strings.Contains(body, "The server is not running") {
			t.Errorf("fallback page: %d %v %q", code, err, body)
		}
	})

	stop = make(chan struct{})
	for range 4 {
		wg.Add(1)
		go hammer(url+"/", stop, &failures, &mu, &wg)
	}

	t.Run("source change rebuilds and restarts", func(t *testing.T) {
		writeFile(t, filepath.Join(dir, "message.go"), "package main\n\nconst message = \"v2\"\n")
		p.expect(t, "v2", buildTimeout)
	})

	t.Run("broken build keeps the last good server", func(t *testing.T) {
		writeFile(t, filepath.Join(dir, "message.go"), "package main\n\nconst message = notDefined\n")
		if !waitFor(buildTimeout, func() bool { return strings.Contains(output.String(), "Build failed") }) {
			t.Fatalf("no build failure reported:\n%s", output.String())
		}
		if !strings.Contains(output.String(), "undefined: notDefined") {
			t.Errorf("the terminal lacks the compiler error:\n%s", output.String())
		}
		if code, body, err := fetch(url+"/", ""); err != nil || code != 200 || body != "v2" {
			t.Errorf("last good server: %d %q %v", code, body, err)
		}
		code, page, err := fetch(url+"/", "text/html")
		if err != nil || code != 500 || !strings.Contains(page, "undefined: notDefined") ||
			!strings.Contains(page, `<span class="line current"><span class=n>3</span>const message = notDefined</span>`) {
			t.Errorf("build error page: %d %v\n%s", code, err, page)
		}
	})

	t.Run("fixing the build recovers", func(t *testing.T) {
		writeFile(t, filepath.Join(dir, "message.go"), "package main\n\nconst message = \"v3\"\n")
		p.expect(t, "v3", buildTimeout)
		// The old server drains a few milliseconds after the new one
		// serves, so an answer from it is still possible at first.
		ok := waitFor(5*time.Second, func() bool {
			code, body, _ := fetch(url+"/", "text/html")
			return code == 200 && body == "v3"
		})
		if !ok {
			code, body, _ := fetch(url+"/", "text/html")
			t.Errorf("browser after the fix: %d %q", code, body)
		}
	})

	close(stop)
	wg.Wait()
	if len(failures) > 0 {
		t.Errorf("%d requests failed during restarts, first: %v", len(failures), failures[0])
	}
	p.interrupt(t, false)
	if strings.Contains(output.String(), "Error:") {
		t.Errorf("errors in the output:\n%s", output.String())
	}
}

func TestReloaderUnderGoRun(t *testing.T) {
	dir := newModule(t)
	cmd := exec.Command("go", "run", ".", "--debug", "run", "-p", "0")
	cmd.Dir, cmd.Env = dir, goEnv()
	p := startProgram(t, cmd)
	p.expect(t, "v1", 10*time.Second)
	writeFile(t, filepath.Join(dir, "message.go"), "package main\n\nconst message = \"v2\"\n")
	p.expect(t, "v2", buildTimeout)
	p.interrupt(t, true)
}
