package flagon

import (
	"net"
	"net/http"
	"strings"
)

// checkHost enforces TRUSTED_HOSTS: a request whose Host is not listed is
// a 400. Entries match exactly, or as subdomains when they start with a
// dot (".example.com"), as in Werkzeug.
func (a *App) checkHost(c *Ctx) error {
	trusted := a.requestConfig().trustedHosts
	if len(trusted) == 0 {
		return nil
	}
	if HostTrusted(c.Request.Host, trusted) {
		return nil
	}
	return Abort(http.StatusBadRequest, "Host \""+c.Request.Host+"\" is not trusted (TRUSTED_HOSTS).")
}

// HostTrusted reports whether host (with or without a port) matches one of
// the trusted patterns.
func HostTrusted(host string, trusted []string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for _, t := range trusted {
		t = strings.ToLower(t)
		if strings.HasPrefix(t, ".") {
			if host == t[1:] || strings.HasSuffix(host, t) {
				return true
			}
			continue
		}
		if host == t {
			return true
		}
	}
	return false
}
