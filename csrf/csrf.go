package csrf

import (
	"time"

	"github.com/flagon-go/flagon"
)

// Salt is Flask-WTF's signing salt for form tokens.
const Salt = "wtf-csrf-token"

// Options configures CSRF protection. Zero fields take Flask-WTF's
// defaults, read from the app's WTF_CSRF_* config keys when set.
type Options struct {
	// FieldName is the form field and session key (WTF_CSRF_FIELD_NAME,
	// "csrf_token").
	FieldName string
	// Headers are checked when the form has no token (WTF_CSRF_HEADERS,
	// X-CSRFToken and X-CSRF-Token).
	Headers []string
	// Methods are the methods that must carry a token (WTF_CSRF_METHODS,
	// POST, PUT, PATCH, DELETE).
	Methods []string
	// TimeLimit is how long a form token is valid (WTF_CSRF_TIME_LIMIT in
	// seconds, one hour; None, that is nil, for no limit). A negative value
	// disables the limit. Ages are counted in whole seconds, as
	// ItsDangerous does: a limit under a second (WTF_CSRF_TIME_LIMIT 0)
	// keeps a token valid within the second it was made.
	TimeLimit time.Duration
	// NoSSLStrict skips the same-origin Referer check on HTTPS
	// (WTF_CSRF_SSL_STRICT false).
	NoSSLStrict bool
	// Clock returns the current time (time.Now).
	Clock func() time.Time
}

// Protect is CSRF protection installed on an app. Fields of its Options
// left zero are read from the app's config at each use, as Flask-WTF reads
// app.config per request, so config loaded after New still applies.
type Protect struct {
	app       *flagon.App
	opts      Options
	exempt    map[string]bool
	exemptBPs map[string]bool
}

// tokenKey caches the request's signed token, as Flask-WTF caches it in g.
var tokenKey = flagon.NewKey[string]("csrf_token")

// New installs CSRF protection on app: a before-request check for every
// route (unless WTF_CSRF_ENABLED or WTF_CSRF_CHECK_DEFAULT is false, or the
// app is TESTING without WTF_CSRF_ENABLED set; see Enabled) and the
// csrf_token template function.
func New(app *flagon.App, opts ...Options) *Protect {
	p := &Protect{app: app, exempt: map[string]bool{}, exemptBPs: map[string]bool{}}
	if len(opts) > 0 {
		p.opts = opts[0]
	}
	app.BeforeRequest(p.check)
	app.TemplateRequestFunc("csrf_token", func(c *flagon.Ctx, _ ...any) (any, error) { return Token(c) })
	registry.Store(app, p)
	return p
}

// expireNext is the TimeLimit of WTF_CSRF_TIME_LIMIT = 0: Flask-WTF's
// max_age 0, a token expiring once a second has passed (the zero
// TimeLimit means "read the config").
const expireNext = time.Nanosecond

// options returns the Options with the zero fields read from the config.
func (p *Protect) options() Options {
	o := p.opts
	cfg := p.app.Config
	if o.FieldName == "" {
		o.FieldName = cfg.StringOr("WTF_CSRF_FIELD_NAME", "csrf_token")
	}
	if o.Headers == nil {
		o.Headers = cfg.StringsOr("WTF_CSRF_HEADERS", []string{"X-CSRFToken", "X-CSRF-Token"})
	}
	if o.Methods == nil {
		o.Methods = cfg.StringsOr("WTF_CSRF_METHODS", []string{"POST", "PUT", "PATCH", "DELETE"})
	}
	if o.TimeLimit == 0 {
		o.TimeLimit = cfg.DurationOr("WTF_CSRF_TIME_LIMIT", time.Hour)
		if v, ok := cfg.Get("WTF_CSRF_TIME_LIMIT"); ok && v == nil {
			o.TimeLimit = -1
		} else if o.TimeLimit == 0 {
			o.TimeLimit = expireNext
		}
	}
	if !o.NoSSLStrict {
		o.NoSSLStrict = !cfg.BoolOr("WTF_CSRF_SSL_STRICT", true)
	}
	if o.Clock == nil {
		o.Clock = time.Now
	}
	return o
}

// Exempt turns the check off for the named endpoints (Flask-WTF names
// views "module.function"; flagon names them by endpoint).
func (p *Protect) Exempt(endpoints ...string) {
	for _, e := range endpoints {
		p.exempt[e] = true
	}
}

// ExemptBlueprint turns the check off for every route of the blueprints
// registered under these dotted names, the names Flask gives
// request.blueprint ("parent.child" for a nested one). As in Flask-WTF, a
// blueprint nested in an exempt one is not exempt unless named itself.
func (p *Protect) ExemptBlueprint(names ...string) {
	for _, n := range names {
		p.exemptBPs[n] = true
	}
}
