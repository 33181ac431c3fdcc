package flagon

import (
	"fmt"
	"strconv"
	"strings"
)

// parseCookieHeader parses Cookie header values as Werkzeug's
// parse_cookie does, into name/value pairs in order: pairs are separated
// by ";", names and values are trimmed, a name without "=" has an empty
// value, a pair without a name is skipped, and a double-quoted value is
// unquoted with its backslash escapes (octal "\054" is ","; "\"" is a
// quote) decoded, so values Werkzeug's dump_cookie quoted (spaces,
// non-ASCII) come back as set. Go's http.Request.Cookie drops such
// cookies instead.
func parseCookieHeader(headers []string) [][2]string {
	var out [][2]string
	for _, h := range headers {
		// Werkzeug decodes the whole header with errors="replace".
		s := replaceInvalidUTF8(h) + ";"
		for i := 0; i < len(s); {
			j := i + strings.IndexAny(s[i:], "=;")
			key, value := s[i:j], ""
			if s[j] == '=' {
				value, j = cookieValue(s, j+1)
			}
			i = skipSpace(s, j+1) // past the ";"
			key, value = strings.TrimSpace(key), strings.TrimSpace(value)
			if key == "" {
				continue
			}
			if len(value) >= 2 && value[0] == '"' && value[len(value)-1] == '"' {
				value = unslashCookie(value[1 : len(value)-1])
			}
			out = append(out, [2]string{key, value})
		}
	}
	return out
}

// cookieValue returns the value starting at k (after "=") and the index
// of the ";" that ends it: a quoted string with escapes when a ";"
// follows it, else everything up to the next ";".
func cookieValue(s string, k int) (string, int) {
	k = skipSpace(s, k)
	if k < len(s) && s[k] == '"' {
		m := k + 1
		for m < len(s) && s[m] != '"' {
			if s[m] == '\\' && m+1 < len(s) {
				m++
			}
			m++
		}
		if m < len(s) {
			if after := skipSpace(s, m+1); after < len(s) && s[after] == ';' {
				return s[k : m+1], after
			}
		}
	}
	end := k + strings.IndexByte(s[k:], ';')
	return s[k:end], end
}

func skipSpace(s string, i int) int {
	for i < len(s) && strings.IndexByte(" \t\n\r\f\v", s[i]) >= 0 {
		i++
	}
	return i
}

// unslashCookie decodes the backslash escapes of a quoted cookie value:
// three octal digits are a byte, any other escaped byte stands for
// itself; invalid UTF-8 in the result becomes U+FFFD.
func unslashCookie(v string) string {
	if strings.IndexByte(v, '\\') < 0 {
		return replaceInvalidUTF8(v)
	}
	var b []byte
	for i := 0; i < len(v); i++ {
		if v[i] != '\\' || i+1 >= len(v) {
			b = append(b, v[i])
			continue
		}
		if i+3 < len(v) && v[i+1] >= '0' && v[i+1] <= '3' && isOctal(v[i+2]) && isOctal(v[i+3]) {
			n, _ := strconv.ParseUint(v[i+1:i+4], 8, 8)
			b = append(b, byte(n))
			i += 3
			continue
		}
		b = append(b, v[i+1])
		i++
	}
	return replaceInvalidUTF8(string(b))
}

func isOctal(c byte) bool { return c >= '0' && c <= '7' }

// cookieTokenValue reports whether v is sent unquoted by Werkzeug's
// dump_cookie: letters, digits, "_" and !#$%&'()*+-./:<=>?@[]^`{|}~.
func cookieTokenValue(v string) bool {
	for i := 0; i < len(v); i++ {
		ch := v[i]
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' ||
			strings.IndexByte("_!#$%&'()*+-./:<=>?@[]^`{|}~", ch) >= 0) {
			return false
		}
	}
	return true
}

// quoteCookieValue quotes v as Werkzeug's dump_cookie: control bytes,
// ",", ";" and bytes from 0x7f as three-digit octal escapes, '"' and
// "\" behind a backslash, the whole in double quotes.
func quoteCookieValue(v string) string {
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
