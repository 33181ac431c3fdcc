package reload

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// brokenModule writes a main package that does not compile.
func brokenModule(t *testing.T) string {
	dir := t.TempDir()
	writeTestFile(t, filepath.Join(dir, "go.mod"), "module example.com/broken\n\ngo 1.26\n")
	writeTestFile(t, filepath.Join(dir, "main.go"), "package main\n\nfunc main() { undefinedCall() }\n")
	return dir
}

func TestSupervisorBuildOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go build")
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		want    []string
		notWant []string
	}{
		{"compile error shows the compiler's output", context.Background(),
			[]string{" * Build failed; the last good server keeps running:\n", "main.go:3:15: undefined: undefinedCall"}, nil},
		{"Ctrl-C during a rebuild is not a bare Build failed", cancelled,
			[]string{" * Build interrupted ("}, []string{"Build failed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			tmp := t.TempDir()
			s := &supervisor{o: Options{Stderr: &stderr}, dir: brokenModule(t), tmp: tmp,
				statusPath: filepath.Join(tmp, "status.json")}
			if s.build(tt.ctx) {
				t.Fatal("build succeeded")
			}
			out := stderr.String()
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output %q lacks %q", out, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(out, w) {
					t.Errorf("output %q has %q", out, w)
				}
			}
		})
	}
}

func TestBuildInterruptedBySignal(t *testing.T) {
	killed := exec.Command("sh", "-c", "kill -INT $$").Run()
	failed := exec.Command("sh", "-c", "exit 1").Run()
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"killed by SIGINT", &BuildError{Err: killed}, true},
		{"exit status 1", &BuildError{Err: failed, Output: "x.go:1: error"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := buildInterrupted(context.Background(), tt.err); got != tt.want {
				t.Errorf("buildInterrupted(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
	if got := buildOutput(&BuildError{Err: failed}); got != "go build failed: exit status 1" {
		t.Errorf("buildOutput without output = %q", got)
	}
}
