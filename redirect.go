package flagon

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/flagon-go/flagon/internal/iri"
	"github.com/flagon-go/flagon/internal/pct"
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

// escapeIRI percent-escapes the bytes of s that are neither unreserved
// nor in safe.
func escapeIRI(s, safe string) string {
	return pct.Escape(s, func(c byte) bool {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			strings.IndexByte("-._~", c) >= 0 || strings.IndexByte(safe, c) >= 0
	})
}

// locationToURI converts the Location and Content-Location headers set
// any way (Redirect, a handler's own header, an after-request hook) with
// iri.ToURI, as Werkzeug's get_wsgi_headers does for every response; of
// several values the last one is kept, as there. A value with a line
// break is an error (Werkzeug's Headers refuse one with ValueError, a 500):
// net/http would send it with the break made a space, and urlsplit would
// drop it, "/\r\n/evil.com" becoming the protocol-relative "//evil.com".
func locationToURI(h http.Header) error {
	for _, k := range [...]string{"Location", "Content-Location"} {
		if v := h[k]; len(v) > 0 {
			if err := checkHeaderValue(k, v[len(v)-1]); err != nil {
				return err
			}
			h[k] = []string{iri.ToURI(v[len(v)-1])}
		}
	}
	return nil
}

// checkHeaderValue refuses a header value with a CR or LF, as Werkzeug's
// Headers do.
func checkHeaderValue(name, v string) error {
	if strings.ContainsAny(v, "\r\n") {
		return fmt.Errorf("flagon: the %s header value %q contains a newline character", name, v)
	}
	return nil
}

// sendLocationError answers with the 500 error page, reporting err, when
// the response's Location cannot be sent; it reports whether it did.
func (c *Ctx) sendLocationError(h http.Header) bool {
	err := locationToURI(h)
	if err == nil {
		return false
	}
	c.app.reportFailure(c, err)
	if c.err == nil {
		c.err = err
	}
	c.replaceResponse(asHTTPError(err))
	return true
}
