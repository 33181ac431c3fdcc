package cookies

import (
	"fmt"
	"strings"
)

// TokenValue reports whether v is sent unquoted by Werkzeug's
// dump_cookie: letters, digits, "_" and !#$%&'()*+-./:<=>?@[]^`{|}~.
func TokenValue(v string) bool {
	for i := 0; i < len(v); i++ {
		ch := v[i]
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' ||
			strings.IndexByte("_!#$%&'()*+-./:<=>?@[]^`{|}~", ch) >= 0) {
			return false
		}
	}
	return true
}

// Quote quotes v as Werkzeug's dump_cookie: control bytes, ",", ";" and
// bytes from 0x7f as three-digit octal escapes, '"' and "\" behind a
// backslash, the whole in double quotes.
func Quote(v string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(v); i++ {
		switch ch := v[i]; {
		case ch == '"' || ch == '\\':
			b.WriteByte('\\')
			b.WriteByte(ch)
		case ch < 0x1a || ch == ',' || ch == ';' || ch >= 0x7f:
			fmt.Fprintf(&b, "\\%03o", ch)
		default:
			b.WriteByte(ch)
		}
	}
	b.WriteByte('"')
	return b.String()
}
