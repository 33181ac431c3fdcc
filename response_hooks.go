package flagon

import (
	"fmt"
	"net/http"
	"reflect"
	"strconv"

	"github.com/flagon-go/flagon/internal/entityhdr"
)

// Response is a response held for the AfterRequestResponse hooks, as
// Flask's after_request functions receive it: the status, the header map
// (the one that will be sent) and the whole body.
type Response struct {
	// Status is the status code.
	Status int
	// Header is the response header.
	Header http.Header
	// Body is the whole body.
	Body []byte
}

// ResponseHookFunc is an after-request hook that receives the response
// and returns it, changed or not, or a new one, Flask's after_request
// function. Returning nil keeps res as it is.
type ResponseHookFunc func(c *Ctx, res *Response) (*Response, error)

// AfterRequestResponse registers an after-request hook that may rewrite or
// replace the whole response, body included (Flask's after_request with
// response.set_data or a new response). Routes of this scope are then held
// in memory until their handler returns, and sent with a Content-Length
// once the hooks ran: streaming and flushing wait for the end. It runs
// among the AfterRequest hooks, in the same order rules; an error goes to
// the error handlers as theirs does.
func (s *Scaffold) AfterRequestResponse(f ResponseHookFunc) {
	s.checkOpen("AfterRequestResponse")
	s.hooks.after = append(s.hooks.after, responseHook(f))
	s.hooks.hold = true
}

// AfterAppRequestResponse registers an AfterRequestResponse hook for every
// request of the app.
func (b *Blueprint) AfterAppRequestResponse(f ResponseHookFunc) {
	b.checkOpen("AfterAppRequestResponse")
	b.appHooks.after = append(b.appHooks.after, responseHook(f))
	b.appHooks.hold = true
}

// responseHook runs f on the held response and keeps what it returns.
func responseHook(f ResponseHookFunc) HookFunc {
	return func(c *Ctx) error {
		w := &c.w
		if !w.holding {
			return nil
		}
		res := &Response{Status: w.status, Header: w.Header(), Body: w.body}
		out, err := f(c, res)
		if err != nil {
			return err
		}
		if out == nil {
			out = res
		}
		if err := checkHookStatus(out); err != nil {
			return err
		}
		w.status, w.body = out.Status, out.Body
		if hdr := w.Header(); !sameHeader(hdr, out.Header) {
			clear(hdr)
			for k, v := range out.Header {
				hdr[k] = v
			}
		}
		return nil
	}
}

// checkHookStatus gives a hook's response without a status Flask's
// default, 200, and refuses a status net/http cannot send (an error, so the
// request gets the 500 error page instead of a panic in WriteHeader).
func checkHookStatus(out *Response) error {
	switch {
	case out.Status == 0:
		out.Status = http.StatusOK
	case out.Status < 100 || out.Status > 999:
		return fmt.Errorf("flagon: an after-request hook returned the invalid status %d", out.Status)
	}
	return nil
}

// sameHeader reports whether a and b are the same map.
func sameHeader(a, b http.Header) bool {
	return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
}

// sendHeld runs the after-request hooks on the held response and sends it;
// when a hook fails, the response of its error handler is held in its
// place, goes through the hooks again (failures then only logged) and is
// sent.
func (c *Ctx) sendHeld() {
	w := &c.w
	w.holding = false
	if c.runAfterHooksHeld() {
		if w.sent || !w.holding {
			return
		}
		w.holding = false
		w.recovering = true
		c.runAfterHooksHeld()
		w.recovering = false
	}
	w.sent = true
	hdr := w.Header()
	if bodyAllowed(w.status) && (len(w.body) > 0 || c.Request.Method != http.MethodHead) {
		hdr["Content-Length"] = []string{strconv.Itoa(len(w.body))}
	} else {
		delete(hdr, "Content-Length")
	}
	entityhdr.ForStatus(hdr, w.status) // as WriteHeader
	if c.sendLocationError(hdr) {
		return
	}
	w.ResponseWriter.WriteHeader(w.status)
	if bodyAllowed(w.status) && len(w.body) > 0 {
		_, _ = w.ResponseWriter.Write(w.body)
	}
}

// runAfterHooksHeld runs the hooks with the response readable by the
// response hooks (holding on), reporting whether one failed and an error
// response replaced it.
func (c *Ctx) runAfterHooksHeld() bool {
	c.w.holding = true
	replaced := c.runAfterHooks()
	return replaced
}

// bodyAllowed reports whether a response with status code may have a body.
func bodyAllowed(code int) bool {
	return code >= 200 && code != http.StatusNoContent && code != http.StatusNotModified
}

// discardHeld drops a held response so that an error page can answer in
// its place: nothing of it was sent.
func (w *responseWriter) discardHeld() {
	clear(w.Header())
	w.wroteHeader, w.holding, w.status = false, false, 0
	w.body = w.body[:0]
	w.c.status = 0
}

// heldWriter appends to the held body, for ReadFrom.
type heldWriter struct{ w *responseWriter }

// Write appends p to the held body.
func (h heldWriter) Write(p []byte) (int, error) {
	h.w.body = append(h.w.body, p...)
	return len(p), nil
}
