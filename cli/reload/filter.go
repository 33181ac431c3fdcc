package reload

import (
	"path/filepath"
	"strings"
)

// Change kinds: what a changed file asks of the supervisor.
type changeKind int

const (
	ignore  changeKind = iota
	restart            // restart with the current binary (.env, extra files)
	rebuild            // rebuild, then restart (Go sources, go.mod)
)

// filter decides which files matter.
type filter struct {
	root    string
	extra   map[string]bool
	exclude []string
}

func newFilter(root string, extra, exclude []string) *filter {
	f := &filter{root: root, extra: map[string]bool{}, exclude: exclude}
	for _, p := range extra {
		if abs, err := filepath.Abs(p); err == nil {
			f.extra[abs] = true
		}
	}
	return f
}

// kind classifies the file at path (absolute).
func (f *filter) kind(path string) changeKind {
	if f.extra[path] {
		return restart
	}
	if f.excluded(path) {
		return ignore
	}
	base := filepath.Base(path)
	switch {
	case strings.HasSuffix(base, "_test.go"):
		return ignore
	case strings.HasSuffix(base, ".go"), base == "go.mod", base == "go.sum", base == "go.work":
		return rebuild
	case base == ".env", base == ".flagonenv":
		return restart
	}
	return ignore // templates and static files reload without a restart
}

// skipDir reports whether a directory is not watched: hidden, vendored,
// test data, node_modules, or excluded.
func (f *filter) skipDir(path string) bool {
	base := filepath.Base(path)
	if path != f.root && (strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_")) {
		return true
	}
	switch base {
	case "node_modules", "vendor", "testdata":
		return true
	}
	return f.excluded(path)
}

// excluded matches path against the exclude patterns: its name, its path
// relative to the root, or the absolute path.
func (f *filter) excluded(path string) bool {
	rel, _ := filepath.Rel(f.root, path)
	for _, pat := range f.exclude {
		for _, s := range []string{filepath.Base(path), rel, path} {
			if ok, _ := filepath.Match(pat, s); ok {
				return true
			}
		}
	}
	return false
}
