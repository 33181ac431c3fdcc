package flagon

import (
	"net"
	"net/http"
	"strings"

	"github.com/flagon-go/flagon/internal/scriptroot"
)

// ProxyFixOptions says how many proxies in front of the app set each
// X-Forwarded-* header, Werkzeug's ProxyFix arguments. Zero trusts none.
type ProxyFixOptions struct {
	For, Proto, Host, Port, Prefix int
}

// ProxyFix returns middleware that trusts X-Forwarded-For, -Proto, -Host,
// -Port and -Prefix as set by the given number of proxies. Use it only
// behind proxies you run: the headers are trivial to forge.
func ProxyFix(o ProxyFixOptions) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			next.ServeHTTP(w, o.apply(r))
		})
	}
}

func (o ProxyFixOptions) apply(r *http.Request) *http.Request {
	r2 := r.Clone(r.Context())
	if v := trustedValue(r.Header.Values("X-Forwarded-For"), o.For); v != "" {
		r2.RemoteAddr = net.JoinHostPort(v, "0")
	}
	if v := trustedValue(r.Header.Values("X-Forwarded-Proto"), o.Proto); v != "" {
		r2.URL.Scheme = strings.ToLower(v)
	}
	if v := trustedValue(r.Header.Values("X-Forwarded-Host"), o.Host); v != "" {
		r2.Host = v
	}
	if v := trustedValue(r.Header.Values("X-Forwarded-Port"), o.Port); v != "" {
		host := r2.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		r2.Host = net.JoinHostPort(host, v)
	}
	if v := trustedValue(r.Header.Values("X-Forwarded-Prefix"), o.Prefix); v != "" {
		r2 = r2.WithContext(scriptroot.With(r2.Context(), v))
	}
	return r2
}

// trustedValue returns the value set by the trusted-th proxy from the
// right of a comma-separated header, or "" when there are fewer values.
func trustedValue(headers []string, trusted int) string {
	if trusted <= 0 || len(headers) == 0 {
		return ""
	}
	var values []string
	for _, h := range headers {
		for _, v := range strings.Split(h, ",") {
			values = append(values, strings.TrimSpace(v))
		}
	}
	if len(values) < trusted {
		return ""
	}
	return values[len(values)-trusted]
}
