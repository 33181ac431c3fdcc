package config

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// FromStruct copies the exported fields of the struct v (or *struct) into
// the Config, like Flask's from_object on a class.
//
// The key is the field's `config:"KEY"` tag, or its name converted by
// UpperSnake (MaxContentLength sets MAX_CONTENT_LENGTH). The tag `config:"-"`
// skips a field and `config:",omitempty"` skips it when it holds its zero
// value. Keys that are not upper case are ignored, as Flask ignores
// lower-case attributes.
//
// A field of struct type (or pointer to one) becomes a nested
// map[string]any whose keys follow the same rules; embedded structs are
// flattened into their parent. Structs that marshal themselves (time.Time,
// anything implementing encoding.TextMarshaler or json.Marshaler) are stored
// as they are. A nil pointer stores nil.
func (c *Config) FromStruct(v any) error {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return fmt.Errorf("config: FromStruct needs a struct or a non-nil pointer to one, got %T", v)
	}
	m := map[string]any{}
	structFields(rv, m)
	c.FromMap(m)
	return nil
}

// errSkip marks a field excluded by its tag.
var errSkip = errors.New("skip")

// structFields stores the fields of the struct rv into out.
func structFields(rv reflect.Value, out map[string]any) {
	rt := rv.Type()
	for i := range rt.NumField() {
		f := rt.Field(i)
		if !f.IsExported() && !f.Anonymous {
			continue
		}
		fv := rv.Field(i)
		if f.Anonymous && isPlainStruct(fv) && f.Tag.Get("config") == "" {
			if inner, ok := derefStruct(fv); ok {
				structFields(inner, out)
			}
			continue
		}
		if !f.IsExported() {
			continue
		}
		key, err := fieldKey(f, fv)
		if err == nil {
			out[key] = fieldValue(fv)
		}
	}
}

// fieldKey returns the key of field f holding fv, or errSkip.
func fieldKey(f reflect.StructField, fv reflect.Value) (string, error) {
	tag := f.Tag.Get("config")
	if tag == "-" {
		return "", errSkip
	}
	name, opts, _ := strings.Cut(tag, ",")
	if opts == "omitempty" && fv.IsZero() {
		return "", errSkip
	}
	if name == "" {
		name = UpperSnake(f.Name)
	}
	return name, nil
}

// fieldValue returns the value stored for a field: plain structs become
// maps, everything else is stored as is.
func fieldValue(fv reflect.Value) any {
	if !isPlainStruct(fv) {
		return fv.Interface()
	}
	inner, ok := derefStruct(fv)
	if !ok {
		return nil
	}
	m := map[string]any{}
	structFields(inner, m)
	return m
}

// isPlainStruct reports whether fv is a struct, or pointer to one, that does
// not marshal itself.
func isPlainStruct(fv reflect.Value) bool {
	t := fv.Type()
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return false
	}
	return !marshals(t) && !marshals(reflect.PointerTo(t))
}

// marshals reports whether t encodes itself as text or JSON.
func marshals(t reflect.Type) bool {
	text := reflect.TypeFor[encoding.TextMarshaler]()
	js := reflect.TypeFor[json.Marshaler]()
	return t.Implements(text) || t.Implements(js)
}

// derefStruct follows a pointer to a struct; ok is false for nil.
func derefStruct(fv reflect.Value) (reflect.Value, bool) {
	if fv.Kind() == reflect.Pointer {
		if fv.IsNil() {
			return reflect.Value{}, false
		}
		return fv.Elem(), true
	}
	return fv, true
}
