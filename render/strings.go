package render

import (
	"sync"
)

// stringName is the template name of sources given to RenderString.
const stringName = "<string>"

// A stringCache keeps the pages of RenderString sources, evicting the
// oldest entry when full.
type stringCache struct {
	mu    sync.Mutex
	max   int
	pages map[string]*page
	order []string
}

// init sets the bound of the cache.
func (c *stringCache) init(max int) {
	if max <= 0 {
		max = defaultStringCacheSize
	}
	c.max = max
	c.pages = map[string]*page{}
}

// get returns the page cached for src.
func (c *stringCache) get(src string) *page {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.pages[src]
}

// put caches p for src, evicting the oldest source when full.
func (c *stringCache) put(src string, p *page) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.pages[src]; !ok {
		if len(c.order) >= c.max {
			delete(c.pages, c.order[0])
			c.order = c.order[1:]
		}
		c.order = append(c.order, src)
	}
	c.pages[src] = p
}

// clear empties the cache.
func (c *stringCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.pages)
	c.order = nil
}

// stringPage returns the page for src, parsing and caching it if needed.
func (s *Set) stringPage(src string) *page {
	if p := s.strings.get(src); p != nil {
		return p
	}
	self := s.parseFile(stringName, stringName, src)
	s.mu.RLock()
	p := s.build(self, func(name string) *file { return s.files[name] })
	s.mu.RUnlock()
	s.strings.put(src, p)
	return p
}
