package flagontest

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flagon-go/flagon/cli"
)

// RunCLI runs the app's command line with args, as `flask` in Flask's
// CliRunner, and returns what it printed and its exit status. The
// factory is called as cli.Main would call it, after the dotenv files are
// loaded. Environment variables the command sets (dotenv files, --debug)
// are undone when it returns, so tests that use RunCLI must not run in
// parallel.
func RunCLI(t testing.TB, factory cli.Factory, args ...string) (stdout, stderr string, exitCode int) {
	t.Helper()
	restore := saveEnv()
	defer restore()
	var out, errOut bytes.Buffer
	code := cli.Execute(context.Background(), factory, args, &out, &errOut)
	return out.String(), errOut.String(), code
}

// CLIProcess is a command line started by StartCLI, typically `run`.
type CLIProcess struct {
	cancel  context.CancelFunc
	done    chan struct{}
	code    int
	stdout  syncBuffer
	stderr  syncBuffer
	restore func()
	once    sync.Once
}

// StartCLI starts the command line in the background, e.g. `run -p 0`;
// Stop (called at the end of the test anyway) cancels it as SIGINT would
// and returns its output. As with RunCLI, the environment is restored
// after it stops.
func StartCLI(t testing.TB, factory cli.Factory, args ...string) *CLIProcess {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	p := &CLIProcess{cancel: cancel, done: make(chan struct{}), restore: saveEnv()}
	go func() {
		defer close(p.done)
		p.code = cli.Execute(ctx, factory, args, &p.stdout, &p.stderr)
	}()
	t.Cleanup(func() { p.Stop() })
	return p
}

// runningOn finds the URL `run` prints.
var runningOn = regexp.MustCompile(`Running on (https?://\S+)`)

// URL waits up to timeout for the "Running on" line and returns its URL,
// or "" when the command ended or the time ran out.
func (p *CLIProcess) URL(timeout time.Duration) string {
	var url string
	p.WaitFor(func(out string) bool {
		if m := runningOn.FindStringSubmatch(out); m != nil {
			url = m[1]
			return true
		}
		return false
	}, timeout)
	return url
}

// WaitOutput waits up to timeout for substr to appear on stdout or
// stderr, and reports whether it did.
func (p *CLIProcess) WaitOutput(substr string, timeout time.Duration) bool {
	return p.WaitFor(func(out string) bool { return strings.Contains(out, substr) }, timeout)
}

// WaitFor waits up to timeout until cond holds for the output so far
// (stdout then stderr).
func (p *CLIProcess) WaitFor(cond func(output string) bool, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for {
		if cond(p.stdout.String() + p.stderr.String()) {
			return true
		}
		select {
		case <-p.done:
			return cond(p.stdout.String() + p.stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return false
		}
	}
}

// Stop cancels the command, waits for it and returns its output and exit
// status. Later calls return the same.
func (p *CLIProcess) Stop() (stdout, stderr string, exitCode int) {
	p.once.Do(func() {
		p.cancel()
		<-p.done
		p.restore()
	})
	return p.stdout.String(), p.stderr.String(), p.code
}

// syncBuffer is a bytes.Buffer safe for a writer and readers.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write appends p.
func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String returns everything written.
func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// saveEnv snapshots the environment and returns a function restoring it.
func saveEnv() func() {
	saved := os.Environ()
	return func() {
		os.Clearenv()
		for _, kv := range saved {
			if k, v, ok := strings.Cut(kv, "="); ok {
				_ = os.Setenv(k, v)
			}
		}
	}
}
