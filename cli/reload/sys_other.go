//go:build !linux

package reload

import "os/exec"

// setSysProcAttr does nothing where the parent's death cannot be signalled.
func setSysProcAttr(*exec.Cmd) {}
