package config

import (
	"reflect"
	"testing"
)

func TestNamespace(t *testing.T) {
	c := New()
	c.FromMap(map[string]any{
		"IMAGE_STORE_TYPE":     "fs",
		"IMAGE_STORE_PATH":     "/var/app/images",
		"IMAGE_STORE_BASE_URL": "http://img.website.com",
		"IMAGES":               true,
	})
	tests := []struct {
		name      string
		prefix    string
		lowercase bool
		trim      bool
		want      map[string]any
	}{
		{"lower and trim", "IMAGE_STORE_", true, true, map[string]any{
			"type": "fs", "path": "/var/app/images", "base_url": "http://img.website.com"}},
		{"keep case", "IMAGE_STORE_", false, true, map[string]any{
			"TYPE": "fs", "PATH": "/var/app/images", "BASE_URL": "http://img.website.com"}},
		{"no trim", "IMAGE_STORE_T", true, false, map[string]any{"image_store_type": "fs"}},
		{"prefix without underscore", "IMAGE", false, true, map[string]any{
			"_STORE_TYPE": "fs", "_STORE_PATH": "/var/app/images",
			"_STORE_BASE_URL": "http://img.website.com", "S": true}},
		{"no match", "CACHE_", true, true, map[string]any{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := c.Namespace(tc.prefix, tc.lowercase, tc.trim)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestFromMapKeepsUpperKeys(t *testing.T) {
	c := New()
	c.FromMap(map[string]any{"DEBUG": true, "DB_1": "x", "debug": false, "Mixed": 1, "_": 2, "1": 3})
	if got := c.Keys(); !reflect.DeepEqual(got, []string{"DB_1", "DEBUG"}) {
		t.Errorf("Keys = %v, want [DB_1 DEBUG]", got)
	}
}

func TestIsUpper(t *testing.T) {
	tests := []struct {
		key  string
		want bool
	}{
		{"DEBUG", true},
		{"DB_1", true},
		{"ÉTÉ", true},
		{"Debug", false},
		{"debug", false},
		{"_", false},
		{"123", false},
		{"", false},
		{"ǅ", false},
	}
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			if got := IsUpper(tc.key); got != tc.want {
				t.Errorf("IsUpper(%q) = %v", tc.key, got)
			}
		})
	}
}
