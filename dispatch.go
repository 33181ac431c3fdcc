package flagon

import (
	"fmt"
	"net/http"
	"runtime/debug"
	"strings"

	"github.com/flagon-go/flagon/internal/errchain"
	"github.com/flagon-go/flagon/routing"
	"github.com/flagon-go/flagon/signals"
)

// ServeHTTP dispatches the request through the middleware, the hooks, the
// matched handler and the error handlers.
func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.once.Do(a.freeze)
	if a.handler == nil {
		a.dispatch(w, r) // no middleware: spare the indirect call
		return
	}
	a.handler.ServeHTTP(w, r)
}

// dispatch is the innermost handler, wrapped by the app's middleware.
func (a *App) dispatch(w http.ResponseWriter, r *http.Request) {
	c := a.pool.Get().(*Ctx)
	c.reset(w, r)
	a.serve(c)
	c.Request = nil
	c.w.ResponseWriter = nil
	a.pool.Put(c)
}

// serve runs one request to its end: handler, error handling, response
// completion and teardown, whatever panics on the way.
func (a *App) serve(c *Ctx) {
	defer a.teardown(c)
	defer c.cleanupInput()
	if !signals.Idle() {
		AppContextPushed.Send(a, c)
		RequestStarted.Send(a, c)
	}
	err := protect(c, a.handle)
	if err != nil && !errchain.Is(err, errResponseReplaced) {
		c.err = err
		a.handleErrorGuarded(c, err)
	}
	c.finish()
	if !signals.Idle() {
		RequestFinished.Send(a, c)
	}
}

// protect calls f, turning a panic into a *PanicError.
func protect(c *Ctx, f func(*Ctx) error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			err = &PanicError{Value: p, Stack: debug.Stack()}
		}
	}()
	return f(c)
}

// handle matches the route, runs the before-request hooks and the handler.
func (a *App) handle(c *Ctx) error {
	if err := a.checkHost(c); err != nil {
		return err
	}
	rule, matchErr := a.match(c)
	if matchErr == nil {
		c.rule = rule
		c.ep = rule.Handler.(*endpoint)
		if len(c.ep.preprocessors) > 0 {
			if err := c.preprocessURLValues(); err != nil {
				return err
			}
		}
	}
	for _, h := range c.ep.before {
		if err := h(c); err != nil || c.w.wroteHeader {
			return err
		}
	}
	if matchErr != nil {
		return a.routingResponse(c, matchErr)
	}
	return c.ep.handler(c)
}

// routingResponse answers a request no rule handles: 404, 405, an
// automatic OPTIONS response or a strict-slashes redirect.
func (a *App) routingResponse(c *Ctx, err error) error {
	var opts *routing.OptionsError
	var notAllowed *routing.MethodNotAllowedError
	var redirect *routing.RedirectError
	switch {
	case errchain.AsTarget(err, &opts):
		c.Header()["Allow"] = []string{joinMethods(opts.Allow)}
		c.w.WriteHeader(http.StatusOK)
		return nil
	case errchain.AsTarget(err, &notAllowed):
		h := http.Header{"Allow": {joinMethods(notAllowed.Allow)}}
		return &HTTPError{Code: http.StatusMethodNotAllowed, Header: h}
	case errchain.AsTarget(err, &redirect) && redirect.Target:
		return c.Redirect(targetLocation(c, redirect.Location), redirect.Code)
	case errchain.AsTarget(err, &redirect):
		loc := slashRedirectLocation(c, redirect.Location)
		if host := a.redirectHost(redirect); host != "" {
			loc = requestScheme(c) + "://" + host + loc
		}
		return c.Redirect(loc, redirect.Code)
	case !errchain.Is(err, routing.ErrNotFound):
		return err // a redirect rule's function failed
	}
	return &HTTPError{Code: http.StatusNotFound}
}

