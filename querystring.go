package flagon

import (
	"strings"

	"github.com/flagon-go/flagon/internal/pct"
)

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
		case ch == '%' && i+2 < len(s) && pct.Unhex(s[i+1]) < 16 && pct.Unhex(s[i+2]) < 16:
			b = append(b, pct.Unhex(s[i+1])<<4|pct.Unhex(s[i+2]))
			i += 2
		default:
			b = append(b, ch)
		}
	}
	return string(b)
}
