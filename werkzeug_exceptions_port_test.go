package flagon_test

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// werkzeugBodies is the HTML body of each of Werkzeug 3.1's
// default_exceptions (HTTPException.get_body()), the pages flagon sends
// for Abort(code).
var werkzeugBodies = []struct {
	code int
	body string
}{
	{400, "<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n<p>The browser (or proxy) sent a request that this server could not understand.</p>\n"},
	{401, "<!doctype html>\n<html lang=en>\n<title>401 Unauthorized</title>\n<h1>Unauthorized</h1>\n<p>The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn&#39;t understand how to supply the credentials required.</p>\n"},
	{403, "<!doctype html>\n<html lang=en>\n<title>403 Forbidden</title>\n<h1>Forbidden</h1>\n<p>You don&#39;t have the permission to access the requested resource. It is either read-protected or not readable by the server.</p>\n"},
	{404, "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n"},
	{405, "<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n"},
	{406, "<!doctype html>\n<html lang=en>\n<title>406 Not Acceptable</title>\n<h1>Not Acceptable</h1>\n<p>The resource identified by the request is only capable of generating response entities which have content characteristics not acceptable according to the accept headers sent in the request.</p>\n"},
	{408, "<!doctype html>\n<html lang=en>\n<title>408 Request Timeout</title>\n<h1>Request Timeout</h1>\n<p>The server closed the network connection because the browser didn&#39;t finish the request within the specified time.</p>\n"},
	{409, "<!doctype html>\n<html lang=en>\n<title>409 Conflict</title>\n<h1>Conflict</h1>\n<p>A conflict happened while processing the request. The resource might have been modified while the request was being processed.</p>\n"},
	{410, "<!doctype html>\n<html lang=en>\n<title>410 Gone</title>\n<h1>Gone</h1>\n<p>The requested URL is no longer available on this server and there is no forwarding address. If you followed a link from a foreign page, please contact the author of this page.</p>\n"},
	{411, "<!doctype html>\n<html lang=en>\n<title>411 Length Required</title>\n<h1>Length Required</h1>\n<p>A request with this method requires a valid &lt;code&gt;Content-Length&lt;/code&gt; header.</p>\n"},
	{412, "<!doctype html>\n<html lang=en>\n<title>412 Precondition Failed</title>\n<h1>Precondition Failed</h1>\n<p>The precondition on the request for the URL failed positive evaluation.</p>\n"},
	{413, "<!doctype html>\n<html lang=en>\n<title>413 Request Entity Too Large</title>\n<h1>Request Entity Too Large</h1>\n<p>The data value transmitted exceeds the capacity limit.</p>\n"},
	{414, "<!doctype html>\n<html lang=en>\n<title>414 Request URI Too Long</title>\n<h1>Request URI Too Long</h1>\n<p>The length of the requested URL exceeds the capacity limit for this server. The request cannot be processed.</p>\n"},
	{415, "<!doctype html>\n<html lang=en>\n<title>415 Unsupported Media Type</title>\n<h1>Unsupported Media Type</h1>\n<p>The server does not support the media type transmitted in the request.</p>\n"},
	{416, "<!doctype html>\n<html lang=en>\n<title>416 Requested Range Not Satisfiable</title>\n<h1>Requested Range Not Satisfiable</h1>\n<p>The server cannot provide the requested range.</p>\n"},
	{417, "<!doctype html>\n<html lang=en>\n<title>417 Expectation Failed</title>\n<h1>Expectation Failed</h1>\n<p>The server could not meet the requirements of the Expect header</p>\n"},
	{418, "<!doctype html>\n<html lang=en>\n<title>418 I&#39;m a teapot</title>\n<h1>I&#39;m a teapot</h1>\n<p>This server is a teapot, not a coffee machine</p>\n"},
	{421, "<!doctype html>\n<html lang=en>\n<title>421 Misdirected Request</title>\n<h1>Misdirected Request</h1>\n<p>The server is not able to produce a response.</p>\n"},
	{422, "<!doctype html>\n<html lang=en>\n<title>422 Unprocessable Entity</title>\n<h1>Unprocessable Entity</h1>\n<p>The request was well-formed but was unable to be followed due to semantic errors.</p>\n"},
	{423, "<!doctype html>\n<html lang=en>\n<title>423 Locked</title>\n<h1>Locked</h1>\n<p>The resource that is being accessed is locked.</p>\n"},
	{424, "<!doctype html>\n<html lang=en>\n<title>424 Failed Dependency</title>\n<h1>Failed Dependency</h1>\n<p>The method could not be performed on the resource because the requested action depended on another action and that action failed.</p>\n"},
	{428, "<!doctype html>\n<html lang=en>\n<title>428 Precondition Required</title>\n<h1>Precondition Required</h1>\n<p>This request is required to be conditional; try using &#34;If-Match&#34; or &#34;If-Unmodified-Since&#34;.</p>\n"},
	{429, "<!doctype html>\n<html lang=en>\n<title>429 Too Many Requests</title>\n<h1>Too Many Requests</h1>\n<p>This user has exceeded an allotted request count. Try again later.</p>\n"},
	{431, "<!doctype html>\n<html lang=en>\n<title>431 Request Header Fields Too Large</title>\n<h1>Request Header Fields Too Large</h1>\n<p>One or more header fields exceeds the maximum size.</p>\n"},
	{451, "<!doctype html>\n<html lang=en>\n<title>451 Unavailable For Legal Reasons</title>\n<h1>Unavailable For Legal Reasons</h1>\n<p>Unavailable for legal reasons.</p>\n"},
	{500, "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n"},
	{501, "<!doctype html>\n<html lang=en>\n<title>501 Not Implemented</title>\n<h1>Not Implemented</h1>\n<p>The server does not support the action requested by the browser.</p>\n"},
	{502, "<!doctype html>\n<html lang=en>\n<title>502 Bad Gateway</title>\n<h1>Bad Gateway</h1>\n<p>The proxy server received an invalid response from an upstream server.</p>\n"},
	{503, "<!doctype html>\n<html lang=en>\n<title>503 Service Unavailable</title>\n<h1>Service Unavailable</h1>\n<p>The server is temporarily unable to service your request due to maintenance downtime or capacity problems. Please try again later.</p>\n"},
	{504, "<!doctype html>\n<html lang=en>\n<title>504 Gateway Timeout</title>\n<h1>Gateway Timeout</h1>\n<p>The connection to an upstream server timed out.</p>\n"},
	{505, "<!doctype html>\n<html lang=en>\n<title>505 HTTP Version Not Supported</title>\n<h1>HTTP Version Not Supported</h1>\n<p>The server does not support the HTTP protocol version used in the request.</p>\n"},
}

