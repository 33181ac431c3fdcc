package flagon

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/flagon-go/flagon/internal/cookies"
	"github.com/flagon-go/flagon/internal/errchain"
)

// input holds what was parsed from the request, lazily.
type input struct {
	args        Values
	argsDone    bool
	cookies     [][2]string // the Cookie header parsed once (cookiesDone)
	cookiesDone bool
	form        Values
	files       map[string][]*FileStorage
	formDone    bool
	formErr     error
	bodyTaken   bool   // the body was (being) read
	bodyKept    bool   // Body read it all: body and bodyErr
	body        []byte // the body Body read
	bodyErr     error
	tooLarge    error // the 413 every read of a body over the limit gets
	tempFiles   []string
	limits      bodyLimits // per-request overrides of the body limits
}

var errTrailingJSON = errors.New("unexpected data after the JSON value")

// Args returns the query-string arguments (Flask's request.args), parsed
// as Werkzeug parses them: "&" separates pairs (a ";" is part of a
// value), a malformed escape is kept as written ("%zz"), and escapes that
// decode to invalid UTF-8 are kept escaped ("%FF").
func (c *Ctx) Args() Values {
	if !c.input.argsDone {
		c.input.args = parseQuery(c.Request.URL.RawQuery)
		c.input.argsDone = true
	}
	return c.input.args
}

// Cookie returns the value of the request cookie name (the first one when
// it is sent more than once), Flask's request.cookies.get(name). The
// Cookie header is parsed as Werkzeug parses it: quoted values are
// unquoted ("foo\054bar" is "foo,bar"), so values with spaces, commas or
// non-ASCII characters that Werkzeug's set_cookie quoted come back as
// set, and names and values are trimmed.
func (c *Ctx) Cookie(name string) (string, bool) {
	for _, kv := range c.cookiePairs() {
		if kv[0] == name {
			return kv[1], true
		}
	}
	return "", false
}

// cookiePairs returns the request's cookies in header order, the Cookie
// header parsed once per request by Werkzeug's rules (internal/cookies),
// the parser the session layer and the debugger use too.
func (c *Ctx) cookiePairs() [][2]string {
	if !c.input.cookiesDone {
		c.input.cookies = cookies.Parse(c.Request.Header["Cookie"])
		c.input.cookiesDone = true
	}
	return c.input.cookies
}

// Body returns the raw request body, limited by MAX_CONTENT_LENGTH (413
// when larger), Werkzeug's request.get_data(): it is read once and kept,
// so Form and BindJSON still parse it afterwards. After the form was
// parsed from the body, Body is empty, as get_data() then is.
func (c *Ctx) Body() ([]byte, error) {
	if c.input.bodyKept {
		return c.input.body, c.input.bodyErr
	}
	r, err := c.bodyReader()
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(r)
	if err != nil {
		b, err = nil, bodyError(err)
	}
	c.input.body, c.input.bodyErr, c.input.bodyKept = b, err, true
	return b, err
}

// BindJSON decodes the JSON request body into v. A body that is not
// declared as JSON is a 415, malformed JSON a 400 whose description says
// what is wrong, a body over MAX_CONTENT_LENGTH a 413.
func (c *Ctx) BindJSON(v any) error {
	if !isJSONType(c.Request.Header.Get("Content-Type")) {
		return Abort(http.StatusUnsupportedMediaType,
			"Did not attempt to load JSON data because the request Content-Type was not 'application/json'.")
	}
	return c.decodeJSON(v)
}

// BindJSONForce decodes the request body as JSON whatever its
// Content-Type, Flask's request.get_json(force=True); errors are those of
// BindJSON but for the 415. Flask's silent=True is ignoring the error.
func (c *Ctx) BindJSONForce(v any) error {
	return c.decodeJSON(v)
}

func (c *Ctx) decodeJSON(v any) error {
	b, err := c.Body()
	if err != nil {
		return err
	}
	if err := c.app.JSON.Decode(bytes.NewReader(b), v); err != nil {
		return NewHTTPError(http.StatusBadRequest, err, "Failed to decode JSON object: "+jsonErrorText(err))
	}
	return nil
}

// BindJSON decodes the JSON request body into a new T; see Ctx.BindJSON.
func BindJSON[T any](c *Ctx) (T, error) {
	var v T
	err := c.BindJSON(&v)
	return v, err
}

