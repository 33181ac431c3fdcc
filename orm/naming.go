package orm

import (
	"strings"
	"unicode"
)

// SnakeCase converts a Go identifier to snake_case with Flask-SQLAlchemy's
// table-name rule (camel_to_snake_case): an underscore goes before an upper
// case letter that follows a lower case letter or digit, or that starts a
// lower case word. "HTMLLayout" is "html_layout", "HTTP2Request" is
// "http2_request" and "UserST4" is "user_st4".
func SnakeCase(name string) string {
	r := []rune(name)
	var b strings.Builder
	for i, c := range r {
		if i > 0 && unicode.IsUpper(c) && wordStart(r, i) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return strings.TrimLeft(b.String(), "_")
}

// wordStart reports whether the upper case rune at i starts a new word.
func wordStart(r []rune, i int) bool {
	prev := r[i-1]
	if unicode.IsLower(prev) || unicode.IsDigit(prev) {
		return true
	}
	return i+1 < len(r) && unicode.IsLower(r[i+1])
}
