package flagon_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/flagon-go/flagon"
)

// TestInstancePathIgnoresWorkingDirectory: the default instance folder is
// anchored to the app (here, under go test, the folder of the source file
// calling New), so a relative SQLite path names the same file from any
// working directory.
func TestInstancePathIgnoresWorkingDirectory(t *testing.T) {
	pkgDir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	tests := []struct {
		name string
		opts []flagon.Option
		want string
	}{
		{"default", nil, filepath.Join(pkgDir, "instance")},
		{"WithRootPath", []flagon.Option{flagon.WithRootPath(root)}, filepath.Join(root, "instance")},
	}
	t.Chdir(t.TempDir())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := flagon.New(tt.opts...).InstancePath; got != tt.want {
				t.Errorf("InstancePath = %s, want %s", got, tt.want)
			}
		})
	}
}

// TestInstancePathOfABuiltProgram: a built program keeps its instance
// folder beside its executable, whatever folder it is started from.
func TestInstancePathOfABuiltProgram(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/shop\n\ngo 1.26\n\nrequire github.com/flagon-go/flagon v0.0.0\n\nreplace github.com/flagon-go/flagon => " + root + "\n",
		"main.go": "package main\n\nimport (\n\t\"fmt\"\n\n\t\"github.com/flagon-go/flagon\"\n)\n\n" +
			"func main() { fmt.Print(flagon.New().InstancePath) }\n",
	}
	sum, _ := os.ReadFile(filepath.Join(root, "go.sum"))
	files["go.sum"] = string(sum)
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(dir, "bin", "shop")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir, build.Env = dir, append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	run := exec.Command(bin)
	run.Dir = t.TempDir() // another working directory
	out, err := run.Output()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "bin", "instance"); string(out) != want {
		t.Errorf("InstancePath = %s, want %s", out, want)
	}
}
