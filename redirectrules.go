package flagon

import (
	"errors"
	"net/url"
	"strings"
)

// RedirectRule registers a rule whose every match is redirected (308) to
// target, Werkzeug's Rule(redirect_to="foo/<slug>") and Flask's
// add_url_rule(..., redirect_to=...): each <name> of target is replaced by
// the matched value, percent-escaped as url_for escapes it. A target
// without a leading '/' is below the script root; one with it starts at
// the host's root. The request's query string is not kept, as in
// Werkzeug. Its endpoint is "redirect:" plus the rule unless an Endpoint
// option names it.
//
//	app.RedirectRule("/old/<slug>", "new/<slug>")
func (s *Scaffold) RedirectRule(rule, target string, opts ...RouteOption) {
	s.checkOpen("RedirectRule")
	s.redirectRule(rule, opts, func(o *routeOptions) { o.redirectTo = target })
}

// RedirectRuleFunc is RedirectRule with the target computed from the
// matched values (Werkzeug's redirect_to with a callable): a path as for
// RedirectRule, or an absolute URL. An error from f is answered by the
// error handlers.
func (s *Scaffold) RedirectRuleFunc(rule string, f func(values map[string]any) (string, error), opts ...RouteOption) {
	s.checkOpen("RedirectRuleFunc")
	s.redirectRule(rule, opts, func(o *routeOptions) { o.redirectFunc = f })
}

// redirectRule records a redirect rule; its handler never runs.
func (s *Scaffold) redirectRule(rule string, opts []RouteOption, set RouteOption) {
	rec := routeRecord{rule: rule, handler: unreachableRedirect, site: callerSite(3)}
	rec.opts.endpoint = "redirect:" + rule
	for _, o := range opts {
		o(&rec.opts)
	}
	set(&rec.opts)
	s.record(rec)
}

// unreachableRedirect is the handler of redirect rules: matching them
// redirects before any handler runs.
func unreachableRedirect(*Ctx) error {
	return errors.New("flagon: a redirect rule's handler ran")
}

// targetLocation turns the target of a redirect rule into the Location:
// an absolute URL as is, a rooted path with its leading slashes merged
// into one (never a scheme-relative //host), and another path below the
// script root.
func targetLocation(c *Ctx, target string) string {
	if u, err := url.Parse(target); err == nil && u.Scheme != "" && u.Host != "" {
		return target
	}
	if strings.HasPrefix(target, "/") || strings.HasPrefix(target, "\\") {
		return "/" + strings.TrimLeft(target, "/\\")
	}
	return scriptRoot(c) + "/" + strings.TrimLeft(target, "/\\")
}
