package flagon

import (
	"fmt"
	"html/template"
	"net/http"
	"strings"

	"github.com/flagon-go/flagon/config"
	"github.com/flagon-go/flagon/session"
)

// sessionState is the request's session, opened on first use.
type sessionState struct {
	s       *session.Session
	flashes *session.Flashes
}

// Session returns the request's session, Flask's session: a signed cookie
// by default, read on first use (which adds Vary: Cookie) and saved just
// before the headers are written when it changed. A tampered, expired or
// garbage cookie gives an empty session.
func (c *Ctx) Session() *session.Session {
	if c.sess.s == nil {
		c.sess.s = c.app.sessionInterface().Open(c.Request)
	}
	return c.sess.s
}

// Flash stores a message for the next request that shows messages,
// Flask's flash(message, category); the category defaults to "message".
func (c *Ctx) Flash(message string, category ...string) {
	cat := session.DefaultCategory
	if len(category) > 0 && category[0] != "" {
		cat = category[0]
	}
	session.Flash(c.Session(), message, cat)
	MessageFlashed.Send(c.app, FlashEvent{Ctx: c, Message: message, Category: cat})
}

// FlashMarkup flashes HTML-safe markup, Flask's flash(Markup(...)); in a
// template, {{ .HTML }} of a flashed message shows it unescaped (and other
// messages escaped), as Jinja's {{ message }} does.
func (c *Ctx) FlashMarkup(message template.HTML, category ...string) {
	cat := session.DefaultCategory
	if len(category) > 0 && category[0] != "" {
		cat = category[0]
	}
	session.FlashMarkup(c.Session(), message, cat)
	MessageFlashed.Send(c.app, FlashEvent{Ctx: c, Message: string(message), Category: cat})
}

// FlashedMessages returns and removes the flashed messages, Flask's
// get_flashed_messages; later calls in the same request return the same
// messages. categoryFilter keeps only those categories.
func (c *Ctx) FlashedMessages(categoryFilter ...string) []session.Flashed {
	if c.sess.flashes == nil {
		c.sess.flashes = session.NewFlashes(c.Session())
	}
	return c.sess.flashes.Get(true, categoryFilter)
}

// sessionToSave reports whether saveSession has a session to save: one
// opened during the request, or one whose cookie the request carries and
// SESSION_REFRESH_EACH_REQUEST refreshes (Flask opens the session on every
// request, so a permanent session is re-sent, with Vary: Cookie, even by
// views that never touch it).
func (c *Ctx) sessionToSave() bool {
	return c.sess.s != nil || c.app.refreshesSession(c)
}

// saveSession is the built-in finalizer, run after the others when
// sessionToSave: it writes the session cookie, opening the session of the
// request first when the handler left it alone.
func saveSession(c *Ctx) error {
	if c.sess.s == nil {
		c.sess.s = c.app.sessionInterface().Open(c.Request)
	}
	return c.app.sessionInterface().Save(&c.w, c.Request, c.sess.s)
}

// refreshesSession reports whether a request whose handler left the
// session alone still needs its session saved: it sends the session
// cookie and SESSION_REFRESH_EACH_REQUEST is on. Save then decides, as
// Flask's should_set_cookie, by the session's permanence.
func (a *App) refreshesSession(c *Ctx) bool {
	if len(c.Request.Header["Cookie"]) == 0 {
		return false
	}
	rc := a.requestConfig()
	if !rc.sessionRefresh {
		return false
	}
	_, ok := c.Cookie(rc.sessionCookieName)
	return ok
}

// Sessions returns the session interface requests use: App.SessionInterface,
// or the signed cookie interface built from the config. The test client's
// SessionTransaction opens and saves sessions through it.
func (a *App) Sessions() session.Interface { return a.sessionInterface() }

// sessionInterface returns App.SessionInterface, or the default signed
// cookie interface built from the current config (once per config
// version, cached with the request config): as Flask's
// SecureCookieSessionInterface reads app.config on each request, a
// config change takes effect on the next request.
func (a *App) sessionInterface() session.Interface {
	if si := a.SessionInterface; si != nil {
		return si
	}
	rc := a.requestConfig()
	rc.sessionsOnce.Do(func() {
		rc.sessions = session.NewCookieInterface(a.sessionOptions(rc.cfg))
		if err := checkSessionConfig(rc.cfg); err != nil {
			rc.sessions = brokenSessions{err}
		}
	})
	return rc.sessions
}

