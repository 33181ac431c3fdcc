package reload

import (
	"os/exec"
	"syscall"
)

// setSysProcAttr makes the child receive SIGTERM when the supervisor dies.
func setSysProcAttr(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
}
