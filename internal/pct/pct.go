// Package pct percent-escapes the bytes of URL parts, as Werkzeug's
// url_quote does: the routing layer for built paths and redirect
// locations, the web layer for redirect queries.
package pct

import "strings"

const hexDigits = "0123456789ABCDEF"

// Escape returns s with every byte for which keep reports false written
// as %XX (upper-case hex). When no byte needs escaping, s itself is
// returned and nothing is allocated.
func Escape(s string, keep func(byte) bool) string {
	i := 0
	for i < len(s) && keep(s[i]) {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if keep(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}

// Unhex returns the value of the hex digit c, or 255 when c is not one.
func Unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10
	}
	return 255
}
