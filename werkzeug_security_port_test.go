package flagon_test

import (
	"path/filepath"
	"testing"

	"github.com/flagon-go/flagon"
)

// Ports of the safe_join cases of Werkzeug tests/test_security.py (the
// password hash cases are in security/werkzeug_security_port_test.go).
// Werkzeug's None is an ErrUnsafePath error.
func TestSafeJoinPort(t *testing.T) {
	cases := []struct {
		name, dir, path, expect string
		ok                      bool
	}{
		{"test_safe_join/b/c", "a", "b/c", "a/b/c", true},
		{"test_safe_join/../b/c", "a", "../b/c", "", false},
		{"test_safe_join///b/c", "a", "//b/c", "", false},
		{"test_safe_join/normalized", "a", "b/../c", "a/c", true},
		{"test_safe_join/normalized above", "a", "b/../../c", "", false},
		{"test_safe_join_empty_trusted", "", "c/test.txt", "./c/test.txt", true},
		{"test_safe_join_not_windows_special", "a", "CON", "a/CON", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := flagon.SafeJoin(tc.dir, tc.path)
			if (err == nil) != tc.ok || got != filepath.FromSlash(tc.expect) {
				t.Errorf("SafeJoin(%q, %q) = %q, %v; want %q", tc.dir, tc.path, got, err, tc.expect)
			}
		})
	}
}
