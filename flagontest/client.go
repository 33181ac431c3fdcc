// Package flagontest is flagon's test client, Flask's app.test_client():
// it sends requests to an http.Handler in process, keeps cookies between
// requests, builds form, JSON and multipart bodies, and can follow
// redirects. It works with go test and net/http/httptest.
package flagontest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/internal/entityhdr"
	"github.com/flagon-go/flagon/internal/scriptroot"
)

// Client sends requests to a handler and keeps a cookie jar.
type Client struct {
	// Handler receives the requests.
	Handler http.Handler
	// Jar holds cookies between requests; nil sends and keeps no cookies
	// (Werkzeug's use_cookies=False).
	Jar http.CookieJar
	// BaseURL is the scheme and host requests are made to
	// ("http://localhost").
	BaseURL *url.URL
	// FollowRedirects makes every request follow redirects (up to 10).
	FollowRedirects bool
	// AllowSubdomainRedirects lets redirects go to a subdomain of the
	// request's host (Werkzeug's allow_subdomain_redirects); redirects to
	// any other host are an error.
	AllowSubdomainRedirects bool
	// Header holds headers sent with every request unless the request sets
	// them (Werkzeug's environ_base for HTTP_* keys).
	Header http.Header
	// RemoteAddr, when set, is the client address of every request
	// (environ_base's REMOTE_ADDR); 127.0.0.1:1234 otherwise, as
	// Werkzeug's client sends requests from 127.0.0.1.
	RemoteAddr string
	// ScriptRoot is the path prefix the app is mounted under, Werkzeug's
	// script_root: a request for path goes to BaseURL + ScriptRoot + path
	// (what the cookie jar matches), the app routes path and its URLs and
	// redirects carry ScriptRoot (as behind ProxyFix's X-Forwarded-Prefix).
	// A redirect under it is followed under it, one elsewhere without it.
	ScriptRoot string
	t          testing.TB
}

// NewClient returns a client for h that fails t on transport errors. For a
// *flagon.App the base URL is PREFERRED_URL_SCHEME://SERVER_NAME, with
// localhost when SERVER_NAME is unset, and the script root is
// APPLICATION_ROOT, as Flask's test client (its EnvironBuilder) builds
// them; other handlers get http://localhost and no script root.
func NewClient(t testing.TB, h http.Handler) *Client {
	jar, _ := cookiejar.New(nil)
	base, _ := url.Parse("http://localhost")
	root := ""
	if app, ok := h.(*flagon.App); ok {
		base.Scheme = app.Config.StringOr("PREFERRED_URL_SCHEME", "http")
		if host := app.Config.StringOr("SERVER_NAME", ""); host != "" {
			base.Host = host
		}
		root = scriptroot.Clean(app.Config.StringOr("APPLICATION_ROOT", "/"))
	}
	return &Client{Handler: h, Jar: jar, BaseURL: base, Header: http.Header{}, ScriptRoot: root, t: t}
}

// Response is a recorded response with its body read. Its Request field
// is the request that was sent.
type Response struct {
	*http.Response
	// Body is the whole response body.
	Body []byte
	// History holds the redirect responses that led here, oldest first.
	History []*Response
	url     *url.URL // the request's URL under the script root
}

// Text returns the body as a string.
func (r *Response) Text() string { return string(r.Body) }

// JSON decodes the body into v.
func (r *Response) JSON(v any) error { return json.Unmarshal(r.Body, v) }

// IsJSON reports whether the response's mimetype is application/json or
// application/*+json, Werkzeug's response.is_json.
func (r *Response) IsJSON() bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return mt == "application/json" || strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json")
}

// Location returns the Location header.
func (r *Response) Location() string { return r.Header.Get("Location") }

// Get sends a GET request.
func (c *Client) Get(path string, opts ...Option) *Response {
	return c.Do(http.MethodGet, path, opts...)
}

// Head sends a HEAD request.
func (c *Client) Head(path string, opts ...Option) *Response {
	return c.Do(http.MethodHead, path, opts...)
}

// Post sends a POST request; give the body with Form, JSON, Files or Raw.
func (c *Client) Post(path string, opts ...Option) *Response {
	return c.Do(http.MethodPost, path, opts...)
}

// Put sends a PUT request.
func (c *Client) Put(path string, opts ...Option) *Response {
	return c.Do(http.MethodPut, path, opts...)
}

// Patch sends a PATCH request.
func (c *Client) Patch(path string, opts ...Option) *Response {
	return c.Do(http.MethodPatch, path, opts...)
}

// Delete sends a DELETE request.
func (c *Client) Delete(path string, opts ...Option) *Response {
	return c.Do(http.MethodDelete, path, opts...)
}

// Options sends an OPTIONS request.
func (c *Client) Options(path string, opts ...Option) *Response {
	return c.Do(http.MethodOptions, path, opts...)
}

