package flagon

import "strings"

// parseQuery parses a query string or urlencoded body as Python's
// parse_qsl(s, keep_blank_values=True), which Werkzeug uses for
// request.args and request.form: pairs are separated by "&" only (a ";"
// is part of the value), a pair without "=" has an empty value, "+" is a
// space, and a malformed escape ("%zz", "%4") is kept as written instead
// of dropping the pair. Escapes that decode to invalid UTF-8 stay escaped
// ("%FF"), Werkzeug's url_quote error handler.
func parseQuery(s string) Values {
	out := Values{}
	for s != "" {
		var pair string
		pair, s, _ = strings.Cut(s, "&")
		if pair == "" {
			continue
		}
		key, value, _ := strings.Cut(pair, "=")
		key, value = unquotePlus(key), unquotePlus(value)
		out[key] = append(out[key], value)
	}
	return requoteValues(out)
}

// unquotePlus is Python's unquote_plus with bytes kept: "+" becomes a
// space and each valid %XX escape its byte; anything else is kept.
func unquotePlus(s string) string {
	if strings.IndexByte(s, '%') < 0 && strings.IndexByte(s, '+') < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case ch == '+':
			b = append(b, ' ')
		case ch == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		default:
			b = append(b, ch)
		}
	}
	return string(b)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}
