package autogen

import (
	"strings"
	"testing"
)

func TestUnwrap(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"bare", `"status" IN ('a', 'b')`, `"status" IN ('a', 'b')`},
		{"wrapped by SQLite", `("status" IN ('a', 'b'))`, `"status" IN ('a', 'b')`},
		{"wrapped twice with spaces", ` (( x > 1 )) `, `x > 1`},
		{"two groups are not one wrap", `(a > 1) AND (b > 1)`, `(a > 1) AND (b > 1)`},
		{"unbalanced", `(a > 1`, `(a > 1`},
		{"empty parens", `()`, ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := unwrap(tt.in); got != tt.want {
				t.Errorf("unwrap(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzUnwrap checks that unwrap never panics, is idempotent and only
// removes outer parentheses and spaces.
func FuzzUnwrap(f *testing.F) {
	for _, s := range []string{`("a" IN ('x'))`, `(a) AND (b)`, `((`, `)(`, ``} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u := unwrap(s)
		if unwrap(u) != u {
			t.Errorf("unwrap is not idempotent on %q: %q then %q", s, u, unwrap(u))
		}
		if !strings.Contains(s, u) {
			t.Errorf("unwrap(%q) = %q is not a part of its input", s, u)
		}
	})
}
