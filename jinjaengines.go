package flagon

import "sync"

// engineCache remembers, per template name found in a folder, which
// engine renders it in an app that mixes html/template and Jinja folders,
// so that a render does not look the name up in the folders again.
type engineCache struct {
	mu    sync.RWMutex
	jinja map[string]bool
}

// get returns the cached engine of name (true: Jinja) and whether it is
// cached.
func (c *engineCache) get(name string) (jinja, ok bool) {
	c.mu.RLock()
	jinja, ok = c.jinja[name]
	c.mu.RUnlock()
	return jinja, ok
}

// put caches the engine of name.
func (c *engineCache) put(name string, jinja bool) {
	c.mu.Lock()
	if c.jinja == nil {
		c.jinja = map[string]bool{}
	}
	c.jinja[name] = jinja
	c.mu.Unlock()
}