// Do sends a request with any method. A malformed request or a redirect
// that cannot be followed fails the test; Open returns those errors.
func (c *Client) Do(method, path string, opts ...Option) *Response {
	c.t.Helper()
	resp, err := c.Open(method, path, opts...)
	if err != nil {
		c.t.Fatalf("flagontest: %s %s: %v", method, path, err)
	}
	return resp
}

// Open sends a request like Do and returns, instead of failing the test,
// the errors of a bad option or path, a redirect loop (*RedirectError with
// Loop set, Werkzeug's ClientRedirectError), a redirect to another host
// and too many redirects.
func (c *Client) Open(method, path string, opts ...Option) (*Response, error) {
	spec := &request{method: method, path: path, header: http.Header{}, follow: c.FollowRedirects,
		scriptRoot: scriptroot.Clean(c.ScriptRoot)}
	for _, o := range opts {
		if err := o(spec); err != nil {
			return nil, err
		}
	}
	if spec.hasJSON {
		b, err := c.marshalJSON(spec.json)
		if err != nil {
			return nil, err
		}
		spec.body = b
	}
	resp, err := c.send(spec)
	if err != nil || !spec.follow {
		return resp, err
	}
	return c.follow(spec, resp)
}

// marshalJSON encodes a JSON option's value as the app would, Flask's
// EnvironBuilder.json_dumps.
func (c *Client) marshalJSON(v any) ([]byte, error) {
	if app, ok := c.Handler.(*flagon.App); ok && app.JSON != nil {
		return app.JSON.Marshal(v)
	}
	return json.Marshal(v)
}

// maxRedirects is how many redirects a request follows before failing.
const maxRedirects = 10

// follow follows resp's redirects as Werkzeug's test client does: to the
// same host only (or a subdomain when allowed), failing on a loop, that is
// the same location and status seen twice.
func (c *Client) follow(spec *request, resp *Response) (*Response, error) {
	type hop struct {
		location string
		code     int
	}
	seen := map[hop]bool{}
	var history []*Response
	for isRedirect(resp.StatusCode) {
		h := hop{resp.Location(), resp.StatusCode}
		if seen[h] {
			return resp, &RedirectError{Location: h.location, Code: h.code, Loop: true}
		}
		if len(history) == maxRedirects {
			return resp, &RedirectError{Location: h.location, Code: h.code, Reason: "too many redirects"}
		}
		seen[h] = true
		next, err := c.redirected(spec, resp)
		if err != nil {
			return resp, err
		}
		resp.History = slices.Clone(history)
		history = append(history, resp)
		spec = next
		if resp, err = c.send(spec); err != nil {
			return nil, err
		}
	}
	resp.History = history
	return resp, nil
}

// A RedirectError is a redirect the client did not follow: a loop
// (Werkzeug's ClientRedirectError), another host, or too many redirects.
type RedirectError struct {
	// Location and Code are the redirect's.
	Location string
	Code     int
	// Loop reports that the same redirect was already made.
	Loop bool
	// Reason says why the redirect was not followed, when not a loop.
	Reason string
}

// Error describes the redirect and why it was not followed.
func (e *RedirectError) Error() string {
	if e.Loop {
		return fmt.Sprintf("redirect loop: a %d redirect to %s was already made", e.Code, e.Location)
	}
	return fmt.Sprintf("not following the %d redirect to %s: %s", e.Code, e.Location, e.Reason)
}

// send performs one request through the handler.
func (c *Client) send(spec *request) (*Response, error) {
	u, err := c.target(spec)
	if err != nil {
		return nil, fmt.Errorf("bad path %q: %w", spec.path, err)
	}
	req := httptest.NewRequest(spec.method, u.String(), bytes.NewReader(spec.body))
	req.Host = u.Host
	full := u // the URL under the script root, as a browser sees it
	if spec.scriptRoot != "" {
		req = req.WithContext(scriptroot.With(req.Context(), spec.scriptRoot))
		cp := *u
		full = &cp
		full.Path = spec.scriptRoot + u.Path
		full.RawPath = ""
		if u.RawPath != "" {
			full.RawPath = spec.scriptRoot + u.RawPath
		}
	}
	for k, v := range c.Header {
		req.Header[k] = v
	}
	for k, v := range spec.header {
		req.Header[k] = v
	}
	req.RemoteAddr = "127.0.0.1:1234"
	if c.RemoteAddr != "" {
		req.RemoteAddr = c.RemoteAddr
	}
	if spec.remoteAddr != "" {
		req.RemoteAddr = spec.remoteAddr
	}
	if spec.body == nil {
		req.Body = http.NoBody
		req.ContentLength = 0
	}
	if c.Jar != nil {
		addCookies(req, c.Jar.Cookies(cookieURL(full)))
	}
	rec := httptest.NewRecorder()
	c.Handler.ServeHTTP(rec, req)
	res := rec.Result()
	res.Request = req
	if c.Jar != nil {
		c.Jar.SetCookies(full, responseCookies(res.Header))
	}
	body, _ := io.ReadAll(res.Body)
	if spec.method == http.MethodHead || !bodyAllowed(res.StatusCode) {
		// A server sends no body for HEAD, 1xx, 204 and 304 responses;
		// the recorder keeps it.
		body = nil
	}
	// Nor, as Werkzeug's get_wsgi_headers, a Content-Length for 1xx and
	// 204, or entity headers but Expires and Content-Location for 304,
	// whatever handler wrote the response.
	entityhdr.ForStatus(res.Header, res.StatusCode)
	return &Response{Response: res, Body: body, url: full}, nil
}

