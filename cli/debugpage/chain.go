package debugpage

import (
	"fmt"
	"reflect"

	"github.com/flagon-go/flagon/config"
	"github.com/flagon-go/flagon/internal/errchain"
)

// link is one error of the wrapped chain.
type link struct {
	Depth   int
	Type    string
	Message string
	Fields  []kv
}

// maxChain bounds the chain walked.
const maxChain = 32

// chainOf walks err's wrapped errors depth first, following both
// Unwrap() error and Unwrap() []error. An error met a second time (a
// cycle, as Werkzeug's DebugTraceback breaks for __context__ cycles) is
// not walked again, and nil errors in an Unwrap() []error are skipped.
func chainOf(err error) []link {
	var out []link
	walkChain(err, func(e error, depth int) bool {
		out = append(out, link{Depth: depth, Type: fmt.Sprintf("%T", e), Message: errorText(e), Fields: fieldsOf(e)})
		return false
	})
	return out
}

// walkChain calls visit for each error of err's chain, depth first, each
// error once and at most maxChain of them, until visit returns true.
func walkChain(err error, visit func(e error, depth int) bool) {
	seen := newSeenSet()
	n := 0
	var walk func(e error, depth int) bool
	walk = func(e error, depth int) bool {
		if e == nil || n >= maxChain || seen.visited(e) {
			return false
		}
		n++
		if visit(e, depth) {
			return true
		}
		for _, inner := range errchain.Unwrap(e) {
			if walk(inner, depth+1) {
				return true
			}
		}
		return false
	}
	walk(err, 0)
}

// findInChain returns the first error of err's chain that is a T, or
// that sets a T through an As method, like errors.As but safe against
// cycles (internal/errchain, which the web core uses too).
func findInChain[T any](err error) (T, bool) { return errchain.As[T](err) }

// errorText is e.Error(), or a note when Error panics (a nil pointer
// receiver, say), as Werkzeug's debug_repr shows a broken repr.
func errorText(e error) (s string) {
	defer func() {
		if v := recover(); v != nil {
			s = fmt.Sprintf("<broken Error() (%T): %v>", e, v)
		}
	}()
	return e.Error()
}

// seenSet remembers the errors of a chain by identity: pointer-like
// errors by their type and address, other comparable ones by value.
// Errors of non-comparable types (test_non_hashable_exception) are not
// remembered; maxChain still bounds a walk through them.
type seenSet struct {
	ptrs   map[ptrKey]bool
	values map[any]bool
}

type ptrKey struct {
	t reflect.Type
	p uintptr
}

func newSeenSet() *seenSet {
	return &seenSet{ptrs: map[ptrKey]bool{}, values: map[any]bool{}}
}

// visited records e and reports whether it was recorded before.
func (s *seenSet) visited(e error) bool {
	rv := reflect.ValueOf(e)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		k := ptrKey{rv.Type(), rv.Pointer()}
		if s.ptrs[k] {
			return true
		}
		s.ptrs[k] = true
		return false
	}
	return s.visitedValue(e)
}

// visitedValue is visited for a value error; a comparable type holding
// a non-comparable value panics as a map key, which counts as not seen.
func (s *seenSet) visitedValue(e error) (seen bool) {
	if !reflect.TypeOf(e).Comparable() {
		return false
	}
	defer func() {
		if recover() != nil {
			seen = false
		}
	}()
	if s.values[e] {
		return true
	}
	s.values[e] = true
	return false
}

// fieldsOf lists the fields of an error struct, secrets masked; the
// panic stack is left out (the page shows it as frames).
func fieldsOf(e error) []kv {
	rv := reflect.ValueOf(e)
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return nil
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return nil
	}
	var rows []kv
	for i := range rv.NumField() {
		name := rv.Type().Field(i).Name
		if name == "Stack" && rv.Field(i).Kind() == reflect.Slice {
			continue
		}
		rows = append(rows, kv{name, fieldValue(name, rv.Field(i))})
	}
	return rows
}

// fieldValue formats a field, masking it when its name looks secret, and
// the secrets inside it as the g values are (config.Masked).
func fieldValue(name string, fv reflect.Value) string {
	if config.IsSecretKey(name) {
		return config.Mask
	}
	if fv.CanInterface() && !(fv.Kind() == reflect.Interface && fv.IsNil()) {
		// masks the secret-named keys of maps inside the field too
		return maskedBrief(name, fv.Interface())
	}
	return maskedValue(fv)
}
