package routing

import "github.com/flagon-go/flagon/internal/pct"

// escapePath percent-escapes s for use in a path segment, keeping the
// characters RFC 3986 allows there unescaped (unreserved, sub-delims, ':'
// and '@') and '/' only when keepSlash is set.
func escapePath(s string, keepSlash bool) string {
	if keepSlash {
		return pct.Escape(s, keepPathByte)
	}
	return pct.Escape(s, keepSegmentByte)
}

// keepPathByte reports whether c stays unescaped in a path.
func keepPathByte(c byte) bool { return keepByte(c, true) }

// keepSegmentByte reports whether c stays unescaped in one path segment.
func keepSegmentByte(c byte) bool { return keepByte(c, false) }

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