// handleErrorGuarded is handleError, where a panic (a hook of
// OnUnhandledError, a logger, a method of the user's error value) is
// logged and answered with the standard 500 page when nothing was sent
// yet: a failed request never goes out as an empty 200.
func (a *App) handleErrorGuarded(c *Ctx, err error) {
	defer func() {
		p := recover()
		if p == nil {
			return
		}
		if p == http.ErrAbortHandler {
			panic(p)
		}
		if c.w.holding {
			c.w.discardHeld()
		}
		if !c.w.wroteHeader {
			clear(c.Header())
			writeErrorPage(c, &HTTPError{Code: http.StatusInternalServerError})
		}
		a.logError(c, &PanicError{Value: p, Stack: debug.Stack()}, "panic while handling an error")
	}()
	a.handleError(c, err)
}

// handleError finds the error handler for err and runs it; without one,
// the default error page answers. As Flask, an error that only a 500
// handler answers is logged and signalled first (handle_exception); an
// error handler of the error itself that fails raises a new error, which
// goes the same way: logged, signalled, passed to teardown and answered
// by the 500 handler or the standard 500 page, whatever the handler
// returned (an Abort(403) from a 404 handler included).
func (a *App) handleError(c *Ctx, err error) {
	if a.clientDisconnected(c, err) {
		return
	}
	if c.w.holding {
		c.w.discardHeld()
	}
	if c.w.wroteHeader {
		a.logError(c, err, "error after the response was started")
		return
	}
	h, own := c.ep.findErrorHandler(err)
	if h == nil {
		a.defaultErrorResponse(c, err, false)
		return
	}
	if !own {
		a.handleUnhandled(c, err, h)
		return
	}
	herr := a.runErrorHandler(c, h)
	if herr == nil {
		c.errHandled = true
		return
	}
	failed := &handlerFailure{err: herr, handling: err}
	c.err = failed // Flask's teardown gets the handler's exception
	if h := c.ep.findUnhandledHandler(failed); h != nil {
		a.handleUnhandled(c, failed, h)
		return
	}
	a.defaultErrorResponse(c, failed, false)
}

// handleUnhandled is Flask's handle_exception with a 500 handler h: err
// is logged and signalled once, then h answers. When h fails too, its
// error is logged as "error handler failed" and the standard 500 page
// answers; teardown still gets err, as in Flask, where the handler's
// exception leaves wsgi_app after the request's error was recorded.
func (a *App) handleUnhandled(c *Ctx, err error, h func(*Ctx) error) {
	a.reportFailure(c, err)
	herr := a.runErrorHandler(c, h)
	if herr == nil {
		return
	}
	a.logError(c, &handlerFailure{err: herr, handling: err}, "error handler failed")
	a.defaultErrorResponse(c, err, true)
}

// runErrorHandler runs h and returns its error when a response can still
// replace its own; one that fails after writing is only logged.
func (a *App) runErrorHandler(c *Ctx, h func(*Ctx) error) error {
	herr := protect(c, h)
	if herr == nil {
		return nil
	}
	if c.w.holding {
		c.w.discardHeld()
	}
	if c.w.wroteHeader {
		a.logError(c, herr, "error handler failed after writing")
		return nil
	}
	return herr
}

// handlerFailure is the error of an error handler that failed. It wraps
// the handler's error for errors.Is and errors.As, but is itself a plain
// error: even when the handler returned an *HTTPError, the request
// failed and is answered with a 500 (Flask lets the handler's exception
// propagate to handle_exception).
type handlerFailure struct {
	err, handling error
}

func (e *handlerFailure) Error() string {
	return fmt.Sprintf("error handler failed: %v (while handling: %v)", e.err, e.handling)
}

func (e *handlerFailure) Unwrap() error { return e.err }

// chosenHTTPError returns the *HTTPError err carries as an answer the app
// chose, nil for a plain error or a failed error handler.
func chosenHTTPError(err error) *HTTPError {
	var he *HTTPError
	if !errchain.AsTarget(err, &he) {
		return nil
	}
	var hf *handlerFailure
	if errchain.AsTarget(err, &hf) {
		return nil
	}
	return he
}

