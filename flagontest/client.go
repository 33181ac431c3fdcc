// Package flagontest is flagon's test client, Flask's app.test_client():
// it sends requests to an http.Handler in process, keeps cookies between
// requests, builds form, JSON and multipart bodies, and can follow
// redirects. It works with go test and net/http/httptest.
package flagontest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"testing"
)

// Client sends requests to a handler and keeps a cookie jar.
type Client struct {
	// Handler receives the requests.
	Handler http.Handler
	// Jar holds cookies between requests.
	Jar http.CookieJar
	// BaseURL is the scheme and host requests are made to
	// ("http://localhost").
	BaseURL *url.URL
	// FollowRedirects makes every request follow redirects (up to 10).
	FollowRedirects bool
	t               testing.TB
}

// NewClient returns a client for h that fails t on transport errors.
func NewClient(t testing.TB, h http.Handler) *Client {
	jar, _ := cookiejar.New(nil)
	base, _ := url.Parse("http://localhost")
	return &Client{Handler: h, Jar: jar, BaseURL: base, t: t}
}

// Response is a recorded response with its body read.
type Response struct {
	*http.Response
	// Body is the whole response body.
	Body []byte
	// History holds the redirect responses that led here, oldest first.
	History []*Response
}

// Text returns the body as a string.
func (r *Response) Text() string { return string(r.Body) }

// JSON decodes the body into v.
func (r *Response) JSON(v any) error { return json.Unmarshal(r.Body, v) }

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

// Do sends a request with any method.
func (c *Client) Do(method, path string, opts ...Option) *Response {
	c.t.Helper()
	spec := &request{method: method, path: path, header: http.Header{}, follow: c.FollowRedirects}
	for _, o := range opts {
		if err := o(spec); err != nil {
			c.t.Fatalf("flagontest: %s %s: %v", method, path, err)
		}
	}
	resp := c.send(spec)
	var history []*Response
	for n := 0; spec.follow && isRedirect(resp.StatusCode) && n < 10; n++ {
		history = append(history, resp)
		spec = spec.redirected(resp)
		resp = c.send(spec)
	}
	resp.History = history
	return resp
}

// send performs one request through the handler.
func (c *Client) send(spec *request) *Response {
	c.t.Helper()
	u, err := c.target(spec)
	if err != nil {
		c.t.Fatalf("flagontest: bad path %q: %v", spec.path, err)
	}
	req := httptest.NewRequest(spec.method, u.String(), bytes.NewReader(spec.body))
	req.Host = u.Host
	for k, v := range spec.header {
		req.Header[k] = v
	}
	if spec.body == nil {
		req.Body = http.NoBody
		req.ContentLength = 0
	}
	for _, ck := range c.Jar.Cookies(u) {
		req.AddCookie(ck)
	}
	rec := httptest.NewRecorder()
	c.Handler.ServeHTTP(rec, req)
	res := rec.Result()
	c.Jar.SetCookies(u, res.Cookies())
	body, _ := io.ReadAll(res.Body)
	if spec.method == http.MethodHead {
		body = nil // a server sends no body for HEAD; the recorder keeps it
	}
	return &Response{Response: res, Body: body}
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
	if len(spec.query) > 0 {
		if u.RawQuery != "" {
			u.RawQuery += "&"
		}
		u.RawQuery += spec.query.Encode()
	}
	return u, nil
}

func isRedirect(code int) bool {
	switch code {
	case 301, 302, 303, 307, 308:
		return true
	}
	return false
}
