package flagon

import (
	"errors"
	"reflect"
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
	if h.byCode == nil {
		h.byCode = map[int]ErrorHandlerFunc{}
	}
	h.byCode[code] = f
}

func (h *errorHandlers) empty() bool { return len(h.byCode) == 0 && len(h.byType) == 0 }

// HandleError registers f for errors whose chain holds an E, matched with
// errors.As. When several type handlers match, the most specific wins:
// a handler for a concrete type found earliest in the error's chain, then
// handlers for interface types in registration order, then the status-code
// handlers.
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
		if !errors.As(err, &target) {
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

// find returns the handler for err in this scope, or nil.
func (h *errorHandlers) find(err error) func(c *Ctx) error {
	if th := h.concrete(err); th != nil {
		return bindType(th, err)
	}
	for i := range h.byType {
		th := &h.byType[i]
		if th.typ.Kind() == reflect.Interface && errorHasType(err, th.typ) {
			return bindType(th, err)
		}
	}
	if f, ok := h.byCode[HTTPStatus(err)]; ok {
		return func(c *Ctx) error { return f(c, err) }
	}
	return nil
}

// concrete finds the handler of a concrete type that occurs earliest in
// err's chain.
func (h *errorHandlers) concrete(err error) *typeHandler {
	for e := range chain(err) {
		t := reflect.TypeOf(e)
		for i := range h.byType {
			if h.byType[i].typ == t {
				return &h.byType[i]
			}
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
// multi-%w included).
func chain(err error) func(yield func(error) bool) {
	return func(yield func(error) bool) {
		walk(err, yield)
	}
}

func walk(err error, yield func(error) bool) bool {
	if err == nil {
		return true
	}
	if !yield(err) {
		return false
	}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		return walk(u.Unwrap(), yield)
	case interface{ Unwrap() []error }:
		for _, e := range u.Unwrap() {
			if !walk(e, yield) {
				return false
			}
		}
	}
	return true
}
