package flagon_test

import (
	"os"
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
