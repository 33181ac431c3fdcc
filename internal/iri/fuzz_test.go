package iri

import (
	"testing"
	"unicode/utf8"
)

// FuzzToURI checks that ToURI and ToIRI never panic, that ToURI output is
// ASCII and that ToURI is idempotent, as test_iri_to_uri_idempotence_*
// (after one round: as Python's urlsplit, "////" gives "//", then "").
func FuzzToURI(f *testing.F) {
	for _, s := range []string{"http://☃.net/påth?q=è#f", "/path[bracket]?(paren)", "http://u:p@[::1]:80/", "%zz%C3%A9", "HTTP://X:099999/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u := ToURI(s)
		_ = ToIRI(s)
		for i := 0; i < len(u); i++ {
			if u[i] >= 0x80 && utf8.ValidString(s) {
				t.Fatalf("ToURI(%q) = %q is not ASCII", s, u)
			}
		}
		u = ToURI(u)
		if again := ToURI(u); again != u {
			t.Fatalf("ToURI not idempotent: %q -> %q -> %q", s, u, again)
		}
	})
}
