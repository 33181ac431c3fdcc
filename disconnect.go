package flagon

import (
	"context"

	"github.com/flagon-go/flagon/internal/errchain"
)

// StatusClientClosedRequest is the status logged for a request whose
// client disconnected before the answer (nginx's 499). Nobody receives
// it.
const StatusClientClosedRequest = 499

// clientDisconnected reports whether err only says that the client went
// away (the request's context is canceled and err wraps
// context.Canceled). Such a request is logged at INFO as a client
// disconnect with status 499, not as a failed request: no error handler,
// no got_request_exception, no debug page. Flask has no equivalent: a
// WSGI app does not see the client go.
func (a *App) clientDisconnected(c *Ctx, err error) bool {
	if !errchain.Is(err, context.Canceled) || !errchain.Is(c.Request.Context().Err(), context.Canceled) {
		return false
	}
	a.Logger.Info("client disconnected", "method", c.Request.Method, "path", c.Request.URL.Path,
		"status", StatusClientClosedRequest, "error", err)
	if !c.w.wroteHeader {
		c.w.WriteHeader(StatusClientClosedRequest)
	}
	return true
}
