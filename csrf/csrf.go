package csrf

import (
	"crypto/rand"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/sign"
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
	// TimeLimit is how long a form token is valid (WTF_CSRF_TIME_LIMIT,
	// one hour). A negative value disables the limit.
	TimeLimit time.Duration
	// NoSSLStrict skips the same-origin Referer check on HTTPS
	// (WTF_CSRF_SSL_STRICT false).
	NoSSLStrict bool
	// Clock returns the current time (time.Now).
	Clock func() time.Time
}

// Protect is CSRF protection installed on an app.
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
	p.opts = p.withDefaults(p.opts)
	app.BeforeRequest(p.check)
	app.TemplateRequestFunc("csrf_token", func(c *flagon.Ctx, _ ...any) (any, error) { return Token(c) })
	registry.Store(app, p)
	return p
}

func (p *Protect) withDefaults(o Options) Options {
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
	}
	if !o.NoSSLStrict {
		o.NoSSLStrict = !cfg.BoolOr("WTF_CSRF_SSL_STRICT", true)
	}
	if o.Clock == nil {
		o.Clock = time.Now
	}
	return o
}

// Exempt turns the check off for the named endpoints.
func (p *Protect) Exempt(endpoints ...string) {
	for _, e := range endpoints {
		p.exempt[e] = true
	}
}

// ExemptBlueprint turns the check off for every route of the blueprints
// registered under these names (nested blueprints included).
func (p *Protect) ExemptBlueprint(names ...string) {
	for _, n := range names {
		p.exemptBPs[n] = true
	}
}

// check is the before-request hook.
func (p *Protect) check(c *flagon.Ctx) error {
	cfg := p.app.Config
	if !p.Enabled() || !cfg.BoolOr("WTF_CSRF_CHECK_DEFAULT", true) {
		return nil
	}
	if !slices.Contains(p.opts.Methods, c.Request.Method) || p.isExempt(c) || c.Rule() == nil {
		return nil
	}
	return p.Validate(c)
}

// Enabled reports whether CSRF checks run: WTF_CSRF_ENABLED when it is
// set, and otherwise true except in testing mode (TESTING), so that test
// clients post forms without tokens as Flask projects arrange with
// WTF_CSRF_ENABLED=False in their test config. Set WTF_CSRF_ENABLED to true
// to test the protection itself.
func (p *Protect) Enabled() bool {
	cfg := p.app.Config
	if v, ok := cfg.Get("WTF_CSRF_ENABLED"); ok && v != nil {
		return cfg.BoolOr("WTF_CSRF_ENABLED", true)
	}
	return !p.app.Testing()
}

func (p *Protect) isExempt(c *flagon.Ctx) bool {
	if p.exempt[c.Endpoint()] {
		return true
	}
	for bp := c.Blueprint(); bp != ""; bp = parentName(bp) {
		if p.exemptBPs[bp] {
			return true
		}
	}
	return false
}

func parentName(name string) string {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return ""
	}
	return name[:i]
}

// Validate checks the request's token (form field, then headers) and, over
// HTTPS, its Referer; the error is a 400 *flagon.HTTPError wrapping an
// *Error.
func (p *Protect) Validate(c *flagon.Ctx) error {
	form, err := c.Form()
	if err != nil {
		return err
	}
	token := form.Get(p.opts.FieldName)
	for _, h := range p.opts.Headers {
		if token != "" {
			break
		}
		token = c.Request.Header.Get(h)
	}
	if err := p.validateToken(c, token); err != nil {
		return err
	}
	if c.Request.TLS != nil || c.Request.URL.Scheme == "https" {
		if !p.opts.NoSSLStrict {
			return checkReferrer(c)
		}
	}
	return nil
}

// validateToken is Flask-WTF's validate_csrf.
func (p *Protect) validateToken(c *flagon.Ctx, token string) error {
	if token == "" {
		return fail(ReasonMissing)
	}
	sessionToken, _ := c.Session().Get(p.opts.FieldName)
	raw, _ := sessionToken.(string)
	if raw == "" {
		return fail(ReasonSessionMissing)
	}
	ser, err := p.newSerializer()
	if err != nil {
		return err
	}
	var signed string
	_, err = ser.LoadsValue(token, p.maxAge(), &signed)
	switch {
	case errors.Is(err, sign.ErrSignatureExpired):
		return fail(ReasonExpired)
	case err != nil:
		return fail(ReasonInvalid)
	}
	if !hmacEqual(signed, raw) {
		return fail(ReasonMismatch)
	}
	return nil
}

func (p *Protect) maxAge() time.Duration {
	if p.opts.TimeLimit < 0 {
		return 0
	}
	return p.opts.TimeLimit
}

// errNoSecretKey is Flask-WTF's error ("A secret key is required to use CSRF.") for signing or checking a token
// without a secret key.
var errNoSecretKey = errors.New("csrf: a secret key is required to use CSRF")

// newSerializer signs with WTF_CSRF_SECRET_KEY, or the app's keys (the
// fallbacks still verify); errNoSecretKey when there is neither.
func (p *Protect) newSerializer() (*sign.Serializer, error) {
	keys := p.app.SecretKeys()
	if k := p.app.Config.StringOr("WTF_CSRF_SECRET_KEY", ""); k != "" {
		keys = [][]byte{[]byte(k)}
	}
	if len(keys) == 0 {
		return nil, errNoSecretKey
	}
	return sign.NewSerializer(keys, Salt, sign.WithClock(p.opts.Clock)), nil
}

// Token returns the signed CSRF token for forms, creating the raw token in
// the session when it has none, Flask-WTF's generate_csrf.
func Token(c *flagon.Ctx) (string, error) {
	if tok, ok := tokenKey.Get(c); ok {
		return tok, nil
	}
	p := forApp(c.App())
	s := c.Session()
	raw, _ := s.Get(p.opts.FieldName)
	rawToken, _ := raw.(string)
	if rawToken == "" {
		rawToken = newRawToken()
		s.Set(p.opts.FieldName, rawToken)
	}
	ser, err := p.newSerializer()
	if err != nil {
		return "", err
	}
	tok, err := ser.DumpsValue(rawToken)
	if err != nil {
		return "", err
	}
	tokenKey.Set(c, tok)
	return tok, nil
}

// newRawToken is sha1(os.urandom(64)).hexdigest(), as Flask-WTF.
func newRawToken() string {
	b := make([]byte, 64)
	_, _ = rand.Read(b)
	sum := sha1.Sum(b)
	return hex.EncodeToString(sum[:])
}

func checkReferrer(c *flagon.Ctx) error {
	ref := c.Request.Referer()
	if ref == "" {
		return fail(ReasonNoReferrer)
	}
	if !sameOrigin(ref, "https://"+c.Request.Host+"/") {
		return fail(ReasonBadReferrer)
	}
	return nil
}