// Cases ported from Werkzeug's tests/test_exceptions.py, on
// flagon.Abort and *flagon.HTTPError and the default error pages.
func TestWerkzeugExceptions(t *testing.T) {
	app := quietApp()
	app.Get("/abort/<int:code>", func(c *flagon.Ctx) error {
		code, _ := c.ParamInt("code")
		if d := c.Args().Get("d"); d != "" {
			return flagon.Abort(code, d)
		}
		return flagon.Abort(code)
	})
	cl := flagontest.NewClient(t, app)
	// test_aborter_general and test_response_body: each code Werkzeug
	// has an exception for is an HTTP error with Werkzeug's page.
	for _, tt := range werkzeugBodies {
		t.Run("test_response_body "+strconv.Itoa(tt.code), func(t *testing.T) {
			err := flagon.Abort(tt.code)
			var he *flagon.HTTPError
			if !errors.As(err, &he) || he.Code != tt.code || flagon.HTTPStatus(err) != tt.code {
				t.Fatalf("Abort(%d) = %#v", tt.code, err)
			}
			res := cl.Get("/abort/" + strconv.Itoa(tt.code))
			if res.StatusCode != tt.code || res.Text() != tt.body {
				t.Errorf("got %d %q\nwant %q", res.StatusCode, res.Text(), tt.body)
			}
			// test_response_header_content_type_should_contain_charset
			if ct := res.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
		})
	}
	t.Run("test_aborter_custom: no exception for the code", func(t *testing.T) {
		if err := flagon.Abort(419); !errors.Is(err, flagon.ErrNoException) || flagon.HTTPStatus(err) != 500 {
			t.Errorf("Abort(419) = %v", err)
		}
	})
	t.Run("description escaped, line breaks as <br>", func(t *testing.T) {
		res := cl.Get("/abort/400?d=" + "line1%0Aline2+%3Cb%3E")
		want := "<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n<p>line1<br>line2 &lt;b&gt;</p>\n"
		if res.Text() != want {
			t.Errorf("got %q, want %q", res.Text(), want)
		}
	})
	t.Run("test_abort_description_markup", func(t *testing.T) {
		t.Skip("difference: a description is text, always escaped; Go has no Markup string type to mark it as HTML")
	})
}

