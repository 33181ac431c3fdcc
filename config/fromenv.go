package config

import (
	"maps"
	"os"
	"slices"
	"strings"
)

// DefaultEnvPrefix is the prefix FromEnv uses when given "".
const DefaultEnvPrefix = "FLAGON"

// ReservedEnv lists the environment variables that belong to the CLI, its
// reloader and the debugger, not to the app: the debugger PIN and its
// cookie key, and the reloader's descriptors and status file. FromEnv and
// FromEnviron never load them, so FromEnv("FLAGON") cannot copy the PIN
// the reloader hands to its child into the config (and the debug page's
// configuration panel). Flask never meets this case: Werkzeug's variables
// start with WERKZEUG_, not FLASK_.
var ReservedEnv = []string{
	"FLAGON_DEBUG_PIN", "FLAGON_DEBUG_SECRET",
	"FLAGON_LISTEN_FD", "FLAGON_READY_FD", "FLAGON_BUILD_STATUS",
	"FLAGON_RELOADER_POLL",
}

// FromEnv loads the environment variables named prefix + "_" + KEY, like
// Flask's from_prefixed_env, and returns how many it stored. See
// FromEnviron.
func (c *Config) FromEnv(prefix string) int {
	return c.FromEnviron(prefix, os.Environ())
}

// FromEnviron loads the "NAME=value" entries of environ whose NAME starts
// with prefix followed by "_" (the "_" is added unless prefix already ends
// with one; "" means DefaultEnvPrefix), and returns how many it stored.
//
// The key is NAME without the prefix. The value is decoded as JSON when it
// parses as one JSON value (42 is an int, true a bool, [1,2] a []any,
// {"a":1} a map[string]any) and kept as a string otherwise. A "__" in the key
// nests into maps: FLAGON_DB__URL sets DB["URL"], creating DB as a
// map[string]any when it is unset or nil. Nested maps are replaced by
// updated copies, never modified in place.
//
// Entries are applied in sorted order. An entry is skipped when its NAME
// is in ReservedEnv, its key is empty, has an empty "__" part, or nests
// into an existing value that is not a map[string]any.
func (c *Config) FromEnviron(prefix string, environ []string) int {
	prefix = envPrefix(prefix)
	vars := prefixedVars(prefix, environ)
	c.lockWrite()
	n := 0
	defer func() { c.unlockWrite(n > 0) }()
	for _, name := range slices.Sorted(maps.Keys(vars)) {
		if c.setPath(strings.Split(name, "__"), envValue(vars[name])) {
			n++
		}
	}
	return n
}

// envPrefix completes prefix with DefaultEnvPrefix and a trailing "_".
func envPrefix(prefix string) string {
	if prefix == "" {
		prefix = DefaultEnvPrefix
	}
	if !strings.HasSuffix(prefix, "_") {
		prefix += "_"
	}
	return prefix
}

// prefixedVars returns the entries of environ starting with prefix, keyed
// by the rest of the name. A later entry for the same name wins.
func prefixedVars(prefix string, environ []string) map[string]string {
	vars := map[string]string{}
	for _, kv := range environ {
		name, value, ok := strings.Cut(kv, "=")
		if !ok || !strings.HasPrefix(name, prefix) || slices.Contains(ReservedEnv, name) {
			continue
		}
		vars[name[len(prefix):]] = value
	}
	return vars
}

// envValue decodes s as JSON, or keeps it as a string.
func envValue(s string) any {
	if v, ok := decodeJSON(s); ok {
		return v
	}
	return s
}

// setPath stores v under the nested key path, reporting false when the
// path is invalid or runs into a value that is not a map. c.mu must be
// held.
func (c *Config) setPath(path []string, v any) bool {
	if slices.Contains(path, "") {
		return false
	}
	nv, ok := withPath(c.data[path[0]], path[1:], v)
	if ok {
		c.data[path[0]] = nv
	}
	return ok
}

// withPath returns cur with v stored under path, copying maps on the way.
func withPath(cur any, path []string, v any) (any, bool) {
	if len(path) == 0 {
		return v, true
	}
	m := map[string]any{}
	switch x := cur.(type) {
	case nil:
	case map[string]any:
		m = maps.Clone(x)
	default:
		return nil, false
	}
	child, ok := withPath(m[path[0]], path[1:], v)
	if !ok {
		return nil, false
	}
	m[path[0]] = child
	return m, true
}