// sessionOptions maps the SESSION_* and SECRET_KEY* keys of cfg to the
// cookie interface's options. In debug and testing mode an oversized
// cookie is an error instead of a logged warning.
func (a *App) sessionOptions(cfg *config.Config) session.Options {
	o := session.DefaultOptions(secretKey(cfg))
	o.Fallbacks = fallbackKeys(cfg)
	o.CookieName = cfg.StringOr("SESSION_COOKIE_NAME", o.CookieName)
	o.Domain = cfg.StringOr("SESSION_COOKIE_DOMAIN", "")
	o.Path = cfg.StringOr("SESSION_COOKIE_PATH", cfg.StringOr("APPLICATION_ROOT", "/"))
	o.HTTPOnly = cfg.BoolOr("SESSION_COOKIE_HTTPONLY", true)
	o.Secure = cfg.BoolOr("SESSION_COOKIE_SECURE", false)
	o.Partitioned = cfg.BoolOr("SESSION_COOKIE_PARTITIONED", false)
	o.SameSite = sameSite(cfg.StringOr("SESSION_COOKIE_SAMESITE", ""))
	o.PermanentLifetime = cfg.DurationOr("PERMANENT_SESSION_LIFETIME", o.PermanentLifetime)
	o.RefreshEachRequest = cfg.BoolOr("SESSION_REFRESH_EACH_REQUEST", true)
	o.MaxCookieSize = cfg.IntOr("MAX_COOKIE_SIZE", o.MaxCookieSize)
	o.Strict = cfg.BoolOr("DEBUG", false) || cfg.BoolOr("TESTING", false)
	o.Logger = a.Logger
	return o
}

func sameSite(v string) http.SameSite {
	switch strings.ToLower(v) {
	case "lax":
		return http.SameSiteLaxMode
	case "strict":
		return http.SameSiteStrictMode
	case "none":
		return http.SameSiteNoneMode
	}
	return 0
}

// checkSessionConfig reports session settings that would fail when a
// cookie is set: SESSION_COOKIE_SAMESITE must be unset, "Strict", "Lax" or
// "None" (Werkzeug's dump_cookie raises for anything else).
func checkSessionConfig(cfg *config.Config) error {
	v, ok := cfg.Get("SESSION_COOKIE_SAMESITE")
	if !ok || v == nil {
		return nil
	}
	s, isString := v.(string)
	if isString && (s == "" || sameSite(s) != 0) {
		return nil
	}
	return fmt.Errorf("flagon: SESSION_COOKIE_SAMESITE must be \"Strict\", \"Lax\" or \"None\", got %#v", v)
}

// SecretKeys returns the signing keys oldest first: SECRET_KEY_FALLBACKS
// then SECRET_KEY, the order ItsDangerous expects.
func (a *App) SecretKeys() [][]byte {
	cfg := a.Config
	keys := fallbackKeys(cfg)
	if k := secretKey(cfg); k != nil {
		keys = append(keys, k)
	}
	return keys
}

// fallbackKeys returns SECRET_KEY_FALLBACKS as byte keys.
func fallbackKeys(cfg *config.Config) [][]byte {
	v, _ := cfg.Get("SECRET_KEY_FALLBACKS")
	var out [][]byte
	switch list := v.(type) {
	case []string:
		for _, s := range list {
			out = append(out, []byte(s))
		}
	case []any:
		for _, x := range list {
			if k := keyBytes(x); k != nil {
				out = append(out, k)
			}
		}
	case [][]byte:
		out = append(out, list...)
	}
	return out
}

func keyBytes(v any) []byte {
	switch k := v.(type) {
	case string:
		if k == "" {
			return nil
		}
		return []byte(k)
	case []byte:
		return k
	case nil:
		return nil
	}
	return []byte(fmt.Sprint(v))
}

// brokenSessions stands in for the cookie interface when the session
// config is invalid: sessions open empty and saving one fails with the
// config error, so the misconfiguration is a logged 500, never a cookie
// silently sent with other attributes.
type brokenSessions struct{ err error }

func (b brokenSessions) Open(*http.Request) *session.Session { return session.New(nil) }

func (b brokenSessions) Save(http.ResponseWriter, *http.Request, *session.Session) error {
	return b.err
}

// secretKey returns SECRET_KEY as bytes, or nil when unset.
func secretKey(cfg *config.Config) []byte {
	v, _ := cfg.Get("SECRET_KEY")
	return keyBytes(v)
}
