package reload

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Options configure Supervise.
type Options struct {
	// Listener is the socket the children serve; the supervisor owns it.
	Listener net.Listener
	// Args are the program's arguments, given to every child.
	Args []string
	// Stdout and Stderr receive the children's output and the
	// supervisor's messages (Stderr).
	Stdout, Stderr io.Writer
	// ExtraFiles restart the server when they change.
	ExtraFiles []string
	// Exclude holds glob patterns of files and directories to ignore.
	Exclude []string
	// Dir is the main package's directory; MainPackageDir finds it when
	// empty.
	Dir string
	// Executable is the first child's binary; os.Executable when empty.
	Executable string
	// Debounce is how long changes must stop before a reload (200ms).
	Debounce time.Duration
	// Poll watches by polling instead of fsnotify (also when
	// FLAGON_RELOADER_POLL is set).
	Poll bool
	// Started is called once the first child serves, with the watch mode.
	Started func(mode string)
}

// Supervise runs the program as a child serving on o.Listener and
// restarts it on changes until ctx is done. It returns when the last
// child has exited.
func Supervise(ctx context.Context, o Options) error {
	s, err := newSupervisor(ctx, o)
	if err != nil {
		return err
	}
	defer s.cleanup()
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	raw, batches := make(chan string, 64), make(chan []string)
	f := newFilter(moduleRoot(s.dir), o.ExtraFiles, o.Exclude)
	mode := watch(wctx, f, o.Poll || os.Getenv("FLAGON_RELOADER_POLL") != "", raw)
	go debounce(wctx, raw, s.o.Debounce, batches)
	s.restart(ctx)
	if s.o.Started != nil {
		s.o.Started(mode)
	}
	return s.loop(ctx, batches)
}

// readyTimeout is how long a new child may take to start serving.
const readyTimeout = 2 * time.Minute

// supervisor is Supervise's state; only its loop goroutine touches it.
type supervisor struct {
	o          Options
	lnFile     *os.File
	tmp        string
	statusPath string
	dir        string
	exe        string
	builds     int
	cur        *child
	fallback   *fallback
}

func newSupervisor(ctx context.Context, o Options) (*supervisor, error) {
	if o.Debounce <= 0 {
		o.Debounce = 200 * time.Millisecond
	}
	lnFile, err := listenerFile(o.Listener)
	if err != nil {
		return nil, err
	}
	s := &supervisor{o: o, lnFile: lnFile, dir: o.Dir, exe: o.Executable}
	if s.tmp, err = os.MkdirTemp("", "flagon-reload-"); err != nil {
		return nil, err
	}
	s.statusPath = filepath.Join(s.tmp, "status.json")
	if s.dir == "" {
		s.dir = MainPackageDir(ctx)
	}
	if s.exe == "" {
		s.exe, err = os.Executable()
	}
	return s, err
}

// loop reacts to changes, a dying child and the end of ctx.
func (s *supervisor) loop(ctx context.Context, batches <-chan []string) error {
	for {
		var exited <-chan struct{}
		if s.cur != nil {
			exited = s.cur.exited
		}
		select {
		case <-ctx.Done():
			if s.cur != nil {
				s.cur.stop()
			}
			return nil
		case batch := <-batches:
			s.handle(ctx, batch)
		case <-exited:
			s.childDied()
		}
	}
}

// handle rebuilds when Go files changed, then restarts.
func (s *supervisor) handle(ctx context.Context, batch []string) {
	f := newFilter(moduleRoot(s.dir), s.o.ExtraFiles, nil)
	needBuild := false
	for _, p := range batch {
		needBuild = needBuild || f.kind(p) == rebuild
	}
	s.logf(" * Detected change in %s, reloading", s.names(batch))
	if needBuild && !s.build(ctx) {
		return
	}
	s.restart(ctx)
}

// build compiles the program into the temporary directory; on failure
// it prints the compiler's output (or why there is none) and the status
// file records it.
func (s *supervisor) build(ctx context.Context) bool {
	s.builds++
	out := filepath.Join(s.tmp, fmt.Sprintf("app-%d", s.builds))
	err := Build(ctx, s.dir, out)
	if err == nil {
		s.exe = out
		return true
	}
	if buildInterrupted(ctx, err) {
		s.logf(" * Build interrupted (%v); the last good server keeps running", err)
		return false
	}
	output := buildOutput(err)
	s.logf(" * Build failed; the last good server keeps running:\n%s", output)
	s.setStatus(false, output)
	return false
}

