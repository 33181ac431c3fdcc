package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// A Set holds every template of its roots, parsed at construction. It is
// safe for concurrent use.
type Set struct {
	opts       Options
	parseFuncs template.FuncMap // every function name, for parsing
	dynamic    []string         // names returned by Options.Funcs
	every      time.Duration    // AutoReload check interval

	mu    sync.RWMutex     // guards files and changes of pages
	files map[string]*file // by template name, from the first root holding it
	// pages maps template names to pages. The map is never modified once
	// stored, so renders read it without locking; changes store a copy.
	pages atomic.Pointer[map[string]*page]

	strings stringCache
}

// New loads and parses every template of opts.Roots. The error lists every
// broken template, each as "root/name:line: message". The returned Set is
// usable even then: broken templates return their error when rendered and,
// with AutoReload, are parsed again once their files change. A Set without
// roots only renders strings.
func New(opts Options) (*Set, error) {
	for i, r := range opts.Roots {
		if r.FS == nil {
			return nil, fmt.Errorf("render: root %s has no FS", opts.rootName(i))
		}
	}
	s := &Set{opts: opts, every: defaultReloadInterval}
	s.strings.init(opts.StringCacheSize)
	if err := s.initFuncs(); err != nil {
		return nil, err
	}
	return s, s.Reload()
}

// initFuncs collects the functions used while parsing; dynamic functions
// are bound to a throwaway State and never called.
func (s *Set) initFuncs() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("render: bad template function: %v", r)
		}
	}()
	s.parseFuncs = template.FuncMap{}
	for k, v := range s.opts.StaticFuncs {
		s.parseFuncs[k] = v
	}
	if s.opts.Funcs != nil {
		for k, v := range s.opts.Funcs(&State{}) {
			s.parseFuncs[k] = v
			s.dynamic = append(s.dynamic, k)
		}
	}
	s.parseFuncs[extendsFunc] = func(string) string { return "" }
	template.New("").Funcs(s.parseFuncs) // panics on a bad function
	return nil
}

// Reload scans the roots again and re-parses every template, replacing the
// previous ones; it returns the same kind of error as New.
func (s *Set) Reload() error {
	files, err := s.scan()
	if err != nil {
		return err
	}
	get := func(name string) *file { return files[name] }
	pages := make(map[string]*page, len(files))
	for name, f := range files {
		pages[name] = s.build(f, get)
	}
	s.mu.Lock()
	s.files = files
	s.pages.Store(&pages)
	s.mu.Unlock()
	s.strings.clear()
	return loadError(pages)
}

// scan reads every template of every root; the first root holding a name wins.
func (s *Set) scan() (map[string]*file, error) {
	files := map[string]*file{}
	for i, root := range s.opts.Roots {
		err := fs.WalkDir(root.FS, ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !s.hasExtension(name) || files[name] != nil {
				return nil
			}
			files[name] = s.readFile(i, name)
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("render: scanning %s: %w", s.opts.rootName(i), err)
		}
	}
	return files, nil
}

// loadError joins the distinct errors of pages, sorted by message.
func loadError(pages map[string]*page) error {
	seen := map[string]bool{}
	var msgs []string
	var errs []error
	for _, p := range pages {
		if p.err != nil && !seen[p.err.Error()] {
			seen[p.err.Error()] = true
			msgs = append(msgs, p.err.Error())
			errs = append(errs, p.err)
		}
	}
	sort.Sort(byMessage{msgs, errs})
	return errors.Join(errs...)
}

// byMessage sorts errors by their messages.
type byMessage struct {
	msgs []string
	errs []error
}

func (b byMessage) Len() int           { return len(b.msgs) }
func (b byMessage) Less(i, j int) bool { return b.msgs[i] < b.msgs[j] }
func (b byMessage) Swap(i, j int) {
	b.msgs[i], b.msgs[j] = b.msgs[j], b.msgs[i]
	b.errs[i], b.errs[j] = b.errs[j], b.errs[i]
}

// Names returns the names of every template found, sorted.
func (s *Set) Names() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	names := make([]string, 0, len(s.files))
	for name := range s.files {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// pathOf maps a template name to the path shown in errors.
func (s *Set) pathOf(name string) string {
	s.mu.RLock()
	f := s.files[name]
	s.mu.RUnlock()
	if f != nil {
		return f.path
	}
	return name
}

// notFound returns the error for a missing template.
func (s *Set) notFound(name string) *NotFoundError {
	roots := make([]string, len(s.opts.Roots))
	for i := range s.opts.Roots {
		roots[i] = s.opts.rootName(i)
	}
	return &NotFoundError{Name: name, Roots: roots}
}
