package reload

import (
	"io"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"time"
)

// stopTimeout is how long a stopped child may drain before it is killed.
const stopTimeout = 15 * time.Second

// child is one server process.
type child struct {
	cmd    *exec.Cmd
	ready  chan struct{} // closed when the child serves
	exited chan struct{} // closed once it has exited; err is then set
	err    error
	tail   *tail
	once   sync.Once
}

// spawn starts exe with the listening socket as descriptor 3 and the
// readiness pipe as descriptor 4.
func spawn(exe string, o Options, lnFile *os.File, statusPath string) (*child, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	c := &child{ready: make(chan struct{}), exited: make(chan struct{}), tail: &tail{max: 8 << 10}}
	c.cmd = exec.Command(exe, o.Args...)
	c.cmd.Env = append(os.Environ(), EnvListenFD+"=3", EnvReadyFD+"=4", EnvStatus+"="+statusPath)
	c.cmd.ExtraFiles = []*os.File{lnFile, w}
	c.cmd.Stdout = o.Stdout
	c.cmd.Stderr = io.MultiWriter(o.Stderr, c.tail)
	c.cmd.WaitDelay = pipeDelay
	setSysProcAttr(c.cmd)
	err = c.cmd.Start()
	_ = w.Close()
	if err != nil {
		_ = r.Close()
		return nil, err
	}
	go c.awaitReady(r)
	go func() { c.err = c.cmd.Wait(); close(c.exited) }()
	return c, nil
}

// awaitReady closes c.ready when the child writes to the pipe; a child
// that exits first closes the pipe without writing.
func (c *child) awaitReady(r *os.File) {
	defer r.Close()
	buf := make([]byte, 16)
	if n, _ := r.Read(buf); n > 0 {
		close(c.ready)
	}
}

// stop asks the child to drain and exit (SIGTERM), kills it after
// stopTimeout, and waits for it.
func (c *child) stop() {
	c.once.Do(func() {
		_ = c.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-c.exited:
		case <-time.After(stopTimeout):
			_ = c.cmd.Process.Kill()
			<-c.exited
		}
	})
}

// tail keeps the last max bytes written to it.
type tail struct {
	mu  sync.Mutex
	buf []byte
	max int
}

// Write keeps the end of p.
func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if over := len(t.buf) - t.max; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
	return len(p), nil
}

// String returns what was kept.
func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}
