package flagon

import (
	"fmt"
	"html"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/flagon-go/flagon/internal/cookies"
	"github.com/flagon-go/flagon/internal/iri"
)

// Content types shared by the response helpers. Assigning a shared,
// full-capacity slice avoids an allocation per response; an Add on it
// copies.
var (
	textPlain = []string{"text/plain; charset=utf-8"}
	textHTML  = []string{"text/html; charset=utf-8"}
	appJSON   = []string{"application/json"}
)

// Status sets the status code of the response the next helper writes and
// returns c for chaining: c.Status(201).JSON(v).
func (c *Ctx) Status(code int) *Ctx {
	c.status = code
	return c
}

// Text writes s as text/plain.
func (c *Ctx) Text(s string) error {
	return c.writeString(textPlain, s)
}

// Textf writes a formatted text/plain response.
func (c *Ctx) Textf(format string, args ...any) error {
	return c.writeString(textPlain, fmt.Sprintf(format, args...))
}

// HTML writes s as text/html. s is sent as is: escape untrusted values, or
// use a template.
func (c *Ctx) HTML(s string) error {
	return c.writeString(textHTML, s)
}

// Bytes writes b with the given content type.
func (c *Ctx) Bytes(contentType string, b []byte) error {
	h := c.Header()
	h["Content-Type"] = []string{contentType}
	h["Content-Length"] = []string{strconv.Itoa(len(b))}
	c.w.WriteHeader(c.StatusCode())
	_, err := c.w.Write(b)
	return err
}

// JSON writes v encoded by the app's JSON provider, as application/json.
func (c *Ctx) JSON(v any) error {
	ctype := appJSON
	var b []byte
	var err error
	if r, ok := c.app.JSON.(JSONResponder); ok {
		var mt string
		b, mt, err = r.MarshalResponse(v, c.app.Debug())
		if mt != appJSON[0] {
			ctype = []string{mt}
		}
	} else {
		b, err = c.app.JSON.Marshal(v)
	}
	if err != nil {
		return fmt.Errorf("flagon: encoding JSON response: %w", err)
	}
	b = append(b, '\n')
	h := c.Header()
	h["Content-Type"] = ctype
	c.w.WriteHeader(c.StatusCode())
	_, err = c.w.Write(b)
	return err
}

// Stream writes a streaming response: the header is sent, then fn writes
// the body; each Flush on the writer sends what was written so far.
func (c *Ctx) Stream(contentType string, fn func(w StreamWriter) error) error {
	c.Header()["Content-Type"] = []string{contentType}
	c.w.WriteHeader(c.StatusCode())
	return fn(&c.w)
}

// StreamWriter is the writer a Stream function writes to.
type StreamWriter interface {
	io.Writer
	http.Flusher
}

// NoContent writes an empty response with the pending status, 204 by
// default.
func (c *Ctx) NoContent() error {
	if c.status == 0 {
		c.status = http.StatusNoContent
	}
	c.w.WriteHeader(c.status)
	return nil
}

// Redirect redirects to location with code (302 when code is omitted),
// Werkzeug's redirect: the Location header is location as given (relative
// locations are resolved by the client; nothing is cleaned), with Werkzeug's
// short HTML body. The codes are Werkzeug 3.1's supported ones (301, 302,
// 303, 305, 307, 308) and 300, which its redirect sends as well; any
// other code (304, 306, a non-3xx status, which Werkzeug would send with
// a Location no client follows) is an error. The Location header is
// location through Werkzeug's iri_to_uri (see internal/iri): a non-ASCII
// host is sent in IDNA form, and the bytes of the path, query and fragment
// that are not URL code points (non-ASCII, '[', ']', spaces...) are
// percent-escaped. A location with a CR or LF is an error (Werkzeug's
// headers refuse it), so the request gets the 500 error page.
func (c *Ctx) Redirect(location string, code ...int) error {
	status := http.StatusFound
	if len(code) > 0 {
		status = code[0]
	}
	switch status {
	case 300, 301, 302, 303, 305, 307, 308:
	default:
		return fmt.Errorf("flagon: %d is not a redirect status (use 300, 301, 302, 303, 305, 307 or 308)", status)
	}
	if err := checkHeaderValue("Location", location); err != nil {
		return err // Werkzeug's redirect raises: a 500
	}
	// As Werkzeug, the body links the location as given; the header
	// carries it as a URI (get_wsgi_headers' iri_to_uri).
	esc := html.EscapeString(location)
	h := c.Header()
	h["Location"] = []string{iri.ToURI(location)}
	h["Content-Type"] = textHTML
	c.w.WriteHeader(status)
	_, err := c.w.WriteString("<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n" +
		"<h1>Redirecting...</h1>\n<p>You should be redirected automatically to the target URL: " +
		`<a href="` + esc + `">` + esc + "</a>. If not, click the link.\n")
	return err
}

// SetCookie adds a Set-Cookie header to the response. As Werkzeug's
// set_cookie, a value with characters outside the cookie token set
// (spaces, commas, quotes, non-ASCII...) is sent double-quoted with
// backslash escapes (`"f\303\266"` for "fö"), which c.Cookie and Werkzeug
// decode, instead of net/http's dropping of those bytes. An invalid
// cookie (a bad name) sets nothing, as http.SetCookie. An empty Path is
// "/", Werkzeug's default (a cookie without Path would apply only below
// the request's directory). The other attributes follow dump_cookie too
// (see cookieAttrs): the path is percent-escaped, a non-ASCII domain
// IDNA-encoded, Partitioned implies Secure and MaxAge adds the matching
// Expires. A Set-Cookie value
// longer than MAX_COOKIE_SIZE (4093 by default, 0 for no limit) is still
// set but logged as a warning, Werkzeug's dump_cookie warning: browsers
// may silently ignore it.
func (c *Ctx) SetCookie(cookie *http.Cookie) {
	value := cookie.Value
	if !cookies.TokenValue(value) {
		value = cookies.Quote(value)
	}
	plain := cookieAttrs(cookie, time.Now())
	plain.Value = ""
	line := plain.String()
	if line == "" {
		return
	}
	_, attrs, _ := strings.Cut(line, ";")
	line = line[:strings.IndexByte(line, '=')+1] + value
	if attrs != "" {
		line += ";" + attrs
	}
	c.app.warnLargeCookie(cookie.Name, len(value), len(line))
	c.Header().Add("Set-Cookie", line)
}

// warnLargeCookie logs Werkzeug's dump_cookie warning when a Set-Cookie
// value of size bytes (valueSize of them the value, as sent) is over
// MAX_COOKIE_SIZE.
func (a *App) warnLargeCookie(name string, valueSize, size int) {
	limit := a.requestConfig().maxCookieSize
	if limit <= 0 || size <= limit {
		return
	}
	a.Logger.Warn(fmt.Sprintf("The '%s' cookie is too large: the value was %d bytes but the header required %d extra bytes."+
		" The final size was %d bytes but the limit is %d bytes. Browsers may silently ignore cookies larger than this.",
		name, valueSize, size-valueSize, size, limit), "cookie", name, "size", size, "limit", limit)
}

func (c *Ctx) writeString(ctype []string, s string) error {
	h := c.Header()
	h["Content-Type"] = ctype
	c.w.WriteHeader(c.StatusCode())
	_, err := c.w.WriteString(s)
	return err
}
