package utf8x

import "testing"

func TestReplace(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"valid text is returned as is", "héllo", "héllo"},
		{"lone continuation byte", "a\x80b", "a\uFFFDb"},
		{"truncated three-byte sequence is one error", "a\xe2\x82b", "a\uFFFDb"},
		{"overlong two-byte sequence is two errors", "\xc0\xaf", "\uFFFD\uFFFD"},
		{"surrogate half is three errors", "\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD"},
		{"byte 0xff", "\xff<", "\uFFFD<"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Replace(c.in); got != c.want {
				t.Fatalf("Replace(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestFirstInvalid(t *testing.T) {
	if off, n := FirstInvalid("ab\xe2\x82c"); off != 2 || n != 2 {
		t.Fatalf("got %d, %d; want 2, 2", off, n)
	}
	if off, _ := FirstInvalid("abc"); off != -1 {
		t.Fatalf("valid text: got offset %d", off)
	}
}
