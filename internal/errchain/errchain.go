// Package errchain walks the chain of wrapped errors (Unwrap() error and
// Unwrap() []error) safely: unlike errors.Is and errors.As, a walk ends on
// a chain with a cycle, a panicking Unwrap, Is or As method, or a chain
// longer than MaxErrors. The web core uses it on every error a user's
// code returns, so that no error value can hang or crash a request.
package errchain

import "reflect"

// MaxErrors bounds the number of errors one walk visits.
const MaxErrors = 100

// Walk calls visit for err and each error it wraps, depth first (the
// order of errors.Is), each error once and at most MaxErrors of them,
// until visit returns true; it reports whether visit did. An error met
// a second time (by identity: pointer-like errors by address, other
// comparable ones by value) is not walked again; nil errors are skipped,
// and an Unwrap method that panics wraps nothing.
func Walk(err error, visit func(e error) bool) bool {
	w := walker{seen: seenSet{}, visit: visit}
	return w.walk(err)
}

type walker struct {
	seen  seenSet
	n     int
	visit func(error) bool
}

func (w *walker) walk(e error) bool {
	if e == nil || w.n >= MaxErrors || w.seen.visited(e) {
		return false
	}
	w.n++
	if w.visit(e) {
		return true
	}
	for _, inner := range Unwrap(e) {
		if w.walk(inner) {
			return true
		}
	}
	return false
}

// Unwrap returns the errors e wraps; an Unwrap method that panics wraps
// nothing.
func Unwrap(e error) (out []error) {
	defer func() {
		if recover() != nil {
			out = nil
		}
	}()
	switch u := e.(type) {
	case interface{ Unwrap() error }:
		return []error{u.Unwrap()}
	case interface{ Unwrap() []error }:
		return u.Unwrap()
	}
	return nil
}

// Is reports whether some error of err's chain equals target or says it
// is target through an Is method, as errors.Is does; a comparison or an
// Is method that panics counts as no match.
func Is(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	comparable := reflect.TypeOf(target).Comparable()
	return Walk(err, func(e error) bool { return isOne(e, target, comparable) })
}

func isOne(e, target error, comparable bool) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	if comparable && e == target {
		return true
	}
	if x, has := e.(interface{ Is(error) bool }); has {
		return x.Is(target)
	}
	return false
}

// As returns the first error of err's chain that is a T, or that sets a
// T through an As method, as errors.As does. A nil pointer (a typed nil
// error wrapped somewhere) is passed over: it has nothing to inspect. An
// As method that panics counts as no match.
func As[T any](err error) (T, bool) {
	var found T
	ok := false
	Walk(err, func(e error) bool {
		if t, is := e.(T); is {
			found, ok = t, !nilPointer(t)
		} else if as, has := e.(interface{ As(any) bool }); has {
			ok = callAs(as, &found) && !nilPointer(found)
		}
		return ok
	})
	if !ok {
		var zero T
		return zero, false
	}
	return found, true
}

// nilPointer reports whether v is a nil pointer.
func nilPointer(v any) bool {
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

func callAs(as interface{ As(any) bool }, target any) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return as.As(target)
}

// AsTarget is As with the target of errors.As: a non-nil pointer to an
// interface type or to a type implementing error, set to the first
// (non-nil) error of err's chain it can hold. It panics on a bad target,
// as errors.As does.
func AsTarget(err error, target any) bool {
	val := reflect.ValueOf(target)
	if target == nil || val.Kind() != reflect.Pointer || val.IsNil() {
		panic("errchain: target must be a non-nil pointer")
	}
	elem := val.Type().Elem()
	return Walk(err, func(e error) bool {
		if reflect.TypeOf(e).AssignableTo(elem) && !nilPointer(e) {
			val.Elem().Set(reflect.ValueOf(e))
			return true
		}
		as, has := e.(interface{ As(any) bool })
		return has && callAs(as, target) && !nilPointer(val.Elem().Interface())
	})
}
