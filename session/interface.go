package session

import "net/http"

// Interface opens and saves sessions; it is Flask's SessionInterface and
// can be swapped for server-side storage.
type Interface interface {
	// Open returns the request's session. It never fails: a missing,
	// tampered, expired or unreadable cookie gives an empty new session.
	Open(r *http.Request) *Session
	// Save writes the session to the response headers (cookie and Vary).
	// It must be called before the headers are written.
	Save(w http.ResponseWriter, r *http.Request, s *Session) error
}
