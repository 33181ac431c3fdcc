//go:build unix

package reload

import (
	"net"
	"os"
	"os/exec"
	"syscall"
	"testing"
)

// nonblocking reads O_NONBLOCK of f's open file description.
func nonblocking(t *testing.T, f *os.File) bool {
	rc, err := f.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var flags uintptr
	_ = rc.Control(func(fd uintptr) {
		flags, _, _ = syscall.Syscall(syscall.SYS_FCNTL, fd, syscall.F_GETFL, 0)
	})
	return flags&syscall.O_NONBLOCK != 0
}

// TestListenerFileStaysNonBlocking guards against the socket turning
// blocking when it is handed to a child (see listenerFile).
func TestListenerFileStaysNonBlocking(t *testing.T) {
	truePath, err := exec.LookPath("true")
	if err != nil {
		t.Skip("no true(1)")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f, err := listenerFile(ln)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cmd := exec.Command(truePath)
	cmd.ExtraFiles = []*os.File{f}
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	if !nonblocking(t, f) {
		t.Error("starting a child made the shared socket blocking")
	}
	fl, err := net.FileListener(f)
	if err != nil {
		t.Fatal(err)
	}
	fl.Close()
	if !nonblocking(t, f) {
		t.Error("net.FileListener left the shared socket blocking")
	}
}
