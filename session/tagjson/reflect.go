package tagjson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
)

var marshalerType = reflect.TypeFor[json.Marshaler]()

// appendReflect encodes values of types without a fast path: named and
// sized numeric types, typed slices and maps, pointers, and (through
// encoding/json) structs and json.Marshalers.
func appendReflect(b []byte, v any, depth int) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if rv.Type().Implements(marshalerType) {
		return appendViaJSON(b, v, depth)
	}
	switch rv.Kind() {
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return append(b, "null"...), nil
		}
		return appendValue(b, rv.Elem().Interface(), depth+1)
	case reflect.Bool:
		return strconv.AppendBool(b, rv.Bool()), nil
	case reflect.String:
		return appendString(b, rv.String()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(b, rv.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.AppendUint(b, rv.Uint(), 10), nil
	case reflect.Float32, reflect.Float64:
		return appendFloat(b, rv.Float())
	case reflect.Slice, reflect.Array:
		return appendReflectList(b, rv, depth)
	case reflect.Map:
		return appendReflectMap(b, rv, depth)
	case reflect.Struct:
		return appendViaJSON(b, v, depth)
	}
	return b, fmt.Errorf("tagjson: unsupported type %T", v)
}

func appendReflectList(b []byte, rv reflect.Value, depth int) ([]byte, error) {
	if rv.Kind() == reflect.Slice && rv.IsNil() {
		return append(b, "null"...), nil
	}
	if rv.Type().Elem().Kind() == reflect.Uint8 {
		raw := make([]byte, rv.Len())
		reflect.Copy(reflect.ValueOf(raw), rv)
		return appendTagged(b, raw, depth)
	}
	l := make([]any, rv.Len())
	for i := range l {
		l[i] = rv.Index(i).Interface()
	}
	return appendList(b, l, depth)
}

func appendReflectMap(b []byte, rv reflect.Value, depth int) ([]byte, error) {
	if rv.Type().Key().Kind() != reflect.String {
		return b, fmt.Errorf("tagjson: unsupported map key type %s (JSON keys are strings)", rv.Type().Key())
	}
	if rv.IsNil() {
		return append(b, "null"...), nil
	}
	m := make(map[string]any, rv.Len())
	for it := rv.MapRange(); it.Next(); {
		m[it.Key().String()] = it.Value().Interface()
	}
	return appendMap(b, m, depth)
}

// appendViaJSON marshals v with encoding/json, decodes the result
// generically and re-encodes it in Flask's dialect.
func appendViaJSON(b []byte, v any, depth int) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return b, fmt.Errorf("tagjson: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var generic any
	if err := dec.Decode(&generic); err != nil {
		return b, fmt.Errorf("tagjson: %w", err)
	}
	return appendValue(b, generic, depth+1)
}
