package debugpage

import (
	"fmt"
	"reflect"

	"github.com/flagon-go/flagon/config"
)

// link is one error of the wrapped chain.
type link struct {
	Depth   int
	Type    string
	Message string
	Fields  []kv
}

// maxChain bounds the chain walked, against cycles.
const maxChain = 32

// chainOf walks err's wrapped errors depth first, following both
// Unwrap() error and Unwrap() []error.
func chainOf(err error) []link {
	var out []link
	var walk func(e error, depth int)
	walk = func(e error, depth int) {
		if e == nil || len(out) >= maxChain {
			return
		}
		out = append(out, link{Depth: depth, Type: fmt.Sprintf("%T", e), Message: e.Error(), Fields: fieldsOf(e)})
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			walk(u.Unwrap(), depth+1)
		case interface{ Unwrap() []error }:
			for _, inner := range u.Unwrap() {
				walk(inner, depth+1)
			}
		}
	}
	walk(err, 0)
	return out
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

// fieldValue formats a field, masking it when its name looks secret.
func fieldValue(name string, fv reflect.Value) string {
	if config.IsSecretKey(name) {
		return config.Mask
	}
	s := brief(fv)
	if fv.Kind() == reflect.String {
		s = config.MaskString(s)
	}
	return s
}
