package session

import (
	"maps"
	"slices"
)

// PermanentKey is the key under which Flask stores Session.Permanent.
const PermanentKey = "_permanent"

// A Session is the data of one user's session, like Flask's
// SecureCookieSession. It records whether it was read (Accessed, which adds
// "Vary: Cookie") and changed (Modified, which rewrites the cookie).
//
// Changing a value nested inside a stored map or slice is not detected:
// set Modified to true yourself, as in Flask. A Session belongs to one
// request and is not safe for concurrent use.
type Session struct {
	data map[string]any
	// Modified reports that the data changed and the cookie must be
	// written.
	Modified bool
	// Accessed reports that the data was read or written.
	Accessed bool
	// New reports that no valid session cookie was sent with the request.
	New bool
}

// New returns a session holding data (which it takes ownership of).
func New(data map[string]any) *Session {
	if data == nil {
		data = map[string]any{}
	}
	return &Session{data: data}
}

// Get returns the value stored under key.
func (s *Session) Get(key string) (any, bool) {
	s.Accessed = true
	v, ok := s.data[key]
	return v, ok
}

// Set stores v under key.
func (s *Session) Set(key string, v any) {
	s.data[key] = v
	s.touch()
}

// Delete removes key; deleting a missing key changes nothing.
func (s *Session) Delete(key string) {
	s.Pop(key)
}

// Pop removes key and returns its value.
func (s *Session) Pop(key string) (any, bool) {
	s.Accessed = true
	v, ok := s.data[key]
	if ok {
		delete(s.data, key)
		s.Modified = true
	}
	return v, ok
}

// Keys returns the keys in sorted order.
func (s *Session) Keys() []string {
	s.Accessed = true
	return slices.Sorted(maps.Keys(s.data))
}

// Len returns the number of keys.
func (s *Session) Len() int {
	s.Accessed = true
	return len(s.data)
}

// Clear removes every key and marks the session modified, as Flask does.
func (s *Session) Clear() {
	clear(s.data)
	s.touch()
}

// Permanent reports whether the session outlives the browser session
// (Flask's session.permanent, stored as "_permanent").
func (s *Session) Permanent() bool {
	v, _ := s.Get(PermanentKey)
	b, _ := v.(bool)
	return b
}

// SetPermanent sets Permanent.
func (s *Session) SetPermanent(permanent bool) {
	s.Set(PermanentKey, permanent)
}

// Values returns a shallow copy of the data.
func (s *Session) Values() map[string]any {
	s.Accessed = true
	return maps.Clone(s.data)
}

func (s *Session) touch() {
	s.Modified = true
	s.Accessed = true
}
