package flagon

import "strings"

// slashRedirectLocation returns the location of a strict-slashes redirect:
// the script root (ProxyFix's X-Forwarded-Prefix), the escaped path from
// the router and the request's query, re-escaped so that nothing from the
// request can end the path or the query early.
func slashRedirectLocation(c *Ctx, path string) string {
	loc := scriptRoot(c) + path
	if q := c.Request.URL.RawQuery; q != "" {
		loc += "?" + escapeQuery(q)
	}
	return loc
}

// escapeQuery percent-escapes the bytes of a raw query string that RFC 3986
// does not allow in a query ('#', spaces, quotes, backslash, controls and
// non-ASCII), keeping existing escapes and the separators as they are.
func escapeQuery(q string) string {
	i := 0
	for i < len(q) && queryByte(q[i]) {
		i++
	}
	if i == len(q) {
		return q
	}
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(q) + 8)
	b.WriteString(q[:i])
	for ; i < len(q); i++ {
		if c := q[i]; queryByte(c) {
			b.WriteByte(c)
		} else {
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		}
	}
	return b.String()
}

// queryByte reports whether c may appear as is in a query: unreserved,
// sub-delims, ':', '@', '/', '?' and '%' (an existing escape).
func queryByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=:@/?%", c) >= 0
}
