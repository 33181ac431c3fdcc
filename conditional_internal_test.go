package flagon

import "testing"

func TestParseETags(t *testing.T) {
	tests := []struct{ in, want string }{
		{`"foo", "bar", W/"baz", blar`, `"foo", "bar", W/"baz", "blar"`},
		{"*", "*"},
		{`W/"foo",`, `W/"foo"`},
		{`"foo" , blar`, `"foo", "blar"`},
		{"blar", `"blar"`},
	}
	for _, tt := range tests {
		if got := parseETags(tt.in); got != tt.want {
			t.Errorf("parseETags(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzConditionalParsers checks that the conditional-header parsers never
// panic (a panic would be a 500 for a bad header) and that a range they
// accept lies within the body.
func FuzzConditionalParsers(f *testing.F) {
	for _, s := range []string{`"a", W/"b", c`, "bytes=0-4", "bytes=-5", "bytes = 1 - 100", "*", "Sun, 06 Nov 1994 08:49:37 GMT"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = parseETags(s)
		_, _ = parseHTTPDate(s)
		_, _ = unquoteETag(s)
		if start, end, ok := rangeForLength(s, 200); ok && (start < 0 || end > 200 || start >= end) {
			t.Fatalf("rangeForLength(%q) = %d, %d", s, start, end)
		}
	})
}
