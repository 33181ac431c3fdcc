// Package scriptroot carries the URL prefix an app is served under
// (WSGI's SCRIPT_NAME, Werkzeug's request.script_root) in a request's
// context: ProxyFix sets it from X-Forwarded-Prefix, the test client from
// APPLICATION_ROOT, and URL building and redirects put it in front of
// the app's paths.
package scriptroot

import (
	"context"
	"strings"
)

type key struct{}

// Clean returns prefix with one leading slash and none trailing ("" for
// "/" or ""), as Werkzeug strips the script name's slashes when it joins
// it to a path: a prefix can never turn a path into a scheme-relative URL
// (//host).
func Clean(prefix string) string {
	if p := strings.Trim(prefix, "/"); p != "" {
		return "/" + p
	}
	return ""
}

// With returns ctx carrying prefix, cleaned.
func With(ctx context.Context, prefix string) context.Context {
	return context.WithValue(ctx, key{}, Clean(prefix))
}

// From returns the prefix ctx carries, or "".
func From(ctx context.Context) string {
	p, _ := ctx.Value(key{}).(string)
	return p
}
