package flagon

import (
	"strings"

	"github.com/flagon-go/flagon/routing"
)

// WithHostMatching turns host matching on, Flask's
// Flask(host_matching=True, static_host=...): routes answer only requests
// whose Host fits their Host option ("api.example.com",
// "<tenant>.example.com", "app.<domain>"), url_for makes a URL for a route
// of another host absolute, and the app's static route answers on
// staticHost. Routes without a Host match no request, as in Werkzeug. It
// must come before routes are registered; subdomain matching is then off.
func WithHostMatching(staticHost string) Option {
	return func(a *App) {
		if len(a.urlMap.Rules()) > 0 {
			panic("flagon: WithHostMatching must be given to New before routes are registered")
		}
		a.urlMap.HostMatching = true
		a.SubdomainMatching = false
		a.StaticHost = staticHost
	}
}

// Host restricts the route to requests for a host, with host matching
// (WithHostMatching), Werkzeug's Rule(host=...): static text
// ("api.example.com", with the port when requests carry one) or one
// variable with static text around it ("<user>.example.com", read with
// c.Param and filled by url_for).
func Host(host string) RouteOption {
	return func(o *routeOptions) { o.host = host }
}

// staticHost returns the host of the app's static route: StaticHost with
// host matching. Host matching with a static folder and no static host is
// an error, as Flask's assertion.
func (a *App) staticHost() string {
	if !a.urlMap.HostMatching {
		return ""
	}
	if a.StaticHost == "" {
		panic("flagon: host matching with a static folder needs a static host: WithHostMatching(\"example.com\"), or StaticFS = nil")
	}
	return a.StaticHost
}

// buildHost returns the host of a URL for a rule of host host: "" (a
// relative URL) when it is the request's host and no external URL is
// asked for; the rule's host otherwise.
func (a *App) buildHost(c *Ctx, host string, external bool) string {
	if host == "" {
		return ""
	}
	if !external && c != nil && strings.EqualFold(c.Request.Host, host) {
		return ""
	}
	return host
}

// redirectHost returns the host of a canonical redirect to a rule of
// another subdomain or host, or "" for a redirect on this host.
func (a *App) redirectHost(e *routing.RedirectError) string {
	if !e.OtherDomain {
		return ""
	}
	if a.urlMap.HostMatching {
		return e.Domain
	}
	server := a.Config.StringOr("SERVER_NAME", "")
	if e.Domain == "" || server == "" {
		return server
	}
	return e.Domain + "." + server
}
