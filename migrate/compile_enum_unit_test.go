package migrate

import "testing"

func TestIsSubsequence(t *testing.T) {
	tests := []struct {
		name string
		a, b []string
		want bool
	}{
		{"same", []string{"a", "b"}, []string{"a", "b"}, true},
		{"added at the end", []string{"a", "b"}, []string{"a", "b", "c"}, true},
		{"inserted before and between", []string{"a", "b"}, []string{"x", "a", "y", "b"}, true},
		{"removed", []string{"a", "b"}, []string{"a"}, false},
		{"reordered", []string{"a", "b"}, []string{"b", "a"}, false},
		{"from nothing", nil, []string{"a"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isSubsequence(tt.a, tt.b); got != tt.want {
				t.Errorf("isSubsequence(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}
