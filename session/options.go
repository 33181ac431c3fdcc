package session

import (
	"log/slog"
	"net/http"
	"time"
)

// Options configures a CookieInterface. The names follow Flask's
// configuration keys (SESSION_COOKIE_NAME and so on). Start from
// DefaultOptions: the zero value of a bool field is false, while Flask
// defaults HTTPOnly and RefreshEachRequest to true.
type Options struct {
	// SecretKey signs new cookies (SECRET_KEY). Without it sessions are
	// read-only and Save fails with ErrNoSecretKey when it must write.
	SecretKey []byte
	// Fallbacks are older keys still accepted (SECRET_KEY_FALLBACKS).
	Fallbacks [][]byte
	// CookieName is the cookie's name (default "session").
	CookieName string
	// Domain is the cookie's Domain attribute (empty: host only).
	Domain string
	// Path is the cookie's Path attribute (default "/").
	Path string
	// HTTPOnly sets the HttpOnly attribute.
	HTTPOnly bool
	// Secure sets the Secure attribute.
	Secure bool
	// Partitioned sets the Partitioned attribute (which implies Secure).
	Partitioned bool
	// SameSite sets the SameSite attribute (zero: not sent).
	SameSite http.SameSite
	// PermanentLifetime is the Expires offset of permanent sessions and the
	// maximum age of any cookie (default 31 days).
	PermanentLifetime time.Duration
	// RefreshEachRequest rewrites permanent sessions on every request.
	RefreshEachRequest bool
	// MaxCookieSize is the Set-Cookie value size over which a cookie is
	// reported as too large (default 4093, as Werkzeug).
	MaxCookieSize int
	// Clock returns the current time (default time.Now).
	Clock func() time.Time
	// Strict makes Save fail with ErrCookieTooLarge instead of only logging.
	Strict bool
	// Logger receives the oversize cookie error (default slog.Default()).
	Logger *slog.Logger
}

// DefaultOptions returns Flask's defaults for the given secret key.
func DefaultOptions(secret []byte) Options {
	return Options{
		SecretKey:          secret,
		CookieName:         "session",
		Path:               "/",
		HTTPOnly:           true,
		PermanentLifetime:  31 * 24 * time.Hour,
		RefreshEachRequest: true,
		MaxCookieSize:      4093,
	}
}

// withDefaults fills zero fields that have no meaningful zero value.
func (o Options) withDefaults() Options {
	d := DefaultOptions(nil)
	if o.CookieName == "" {
		o.CookieName = d.CookieName
	}
	if o.Path == "" {
		o.Path = d.Path
	}
	if o.PermanentLifetime <= 0 {
		o.PermanentLifetime = d.PermanentLifetime
	}
	if o.MaxCookieSize == 0 {
		o.MaxCookieSize = d.MaxCookieSize
	}
	if o.Clock == nil {
		o.Clock = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}
