package csrf

import (
	"crypto/subtle"
	"net/http"
	"net/url"

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

// sameOrigin compares scheme, host and port, as Werkzeug's same_origin.
func sameOrigin(current, target string) bool {
	a, err1 := url.Parse(current)
	b, err2 := url.Parse(target)
	if err1 != nil || err2 != nil {
		return false
	}
	return a.Scheme == b.Scheme && a.Hostname() == b.Hostname() && a.Port() == b.Port()
}
