package flagon

import (
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/flagon-go/flagon/routing"
)

// WithSubdomainMatching turns subdomain matching on, Flask's
// Flask(subdomain_matching=True): with SERVER_NAME set, routes registered
// with a Subdomain (or in a blueprint with one) answer only requests for
// that subdomain, and the others only requests for SERVER_NAME itself.
func WithSubdomainMatching() Option { return func(a *App) { a.SubdomainMatching = true } }

// Subdomain restricts the route to requests for a subdomain of
// SERVER_NAME (with App.SubdomainMatching): static text ("api") or a
// variable ("<user>", read with c.Param). It overrides the blueprint's.
// Without subdomain matching the route answers no request (requests are
// for the default subdomain), but URLs built for it are external ones
// for its subdomain, as in Flask.
func Subdomain(sub string) RouteOption {
	return func(o *routeOptions) { o.subdomain = &sub }
}

// match routes the request: by path, or with subdomain matching by the
// subdomain of the Host too. A host that is neither SERVER_NAME nor one of
// its subdomains matches nothing, as in Werkzeug 3.1.
func (a *App) match(c *Ctx) (*routing.Rule, error) {
	r := c.Request
	if a.urlMap.HostMatching {
		return a.urlMap.MatchHost(r.Method, lowerHost(r.Host), r.URL.Path, &c.params)
	}
	if !a.SubdomainMatching {
		return a.urlMap.Match(r.Method, r.URL.Path, &c.params)
	}
	sub, ok := a.requestSubdomain(r)
	if !ok {
		c.params.Reset()
		return nil, routing.ErrNotFound
	}
	return a.urlMap.MatchSubdomain(r.Method, sub, r.URL.Path, &c.params)
}

// lowerHost returns host lower-cased; a host that is already, as almost
// every one is, comes back without strings.ToLower's work.
func lowerHost(host string) string {
	for i := 0; i < len(host); i++ {
		if c := host[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(host)
		}
	}
	return host
}

// requestSubdomain returns the part of the request's host before
// SERVER_NAME ("" for SERVER_NAME itself, or when SERVER_NAME is unset),
// and false for a host outside SERVER_NAME.
func (a *App) requestSubdomain(r *http.Request) (string, bool) {
	server := a.requestConfig().serverName
	if server == "" {
		return "", true
	}
	host := lowerHost(r.Host)
	switch {
	case host == server:
		return "", true
	case strings.HasSuffix(host, "."+server):
		return host[:len(host)-len(server)-1], true
	}
	return "", false
}

// subdomainHost returns the host of a URL for subdomain sub, which needs
// SERVER_NAME.
func (a *App) subdomainHost(sub, endpoint string) (string, error) {
	server := a.Config.StringOr("SERVER_NAME", "")
	if server == "" {
		return "", fmt.Errorf("flagon: url_for(%q): building a URL for subdomain %q needs SERVER_NAME", endpoint, sub)
	}
	if sub == "" {
		return server, nil
	}
	return sub + "." + server, nil
}

// joinSubdomain combines a blueprint's subdomain with its parent's, as
// Flask does for nested blueprints.
func joinSubdomain(child, parent string) string {
	switch {
	case child == "":
		return parent
	case parent == "":
		return child
	}
	return child + "." + parent
}
