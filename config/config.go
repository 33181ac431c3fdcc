package config

import (
	"maps"
	"slices"
	"sync"
	"sync/atomic"
)

// Config is a concurrency-safe set of configuration values keyed by
// UPPER_CASE names, like Flask's app.config. The zero value is not usable;
// create one with New or NewWithDefaults.
type Config struct {
	mu      sync.RWMutex
	data    map[string]any
	version atomic.Uint64
	// view is the copy View shares until the next change (nil then).
	view map[string]any
}

// New returns an empty Config.
func New() *Config {
	return &Config{data: map[string]any{}}
}

// NewWithDefaults returns a Config holding Flask's default values (see
// Defaults).
func NewWithDefaults() *Config {
	return &Config{data: Defaults()}
}

// Set stores v under key. A nil v means "set, but None".
func (c *Config) Set(key string, v any) {
	c.lockWrite()
	defer c.unlockWrite(true)
	c.data[key] = v
}

// Get returns the value stored under key and whether the key is set. A key
// set to nil returns (nil, true). Maps and slices are returned as stored and
// must not be modified; Snapshot and Map return copies.
func (c *Config) Get(key string) (any, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[key]
	return v, ok
}

// SetDefault stores v under key unless key is already set (even to nil), and
// returns the value now stored, like Python's dict.setdefault. Extensions use
// it to declare their defaults. When key is set, nothing changes: the
// Version stays.
func (c *Config) SetDefault(key string, v any) any {
	c.lockWrite()
	if cur, ok := c.data[key]; ok {
		c.unlockWrite(false)
		return cur
	}
	c.data[key] = v
	c.unlockWrite(true)
	return v
}

// Version returns a number that changes whenever a value is set or
// deleted (a SetDefault of a set key, a Delete of a missing one, or a
// FromMap or FromEnviron that sets nothing leave it), so that a value derived from the config (a parsed list, a
// lower-cased name) can be cached until the config changes. Values must
// not be modified in place (see Get).
func (c *Config) Version() uint64 { return c.version.Load() }

// lockWrite takes the write lock; unlockWrite releases it, when changed
// counting the change in the version and dropping the shared View first.
func (c *Config) lockWrite() { c.mu.Lock() }

func (c *Config) unlockWrite(changed bool) {
	if changed {
		c.version.Add(1)
		c.view = nil
	}
	c.mu.Unlock()
}

// Has reports whether key is set, even to nil.
func (c *Config) Has(key string) bool {
	_, ok := c.Get(key)
	return ok
}

// Delete removes key; deleting a missing key does nothing.
func (c *Config) Delete(key string) {
	c.lockWrite()
	_, ok := c.data[key]
	delete(c.data, key)
	c.unlockWrite(ok)
}

// Keys returns the set keys in sorted order.
func (c *Config) Keys() []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return slices.Sorted(maps.Keys(c.data))
}

// Len returns the number of set keys.
func (c *Config) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.data)
}

// View returns a deep copy of every key and value like Snapshot, but one
// copy is shared by all callers until the configuration changes, so that
// reading the configuration on every request (Flask's config template
// global) costs no copy. The result must not be modified.
func (c *Config) View() map[string]any {
	c.mu.RLock()
	v := c.view
	c.mu.RUnlock()
	if v != nil {
		return v
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.view == nil {
		c.view = cloneMap(c.data)
	}
	return c.view
}

// Snapshot returns a deep copy of every key and value (nested maps and
// slices are copied), for the debug page and the CLI. A map or a slice
// that contains itself is copied with "{...}" or "[...]" where it recurs.
func (c *Config) Snapshot() map[string]any {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return cloneMap(c.data)
}

// cloneMap copies m and, recursively, the maps and slices inside it; a
// map or slice inside itself is copied as "{...}" or "[...]".
func cloneMap(m map[string]any) map[string]any {
	return cloneValue(m, path{}).(map[string]any)
}

// cloneValue deep-copies the container types loaders produce.
func cloneValue(v any, p path) any {
	switch x := v.(type) {
	case map[string]any:
		k, ok := p.enter(x)
		if !ok {
			return recursiveMap
		}
		defer p.leave(k)
		out := make(map[string]any, len(x))
		for key, e := range x {
			out[key] = cloneValue(e, p)
		}
		return out
	case []any:
		k, ok := p.enter(x)
		if !ok {
			return recursiveSlice
		}
		defer p.leave(k)
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = cloneValue(e, p)
		}
		return out
	case []string:
		return slices.Clone(x)
	case map[string]string:
		return maps.Clone(x)
	}
	return v
}
