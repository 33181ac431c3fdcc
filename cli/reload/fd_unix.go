//go:build unix

package reload

import (
	"fmt"
	"net"
	"os"
	"syscall"
)

// listenerFile duplicates the listener's socket into the *os.File that
// children inherit, and closes the listener.
//
// It does not use TCPListener.File: that file's Fd method, which os/exec
// calls on ExtraFiles, puts the descriptor in blocking mode, and the mode
// is shared by every process holding the socket. A blocking socket leaves
// a server's goroutine stuck in accept(2), where closing the listener
// cannot reach it. os.NewFile on a non-blocking descriptor returns a file
// whose Fd leaves the mode alone.
func listenerFile(ln net.Listener) (*os.File, error) {
	sc, ok := ln.(syscall.Conn)
	if !ok {
		return nil, fmt.Errorf("reload: a %T cannot be passed to a child process", ln)
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return nil, err
	}
	dup, derr := -1, error(nil)
	err = rc.Control(func(fd uintptr) {
		syscall.ForkLock.RLock()
		defer syscall.ForkLock.RUnlock()
		if dup, derr = syscall.Dup(int(fd)); derr == nil {
			syscall.CloseOnExec(dup)
		}
	})
	if err == nil {
		err = derr
	}
	if err != nil {
		return nil, fmt.Errorf("reload: duplicating the listener: %w", err)
	}
	_ = ln.Close()
	return os.NewFile(uintptr(dup), "listener"), nil
}
