package reload

import (
	"path/filepath"
	"regexp"
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
	root      string
	extra     map[string]bool
	extraDirs []string         // extra paths that are directories
	fnmatch   []*regexp.Regexp // the exclude patterns, as fnmatch's
}

// newFilter returns the filter of the tree at root. An extra path that
// is a directory adds the Go sources and .env files under it, as
// Werkzeug's reloader adds the Python files under an extra directory
// (a local module of a replace directive, say).
func newFilter(root string, extra, exclude []string) *filter {
	f := &filter{root: root, extra: map[string]bool{}}
	for _, pat := range exclude {
		f.fnmatch = append(f.fnmatch, fnmatchRegexp(pat))
	}
	for _, p := range extra {
		abs, err := filepath.Abs(p)
		switch {
		case err != nil:
		case isDir(abs):
			f.extraDirs = append(f.extraDirs, abs)
		default:
			f.extra[abs] = true
		}
	}
	return f
}

// kind classifies the file at path (absolute).
// The exclude patterns win over the extra files, as in Werkzeug, which
// removes the excluded paths after adding the extra files.
func (f *filter) kind(path string) changeKind {
	if f.excluded(path) {
		return ignore
	}
	if f.extra[path] {
		return restart
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

// excluded matches path against the exclude patterns, read as
// Werkzeug's fnmatch patterns ("*" crosses "/": "*/generated/*" excludes
// every file under any generated directory; "[!a]" is a negated class):
// the absolute path, as Werkzeug does, and also the name and the path
// relative to the root.
func (f *filter) excluded(path string) bool {
	rel, _ := filepath.Rel(f.root, path)
	for _, re := range f.fnmatch {
		if re.MatchString(path) || re.MatchString(filepath.Base(path)) || re.MatchString(rel) {
			return true
		}
	}
	return false
}
