package dialect

import (
	"strconv"
	"strings"
)

// RebindNumbered rewrites '?' placeholders to prefix followed by a 1-based
// number ($1, $2, ...), leaving quoted strings, quoted identifiers and
// comments untouched. A "??" is an escaped literal question mark.
func RebindNumbered(query, prefix string) string {
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '\'' || c == '"' || c == '`':
			j := skipQuoted(query, i, c)
			b.WriteString(query[i:j])
			i = j - 1
		case c == '-' && strings.HasPrefix(query[i:], "--"):
			j := strings.IndexByte(query[i:], '\n')
			if j < 0 {
				j = len(query) - i
			}
			b.WriteString(query[i : i+j])
			i += j - 1
		case c == '?' && i+1 < len(query) && query[i+1] == '?':
			b.WriteByte('?')
			i++
		case c == '?':
			n++
			b.WriteString(prefix)
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// RebindQuestion returns query with "??" escapes turned into '?', for
// dialects whose placeholder is '?'.
func RebindQuestion(query string) string {
	if !strings.Contains(query, "??") {
		return query
	}
	var b strings.Builder
	for i := 0; i < len(query); i++ {
		c := query[i]
		if c == '\'' || c == '"' || c == '`' {
			j := skipQuoted(query, i, c)
			b.WriteString(query[i:j])
			i = j - 1
			continue
		}
		if c == '?' && i+1 < len(query) && query[i+1] == '?' {
			i++
		}
		b.WriteByte(c)
	}
	return b.String()
}

// skipQuoted returns the index just past the quoted run starting at i.
func skipQuoted(s string, i int, q byte) int {
	for j := i + 1; j < len(s); j++ {
		if s[j] == q {
			if j+1 < len(s) && s[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(s)
}

// QuoteWith quotes ident with the quote character q, doubling embedded quotes.
func QuoteWith(ident string, q byte) string {
	s := string(q)
	return s + strings.ReplaceAll(ident, s, s+s) + s
}
