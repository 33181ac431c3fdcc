package csrf

import (
	"crypto/subtle"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/flagon-go/flagon"
)

// Reason says why a request failed the CSRF check; the messages are
// Flask-WTF's.
type Reason string

// The reasons a request can fail the check.
const (
	ReasonMissing        Reason = "The CSRF token is missing."
	ReasonSessionMissing Reason = "The CSRF session token is missing."
	ReasonExpired        Reason = "The CSRF token has expired."
	ReasonInvalid        Reason = "The CSRF token is invalid."
	ReasonMismatch       Reason = "The CSRF tokens do not match."
	ReasonNoReferrer     Reason = "The referrer header is missing."
	ReasonBadReferrer    Reason = "The referrer does not match the host."
)

// Error is a failed CSRF check.
type Error struct {
	// Reason says what was wrong.
	Reason Reason
}

// Error implements error.
func (e *Error) Error() string { return "csrf: " + string(e.Reason) }

// fail returns the 400 for reason, with the reason as its description.
func fail(reason Reason) error {
	return flagon.NewHTTPError(http.StatusBadRequest, &Error{Reason: reason}, string(reason))
}

// hmacEqual compares the tokens in constant time.
func hmacEqual(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// checkReferrer is the strict HTTPS check of Flask-WTF's protect: the
// Referer must have the request's scheme, host and port.
func checkReferrer(c *flagon.Ctx) error {
	ref := c.Request.Referer()
	if ref == "" {
		return fail(ReasonNoReferrer)
	}
	if !sameOrigin(ref, "https://"+hostWithoutDefaultPort(c.Request.Host)+"/") {
		return fail(ReasonBadReferrer)
	}
	return nil
}

// hostWithoutDefaultPort drops ":443" as Werkzeug's request.host does for
// https.
func hostWithoutDefaultPort(host string) string {
	return strings.TrimSuffix(host, ":443")
}

// sameOrigin compares scheme, host name and port as Flask-WTF's
// same_origin with urlparse: case-insensitive scheme and host name, the
// port as a number (none differs from an explicit one), whatever the path,
// query or fragment hold.
func sameOrigin(current, target string) bool {
	a, ok1 := parseOrigin(current)
	b, ok2 := parseOrigin(target)
	return ok1 && ok2 && a == b
}

// origin is a URL's scheme, host name and port (-1 for none).
type origin struct {
	scheme, host string
	port         int
}

// parseOrigin parses the scheme and authority of u, ignoring the rest.
func parseOrigin(u string) (origin, bool) {
	if i := strings.Index(u, "//"); i >= 0 {
		if j := strings.IndexAny(u[i+2:], "/?#"); j >= 0 {
			u = u[:i+2+j]
		}
	}
	p, err := url.Parse(u)
	if err != nil {
		return origin{}, false
	}
	o := origin{scheme: strings.ToLower(p.Scheme), host: strings.ToLower(p.Hostname()), port: -1}
	if s := p.Port(); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n > 65535 {
			return origin{}, false
		}
		o.port = n
	}
	return o, true
}
