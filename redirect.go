package flagon

import (
	"strings"

	"github.com/flagon-go/flagon/internal/pct"
	"golang.org/x/net/idna"
)

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
func escapeQuery(q string) string { return pct.Escape(q, queryByte) }

// queryByte reports whether c may appear as is in a query: unreserved,
// sub-delims, ':', '@', '/', '?' and '%' (an existing escape).
func queryByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=:@/?%", c) >= 0
}

// iriToURI converts a redirect location that may hold non-ASCII text to a
// URI, as Werkzeug's iri_to_uri does for the Location header: the host is
// encoded with IDNA (http://☃.net/ becomes http://xn--n3h.net/), and bytes
// that are not allowed in the path, query or fragment are percent-escaped
// (existing escapes are kept). A location whose host IDNA rejects is left
// for net/http to escape.
func iriToURI(loc string) string {
	if isPlainASCII(loc) {
		return loc
	}
	rest, fragment, hasFragment := strings.Cut(loc, "#")
	rest, query, hasQuery := strings.Cut(rest, "?")
	prefix, path := splitAuthority(rest)
	out := prefix + escapeIRI(path, "%!$&'()*+,/:;=@")
	if hasQuery {
		out += "?" + escapeIRI(query, "%!$&'()*+,/:;=?@")
	}
	if hasFragment {
		out += "#" + escapeIRI(fragment, "%!#$&'()*+,/:;=?@")
	}
	return out
}

// splitAuthority splits "scheme://user@host:port/path" into everything up
// to the path, with the host IDNA-encoded, and the path.
func splitAuthority(s string) (string, string) {
	i := strings.Index(s, "//")
	if i < 0 || strings.ContainsAny(s[:i], "/") {
		return "", s
	}
	start := i + 2
	end := len(s)
	if j := strings.IndexByte(s[start:], '/'); j >= 0 {
		end = start + j
	}
	auth := s[start:end]
	user, host, hasUser := strings.Cut(auth, "@")
	if !hasUser {
		user, host = "", auth
	}
	port := ""
	if k := strings.LastIndexByte(host, ':'); k >= 0 && !strings.Contains(host[k:], "]") {
		host, port = host[:k], host[k:]
	}
	if ascii, err := idna.Lookup.ToASCII(host); err == nil {
		host = ascii
	}
	if hasUser {
		host = escapeIRI(user, "%!$&'()*+,;=:") + "@" + host
	}
	return s[:start] + host + port, s[end:]
}

// escapeIRI percent-escapes the bytes of s that are neither unreserved
// nor in safe.
func escapeIRI(s, safe string) string {
	return pct.Escape(s, func(c byte) bool {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			strings.IndexByte("-._~", c) >= 0 || strings.IndexByte(safe, c) >= 0
	})
}

// isPlainASCII reports whether s has only the characters a URI allows
// (RFC 3986 unreserved and reserved characters and '%'), which need no
// conversion.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			strings.IndexByte("-._~:/?#[]@!$&'()*+,;=%", c) >= 0) {
			return false
		}
	}
	return true
}
