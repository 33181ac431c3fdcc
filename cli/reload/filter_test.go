package reload

import (
	"path/filepath"
	"testing"
)

func TestFilterKinds(t *testing.T) {
	root := "/src/app"
	f := newFilter(root, []string{"/etc/app/settings.toml"}, []string{"*_gen.go", "scratch/*"})
	tests := []struct {
		path string
		want changeKind
	}{
		{"/src/app/main.go", rebuild},
		{"/src/app/internal/db/db.go", rebuild},
		{"/src/app/go.mod", rebuild},
		{"/src/app/go.sum", rebuild},
		{"/src/app/main_test.go", ignore},
		{"/src/app/.env", restart},
		{"/src/app/.flagonenv", restart},
		{"/etc/app/settings.toml", restart},
		{"/src/app/templates/index.html", ignore},
		{"/src/app/static/app.css", ignore},
		{"/src/app/models_gen.go", ignore},
		{"/src/app/scratch/try.go", ignore},
		{"/src/app/README.md", ignore},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			if got := f.kind(tt.path); got != tt.want {
				t.Errorf("kind(%s) = %d, want %d", tt.path, got, tt.want)
			}
		})
	}
}

func TestFilterSkipDirs(t *testing.T) {
	f := newFilter("/src/app", nil, []string{"generated"})
	tests := map[string]bool{
		"/src/app":                   false,
		"/src/app/internal":          false,
		"/src/app/.git":              true,
		"/src/app/node_modules":      true,
		"/src/app/vendor":            true,
		"/src/app/internal/testdata": true,
		"/src/app/_build":            true,
		"/src/app/generated":         true,
	}
	for dir, want := range tests {
		if got := f.skipDir(dir); got != want {
			t.Errorf("skipDir(%s) = %v, want %v", dir, got, want)
		}
	}
}
