package render

import (
	"strings"
	"testing"
	"testing/fstest"
)

// mapFS builds an fstest.MapFS from name/source pairs.
func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, src := range files {
		m[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return m
}

// newSet loads files as one root named "templates" and fails on error.
func newSet(t testing.TB, files map[string]string, opts Options) *Set {
	t.Helper()
	opts.Roots = append([]Root{{Name: "templates", FS: mapFS(files)}}, opts.Roots...)
	s, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

// render renders name and fails on error.
func render(t testing.TB, s *Set, name string, data, value any) string {
	t.Helper()
	var sb strings.Builder
	if err := s.Render(&sb, name, data, value); err != nil {
		t.Fatalf("Render(%q): %v", name, err)
	}
	return sb.String()
}