// buildInterrupted reports whether go build stopped because the
// supervisor is stopping or a signal (Ctrl-C reaches the whole process
// group) killed it, rather than because the code does not compile.
func buildInterrupted(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return true
	}
	var ee *exec.ExitError
	return errors.As(err, &ee) && ee.ExitCode() == -1
}

// buildOutput is what to show for a failed build: the compiler's output,
// or the error itself when go build printed nothing.
func buildOutput(err error) string {
	var be *BuildError
	if errors.As(err, &be) {
		if out := strings.TrimRight(be.Output, "\n"); out != "" {
			return out
		}
	}
	return err.Error()
}

// restart starts a child and, once it serves, stops the previous one.
func (s *supervisor) restart(ctx context.Context) {
	next, err := spawn(s.exe, s.o, s.lnFile, s.statusPath)
	if err != nil {
		s.logf(" * Cannot start the server: %v", err)
		return
	}
	select {
	case <-next.ready:
	case <-next.exited:
		msg := fmt.Sprintf("the new server exited before serving (%v)", next.err)
		s.logf(" * %s; the previous one keeps running", msg)
		s.setStatus(false, msg+"\n\n"+next.tail.String())
		s.ensureServing(msg + "\n\n" + next.tail.String())
		return
	case <-time.After(readyTimeout):
		msg := fmt.Sprintf("the new server did not start serving within %v", readyTimeout)
		s.logf(" * %s; it was stopped and the previous one keeps running", msg)
		s.setStatus(false, msg+"\n\n"+next.tail.String())
		next.stop()
		s.ensureServing(msg)
		return
	case <-ctx.Done():
		next.stop()
		return
	}
	s.setStatus(true, "")
	s.stopFallback()
	if old := s.cur; old != nil {
		s.logf(" * Restarted: the new server is serving")
		go old.stop()
	}
	s.cur = next
	s.prune()
}

// prune removes the binaries of earlier builds; a draining child keeps
// running from its unlinked binary.
func (s *supervisor) prune() {
	old, _ := filepath.Glob(filepath.Join(s.tmp, "app-*"))
	for _, p := range old {
		if p != s.exe {
			_ = os.Remove(p)
		}
	}
}

// childDied handles a child that exited while it was the current one.
func (s *supervisor) childDied() {
	c := s.cur
	s.cur = nil
	msg := fmt.Sprintf("the server exited (%v)", c.err)
	s.logf(" * %s; save a file to restart it", msg)
	s.ensureServing(msg + "\n\n" + c.tail.String())
}

// ensureServing answers requests itself while no child does.
func (s *supervisor) ensureServing(msg string) {
	if s.cur != nil || s.fallback != nil {
		return
	}
	fb, err := startFallback(s.lnFile, msg)
	if err != nil {
		s.logf(" * %v", err)
		return
	}
	s.fallback = fb
}

func (s *supervisor) stopFallback() {
	if s.fallback != nil {
		s.fallback.stop()
		s.fallback = nil
	}
}

func (s *supervisor) setStatus(ok bool, output string) {
	st := Status{OK: ok, Dir: s.dir, Output: output, Time: time.Now()}
	if err := writeStatus(s.statusPath, st); err != nil {
		s.logf(" * Cannot write the build status: %v", err)
	}
}

func (s *supervisor) cleanup() {
	s.stopFallback()
	_ = s.lnFile.Close()
	_ = os.RemoveAll(s.tmp)
}

// names lists changed files relative to the package directory.
func (s *supervisor) names(paths []string) string {
	q := make([]string, len(paths))
	for i, p := range paths {
		if rel, err := filepath.Rel(s.dir, p); err == nil && !strings.HasPrefix(rel, "..") {
			p = rel
		}
		q[i] = "'" + p + "'"
	}
	return strings.Join(q, ", ")
}

func (s *supervisor) logf(format string, args ...any) {
	fmt.Fprintf(s.o.Stderr, format+"\n", args...)
}
