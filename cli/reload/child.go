package reload

import (
	"fmt"
	"net"
	"os"
	"strconv"
)

// Environment variables the supervisor gives each child.
const (
	// EnvListenFD is the descriptor of the inherited listening socket.
	EnvListenFD = "FLAGON_LISTEN_FD"
	// EnvReadyFD is the descriptor the child writes to once it serves.
	EnvReadyFD = "FLAGON_READY_FD"
	// EnvStatus is the path of the build status file.
	EnvStatus = "FLAGON_BUILD_STATUS"
)

// IsChild reports whether this process runs under the supervisor.
func IsChild() bool {
	_, ok := os.LookupEnv(EnvListenFD)
	return ok
}

// Listener returns the listening socket inherited from the supervisor,
// or nil outside the reloader.
func Listener() (net.Listener, error) {
	f, err := inheritedFile(EnvListenFD, "listener")
	if f == nil || err != nil {
		return nil, err
	}
	defer f.Close()
	ln, err := net.FileListener(f)
	if err != nil {
		return nil, fmt.Errorf("reload: inherited listener: %w", err)
	}
	return ln, nil
}

// NotifyReady tells the supervisor that this child serves, so it can stop
// the previous one. It does nothing outside the reloader, and only the
// first call counts.
func NotifyReady() {
	f, err := inheritedFile(EnvReadyFD, "ready")
	if f == nil || err != nil {
		return
	}
	_ = os.Unsetenv(EnvReadyFD)
	_, _ = f.WriteString("ready\n")
	_ = f.Close()
}

// inheritedFile opens the descriptor named by the environment variable.
func inheritedFile(env, name string) (*os.File, error) {
	v, ok := os.LookupEnv(env)
	if !ok {
		return nil, nil
	}
	fd, err := strconv.Atoi(v)
	if err != nil || fd < 3 {
		return nil, fmt.Errorf("reload: %s=%q is not an inherited descriptor", env, v)
	}
	return os.NewFile(uintptr(fd), name), nil
}
