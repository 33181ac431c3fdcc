package flagon

import (
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/flagon-go/flagon/internal/utf8x"
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
	return utf8x.Map(s, func(b *strings.Builder, bad string) {
		for i := 0; i < len(bad); i++ {
			fmt.Fprintf(b, "%%%02X", bad[i])
		}
	})
}

// replaceInvalidUTF8 returns s with every invalid UTF-8 sequence replaced
// by U+FFFD, one per maximal subpart as Python's errors="replace" does
// ("\xe2\x82" is one U+FFFD, "\xc0\xaf" two).
func replaceInvalidUTF8(s string) string { return utf8x.Replace(s) }

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