// findUnhandledHandler looks for the 500 handler of the endpoint's scopes,
// innermost first, as Flask's handle_exception does.
func (ep *endpoint) findUnhandledHandler(err error) func(c *Ctx) error {
	for _, scope := range ep.errScopes {
		if h := scope.findUnhandled(err); h != nil {
			return h
		}
	}
	return nil
}

// findErrorHandler looks for err's handler in the endpoint's scopes,
// innermost blueprint first and the app last; an error that is not an
// HTTP error and has no handler of its own then goes to the 500 handlers
// of the same scopes, as Flask's handle_user_exception and
// handle_exception do. own reports a handler of the error itself (Flask's
// handle_user_exception), not the 500 fallback.
func (ep *endpoint) findErrorHandler(err error) (h func(c *Ctx) error, own bool) {
	for _, scope := range ep.errScopes {
		if h := scope.find(err); h != nil {
			return h, true
		}
	}
	if chosenHTTPError(err) != nil {
		return nil, false
	}
	return ep.findUnhandledHandler(err), false
}

// defaultErrorResponse writes the standard error page for err. Errors
// that are not *HTTPError become 500, are logged (unless reported says
// handleError did it already) and reach the unhandled-error hooks (the
// debug page). An HTTP error, abort(500) included, is an answer the app
// chose: as Flask's handle_http_exception, it is neither logged nor
// signalled.
func (a *App) defaultErrorResponse(c *Ctx, err error, reported bool) {
	if chosen := chosenHTTPError(err); chosen != nil {
		writeErrorPage(c, chosen)
		return
	}
	he := asHTTPError(err)
	if he.Code >= 500 {
		if !reported {
			a.reportFailure(c, err)
		}
		for _, f := range a.onUnhandled {
			if f(c, err) {
				return
			}
		}
	}
	writeErrorPage(c, he)
}

// reportFailure logs a failed request's error and sends
// got_request_exception, as Flask's handle_exception does before it looks
// for a 500 handler.
func (a *App) reportFailure(c *Ctx, err error) {
	a.logError(c, err, "request failed")
	GotRequestException.Send(a, ErrorEvent{Ctx: c, Err: err})
}

func (a *App) logError(c *Ctx, err error, msg string) {
	args := []any{"method", c.Request.Method, "path", c.Request.URL.Path, "error", err}
	var pe *PanicError
	if errchain.AsTarget(err, &pe) {
		args = append(args, "stack", string(pe.Stack))
	}
	a.Logger.Error(msg, args...)
}

// finish writes the header when the handler wrote nothing, so the
// after-request hooks always run.
func (c *Ctx) finish() {
	if !c.w.wroteHeader {
		c.w.WriteHeader(c.StatusCode())
	}
	if c.w.holding {
		c.sendHeld()
	}
}

// runAfterHooks runs the after-request hooks and finalizers; it reports
// whether a failing hook replaced the response. As in Flask, the error of
// a failing hook goes to the error handlers (its 500 handler, usually),
// whose response is finalized again; a hook failing while an error is
// being answered is only logged and the response is sent as it is (Flask's
// finalize_request with from_error_handler).
func (c *Ctx) runAfterHooks() (replaced bool) {
	run := (*Ctx).afterHooks
	if len(c.afterThis)+len(c.ep.after) == 0 {
		if !c.sessionToSave() {
			return false
		}
		run = saveSession // no hook can change the answer: decided once
	}
	err := protect(c, run)
	if err == nil {
		return false
	}
	c.app.logError(c, err, "after-request hook failed")
	if c.w.recovering || c.err != nil {
		return false
	}
	c.err = err
	c.recoverAfterHook(err)
	return true
}

