package flagon

import (
	"context"
	"net/http"

	"github.com/flagon-go/flagon/routing"
)

// Ctx is the context of one request: the request, the response writer,
// the matched route and its values, the parsed args and form, and
// per-request storage. It replaces Flask's request, g and response
// proxies; pass it explicitly.
//
// A Ctx is reused for later requests once its handler returns: do not keep
// it, or anything taken from it by reference, after the request ends.
type Ctx struct {
	// Request is the request being handled.
	Request *http.Request

	w      responseWriter
	app    *App
	ep     *endpoint
	rule   *routing.Rule
	params routing.Params
	status int
	input  input
	store  map[any]any
	sess   sessionState
	// afterThis holds the AfterThisRequest functions.
	afterThis []HookFunc
	// err is the error the request ended with, for teardown and the
	// debug page.
	err error
	// errHandled records that an error handler for the error itself
	// (not the 500 fallback) answered it: teardown then gets nil, as
	// Flask passes teardown functions only unhandled exceptions.
	errHandled bool
	// appOnly marks the Ctx of an app context (work outside a request:
	// RenderTemplate...); pooled request contexts never set it.
	appOnly bool
}

func newCtx(a *App) *Ctx { return &Ctx{app: a} }

// reset prepares a pooled Ctx for a new request.
func (c *Ctx) reset(w http.ResponseWriter, r *http.Request) {
	c.Request = r
	c.w.reset(w, c)
	c.ep = c.app.root
	c.rule = nil
	c.params.Reset()
	c.status = 0
	c.input = input{}
	clear(c.store)
	c.sess = sessionState{}
	clear(c.afterThis)
	c.afterThis = c.afterThis[:0]
	c.err = nil
	c.errHandled = false
}

// App returns the application handling the request.
func (c *Ctx) App() *App { return c.app }

// Context returns the request's context.Context.
func (c *Ctx) Context() context.Context { return c.Request.Context() }

// ResponseWriter returns the response writer. Writing through it runs the
// after-request hooks before the header, like the response helpers.
func (c *Ctx) ResponseWriter() http.ResponseWriter { return &c.w }

// Header returns the response header map, to change before writing.
func (c *Ctx) Header() http.Header { return c.w.Header() }

// Written reports whether the response header has been written.
func (c *Ctx) Written() bool { return c.w.wroteHeader }

// StatusCode returns the status written, or the pending status set with
// Status, or 200.
func (c *Ctx) StatusCode() int {
	switch {
	case c.w.wroteHeader:
		return c.w.status
	case c.status != 0:
		return c.status
	}
	return http.StatusOK
}

// SetStatusCode changes the status of a response whose header has not been
// written yet; after-request hooks use it.
func (c *Ctx) SetStatusCode(code int) {
	switch {
	case !c.w.wroteHeader:
		c.status = code
	case !c.w.sent:
		c.w.status = code
	}
}

// Endpoint returns the matched endpoint's name, or "" when no route
// matched.
func (c *Ctx) Endpoint() string { return c.ep.name }

// Rule returns the matched rule, or nil.
func (c *Ctx) Rule() *routing.Rule { return c.rule }

// Blueprint returns the dotted name of the blueprint of the matched
// endpoint, or "".
func (c *Ctx) Blueprint() string {
	if c.ep.scope == nil {
		return ""
	}
	return c.ep.scope.name
}

// Err returns the error the request has ended with so far, or nil.
func (c *Ctx) Err() error { return c.err }
