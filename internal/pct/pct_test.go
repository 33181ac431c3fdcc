package pct

import "testing"

func TestEscape(t *testing.T) {
	letters := func(c byte) bool { return 'a' <= c && c <= 'z' }
	tests := []struct{ name, in, want string }{
		{"nothing to escape", "abc", "abc"},
		{"empty", "", ""},
		{"escapes from the first bad byte", "ab/c", "ab%2Fc"},
		{"upper-case hex", "\\", "%5C"},
		{"non-ASCII bytes", "é", "%C3%A9"},
		{"control and NUL", "a\x00\n", "a%00%0A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Escape(tt.in, letters); got != tt.want {
				t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestEscapeKeepsStringWithoutAllocating(t *testing.T) {
	keep := func(byte) bool { return true }
	if n := testing.AllocsPerRun(100, func() { _ = Escape("/a/b/c", keep) }); n != 0 {
		t.Errorf("allocations = %v, want 0", n)
	}
}

func TestUnhex(t *testing.T) {
	tests := []struct {
		in   byte
		want byte
	}{{'0', 0}, {'9', 9}, {'a', 10}, {'f', 15}, {'A', 10}, {'F', 15}, {'g', 255}, {'G', 255}, {'%', 255}, {' ', 255}}
	for _, tt := range tests {
		if got := Unhex(tt.in); got != tt.want {
			t.Errorf("Unhex(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
