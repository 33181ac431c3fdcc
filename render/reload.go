package render

import (
	"maps"
	"time"
)

// page returns the page to render for name, re-parsing it first when
// AutoReload is on and its files changed.
func (s *Set) page(name string) (*page, error) {
	p := (*s.pages.Load())[name]
	if s.opts.AutoReload && (p == nil || s.due(p)) {
		p = s.refresh(name, p)
	}
	if p == nil {
		return nil, s.notFound(name)
	}
	if p.err != nil {
		return nil, p.err
	}
	return p, nil
}

// due reports whether p should be checked now, claiming the check so that
// one caller per interval does it.
func (s *Set) due(p *page) bool {
	now := time.Now().UnixNano()
	last := p.checked.Load()
	if now-last < int64(s.every) {
		return false
	}
	return p.checked.CompareAndSwap(last, now)
}

// stale reports whether a file p was built from changed or disappeared.
// A page that failed is always rebuilt: a missing file may have appeared.
func (s *Set) stale(p *page) bool {
	if p.err != nil {
		return true
	}
	for _, d := range p.deps {
		if st, ok := s.statFile(d.root, d.name); !ok || !st.same(d.stamp) {
			return true
		}
	}
	return false
}

// refresh rebuilds the page name if it is new or stale and stores it.
func (s *Set) refresh(name string, p *page) *page {
	if p != nil && !s.stale(p) {
		return p
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	get := s.freshLookup()
	var np *page
	if self := get(name); self != nil {
		np = s.build(self, get)
		np.checked.Store(time.Now().UnixNano())
	}
	s.setPage(name, np)
	return np
}

// setPage stores a copy of the pages map with name set to p, or deleted
// when p is nil; s.mu must be held for writing.
func (s *Set) setPage(name string, p *page) {
	old := *s.pages.Load()
	pages := make(map[string]*page, len(old)+1)
	maps.Copy(pages, old)
	if p == nil {
		delete(pages, name)
	} else {
		pages[name] = p
	}
	s.pages.Store(&pages)
}

// refreshString rebuilds the string page of src if its files changed.
func (s *Set) refreshString(src string, p *page) *page {
	if !s.due(p) || !s.stale(p) {
		return p
	}
	s.mu.Lock()
	np := s.build(p.self, s.freshLookup())
	s.mu.Unlock()
	np.checked.Store(time.Now().UnixNano())
	s.strings.put(src, np)
	return np
}

// freshLookup returns a lookup that re-reads files whose stamps changed,
// updating s.files; s.mu must be held for writing.
func (s *Set) freshLookup() lookupFunc {
	done := map[string]*file{}
	return func(name string) *file {
		if f, ok := done[name]; ok {
			return f
		}
		f := s.current(name)
		done[name] = f
		if f == nil {
			delete(s.files, name)
		} else {
			s.files[name] = f
		}
		return f
	}
}

// current returns the up-to-date file for name: the cached one if its
// stamp is unchanged, else the file read again from the first root holding
// it, or nil.
func (s *Set) current(name string) *file {
	if !s.hasExtension(name) {
		return nil
	}
	for i := range s.opts.Roots {
		st, ok := s.statFile(i, name)
		if !ok {
			continue
		}
		if old := s.files[name]; old != nil && old.root == i && old.stamp.same(st) {
			return old
		}
		return s.readFile(i, name)
	}
	return nil
}
