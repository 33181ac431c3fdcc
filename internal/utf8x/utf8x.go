// Package utf8x handles invalid UTF-8 as Python's codecs do: each maximal
// subpart of an ill-formed sequence (Unicode 3.9, table 3-7) is one
// error, so "\xe2\x82" is one U+FFFD under errors="replace" and "\xc0\xaf"
// two. The web layer uses it for request data, the Jinja engine for
// template output.
package utf8x

import (
	"strings"
	"unicode/utf8"
)

// Replace returns s with every maximal invalid subpart replaced by
// U+FFFD, Python's errors="replace". A valid s is returned as is.
func Replace(s string) string {
	return Map(s, func(b *strings.Builder, _ string) { b.WriteRune(utf8.RuneError) })
}

// Map copies s, calling bad for each maximal invalid subpart instead of
// copying it. A valid s is returned as is, without allocating.
func Map(s string, bad func(b *strings.Builder, invalid string)) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError || size > 1 {
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		n := InvalidSpan(s[i:])
		bad(&b, s[i:i+n])
		i += n
	}
	return b.String()
}

// FirstInvalid returns the byte offset of the first invalid sequence in s
// and the length of its maximal subpart, or -1 and 0 when s is valid.
func FirstInvalid(s string) (offset, n int) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			return i, InvalidSpan(s[i:])
		}
		i += size
	}
	return -1, 0
}

// InvalidSpan is the length of the maximal subpart of an ill-formed
// sequence at the start of s: the longest prefix of a well-formed
// sequence, at least one byte. s must not be empty.
func InvalidSpan(s string) int {
	lo, hi, need := byte(0x80), byte(0xBF), 0
	switch c := s[0]; {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c == 0xE0:
		lo, need = 0xA0, 2
	case c == 0xED:
		hi, need = 0x9F, 2
	case c >= 0xE1 && c <= 0xEF:
		need = 2
	case c == 0xF0:
		lo, need = 0x90, 3
	case c == 0xF4:
		hi, need = 0x8F, 3
	case c >= 0xF1 && c <= 0xF3:
		need = 3
	}
	n := 1
	for ; n <= need && n < len(s); n++ {
		if s[n] < lo || s[n] > hi {
			break
		}
		lo, hi = 0x80, 0xBF
	}
	return n
}