// test_exception_repr: str(exc) is "code name: description".
func TestWerkzeugExceptionRepr(t *testing.T) {
	if got, want := flagon.Abort(404).Error(), "404 Not Found: The requested URL was not found on the server."+
		" If you entered the URL manually please check your spelling and try again."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := flagon.Abort(404, "Not There").Error(), "404 Not Found: Not There"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// test_method_not_allowed_methods, test_unauthorized_www_authenticate,
// test_retry_after_mixin and RequestedRangeNotSatisfiable's
// Content-Range: the headers Werkzeug's exception classes add are an
// HTTPError's Header, sent with its page.
func TestWerkzeugExceptionHeaders(t *testing.T) {
	date := time.Date(2020, 1, 4, 18, 52, 16, 0, time.UTC)
	tests := []struct {
		name   string
		err    *flagon.HTTPError
		header string
		want   []string
	}{
		{"test_unauthorized_www_authenticate basic", &flagon.HTTPError{Code: 401,
			Header: http.Header{"Www-Authenticate": {`Basic realm="test"`}}}, "WWW-Authenticate", []string{`Basic realm="test"`}},
		{"test_unauthorized_www_authenticate digest and basic", &flagon.HTTPError{Code: 401,
			Header: http.Header{"Www-Authenticate": {`Digest realm="test", nonce="test"`, `Basic realm="test"`}}},
			"WWW-Authenticate", []string{`Digest realm="test", nonce="test"`, `Basic realm="test"`}},
		{"test_unauthorized_www_authenticate none", &flagon.HTTPError{Code: 401}, "WWW-Authenticate", nil},
		{"test_retry_after_mixin TooManyRequests", &flagon.HTTPError{Code: 429,
			Header: http.Header{"Retry-After": {"20"}}}, "Retry-After", []string{"20"}},
		{"test_retry_after_mixin ServiceUnavailable", &flagon.HTTPError{Code: 503,
			Header: http.Header{"Retry-After": {date.Format(http.TimeFormat)}}}, "Retry-After", []string{"Sat, 04 Jan 2020 18:52:16 GMT"}},
		{"RequestedRangeNotSatisfiable length", &flagon.HTTPError{Code: 416,
			Header: http.Header{"Content-Range": {"bytes */100"}}}, "Content-Range", []string{"bytes */100"}},
	}
	app := quietApp()
	byName := map[string]*flagon.HTTPError{}
	for _, tt := range tests {
		byName[tt.name] = tt.err
	}
	app.Get("/", func(c *flagon.Ctx) error { return byName[c.Args().Get("n")] })
	cl := flagontest.NewClient(t, app)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := cl.Get("/", flagontest.Query(map[string][]string{"n": {tt.name}}))
			if got := res.Header.Values(tt.header); res.StatusCode != tt.err.Code || strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %d %s: %q, want %d %q", res.StatusCode, tt.header, got, tt.err.Code, tt.want)
			}
			if !strings.Contains(res.Text(), "<h1>"+tt.err.Name()+"</h1>") {
				t.Errorf("page %q", res.Text())
			}
		})
	}
	t.Run("test_method_not_allowed_methods", func(t *testing.T) {
		app := quietApp()
		h := func(c *flagon.Ctx) error { return nil }
		app.Route("/", h, flagon.Methods("GET", "POST"))
		res := flagontest.NewClient(t, app).Put("/")
		if res.StatusCode != 405 || res.Header.Get("Allow") != "GET, HEAD, OPTIONS, POST" ||
			!strings.Contains(res.Text(), "The method is not allowed") {
			t.Errorf("got %d Allow %q %q", res.StatusCode, res.Header.Get("Allow"), res.Text())
		}
	})
}

// test_description_none: an HTTPError without a description gets its
// code's standard one; a code Werkzeug has no class for gets its status
// text.
func TestWerkzeugDescriptionNone(t *testing.T) {
	if got := (&flagon.HTTPError{Code: 404}).Text(); !strings.HasPrefix(got, "The requested URL was not found") {
		t.Errorf("got %q", got)
	}
	if got := flagon.NewHTTPError(499, nil).Text(); got != "" {
		t.Errorf("got %q", got)
	}
}
