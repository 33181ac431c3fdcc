// Package entityhdr strips the headers Werkzeug's Response.get_wsgi_headers
// removes for responses without a body: Content-Length from 1xx and 204
// responses, and every entity header but Expires and Content-Location
// (Werkzeug's remove_entity_headers) from a 304. The server side of the
// web core and the test client both apply it, so a response looks the
// same through either.
package entityhdr

import (
	"net/http"
	"strings"
)

// entityHeaders is Werkzeug's _entity_headers, lower-cased.
var entityHeaders = map[string]bool{
	"allow": true, "content-encoding": true, "content-language": true,
	"content-length": true, "content-location": true, "content-md5": true,
	"content-range": true, "content-type": true, "expires": true,
	"last-modified": true,
}

// IsEntityHeader reports whether name is an entity header, Werkzeug's
// is_entity_header (case-insensitive).
func IsEntityHeader(name string) bool { return entityHeaders[strings.ToLower(name)] }

// Remove deletes every entity header of h except those named in allowed
// (case-insensitive), Werkzeug's remove_entity_headers(headers, allowed).
func Remove(h http.Header, allowed ...string) {
	for k := range h {
		if !IsEntityHeader(k) {
			continue
		}
		keep := false
		for _, a := range allowed {
			keep = keep || strings.EqualFold(a, k)
		}
		if !keep {
			delete(h, k)
		}
	}
}

// ForStatus removes from h what Werkzeug's get_wsgi_headers removes for
// status: Content-Length for 1xx and 204, the entity headers but Expires
// and Content-Location for 304. Other statuses keep h as is.
func ForStatus(h http.Header, status int) {
	switch {
	case status >= 100 && status < 200 || status == http.StatusNoContent:
		delete(h, "Content-Length")
	case status == http.StatusNotModified:
		Remove(h, "Expires", "Content-Location")
	}
}
