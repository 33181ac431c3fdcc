// Package cookies reads and writes cookie values as Werkzeug does, so the
// web core, the session layer and the debugger agree on what a Cookie
// header holds: Parse is Werkzeug's parse_cookie, Quote and TokenValue
// the quoting of its dump_cookie. Go's http.Request.Cookie drops the
// cookies Werkzeug accepts with spaces around "=", quoted escapes or
// invalid UTF-8; nothing here uses it.
package cookies

import (
	"strconv"
	"strings"

	"github.com/flagon-go/flagon/internal/utf8x"
)

// Parse parses Cookie header values as Werkzeug's parse_cookie does, into
// name/value pairs in order: pairs are separated by ";", names and values
// are trimmed, a name without "=" has an empty value, a pair without a
// name is skipped, and a double-quoted value is unquoted with its
// backslash escapes (octal "\054" is ","; "\"" is a quote) decoded, so
// values Werkzeug's dump_cookie quoted (spaces, non-ASCII) come back as
// set. Invalid UTF-8 becomes U+FFFD, as Werkzeug's errors="replace".
func Parse(headers []string) [][2]string {
	var out [][2]string
	each(headers, func(k, v string) bool {
		out = append(out, [2]string{k, v})
		return true
	})
	return out
}

// Get returns the value of the first cookie called name in the Cookie
// header values, parsed as Parse does, without building the whole list.
func Get(headers []string, name string) (value string, ok bool) {
	each(headers, func(k, v string) bool {
		if k == name {
			value, ok = v, true
			return false
		}
		return true
	})
	return value, ok
}

// each calls yield with every name/value pair until it returns false.
func each(headers []string, yield func(k, v string) bool) {
	for _, h := range headers {
		// Werkzeug decodes the whole header with errors="replace".
		s := utf8x.Replace(h) + ";"
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
				value = unslash(value[1 : len(value)-1])
			}
			if !yield(key, value) {
				return
			}
		}
	}
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

// unslash decodes the backslash escapes of a quoted cookie value: three
// octal digits are a byte, any other escaped byte stands for itself;
// invalid UTF-8 in the result becomes U+FFFD.
func unslash(v string) string {
	if strings.IndexByte(v, '\\') < 0 {
		return utf8x.Replace(v)
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
	return utf8x.Replace(string(b))
}

func isOctal(c byte) bool { return c >= '0' && c <= '7' }
