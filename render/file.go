package render

import (
	"io/fs"
	"slices"
	"strings"
	"text/template"
	"text/template/parse"
	"time"
)

// A stamp identifies one version of a file for AutoReload.
type stamp struct {
	mod  time.Time
	size int64
}

// same reports whether a and b identify the same version.
func (a stamp) same(b stamp) bool {
	return a.size == b.size && a.mod.Equal(b.mod)
}

// A ref is a {{template "name"}} call found in a file.
type ref struct {
	name string
	line int
}

// A file is one template source, parsed once and shared by every page that
// uses it. Its trees are never executed: pages clone them.
type file struct {
	name   string // template name, e.g. "products/list.html"
	root   int    // index of the root it was read from; -1 for strings
	path   string // shown in errors, e.g. "templates/products/list.html"
	stamp  stamp
	trees  []*parse.Tree // the file's top-level tree and its defines
	parent string        // the template named by {{extends}}, or ""
	line   int           // the line of {{extends}}
	refs   []ref
	err    error // parse error; the other fields are then unset
}

// defines reports the template names the file defines.
func (f *file) defines() []string {
	names := make([]string, len(f.trees))
	for i, t := range f.trees {
		names[i] = t.Name
	}
	return names
}

// parseFile parses src as the template name; parse errors are kept in f.err.
func (s *Set) parseFile(name, path, src string) *file {
	f := &file{name: name, root: -1, path: path}
	left, right := s.opts.delims()
	t := template.New(name).Delims(left, right).Funcs(template.FuncMap(s.parseFuncs))
	if _, err := t.Parse(src); err != nil {
		f.err = parseError(err, name, func(string) string { return path })
		return f
	}
	for _, x := range t.Templates() {
		if x.Tree != nil && x.Tree.Root != nil {
			f.trees = append(f.trees, x.Tree)
		}
	}
	slices.SortFunc(f.trees, func(a, b *parse.Tree) int { return strings.Compare(a.Name, b.Name) })
	f.err = s.inspect(f)
	return f
}

// inspect finds the file's parent and its template calls.
func (s *Set) inspect(f *file) error {
	for _, t := range f.trees {
		parent, line, err := findExtends(t, t.Name == f.name)
		if err != nil {
			return &Error{Path: f.path, Line: line, Msg: err.Error()}
		}
		if parent != "" {
			f.parent, f.line = parent, line
		}
		f.refs = append(f.refs, findRefs(t)...)
	}
	return nil
}

// readFile reads and parses the template name from root i.
func (s *Set) readFile(i int, name string) *file {
	fsys := s.opts.Roots[i].FS
	path := s.opts.rootName(i) + "/" + name
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return &file{name: name, root: i, path: path, err: &Error{Path: path, Msg: err.Error(), Err: err}}
	}
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return &file{name: name, root: i, path: path, err: &Error{Path: path, Msg: err.Error(), Err: err}}
	}
	f := s.parseFile(name, path, string(src))
	f.root, f.stamp = i, stamp{mod: info.ModTime(), size: info.Size()}
	return f
}

// statFile returns the stamp of name in root i.
func (s *Set) statFile(i int, name string) (stamp, bool) {
	info, err := fs.Stat(s.opts.Roots[i].FS, name)
	if err != nil {
		return stamp{}, false
	}
	return stamp{mod: info.ModTime(), size: info.Size()}, true
}

// hasExtension reports whether name ends with a configured extension.
func (s *Set) hasExtension(name string) bool {
	for _, ext := range s.opts.extensions() {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}
