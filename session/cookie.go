package session

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/flagon-go/flagon/internal/cookies"
)

// ErrNoSecretKey is returned by Save when a session must be written but no
// secret key is configured.
var ErrNoSecretKey = errors.New("session: the session is unavailable because no secret key was set")

// ErrCookieTooLarge is returned (wrapped, with the sizes) by Save in Strict
// mode when the Set-Cookie value exceeds Options.MaxCookieSize.
var ErrCookieTooLarge = errors.New("session: cookie too large")

// CookieInterface stores the whole session in a signed cookie, exactly like
// Flask's SecureCookieSessionInterface. It is safe for concurrent use.
type CookieInterface struct {
	opts  Options
	codec *Codec // nil without a secret key
}

var _ Interface = (*CookieInterface)(nil)

// NewCookieInterface returns a CookieInterface for opts; zero CookieName,
// Path, PermanentLifetime, MaxCookieSize, Clock and Logger get defaults.
func NewCookieInterface(opts Options) *CookieInterface {
	c := &CookieInterface{opts: opts.withDefaults()}
	if len(c.opts.SecretKey) > 0 {
		c.codec = NewCodec(c.opts.SecretKey, c.opts.Fallbacks, c.opts.Clock)
	}
	return c
}

// Codec returns the codec used for cookie values, or nil without a secret
// key.
func (c *CookieInterface) Codec() *Codec { return c.codec }

// Open returns the session stored in the request's cookie (the Cookie
// header read as Werkzeug's parse_cookie, first cookie of the name), or an empty
// session with New set when the cookie is missing, tampered, expired
// (older than PermanentLifetime) or unreadable.
func (c *CookieInterface) Open(r *http.Request) *Session {
	value, _ := cookies.Get(r.Header["Cookie"], c.opts.CookieName)
	if value == "" || c.codec == nil {
		return &Session{data: map[string]any{}, New: true}
	}
	data, err := c.codec.Decode(value, c.opts.PermanentLifetime)
	if err != nil {
		return &Session{data: map[string]any{}, New: true}
	}
	return New(data)
}

// Save writes, refreshes or deletes the session cookie and adds
// "Vary: Cookie" following Flask's save_session rules.
func (c *CookieInterface) Save(w http.ResponseWriter, r *http.Request, s *Session) error {
	h := w.Header()
	if s.Accessed {
		addVary(h, "Cookie")
	}
	if len(s.data) == 0 {
		if s.Modified {
			c.setCookie(w, c.deletion())
		}
		return nil
	}
	if !s.Modified && !(c.opts.RefreshEachRequest && isPermanent(s)) {
		return nil
	}
	if c.codec == nil {
		return ErrNoSecretKey
	}
	value, err := c.codec.Encode(s.data)
	if err != nil {
		return err
	}
	return c.write(w, c.cookie(value, s))
}

func isPermanent(s *Session) bool {
	b, _ := s.data[PermanentKey].(bool)
	return b
}

func (c *CookieInterface) cookie(value string, s *Session) *http.Cookie {
	ck := c.base()
	ck.Value = value
	if isPermanent(s) {
		ck.Expires = c.opts.Clock().Add(c.opts.PermanentLifetime)
	}
	return ck
}

// deletion is Werkzeug's delete_cookie: empty value, expired, Max-Age=0.
func (c *CookieInterface) deletion() *http.Cookie {
	ck := c.base()
	ck.Expires = time.Unix(0, 0)
	ck.MaxAge = -1
	return ck
}

func (c *CookieInterface) base() *http.Cookie {
	o := c.opts
	return &http.Cookie{
		Name: o.CookieName, Domain: o.Domain, Path: o.Path,
		HttpOnly: o.HTTPOnly, Secure: o.Secure || o.Partitioned,
		Partitioned: o.Partitioned, SameSite: o.SameSite,
	}
}

func (c *CookieInterface) setCookie(w http.ResponseWriter, ck *http.Cookie) {
	w.Header().Add("Set-Cookie", ck.String())
	addVary(w.Header(), "Cookie")
}

// write sets ck after checking its size like Werkzeug's dump_cookie.
func (c *CookieInterface) write(w http.ResponseWriter, ck *http.Cookie) error {
	if err := ck.Valid(); err != nil {
		return fmt.Errorf("session: invalid cookie settings: %w", err)
	}
	header := ck.String()
	if limit := c.opts.MaxCookieSize; limit > 0 && len(header) > limit {
		err := fmt.Errorf("%w: the %q cookie is %d bytes (value %d bytes) but the limit is %d bytes; browsers may silently ignore it",
			ErrCookieTooLarge, ck.Name, len(header), len(ck.Value), limit)
		c.opts.Logger.Error("session cookie too large", "cookie", ck.Name,
			"size", len(header), "value_size", len(ck.Value), "limit", limit)
		if c.opts.Strict {
			return err
		}
	}
	w.Header().Add("Set-Cookie", header)
	addVary(w.Header(), "Cookie")
	return nil
}
