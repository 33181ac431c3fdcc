package flagon

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/flagon-go/flagon/internal/scriptroot"
)

// URLFor builds the URL of endpoint, Flask's url_for. values are
// alternating names and values ("id", 5) or one map[string]any. Values the
// rule does not use become the query string. Special names: _external
// (bool: scheme and host included), _scheme (implies _external; with
// _external false it is an error, as in Flask), _anchor
// (fragment) and _method (pick the rule for that method). An endpoint
// starting with "." is relative to the current blueprint.
//
// A missing value, a value the converter rejects or an unknown endpoint is
// an error naming the endpoint.
func (c *Ctx) URLFor(endpoint string, values ...any) (string, error) {
	if strings.HasPrefix(endpoint, ".") {
		if bp := c.Blueprint(); bp != "" {
			endpoint = bp + endpoint
		} else {
			endpoint = endpoint[1:]
		}
	}
	return c.app.buildURL(c, endpoint, values)
}

// URLFor builds a URL outside of a request. As Flask's url_for in an app
// context, the URL is external (PREFERRED_URL_SCHEME://SERVER_NAME/...)
// unless "_external" is false; without SERVER_NAME it is relative, and
// asking for an external one is an error. See Ctx.URLFor.
func (a *App) URLFor(endpoint string, values ...any) (string, error) {
	return a.buildURL(nil, endpoint, values)
}

// urlArgs are the parsed url_for arguments.
type urlArgs struct {
	values      map[string]any
	external    bool
	externalSet bool // _external was given
	scheme      string
	anchor      string
	method      string
}

func (a *App) buildURL(c *Ctx, endpoint string, values []any) (string, error) {
	args, err := parseURLArgs(endpoint, values)
	if err != nil {
		return "", err
	}
	if args.scheme != "" && args.externalSet && !args.external {
		// As Flask: no accidental scheme-less (insecure) URL.
		return "", fmt.Errorf("flagon: url_for(%q): when specifying '_scheme', '_external' must be true", endpoint)
	}
	if (c == nil || c.appOnly) && !args.externalSet && a.Config.StringOr("SERVER_NAME", "") != "" {
		// As Flask: outside a request URLs are external by default (links
		// in emails and CLI output need the host).
		args.external = true
	}
	a.Freeze()
	a.injectURLDefaults(c, endpoint, args.values)
	sub, path, query, err := a.urlMap.BuildSubdomain(endpoint, args.values, args.method)
	if err != nil {
		return a.handleURLBuildError(err, endpoint, args.values)
	}
	if a.urlMap.HostMatching {
		return a.finishURL(c, path, query, args, endpoint, a.buildHost(c, sub, args.external))
	}
	if a.otherSubdomain(c, sub) {
		// As Werkzeug: a URL for another subdomain is external.
		host, err := a.subdomainHost(sub, endpoint)
		if err != nil {
			return "", err
		}
		return a.finishURL(c, path, query, args, endpoint, host)
	}
	return a.finishURL(c, path, query, args, endpoint, "")
}

// otherSubdomain reports whether sub differs from the request's subdomain
// (or, outside a request or without subdomain matching, where Flask binds
// to the default subdomain, is not the default one).
func (a *App) otherSubdomain(c *Ctx, sub string) bool {
	if c == nil || !a.SubdomainMatching {
		return sub != ""
	}
	cur, _ := a.requestSubdomain(c.Request)
	return !strings.EqualFold(cur, sub)
}

// finishURL adds the script root, query, anchor and, when external (or
// host is forced), the scheme and host.
func (a *App) finishURL(c *Ctx, path string, query url.Values, args urlArgs, endpoint, host string) (string, error) {
	if query == nil {
		query = url.Values{}
	}
	a.addStaticVersion(endpoint, args.values, query)
	root := scriptRoot(c)
	if c == nil || c.appOnly {
		// As Flask's create_url_adapter outside a request: the map is
		// bound with script_name=APPLICATION_ROOT.
		root = scriptroot.Clean(a.Config.StringOr("APPLICATION_ROOT", "/"))
	}
	out := root + path
	if q := encodeQuery(query); q != "" {
		out += "?" + q
	}
	if args.anchor != "" {
		out += "#" + quoteAnchor(args.anchor)
	}
	if args.external || args.scheme != "" || host != "" {
		u := &url.URL{}
		if err := a.externalize(c, u, args.scheme, endpoint); err != nil {
			return "", err
		}
		if host != "" {
			u.Host = host
		}
		out = u.Scheme + "://" + u.Host + out
	}
	return out, nil
}

func parseURLArgs(endpoint string, values []any) (urlArgs, error) {
	args := urlArgs{values: map[string]any{}}
	if len(values) == 1 {
		m, ok := values[0].(map[string]any)
		if !ok {
			return args, fmt.Errorf("flagon: url_for(%q): odd number of name/value arguments (or pass one map[string]any)", endpoint)
		}
		for k, v := range m {
			args.set(k, v)
		}
		return args, nil
	}
	if len(values)%2 != 0 {
		return args, fmt.Errorf("flagon: url_for(%q): odd number of name/value arguments", endpoint)
	}
	for i := 0; i < len(values); i += 2 {
		k, ok := values[i].(string)
		if !ok {
			return args, fmt.Errorf("flagon: url_for(%q): argument %d must be a name (string), got %T", endpoint, i, values[i])
		}
		args.set(k, values[i+1])
	}
	return args, nil
}

