package routing

import "strings"

// escapePath percent-escapes s for use in a path segment, keeping the
// characters RFC 3986 allows there unescaped (unreserved, sub-delims, ':'
// and '@') and '/' only when keepSlash is set.
func escapePath(s string, keepSlash bool) string {
	i := 0
	for i < len(s) && keepByte(s[i], keepSlash) {
		i++
	}
	if i == len(s) {
		return s
	}
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if keepByte(c, keepSlash) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}

func keepByte(c byte, keepSlash bool) bool {
	if isIdentByte(c) {
		return true
	}
	switch c {
	case '-', '.', '~', '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@':
		return true
	case '/':
		return keepSlash
	}
	return false
}
