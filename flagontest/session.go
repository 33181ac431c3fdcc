package flagontest

import (
	"net/http/httptest"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/session"
)

// SessionTransaction opens the session the client's cookies hold, lets fn
// read and change it, and keeps the saved session cookie for the next
// requests: Flask's `with client.session_transaction() as sess:`, e.g. to
// log a user in without going through the login form. The client's
// Handler must be the *flagon.App.
func (c *Client) SessionTransaction(fn func(s *session.Session)) {
	c.t.Helper()
	app, ok := c.Handler.(*flagon.App)
	if !ok {
		c.t.Fatalf("flagontest: SessionTransaction needs a client of a *flagon.App, not %T", c.Handler)
		return
	}
	u := c.BaseURL
	req := httptest.NewRequest("GET", u.String(), nil)
	for _, ck := range c.Jar.Cookies(u) {
		req.AddCookie(ck)
	}
	s := app.Sessions().Open(req)
	fn(s)
	rec := httptest.NewRecorder()
	if err := app.Sessions().Save(rec, req, s); err != nil {
		c.t.Fatalf("flagontest: saving the session: %v", err)
		return
	}
	c.Jar.SetCookies(u, rec.Result().Cookies())
}