func (u *urlArgs) set(k string, v any) {
	switch k {
	case "_external":
		b, _ := v.(bool)
		u.external, u.externalSet = b, true
	case "_scheme":
		u.scheme = fmt.Sprint(v)
	case "_anchor":
		u.anchor = fmt.Sprint(v)
	case "_method":
		u.method = strings.ToUpper(fmt.Sprint(v))
	default:
		u.values[k] = v
	}
}

// externalize fills in scheme and host: in a request SERVER_NAME (when
// set) or the request's host, with the request's scheme, as Werkzeug's
// bind_to_environ; outside one SERVER_NAME and PREFERRED_URL_SCHEME.
func (a *App) externalize(c *Ctx, u *url.URL, scheme, endpoint string) error {
	server := a.Config.StringOr("SERVER_NAME", "")
	switch {
	case server != "" && c != nil && !c.appOnly:
		// As Werkzeug's bind_to_environ: SERVER_NAME's host with the
		// request's scheme (PREFERRED_URL_SCHEME is for app contexts).
		u.Host = server
		u.Scheme = requestScheme(c)
	case server != "":
		u.Host = server
		u.Scheme = a.Config.StringOr("PREFERRED_URL_SCHEME", "http")
	case c != nil:
		u.Scheme = requestScheme(c)
		u.Host = requestHost(c.Request.Host, u.Scheme)
	default:
		return fmt.Errorf("flagon: cannot build an external URL for %q outside a request without SERVER_NAME", endpoint)
	}
	if scheme != "" {
		u.Scheme = scheme
	}
	u.Host = strings.ToLower(u.Host) // Werkzeug's Map.bind lower-cases it
	return nil
}

// requestHost is Werkzeug's get_host for a Host header: the scheme's
// default port (":80" for http and ws, ":443" for https and wss) is
// dropped.
func requestHost(host, scheme string) string {
	switch scheme {
	case "http", "ws":
		return strings.TrimSuffix(host, ":80")
	case "https", "wss":
		return strings.TrimSuffix(host, ":443")
	}
	return host
}

func requestScheme(c *Ctx) string {
	if c.Request.TLS != nil {
		return "https"
	}
	if c.Request.URL.Scheme != "" {
		return c.Request.URL.Scheme
	}
	return "http"
}

// scriptRoot returns the prefix the app is served under for c's request
// (ProxyFix's X-Forwarded-Prefix, the test client's APPLICATION_ROOT),
// Werkzeug's script_root, or "".
func scriptRoot(c *Ctx) string {
	if c == nil {
		return ""
	}
	return scriptroot.From(c.Request.Context())
}

// URLBuildErrorHandler handles a URL that cannot be built, Flask's
// url_build_error_handlers entry: it returns the URL to use, or ok false to
// pass (then the next handler, or the error, answers). It may return
// another error, which replaces err for the next handlers.
type URLBuildErrorHandler func(err error, endpoint string, values map[string]any) (url string, ok bool, herr error)

// OnURLBuildError adds h to the handlers URLFor tries, in order, when a URL
// cannot be built (Flask's app.url_build_error_handlers.append), e.g. to
// build URLs of endpoints another service answers.
func (a *App) OnURLBuildError(h URLBuildErrorHandler) {
	a.checkOpen("OnURLBuildError")
	a.buildErrorHandlers = append(a.buildErrorHandlers, h)
}

// handleURLBuildError is Flask's handle_url_build_error: the first handler
// that returns a URL wins; otherwise the last error is returned.
func (a *App) handleURLBuildError(err error, endpoint string, values map[string]any) (string, error) {
	for _, h := range a.buildErrorHandlers {
		u, ok, herr := h(err, endpoint, values)
		if herr != nil {
			err = herr
			continue
		}
		if ok {
			return u, nil
		}
	}
	return "", err
}

// anchorSafe are the bytes Flask leaves unescaped in _anchor, besides
// letters, digits and "-._~".
const anchorSafe = "%!#$&'()*+,/:;=?@"

// quoteAnchor escapes a URL fragment as Flask's url_for quotes _anchor
// (urllib's quote with anchorSafe as safe): "x y" gives "x%20y", "a/b?c"
// stays as it is.
func quoteAnchor(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch < 0x80 && (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' ||
			strings.IndexByte("-._~"+anchorSafe, ch) >= 0) {
			b.WriteByte(ch)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", ch)
	}
	return b.String()
}

// querySafe are the bytes Werkzeug's _urlencode leaves unescaped in built
// query strings, besides letters, digits and "-._~" (the WHATWG
// percent-encode set's exceptions): url_for(next="/a/b?c") gives
// "?next=/a/b?c" where url.Values.Encode would escape the slashes.
const querySafe = "!$'()*,/:;?@"

// encodeQuery encodes query as Werkzeug's _urlencode (urllib's urlencode
// with querySafe): spaces as '+', other bytes as %XX; keys sorted, as
// url.Values.Encode (see docs/web.md).
func encodeQuery(query url.Values) string {
	if len(query) == 0 {
		return ""
	}
	keys := make([]string, 0, len(query))
	for k := range query {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		for _, v := range query[k] {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(quotePlus(k))
			b.WriteByte('=')
			b.WriteString(quotePlus(v))
		}
	}
	return b.String()
}

// quotePlus is urllib's quote_plus with querySafe.
func quotePlus(s string) string {
	return strings.ReplaceAll(escapeIRI(s, querySafe+" "), " ", "+")
}
