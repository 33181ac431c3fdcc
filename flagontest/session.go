package flagontest

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/flagon-go/flagon/internal/scriptroot"
	"github.com/flagon-go/flagon/session"
)

// sessionHandler is a handler with sessions, as *flagon.App is.
type sessionHandler interface {
	Sessions() session.Interface
}

// keyedCodec is a session interface that signs with a codec, nil without
// a secret key, as *session.CookieInterface.
type keyedCodec interface {
	Codec() *session.Codec
}

// ErrCookiesDisabled is returned by SessionTransaction when the client has
// no cookie jar.
var ErrCookiesDisabled = errors.New("flagontest: cookies are disabled (the client's Jar is nil)")

// SessionTransaction opens the session the client's next request would
// see, passes it to fn to read or change, and stores the saved session in
// the client's cookies, Flask's client.session_transaction():
//
//	err := cl.SessionTransaction(func(s *session.Session) error {
//		s.Set("user_id", 42)
//		return nil
//	})
//
// An error from fn leaves the cookies unchanged. The handler must have
// sessions (a *flagon.App); without a SECRET_KEY the cookie session
// opens nothing and fn is not called (an error wrapping
// session.ErrNoSecretKey, Flask's "Session backend did not open a
// session"), and saving fails as a request would.
func (c *Client) SessionTransaction(fn func(s *session.Session) error) error {
	if c.Jar == nil {
		return ErrCookiesDisabled
	}
	sh, ok := c.Handler.(sessionHandler)
	if !ok {
		return fmt.Errorf("flagontest: %T has no sessions (no Sessions method)", c.Handler)
	}
	si := sh.Sessions()
	u := c.BaseURL.JoinPath(scriptroot.Clean(c.ScriptRoot), "/")
	req := httptest.NewRequest(http.MethodGet, u.String(), nil)
	req.Host = u.Host
	for _, ck := range c.Jar.Cookies(u) {
		req.AddCookie(ck)
	}
	if kc, ok := si.(keyedCodec); ok && kc.Codec() == nil {
		// Flask's SecureCookieSessionInterface opens no session without
		// a secret key, and session_transaction fails before the block.
		return fmt.Errorf("flagontest: the session backend did not open a session: %w", session.ErrNoSecretKey)
	}
	s := si.Open(req)
	if s == nil {
		return errors.New("flagontest: the session backend did not open a session")
	}
	if err := fn(s); err != nil {
		return err
	}
	rec := httptest.NewRecorder()
	if err := si.Save(rec, req, s); err != nil {
		return fmt.Errorf("flagontest: saving the session: %w", err)
	}
	c.Jar.SetCookies(u, rec.Result().Cookies())
	return nil
}
