package flagon

import (
	"fmt"
	"reflect"

	"github.com/flagon-go/flagon/internal/errchain"
)

// errorHandlers holds one scope's handlers, by status code and by error
// type.
type errorHandlers struct {
	byCode map[int]ErrorHandlerFunc
	byType []typeHandler
}

// typeHandler handles errors whose chain holds a value of typ.
type typeHandler struct {
	typ   reflect.Type
	match func(c *Ctx, err error) (handled bool, result error)
}

func (h *errorHandlers) addCode(code int, f ErrorHandlerFunc) {
	if !werkzeugExceptions[code] {
		// As Flask's register_error_handler(402) or (999): only the codes
		// Werkzeug has an exception class for (those Abort knows) can
		// be registered; an error with another status is handled by type.
		panic(fmt.Sprintf("flagon: '%d' is not a recognized HTTP error code."+
			" Use flagon.HandleError with an error type for that status instead.", code))
	}
	if h.byCode == nil {
		h.byCode = map[int]ErrorHandlerFunc{}
	}
	h.byCode[code] = f
}

func (h *errorHandlers) empty() bool { return len(h.byCode) == 0 && len(h.byType) == 0 }

// HandleError registers f for errors whose chain holds an E, matched as
// errors.As does, except that a nil pointer in the chain is passed over
// and a chain with a cycle is walked once, at most 100 errors deep
// (internal/errchain), so that no error value can hang a request. When several handlers match, the most specific wins, as in
// Flask: a handler for a concrete type found earliest in the error's chain,
// then (for an HTTP error) the handler for its status code and then a
// catch-all HandleError[*HTTPError], then handlers for interface types in
// registration order. An error that is not an HTTP error and has no handler
// goes to the 500 handler, or else to the *HTTPError handler as a 500
// wrapping it (Flask's InternalServerError.original_exception).
//
//	flagon.HandleError(app, func(c *flagon.Ctx, err *ValidationError) error {
//		return c.Status(422).JSON(err.Fields)
//	})
func HandleError[E error](s interface{ scaffold() *Scaffold }, f func(c *Ctx, err E) error) {
	sc := s.scaffold()
	sc.checkOpen("HandleError")
	sc.errors.addType(newTypeHandler(f))
}

// HandleAppError registers f on the app from a blueprint, for errors of
// any request (Flask's app_errorhandler).
func HandleAppError[E error](bp *Blueprint, f func(c *Ctx, err E) error) {
	bp.checkOpen("HandleAppError")
	bp.appErrs.addType(newTypeHandler(f))
}

func newTypeHandler[E error](f func(c *Ctx, err E) error) typeHandler {
	var zero E
	typ := reflect.TypeOf(&zero).Elem()
	return typeHandler{typ: typ, match: func(c *Ctx, err error) (bool, error) {
		var target E
		if !errchain.AsTarget(err, &target) {
			return false, nil
		}
		return true, f(c, target)
	}}
}

func (h *errorHandlers) addType(th typeHandler) {
	for i, old := range h.byType {
		if old.typ == th.typ {
			h.byType[i] = th
			return
		}
	}
	h.byType = append(h.byType, th)
}

// find returns the handler for err in this scope, or nil, in Flask's
// order. For an HTTP error (an *HTTPError in the chain): a handler for a
// more specific concrete type in the chain, then the handler for its status
// code, then the catch-all *HTTPError handler, then interface handlers, so
// ErrorHandler(403, ...) beats HandleError[*HTTPError] as errorhandler(403)
// beats errorhandler(HTTPException). For any other error: concrete types,
// then interfaces; the status-code handlers answer it in the 500 pass.
func (h *errorHandlers) find(err error) func(c *Ctx) error {
	var he *HTTPError
	isHTTP := errchain.AsTarget(err, &he)
	if th := h.concrete(err, isHTTP); th != nil {
		return bindType(th, err)
	}
	if isHTTP {
		if f := h.code(err, he.Code); f != nil {
			return f
		}
		if th := h.typeHandler(httpErrorType); th != nil {
			return bindType(th, err)
		}
	}
	for i := range h.byType {
		th := &h.byType[i]
		if th.typ.Kind() == reflect.Interface && errorHasType(err, th.typ) {
			return bindType(th, err)
		}
	}
	return nil
}

// findUnhandled returns the handler for an error that no scope handled as
// itself and that is not an HTTP error: the 500 handler, called with err,
// or the catch-all *HTTPError handler, called with a 500 wrapping err, as
// Flask hands an unhandled exception to the InternalServerError handlers.
func (h *errorHandlers) findUnhandled(err error) func(c *Ctx) error {
	if f := h.code(err, 500); f != nil {
		return f
	}
	if th := h.typeHandler(httpErrorType); th != nil {
		return bindType(th, asHTTPError(err))
	}
	return nil
}

var httpErrorType = reflect.TypeFor[*HTTPError]()

// code returns the handler registered for the status code, bound to err.
func (h *errorHandlers) code(err error, code int) func(c *Ctx) error {
	if f, ok := h.byCode[code]; ok {
		return func(c *Ctx) error { return f(c, err) }
	}
	return nil
}

// typeHandler returns the handler registered for exactly typ, or nil.
func (h *errorHandlers) typeHandler(typ reflect.Type) *typeHandler {
	for i := range h.byType {
		if h.byType[i].typ == typ {
			return &h.byType[i]
		}
	}
	return nil
}

// concrete finds the handler of a concrete type that occurs earliest in
// err's chain; with skipHTTP the catch-all *HTTPError handler is left for
// after the status-code handler.
func (h *errorHandlers) concrete(err error, skipHTTP bool) *typeHandler {
	for e := range chain(err) {
		t := reflect.TypeOf(e)
		if skipHTTP && t == httpErrorType {
			continue
		}
		if th := h.typeHandler(t); th != nil {
			return th
		}
	}
	return nil
}

func bindType(th *typeHandler, err error) func(c *Ctx) error {
	return func(c *Ctx) error {
		_, res := th.match(c, err)
		return res
	}
}

// errorHasType reports whether some error in err's chain implements the
// interface type t.
func errorHasType(err error, t reflect.Type) bool {
	for e := range chain(err) {
		if reflect.TypeOf(e).Implements(t) {
			return true
		}
	}
	return false
}

// chain yields err and every error it wraps, depth first (errors.Join and
// multi-%w included), each once and at most errchain.MaxErrors of them, so
// that a cyclic chain ends.
func chain(err error) func(yield func(error) bool) {
	return func(yield func(error) bool) {
		errchain.Walk(err, func(e error) bool { return !yield(e) })
	}
}
