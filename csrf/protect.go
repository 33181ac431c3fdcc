package csrf

import (
	"slices"
	"sort"
	"strings"

	"github.com/flagon-go/flagon"
)

// check is the before-request hook (Flask-WTF's csrf_protect).
func (p *Protect) check(c *flagon.Ctx) error {
	if !p.Enabled() || !p.app.Config.BoolOr("WTF_CSRF_CHECK_DEFAULT", true) {
		return nil
	}
	if c.Rule() == nil || p.isExempt(c) {
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

// isExempt reports whether the endpoint or its blueprint (by the dotted
// name Flask gives request.blueprint) is exempt.
func (p *Protect) isExempt(c *flagon.Ctx) bool {
	return p.exempt[c.Endpoint()] || (c.Blueprint() != "" && p.exemptBPs[c.Blueprint()])
}

// Validate is Flask-WTF's CSRFProtect.protect: for a method of
// WTF_CSRF_METHODS it checks the request's token (form field, a field whose
// name ends with the field name such as "prefix-csrf_token", then the
// headers) and, over HTTPS with WTF_CSRF_SSL_STRICT, its Referer; other
// methods pass. Call it in an exempt view to protect it by hand. The error
// is a 400 *flagon.HTTPError wrapping an *Error.
func (p *Protect) Validate(c *flagon.Ctx) error {
	o := p.options()
	if !slices.Contains(o.Methods, c.Request.Method) {
		return nil
	}
	token, err := p.requestToken(c, o)
	if err != nil {
		return err
	}
	if err := p.validate(c, o, token); err != nil {
		return err
	}
	if (c.Request.TLS != nil || c.Request.URL.Scheme == "https") && !o.NoSSLStrict {
		return checkReferrer(c)
	}
	return nil
}

// requestToken finds the token as Flask-WTF's _get_csrf_token.
func (p *Protect) requestToken(c *flagon.Ctx, o Options) (string, error) {
	form, err := c.Form()
	if err != nil {
		return "", err
	}
	if tok := form.Get(o.FieldName); tok != "" {
		return tok, nil
	}
	keys := make([]string, 0, len(form))
	for k := range form {
		keys = append(keys, k)
	}
	sort.Strings(keys) // Values is a map: the body's order is lost
	for _, k := range keys {
		if tok := form.Get(k); strings.HasSuffix(k, o.FieldName) && tok != "" {
			return tok, nil
		}
	}
	for _, h := range o.Headers {
		if tok := c.Request.Header.Get(h); tok != "" {
			return tok, nil
		}
	}
	return "", nil
}
