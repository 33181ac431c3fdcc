package config

import (
	"strings"
	"unicode"
)

// UpperSnake converts a Go field name to an UPPER_SNAKE configuration key:
// MaxContentLength becomes MAX_CONTENT_LENGTH, HTTPServer becomes
// HTTP_SERVER, UserID becomes USER_ID and OAuth2Token becomes O_AUTH2_TOKEN.
func UpperSnake(name string) string {
	rs := []rune(name)
	var b strings.Builder
	for i, r := range rs {
		if i > 0 && wordStart(rs, i) && rs[i-1] != '_' {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// wordStart reports whether the upper-case rune rs[i] begins a new word:
// after a lower-case letter or digit, or as the last capital of an acronym
// followed by a lower-case letter (the S in HTTPServer).
func wordStart(rs []rune, i int) bool {
	if !unicode.IsUpper(rs[i]) {
		return false
	}
	prev := rs[i-1]
	if unicode.IsLower(prev) || unicode.IsDigit(prev) {
		return true
	}
	return unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1])
}
