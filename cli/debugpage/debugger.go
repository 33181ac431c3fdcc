package debugpage

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/flagon-go/flagon"
)

// Prefix is the URL path reserved for the debugger's own pages.
const Prefix = "/__flagon__/"

// DefaultTrustedHosts are the Host header values the debug page answers
// by default: this machine only (a leading dot matches subdomains).
var DefaultTrustedHosts = []string{".localhost", "127.0.0.1", "::1", "[::1]"}

// Options configure Install.
type Options struct {
	// PIN protects the interactive part: "" generates one, PINOff
	// disables it.
	PIN string
	// Secret signs the PIN cookie; a random key when nil.
	Secret []byte
	// TrustedHosts replaces DefaultTrustedHosts. The config key
	// DEBUGGER_TRUSTED_HOSTS, when set, replaces both.
	TrustedHosts []string
	// Keep is how many failures stay available to the interactive pages
	// (50).
	Keep int
}

// Debugger serves the debug error page of one app.
type Debugger struct {
	app        *flagon.App
	pin        string
	secret     []byte
	cookieName string
	trusted    []string
	store      *store
	mu         sync.Mutex
	failures   int
	// sleep waits after a failed PIN; tests replace it.
	sleep func(context.Context, time.Duration)
}

// Install puts the debug page on app: it answers unhandled errors and
// panics (app.OnUnhandledError) and serves the debugger's pages under
// Prefix (app.Use). It does nothing visible while DEBUG is off. Install
// panics if app already handled a request.
func Install(app *flagon.App, opts Options) *Debugger {
	d := New(app, opts)
	app.OnUnhandledError(d.HandleError)
	app.Use(d.Middleware)
	return d
}

// New returns a Debugger for app without installing it; Install is the
// usual way.
func New(app *flagon.App, opts Options) *Debugger {
	d := &Debugger{app: app, pin: opts.PIN, secret: opts.Secret, trusted: opts.TrustedHosts, sleep: sleepCtx}
	if d.pin == "" {
		d.pin = NewPIN()
	}
	if len(d.secret) == 0 {
		d.secret = newSecret()
	}
	d.cookieName = cookieNameFor(d.secret)
	if d.trusted == nil {
		d.trusted = DefaultTrustedHosts
	}
	keep := opts.Keep
	if keep <= 0 {
		keep = 50
	}
	d.store = newStore(keep)
	return d
}

// PIN returns the PIN, or PINOff.
func (d *Debugger) PIN() string { return d.pin }

// allowed reports whether the debug page may answer r: debug mode is on
// and the Host header names a trusted host.
func (d *Debugger) allowed(r *http.Request) bool {
	return allowed(d.app, d.trusted, r)
}

func allowed(app *flagon.App, trusted []string, r *http.Request) bool {
	if !app.Debug() {
		return false
	}
	if hosts, err := app.Config.Strings("DEBUGGER_TRUSTED_HOSTS"); err == nil && len(hosts) > 0 {
		trusted = hosts
	}
	return hostTrusted(r.Host, trusted)
}

// hostSyntax is the Host header Werkzeug's host_is_trusted accepts: a
// name or IPv4 address, or a bracketed IPv6 address, then an optional
// numeric port.
var hostSyntax = regexp.MustCompile(`(?i)^([a-z0-9.-]+|\[[a-f0-9]*:[a-f0-9.:]+\])(:[0-9]+)?$`)

// hostTrusted is Werkzeug's host_is_trusted for the debugger: the Host
// header must be well formed (see hostSyntax; no trailing dot) and match
// one of trusted (flagon.HostTrusted). An empty list trusts no host.
func hostTrusted(host string, trusted []string) bool {
	m := hostSyntax.FindStringSubmatch(host)
	if m == nil || strings.HasSuffix(m[1], ".") {
		return false
	}
	return flagon.HostTrusted(host, trusted)
}

// HandleError answers an unhandled error with the debug page; it reports
// false (the default error page answers) when the page may not be shown.
func (d *Debugger) HandleError(c *flagon.Ctx, err error) bool {
	if !d.allowed(c.Request) {
		return false
	}
	f := capture(c, err, registryOf(d.app), d.cookieName)
	d.store.add(f)
	w := c.ResponseWriter()
	w.Header().Set("X-Flagon-Debug-Failure", f.ID)
	d.render(w, c.Request, f, flagon.HTTPStatus(err), pageState{})
	return true
}
