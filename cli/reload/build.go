package reload

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"
)

// pipeDelay bounds the wait for a finished process's output: a
// background process it started (the go command's telemetry, say) may
// hold the pipe open.
const pipeDelay = 2 * time.Second

// MainPackageDir finds the directory of the running program's main
// package: the package path recorded in the build info, located with
// `go list` from the working directory. That works for a binary built
// with `go build` and for `go run .` (whose binary lives in go-build's
// temporary directory). It falls back to the working directory.
func MainPackageDir(ctx context.Context) string {
	wd, _ := os.Getwd()
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Path == "" || bi.Path == "command-line-arguments" || strings.HasSuffix(bi.Path, ".test") {
		return wd
	}
	cmd := exec.CommandContext(ctx, "go", "list", "-f", "{{.Dir}}", bi.Path)
	cmd.Dir, cmd.WaitDelay = wd, pipeDelay
	out, err := cmd.Output()
	if dir := strings.TrimSpace(string(out)); err == nil && dir != "" {
		return dir
	}
	return wd
}

// moduleRoot returns the directory of the go.mod above dir, or dir.
func moduleRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// BuildError is a failed `go build`, with the compiler's output.
type BuildError struct {
	// Output is what go build printed.
	Output string
	// Err is the process error.
	Err error
}

// Error implements error.
func (e *BuildError) Error() string { return "go build failed: " + e.Err.Error() }

// Unwrap returns the process error.
func (e *BuildError) Unwrap() error { return e.Err }

// Build runs `go build -o out` in the main package directory dir.
func Build(ctx context.Context, dir, out string) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, ".")
	cmd.Dir, cmd.WaitDelay = dir, pipeDelay
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Run(); err != nil && !errors.Is(err, exec.ErrWaitDelay) {
		var ee *exec.ExitError
		if errors.As(err, &ee) || buf.Len() > 0 {
			return &BuildError{Output: buf.String(), Err: err}
		}
		return err
	}
	return nil
}
