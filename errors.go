package flagon

import (
	"errors"
	"fmt"
	"net/http"
)

// HTTPError is an error that carries an HTTP status code and a
// human-readable description, like Werkzeug's HTTPException. Handlers
// return one (usually through Abort) to stop with that status; error
// handlers registered for the code receive it.
type HTTPError struct {
	// Code is the HTTP status code, e.g. 404.
	Code int
	// Description explains the error to the client. Empty means the
	// standard description for Code.
	Description string
	// Header holds extra response headers, e.g. Allow for 405.
	Header http.Header
	// Err is the underlying cause, if any. It is never shown to clients.
	Err error
}

// ErrNoException is wrapped by the error Abort returns for a code without
// a Werkzeug exception class, Werkzeug's "LookupError: no exception for".
var ErrNoException = errors.New("no exception for")

// werkzeugExceptions holds the codes of Werkzeug's default_exceptions,
// the statuses its abort() knows.
var werkzeugExceptions = map[int]bool{
	400: true, 401: true, 403: true, 404: true, 405: true, 406: true, 408: true,
	409: true, 410: true, 411: true, 412: true, 413: true, 414: true, 415: true,
	416: true, 417: true, 418: true, 421: true, 422: true, 423: true, 424: true,
	428: true, 429: true, 431: true, 451: true,
	500: true, 501: true, 502: true, 503: true, 504: true, 505: true,
}

// Abort returns an *HTTPError for code, Flask's abort(). The optional
// description replaces the standard one:
//
//	return flagon.Abort(404, "No product with that id.")
//
// As Werkzeug's Aborter, only the codes Werkzeug has an exception class
// for (its default_exceptions: 400-418, 421-424, 428, 429, 431, 451,
// 500-505, but not 402, 407 or 419) are HTTP errors; for any other code
// Abort returns a plain error wrapping ErrNoException, which becomes a
// 500, as abort(419) raises "LookupError: no exception for 419". Use
// NewHTTPError for another status, as Flask code defines an HTTPException
// subclass with that code.
func Abort(code int, description ...string) error {
	if !werkzeugExceptions[code] {
		return fmt.Errorf("flagon: Abort(%d): %w %d (use flagon.NewHTTPError for a status Werkzeug has no exception for)",
			code, ErrNoException, code)
	}
	e := &HTTPError{Code: code}
	if len(description) > 0 {
		e.Description = description[0]
	}
	return e
}

// NewHTTPError returns an *HTTPError for code that wraps cause; the
// description is the standard one for code unless desc is given.
func NewHTTPError(code int, cause error, desc ...string) *HTTPError {
	e := &HTTPError{Code: code, Err: cause}
	if len(desc) > 0 {
		e.Description = desc[0]
	}
	return e
}

// Error implements error: "404 Not Found: description".
func (e *HTTPError) Error() string {
	return fmt.Sprintf("%d %s: %s", e.Code, e.Name(), e.Text())
}

// Unwrap returns the underlying cause.
func (e *HTTPError) Unwrap() error { return e.Err }

// Name is the status text for the code, e.g. "Not Found".
func (e *HTTPError) Name() string {
	if s := http.StatusText(e.Code); s != "" {
		return s
	}
	return "Unknown Error"
}

// Text is the description, or the standard description for the code.
func (e *HTTPError) Text() string {
	if e.Description != "" {
		return e.Description
	}
	return standardDescription(e.Code)
}

// HTTPStatus returns the status code an error maps to: the code of an
// *HTTPError in its chain, or 500 (also for the error of an error
// handler that failed, whatever it wraps).
func HTTPStatus(err error) int {
	if he := chosenHTTPError(err); he != nil {
		return he.Code
	}
	return http.StatusInternalServerError
}

// asHTTPError returns the *HTTPError in err's chain, or a 500 wrapping err.
func asHTTPError(err error) *HTTPError {
	if he := chosenHTTPError(err); he != nil {
		return he
	}
	return &HTTPError{Code: http.StatusInternalServerError, Err: err}
}

// PanicError is the error a recovered panic becomes. Stack holds the
// goroutine's stack at the panic, for logs and the debug page.
type PanicError struct {
	// Value is the value passed to panic.
	Value any
	// Stack is the formatted stack trace of the panicking goroutine.
	Stack []byte
}

// Error implements error; a nil *PanicError reads "panic: <nil>".
func (e *PanicError) Error() string {
	if e == nil {
		return "panic: <nil>"
	}
	return fmt.Sprintf("panic: %v", e.Value)
}

// Unwrap returns the panic value when it is an error; a nil *PanicError
// wraps nothing.
func (e *PanicError) Unwrap() error {
	if e == nil {
		return nil
	}
	if err, ok := e.Value.(error); ok {
		return err
	}
	return nil
}

// standardDescription is Werkzeug's description for common status codes.
func standardDescription(code int) string {
	if d, ok := descriptions[code]; ok {
		return d
	}
	return http.StatusText(code)
}

var descriptions = map[int]string{
	400: "The browser (or proxy) sent a request that this server could not understand.",
	401: "The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required.",
	403: "You don't have the permission to access the requested resource. It is either read-protected or not readable by the server.",
	404: "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.",
	405: "The method is not allowed for the requested URL.",
	406: "The resource identified by the request is only capable of generating response entities which have content characteristics not acceptable according to the accept headers sent in the request.",
	408: "The server closed the network connection because the browser didn't finish the request within the specified time.",
	409: "A conflict happened while processing the request. The resource might have been modified while the request was being processed.",
	410: "The requested URL is no longer available on this server and there is no forwarding address. If you followed a link from a foreign page, please contact the author of this page.",
	411: "A request with this method requires a valid <code>Content-Length</code> header.",
	412: "The precondition on the request for the URL failed positive evaluation.",
	413: "The data value transmitted exceeds the capacity limit.",
	414: "The length of the requested URL exceeds the capacity limit for this server. The request cannot be processed.",
	415: "The server does not support the media type transmitted in the request.",
	416: "The server cannot provide the requested range.",
	417: "The server could not meet the requirements of the Expect header",
	418: "This server is a teapot, not a coffee machine",
	421: "The server is not able to produce a response.",
	422: "The request was well-formed but was unable to be followed due to semantic errors.",
	423: "The resource that is being accessed is locked.",
	424: "The method could not be performed on the resource because the requested action depended on another action and that action failed.",
	428: `This request is required to be conditional; try using "If-Match" or "If-Unmodified-Since".`,
	429: "This user has exceeded an allotted request count. Try again later.",
	431: "One or more header fields exceeds the maximum size.",
	451: "Unavailable for legal reasons.",
	500: "The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.",
	501: "The server does not support the action requested by the browser.",
	502: "The proxy server received an invalid response from an upstream server.",
	503: "The server is temporarily unable to service your request due to maintenance downtime or capacity problems. Please try again later.",
	504: "The connection to an upstream server timed out.",
	505: "The server does not support the HTTP protocol version used in the request.",
}
