package reload

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMainPackageDirInATest(t *testing.T) {
	wd, _ := os.Getwd()
	if got := MainPackageDir(context.Background()); got != wd {
		t.Errorf("MainPackageDir() = %q, want the working directory %q", got, wd)
	}
}

func TestModuleRoot(t *testing.T) {
	root := t.TempDir()
	writeTestFile(t, filepath.Join(root, "go.mod"), "module x\n")
	deep := filepath.Join(root, "cmd", "app")
	_ = os.MkdirAll(deep, 0o755)
	if got := moduleRoot(deep); got != root {
		t.Errorf("moduleRoot = %q, want %q", got, root)
	}
	lone := t.TempDir()
	if got := moduleRoot(lone); got != lone && !strings.HasPrefix(lone, got) {
		t.Errorf("moduleRoot without go.mod = %q", got)
	}
}

func TestBuildError(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go build")
	}
	dir := t.TempDir()
	writeTestFile(t, filepath.Join(dir, "go.mod"), "module example.com/broken\n\ngo 1.26\n")
	writeTestFile(t, filepath.Join(dir, "main.go"), "package main\n\nfunc main() { undefinedCall() }\n")
	err := Build(context.Background(), dir, filepath.Join(t.TempDir(), "out"))
	var be *BuildError
	if !errors.As(err, &be) || !strings.Contains(be.Output, "main.go:3:15: undefined: undefinedCall") {
		t.Fatalf("Build error %v", err)
	}
}
