package config

import (
	"reflect"
	"testing"
)

func TestVersionChangesOnEveryWrite(t *testing.T) {
	tests := []struct {
		name  string
		write func(c *Config)
	}{
		{"Set", func(c *Config) { c.Set("A", 1) }},
		{"SetDefault", func(c *Config) { c.SetDefault("NEW", 1) }},
		{"Delete", func(c *Config) { c.Delete("A") }},
		{"FromMap", func(c *Config) { c.FromMap(map[string]any{"B": 2}) }},
		{"FromEnviron", func(c *Config) { c.FromEnviron("FLAGON", []string{"FLAGON_C=3"}) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New()
			c.Set("A", 0)
			before := c.Version()
			tt.write(c)
			if c.Version() == before {
				t.Errorf("Version stayed %d after %s", before, tt.name)
			}
		})
	}
}

// Writes that change nothing keep the Version, so the values cached
// from the config (the web core's request config) stay valid: Flask's
// config.setdefault of a set key and friends are no-ops.
func TestVersionUnchangedByNoOpWrites(t *testing.T) {
	tests := []struct {
		name  string
		write func(c *Config)
	}{
		{"SetDefault of a set key", func(c *Config) { c.SetDefault("A", 1) }},
		{"SetDefault of a key set to nil", func(c *Config) { c.SetDefault("NIL", 1) }},
		{"Delete of a missing key", func(c *Config) { c.Delete("MISSING") }},
		{"FromMap without upper-case keys", func(c *Config) { c.FromMap(map[string]any{"lower": 1}) }},
		{"FromMap of nothing", func(c *Config) { c.FromMap(nil) }},
		{"FromEnviron without matches", func(c *Config) { c.FromEnviron("FLAGON", []string{"OTHER_C=3", "FLAGON_=1"}) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New()
			c.Set("A", 0)
			c.Set("NIL", nil)
			view := c.View()
			before := c.Version()
			tt.write(c)
			if c.Version() != before {
				t.Errorf("Version changed from %d to %d", before, c.Version())
			}
			if v, _ := c.Get("A"); v != 0 {
				t.Errorf("A = %v, want 0", v)
			}
			if reflect.ValueOf(c.View()).UnsafePointer() != reflect.ValueOf(view).UnsafePointer() {
				t.Error("the shared View was dropped")
			}
		})
	}
}

func TestVersionUnchangedByReads(t *testing.T) {
	c := New()
	c.Set("A", "x")
	before := c.Version()
	c.Get("A")
	c.Has("A")
	c.Keys()
	c.Snapshot()
	_, _ = c.Strings("A")
	if c.Version() != before {
		t.Errorf("Version changed from %d to %d by reads", before, c.Version())
	}
}
