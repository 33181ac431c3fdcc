package flagon

import (
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"
)

// Invalid UTF-8 in request data is handled as Werkzeug does: a
// percent-escape that decodes to invalid UTF-8 in the query string or a
// urlencoded form is put back as its escape ("%FF" stays "%FF", Werkzeug's
// "werkzeug.url_quote" error handler), and invalid UTF-8 in a multipart
// field becomes U+FFFD (errors="replace"). Either way the values handlers
// see are valid UTF-8.

// requoteInvalidUTF8 returns s with every invalid UTF-8 sequence
// percent-encoded, byte by byte, in upper-case hex.
func requoteInvalidUTF8(s string) string {
	return mapInvalidUTF8(s, func(b *strings.Builder, bad string) {
		for i := 0; i < len(bad); i++ {
			fmt.Fprintf(b, "%%%02X", bad[i])
		}
	})
}

// replaceInvalidUTF8 returns s with every invalid UTF-8 sequence replaced
// by U+FFFD, one per maximal subpart as Python's errors="replace" does
// ("\xe2\x82" is one U+FFFD, "\xc0\xaf" two).
func replaceInvalidUTF8(s string) string {
	return mapInvalidUTF8(s, func(b *strings.Builder, _ string) {
		b.WriteRune(utf8.RuneError)
	})
}

// mapInvalidUTF8 copies s, calling bad for each maximal invalid subpart.
func mapInvalidUTF8(s string, bad func(*strings.Builder, string)) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError || size > 1 {
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		n := invalidSpan(s[i:])
		bad(&b, s[i:i+n])
		i += n
	}
	return b.String()
}

// invalidSpan is the length of the maximal subpart of an ill-formed
// sequence at the start of s (Unicode 3.9, table 3-7): the longest prefix
// of a well-formed sequence, at least one byte.
func invalidSpan(s string) int {
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

// requoteValues applies requoteInvalidUTF8 to the keys and values of v,
// returning v itself (no copy) when all of them are valid UTF-8.
func requoteValues(v Values) Values {
	if validValues(v) {
		return v
	}
	return mapValues(v, requoteInvalidUTF8)
}

// validValues reports whether every key and value of v is valid UTF-8.
func validValues(v Values) bool {
	for k, vs := range v {
		if !utf8.ValidString(k) {
			return false
		}
		for _, s := range vs {
			if !utf8.ValidString(s) {
				return false
			}
		}
	}
	return true
}

// mapValues returns v with f applied to every key and value, merging keys
// that become equal.
func mapValues(v Values, f func(string) string) Values {
	out := make(Values, len(v))
	for k, vs := range v {
		key := f(k)
		for _, s := range vs {
			out[key] = append(out[key], f(s))
		}
	}
	return out
}

// CheckText returns a 400 naming field when value cannot be stored as
// text: it contains a NUL character, which PostgreSQL refuses in text
// columns (and other databases may cut the value at). Werkzeug lets NUL
// through; call CheckText (or Values.Text) on the fields a handler saves.
func CheckText(field, value string) error {
	if strings.IndexByte(value, 0) >= 0 {
		return Abort(http.StatusBadRequest, fmt.Sprintf("The field %q contains a NUL character.", field))
	}
	return nil
}

// Text returns the first value of key, or "", as text to store: a value
// with a NUL character is a 400 naming the field (see CheckText).
func (v Values) Text(key string) (string, error) {
	s := v.Get(key)
	return s, CheckText(key, s)
}
