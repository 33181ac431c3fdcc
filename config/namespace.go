package config

import "strings"

// Namespace returns the keys starting with prefix and their values, like
// Flask's get_namespace. With trimPrefix the prefix is removed from the
// returned keys; with lowercase they are lower-cased.
//
// For example, with IMAGE_STORE_TYPE set, Namespace("IMAGE_STORE_", true,
// true) returns {"type": ...}.
func (c *Config) Namespace(prefix string, lowercase, trimPrefix bool) map[string]any {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := map[string]any{}
	for k, v := range c.data {
		if !strings.HasPrefix(k, prefix) {
			continue
		}
		if trimPrefix {
			k = k[len(prefix):]
		}
		if lowercase {
			k = strings.ToLower(k)
		}
		out[k] = v
	}
	return out
}