// Form returns the form fields of a urlencoded or multipart body (Flask's
// request.form). Limits MAX_CONTENT_LENGTH, MAX_FORM_MEMORY_SIZE and
// MAX_FORM_PARTS answer 413; a malformed body is a 400. Other content
// types give empty values. Values are valid UTF-8: in a urlencoded body
// an escape of invalid UTF-8 stays escaped ("%FF"), as Werkzeug does, and
// raw invalid bytes are a 400 (Werkzeug drops the whole form silently);
// in a multipart field invalid UTF-8 becomes U+FFFD (errors="replace").
func (c *Ctx) Form() (Values, error) {
	c.parseForm()
	return c.input.form, c.input.formErr
}

// FormValue returns the first value of the form field key, or "" when it
// is absent or the form cannot be parsed.
func (c *Ctx) FormValue(key string) string {
	f, _ := c.Form()
	return f.Get(key)
}

// Files returns the uploaded files of a multipart body by field name.
func (c *Ctx) Files() (map[string][]*FileStorage, error) {
	c.parseForm()
	return c.input.files, c.input.formErr
}

// File returns the first file uploaded in the field name; a missing file
// is a 400.
func (c *Ctx) File(name string) (*FileStorage, error) {
	files, err := c.Files()
	if err != nil {
		return nil, err
	}
	if fs := files[name]; len(fs) > 0 {
		return fs[0], nil
	}
	return nil, Abort(http.StatusBadRequest, fmt.Sprintf("The file field %q is missing.", name))
}

func (c *Ctx) parseForm() {
	if c.input.formDone {
		return
	}
	c.input.formDone = true
	c.input.form = Values{}
	c.input.files = map[string][]*FileStorage{}
	mt, params := parseOptionsHeader(c.Request.Header.Get("Content-Type"))
	switch strings.ToLower(mt) {
	case "application/x-www-form-urlencoded":
		c.input.formErr = c.parseURLEncoded()
	case "multipart/form-data":
		c.input.formErr = c.parseMultipart(params["boundary"])
	}
}

func (c *Ctx) parseURLEncoded() error {
	r, err := c.bodyReader()
	if err != nil {
		return err
	}
	limit := c.MaxFormMemorySize()
	if limit > 0 {
		r = io.LimitReader(r, limit+1)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return bodyError(err)
	}
	if limit > 0 && int64(len(b)) > limit {
		return Abort(http.StatusRequestEntityTooLarge,
			fmt.Sprintf("The form data is larger than MAX_FORM_MEMORY_SIZE (%d bytes).", limit))
	}
	if !utf8.Valid(b) {
		return Abort(http.StatusBadRequest, "The form data is not valid UTF-8: non-ASCII characters must be percent-encoded.")
	}
	c.input.form = parseQuery(string(b))
	return nil
}

// bodyReader returns the request body limited by MAX_CONTENT_LENGTH. A
// declared length over the limit is a 413 before anything is read. The
// body kept by Body is read again; a body already streamed (to the form
// parser) reads empty, as Werkzeug's consumed stream does. Once the body
// was found over the limit, every later read is the same 413, as every
// access to Werkzeug's stream raises it.
func (c *Ctx) bodyReader() (io.Reader, error) {
	if c.input.tooLarge != nil {
		return nil, c.input.tooLarge
	}
	if c.input.bodyKept {
		return bytes.NewReader(c.input.body), c.input.bodyErr
	}
	if c.input.bodyTaken {
		return strings.NewReader(""), nil
	}
	c.input.bodyTaken = true
	body := c.Request.Body
	if body == nil || body == http.NoBody {
		return strings.NewReader(""), nil
	}
	max := c.MaxContentLength()
	if max <= 0 {
		return body, nil
	}
	if c.Request.ContentLength > max {
		c.input.tooLarge = tooLarge(max)
		return nil, c.input.tooLarge
	}
	return &limitWatch{r: http.MaxBytesReader(&c.w, body, max), c: c}, nil
}

// limitWatch records the 413 of a body found over the limit while read.
type limitWatch struct {
	r io.Reader
	c *Ctx
}

func (l *limitWatch) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	var mbe *http.MaxBytesError
	if err != nil && errors.As(err, &mbe) && l.c.input.tooLarge == nil {
		l.c.input.tooLarge = tooLarge(mbe.Limit)
	}
	return n, err
}

func tooLarge(limit int64) error {
	return Abort(http.StatusRequestEntityTooLarge,
		fmt.Sprintf("The request body is larger than MAX_CONTENT_LENGTH (%d bytes).", limit))
}

// bodyError maps a body read error to an HTTP error.
func bodyError(err error) error {
	var mbe *http.MaxBytesError
	if errchain.AsTarget(err, &mbe) {
		return tooLarge(mbe.Limit)
	}
	var he *HTTPError
	if errchain.AsTarget(err, &he) {
		return he
	}
	return NewHTTPError(http.StatusBadRequest, err, "The request body could not be read: "+err.Error())
}
