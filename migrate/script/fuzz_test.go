package script

import (
	"go/token"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParseEntries feeds arbitrary source to the revision reader: it must
// return entries or an error, never panic, and every entry has an ID.
func FuzzParseEntries(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "internal", "tutorial", "versions", "*.go"))
	for _, s := range seeds {
		src, _ := os.ReadFile(s)
		f.Add(src)
	}
	f.Add([]byte("package v\nvar r = &migrate.Revision{ID: `x`, Down: []string{\"a\", 1}}\n"))
	f.Add([]byte("package v\nvar a, b = &x.Revision{}, &x.Revision{ID: \"b\"}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		entries, err := parseEntries(token.NewFileSet(), "f.go", src)
		if err != nil {
			return
		}
		for _, e := range entries {
			if e.ID == "" || e.Var == "" {
				t.Fatalf("entry without ID or Var: %+v", e)
			}
		}
	})
}

// FuzzSlug checks that file names never end in a build-constraint word.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"add price column", "for linux", "x_test", "", "!!!"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, msg string) {
		name := FileName("abc", msg)
		if filepath.Ext(name) != ".go" || len(name) > 60 {
			t.Fatalf("FileName(%q) = %q", msg, name)
		}
		for _, suffix := range buildSuffixes {
			if len(name) > len(suffix)+4 && name[len(name)-len(suffix)-4:] == "_"+suffix+".go" {
				t.Fatalf("FileName(%q) = %q ends in a build constraint", msg, name)
			}
		}
	})
}
