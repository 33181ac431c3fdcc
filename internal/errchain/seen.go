package errchain

import "reflect"

// seenSet remembers the errors of a chain by identity: pointer-like
// errors by their type and address, other comparable ones by value.
// Errors of non-comparable types are not remembered; MaxErrors still
// bounds a walk through them.
type seenSet map[any]bool

type ptrKey struct {
	t reflect.Type
	p uintptr
}

// visited records e and reports whether it was recorded before.
func (s seenSet) visited(e error) bool {
	rv := reflect.ValueOf(e)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return s.record(ptrKey{rv.Type(), rv.Pointer()})
	}
	if !rv.Type().Comparable() {
		return false
	}
	return s.recordValue(e)
}

func (s seenSet) record(k any) bool {
	if s[k] {
		return true
	}
	s[k] = true
	return false
}

// recordValue is record for a value error; a comparable type holding a
// non-comparable value (an interface field) panics as a map key, which
// counts as not seen.
func (s seenSet) recordValue(e error) (seen bool) {
	defer func() {
		if recover() != nil {
			seen = false
		}
	}()
	return s.record(e)
}
