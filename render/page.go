package render

import (
	"html/template"
	"io"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	texttemplate "text/template"
)

// probeName names the template used to run escape analysis at load time.
const probeName = "render:probe"

// A dep is one file a page was built from, with the version used.
type dep struct {
	name  string
	root  int
	stamp stamp
}

// A page is a renderable template: its inheritance chain and includes,
// parsed into one private template set (master) that is never executed,
// and a pool of executable instances cloned from it.
type page struct {
	name    string
	self    *file // the page's own file
	entry   string
	master  *template.Template     // the escaped set; nil for a text page
	text    *texttemplate.Template // the unescaped set of a text page
	deps    []dep
	err     error
	pool    sync.Pool
	checked atomic.Int64 // unix nanoseconds of the last AutoReload check
}

// lookupFunc returns the current file for a template name, or nil.
type lookupFunc func(name string) *file

// build assembles the page whose own file is self.
func (s *Set) build(self *file, get lookupFunc) *page {
	p := &page{name: self.name, self: self}
	chain, err := s.chain(self, get, p)
	if err != nil {
		p.err = err
		return p
	}
	members, err := s.members(chain, get, p)
	if err != nil {
		p.err = err
		return p
	}
	p.entry = chain[len(chain)-1].name
	if !s.escaped(self.name) {
		p.text, p.err = s.assembleText(p.entry, members)
		return p
	}
	p.master, p.err = s.assemble(p.entry, members)
	if p.err == nil {
		p.err = s.probe(p, pathsOf(self, get))
	}
	return p
}

// pathsOf maps template names to the paths shown in errors, for a page
// being built.
func pathsOf(self *file, get lookupFunc) pathFunc {
	return func(name string) string {
		if name == self.name {
			return self.path
		}
		if f := get(name); f != nil {
			return f.path
		}
		return name
	}
}

// addDep records f as a file p depends on.
func (p *page) addDep(f *file) {
	if f.root >= 0 {
		p.deps = append(p.deps, dep{name: f.name, root: f.root, stamp: f.stamp})
	}
}

// chain follows {{extends}} from self to the base: [self, parent, ..., base].
func (s *Set) chain(self *file, get lookupFunc, p *page) ([]*file, error) {
	chain := []*file{self}
	p.addDep(self)
	for f := self; ; {
		if f.err != nil {
			return nil, f.err
		}
		if f.parent == "" {
			return chain, nil
		}
		parent := get(f.parent)
		if parent == nil {
			return nil, &Error{Path: f.path, Line: f.line, Msg: s.notFound(f.parent).Error()}
		}
		for _, c := range chain {
			if c == parent {
				return nil, &Error{Path: f.path, Line: f.line, Msg: "extends " + strconv.Quote(f.parent) + ": inheritance cycle"}
			}
		}
		p.addDep(parent)
		chain = append(chain, parent)
		f = parent
	}
}

// members returns the files of the page's set: included files first (found
// transitively from {{template}} calls), then the chain from the base down,
// so that the page's own defines replace its parents' blocks.
func (s *Set) members(chain []*file, get lookupFunc, p *page) ([]*file, error) {
	defined := map[string]bool{}
	for _, f := range chain {
		markDefined(defined, f)
	}
	includes, err := s.includes(chain, get, p, defined)
	if err != nil {
		return nil, err
	}
	all := append(includes, reversed(chain)...)
	return all, s.undefined(all, defined)
}

// includes returns the files named by {{template}} calls of files, and of
// those files in turn, that are not defined yet.
func (s *Set) includes(files []*file, get lookupFunc, p *page, defined map[string]bool) ([]*file, error) {
	var out []*file
	pending := append([]*file(nil), files...)
	for len(pending) > 0 {
		f := pending[0]
		pending = pending[1:]
		for _, r := range f.refs {
			if defined[r.name] {
				continue
			}
			inc := get(r.name)
			if inc == nil {
				continue
			}
			p.addDep(inc)
			if inc.err != nil {
				return nil, inc.err
			}
			markDefined(defined, inc)
			out = append(out, inc)
			pending = append(pending, inc)
		}
	}
	return out, nil
}

// markDefined records the template names f defines, and its own name.
func markDefined(defined map[string]bool, f *file) {
	defined[f.name] = true
	for _, n := range f.defines() {
		defined[n] = true
	}
}

// undefined reports the first {{template}} call naming nothing.
func (s *Set) undefined(files []*file, defined map[string]bool) error {
	for _, f := range files {
		for _, r := range f.refs {
			if !defined[r.name] {
				return &Error{Path: f.path, Line: r.line, Msg: s.notFound(r.name).Error()}
			}
		}
	}
	return nil
}

// reversed returns a reversed copy of files.
func reversed(files []*file) []*file {
	out := make([]*file, len(files))
	for i, f := range files {
		out[len(files)-1-i] = f
	}
	return out
}

// assemble adds the trees of files, in order, to a new template set.
func (s *Set) assemble(entry string, files []*file) (*template.Template, error) {
	left, right := s.opts.delims()
	t := template.New(entry).Delims(left, right).Funcs(s.parseFuncs)
	for _, f := range files {
		for _, tree := range f.trees {
			if _, err := t.AddParseTree(tree.Name, tree); err != nil {
				return nil, &Error{Path: f.path, Msg: err.Error(), Err: err}
			}
		}
	}
	return t, nil
}

// probe runs html/template's escape analysis on a throwaway clone of the
// page, so that escaping errors are reported at load time.
func (s *Set) probe(p *page, path pathFunc) error {
	err := s.probeOne(p.master, p.entry)
	if err == nil {
		return nil
	}
	if e := locatedEscapeError(err, path); e != nil {
		return e
	}
	file, define := s.blame(p)
	return unlocatedEscapeError(err, file, define, path)
}

// probeOne escapes the template name of a clone of master. The probe
// template only calls it inside {{if false}}: the escaper analyses both
// branches, while execution runs none of the page's actions.
func (s *Set) probeOne(master *template.Template, name string) error {
	c, err := master.Clone()
	if err != nil {
		return err
	}
	left, right := s.opts.delims()
	if left == "" {
		left, right = "{{", "}}"
	}
	src := left + "if false" + right + left + "template " + strconv.Quote(name) + " ." + right + left + "end" + right
	probe, err := c.New(probeName).Parse(src)
	if err != nil {
		return err
	}
	return probe.Execute(io.Discard, nil)
}

// blame finds the file and template to which an escaping error without a
// position belongs, by escaping each template of the page alone; callees
// are tried before the page's entry.
func (s *Set) blame(p *page) (file, define string) {
	var names []string
	for _, t := range p.master.Templates() {
		if t.Name() != p.entry && t.Tree != nil {
			names = append(names, t.Name())
		}
	}
	slices.Sort(names)
	for _, name := range append(names, p.entry) {
		if s.probeOne(p.master, name) != nil {
			return p.master.Lookup(name).Tree.ParseName, name
		}
	}
	return p.entry, p.entry
}
