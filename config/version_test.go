package config

import "testing"

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
