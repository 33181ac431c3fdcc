package config

import (
	"reflect"
	"testing"
)

// recursive builds values that contain themselves, as Python's
// d = {}; d["self"] = d.
func recursive() map[string]func() any {
	return map[string]func() any{
		"map_self": func() any {
			m := map[string]any{"PASSWORD": "hunter2", "url": "postgresql://u:pw@h/db"}
			m["self"] = m
			return m
		},
		"slice_self": func() any {
			s := []any{"postgresql://u:pw@h/db", nil}
			s[1] = s
			return s
		},
		"map_in_slice_in_map": func() any {
			m := map[string]any{"API_TOKEN": "t"}
			m["list"] = []any{m}
			return m
		},
	}
}

func TestMaskedRecursive(t *testing.T) {
	want := map[string]any{
		"map_self":            map[string]any{"PASSWORD": Mask, "url": "postgresql://u:***@h/db", "self": "{...}"},
		"slice_self":          []any{"postgresql://u:***@h/db", "[...]"},
		"map_in_slice_in_map": map[string]any{"API_TOKEN": Mask, "list": []any{"{...}"}},
	}
	for name, mk := range recursive() {
		t.Run(name, func(t *testing.T) {
			if got := Masked("DATA", mk()); !reflect.DeepEqual(got, want[name]) {
				t.Errorf("Masked = %#v, want %#v", got, want[name])
			}
		})
	}
}

func TestSnapshotRecursive(t *testing.T) {
	c := New()
	for name, mk := range recursive() {
		c.Set(name, mk())
	}
	snap := c.Snapshot()
	wantSnap := map[string]any{
		"map_self":   map[string]any{"PASSWORD": "hunter2", "url": "postgresql://u:pw@h/db", "self": "{...}"},
		"slice_self": []any{"postgresql://u:pw@h/db", "[...]"},
	}
	for key, want := range wantSnap {
		if !reflect.DeepEqual(snap[key], want) {
			t.Errorf("Snapshot()[%q] = %#v, want %#v", key, snap[key], want)
		}
	}
	masked := c.MaskedSnapshot()
	wantMasked := map[string]any{"PASSWORD": Mask, "url": "postgresql://u:***@h/db", "self": "{...}"}
	if !reflect.DeepEqual(masked["map_self"], wantMasked) {
		t.Errorf("MaskedSnapshot()[map_self] = %#v, want %#v", masked["map_self"], wantMasked)
	}
}

// TestSharedNotRecursive: a value met twice side by side (not inside
// itself) is copied both times.
func TestSharedNotRecursive(t *testing.T) {
	inner := []any{"x"}
	v := map[string]any{"a": inner, "b": inner}
	want := map[string]any{"a": []any{"x"}, "b": []any{"x"}}
	if got := Masked("DATA", v); !reflect.DeepEqual(got, want) {
		t.Errorf("Masked = %#v", got)
	}
}