// afterHooks calls the after-request functions in order, then saves the
// session (the last finalizer), and returns the error of the first that
// fails; the later ones do not run.
func (c *Ctx) afterHooks() error {
	for i := 0; i < len(c.afterThis)+len(c.ep.after); i++ {
		if err := c.afterHook(i)(c); err != nil {
			return err
		}
	}
	if c.sessionToSave() {
		return saveSession(c)
	}
	return nil
}

// afterHook returns the i-th after-request function: those of
// AfterThisRequest first, in registration order, then the route's hooks,
// as Flask's process_response runs them.
func (c *Ctx) afterHook(i int) HookFunc {
	if i < len(c.afterThis) {
		return c.afterThis[i]
	}
	return c.ep.after[i-len(c.afterThis)]
}

// AfterThisRequest registers f to run after this request only, Flask's
// after_this_request: before the after-request hooks, just before the
// headers are written, with the same powers (headers, cookies, status).
func (c *Ctx) AfterThisRequest(f HookFunc) {
	c.afterThis = append(c.afterThis, f)
}

// recoverAfterHook answers with the error handler of err in place of the
// response whose after-request hook failed, or with the default error page
// when there is none or it fails; the original handler's later writes are
// refused.
func (c *Ctx) recoverAfterHook(err error) {
	w := &c.w
	h, _ := c.ep.findErrorHandler(err) // reported to teardown: Flask finalizes outside its handled path
	if h == nil {
		c.replaceResponse(asHTTPError(err))
		return
	}
	clear(w.Header())
	w.wroteHeader, w.status, c.status = false, 0, 0
	w.holding, w.body = false, w.body[:0]
	w.recovering = true
	herr := protect(c, h)
	w.recovering = false
	switch {
	case herr != nil && !w.wroteHeader:
		c.app.logError(c, herr, "error handler failed")
		w.wroteHeader = true
		c.replaceResponse(asHTTPError(err))
	case !w.wroteHeader:
		w.recovering = true
		w.WriteHeader(c.StatusCode())
		w.recovering = false
	}
	w.replaced = true
}

// replaceResponse writes an error page in place of the pending response.
func (c *Ctx) replaceResponse(he *HTTPError) {
	w := &c.w
	clear(w.Header())
	body, ctype := errorPageBody(c, he)
	w.Header().Set("Content-Type", ctype)
	w.status = he.Code
	w.sent = true
	w.ResponseWriter.WriteHeader(he.Code)
	_, _ = w.ResponseWriter.Write(body)
	w.replaced = true
}

// teardown runs the teardown functions, each protected from the others'
// panics, with the request's error.
func (a *App) teardown(c *Ctx) {
	if p := recover(); p != nil {
		if p == http.ErrAbortHandler {
			panic(p)
		}
		c.err = &PanicError{Value: p, Stack: debug.Stack()}
		a.logError(c, c.err, "panic while finishing the request")
	}
	reported := c.err
	if reported != nil && (isHTTPError(reported) || c.errHandled) {
		// As Flask: an HTTP error (abort with any code, 5xx too) is
		// answered by handle_http_exception, and an error its own
		// handler answered is no failure either; only what propagates
		// out of full_dispatch_request reaches teardown.
		reported = nil
	}
	for _, f := range c.ep.teardown {
		tf := f
		if err := protect(c, func(c *Ctx) error { tf(c, reported); return nil }); err != nil {
			a.logError(c, err, "teardown function failed")
		}
	}
	if !signals.Idle() {
		RequestTearingDown.Send(a, ErrorEvent{Ctx: c, Err: reported})
		AppContextTearingDown.Send(a, ErrorEvent{Ctx: c, Err: reported})
		AppContextPopped.Send(a, c)
	}
}

// isHTTPError reports whether err is or wraps an *HTTPError (kept out of
// teardown so that a request without error allocates nothing).
func isHTTPError(err error) bool { return chosenHTTPError(err) != nil }

func joinMethods(methods []string) string { return strings.Join(methods, ", ") }