// target resolves the request's path, an escaped URL reference such as
// "/search?q=a+b" or "/files/a%20b", against BaseURL, and adds the Query
// option's values.
func (c *Client) target(spec *request) (*url.URL, error) {
	ref, err := url.Parse(spec.path)
	if err != nil {
		return nil, err
	}
	u := c.BaseURL.ResolveReference(ref)
	if ref.Scheme == "" && ref.Host == "" {
		// As Flask's EnvironBuilder: url_scheme and subdomain apply to
		// a path, not to a full URL.
		if spec.scheme != "" {
			u.Scheme = spec.scheme
		}
		if spec.subdomain != "" {
			u.Host = spec.subdomain + "." + u.Host
		}
	}
	if len(spec.query) > 0 {
		if u.RawQuery != "" {
			u.RawQuery += "&"
		}
		u.RawQuery += spec.query.Encode()
	}
	return u, nil
}

func bodyAllowed(code int) bool {
	return code >= 200 && code != http.StatusNoContent && code != http.StatusNotModified
}

func isRedirect(code int) bool {
	switch code {
	case 301, 302, 303, 305, 307, 308:
		return true
	}
	return false
}

// redirected returns the request that follows resp's redirect, resolved
// against the URL of the request that got it, as Werkzeug 3.1's
// resolve_redirect: only 307 and 308 repeat the method and body; every
// other redirect turns any method but HEAD into GET and drops the body and
// the headers that describe it (Content-Type, Content-Length,
// Transfer-Encoding), keeping the others.
// A redirect to another host is an error, unless it is to a subdomain and
// AllowSubdomainRedirects is set.
func (c *Client) redirected(r *request, resp *Response) (*request, error) {
	ref, err := url.Parse(resp.Location())
	if err != nil {
		return nil, &RedirectError{Location: resp.Location(), Code: resp.StatusCode, Reason: err.Error()}
	}
	from := resp.url
	to := from.ResolveReference(ref)
	to.Fragment = ""
	if err := c.checkHost(from.Hostname(), to.Hostname()); err != "" {
		return nil, &RedirectError{Location: resp.Location(), Code: resp.StatusCode, Reason: err}
	}
	// As Werkzeug's resolve_redirect: a location under the script root is
	// requested under it, one elsewhere with no script root.
	root := r.scriptRoot
	if under, ok := strings.CutPrefix(to.EscapedPath(), root); root != "" && ok && (under == "" || under[0] == '/') {
		p, err := url.Parse(under)
		if err != nil {
			return nil, &RedirectError{Location: resp.Location(), Code: resp.StatusCode, Reason: err.Error()}
		}
		to.Path, to.RawPath = p.Path, p.RawPath
	} else {
		root = ""
	}
	next := &request{method: r.method, path: to.String(), header: r.header.Clone(), body: r.body, follow: true,
		scriptRoot: root, remoteAddr: r.remoteAddr}
	if keepsRequest(resp.StatusCode) {
		return next, nil
	}
	if next.method != http.MethodHead {
		next.method = http.MethodGet
	}
	next.body = nil
	for _, h := range []string{"Content-Type", "Content-Length", "Transfer-Encoding"} {
		next.header.Del(h)
	}
	return next, nil
}

// keepsRequest reports whether a redirect with status code repeats the
// request's method and body: 307 and 308 only.
func keepsRequest(code int) bool {
	return code == http.StatusTemporaryRedirect || code == http.StatusPermanentRedirect
}

// checkHost explains why a redirect from host from to host to is not
// followed, or returns "".
func (c *Client) checkHost(from, to string) string {
	if strings.EqualFold(from, to) {
		return ""
	}
	if strings.HasSuffix(strings.ToLower(to), "."+strings.ToLower(from)) {
		if c.AllowSubdomainRedirects {
			return ""
		}
		return "following subdomain redirects is not enabled (set AllowSubdomainRedirects)"
	}
	return "following external redirects is not supported"
}
