//go:build unix

package reload

import (
	"net"
	"os"
	"strconv"
	"syscall"
	"testing"
)

func TestListenerOutsideTheReloader(t *testing.T) {
	t.Setenv(EnvListenFD, "")
	os.Unsetenv(EnvListenFD)
	if IsChild() {
		t.Error("IsChild without the variable")
	}
	if ln, err := Listener(); ln != nil || err != nil {
		t.Errorf("Listener() = %v, %v", ln, err)
	}
	NotifyReady() // must do nothing
}

func TestInheritedListenerAndReady(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	f, err := ln.(*net.TCPListener).File()
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	t.Setenv(EnvListenFD, strconv.Itoa(dup(t, f)))
	got, err := Listener()
	if err != nil || got == nil || got.Addr().String() != ln.Addr().String() {
		t.Fatalf("Listener() = %v, %v", got, err)
	}
	got.Close()
	r, w, _ := os.Pipe()
	t.Setenv(EnvReadyFD, strconv.Itoa(dup(t, w)))
	w.Close()
	NotifyReady()
	buf := make([]byte, 16)
	if n, _ := r.Read(buf); string(buf[:n]) != "ready\n" {
		t.Errorf("ready pipe got %q", buf[:n])
	}
	r.Close()
}

func TestBadDescriptor(t *testing.T) {
	t.Setenv(EnvListenFD, "stdin")
	if _, err := Listener(); err == nil {
		t.Error("no error for a malformed descriptor")
	}
}

// dup duplicates f's descriptor, which the code under test then owns.
func dup(t *testing.T, f *os.File) int {
	fd, err := syscall.Dup(int(f.Fd()))
	if err != nil {
		t.Fatal(err)
	}
	return fd
}
