package flagon

import (
	"strings"
	"sync"

	"github.com/flagon-go/flagon/config"
	"github.com/flagon-go/flagon/session"
)

// requestConfig holds the config values that every request reads, derived
// from the config once per change of it (config.Config.Version) instead of
// being looked up under the config's lock on each request.
type requestConfig struct {
	cfg     *config.Config // the config they come from (App.Config may be replaced)
	version uint64
	// trustedHosts is TRUSTED_HOSTS; nil when unset or not a list.
	trustedHosts []string
	// serverName is SERVER_NAME, lower-cased.
	serverName string
	// sessionCookieName is SESSION_COOKIE_NAME, sessionRefresh
	// SESSION_REFRESH_EACH_REQUEST: whether a request carrying the
	// session cookie has its session saved by a view that ignores it.
	sessionCookieName string
	sessionRefresh    bool
	// maxCookieSize is MAX_COOKIE_SIZE: a longer Set-Cookie is logged.
	maxCookieSize int
	// sessions is the default session interface for this config version,
	// built on first use (App.SessionInterface nil).
	sessionsOnce sync.Once
	sessions     session.Interface
}

// requestConfig returns the request config values for the current
// config. Requests racing with a config change may both derive them; each
// result is complete and tagged with the version it was read at.
func (a *App) requestConfig() *requestConfig {
	cfg := a.Config
	v := cfg.Version()
	if rc := a.reqConfig.Load(); rc != nil && rc.cfg == cfg && rc.version == v {
		return rc
	}
	rc := &requestConfig{cfg: cfg, version: v}
	rc.trustedHosts, _ = cfg.Strings("TRUSTED_HOSTS")
	rc.serverName = strings.ToLower(cfg.StringOr("SERVER_NAME", ""))
	rc.sessionCookieName = cfg.StringOr("SESSION_COOKIE_NAME", "session")
	rc.sessionRefresh = cfg.BoolOr("SESSION_REFRESH_EACH_REQUEST", true)
	rc.maxCookieSize = cfg.IntOr("MAX_COOKIE_SIZE", 4093)
	a.reqConfig.Store(rc)
	return rc
}
