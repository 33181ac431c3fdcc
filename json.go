package flagon

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// JSONProvider encodes and decodes JSON for the app, Flask's
// json_provider_class. Swap App.JSON for a faster or stricter one.
type JSONProvider interface {
	// Marshal encodes v.
	Marshal(v any) ([]byte, error)
	// Decode decodes one JSON value from r into v.
	Decode(r io.Reader, v any) error
}

// StdJSON is the default JSONProvider, backed by encoding/json.
type StdJSON struct {
	// DisallowUnknownFields makes Decode reject object keys that match no
	// struct field.
	DisallowUnknownFields bool
}

// Marshal encodes v with encoding/json.
func (StdJSON) Marshal(v any) ([]byte, error) { return json.Marshal(v) }

// Decode decodes exactly one JSON value from r; trailing data is an error.
func (p StdJSON) Decode(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	if p.DisallowUnknownFields {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errTrailingJSON
	}
	var extra json.RawMessage
	if err := dec.Decode(&extra); err != io.EOF {
		return errTrailingJSON
	}
	return nil
}

// jsonErrorText describes a JSON decoding error for the client in terms
// of the JSON document: the field's JSON name and the JSON type expected,
// never the Go types ("the field \"price\" must be an integer from
// -9223372036854775808 to 9223372036854775807, got a string").
func jsonErrorText(err error) string {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &typeErr):
		want := jsonTypeName(typeErr.Type)
		if typeErr.Field == "" {
			return fmt.Sprintf("the JSON body must be %s, got %s", want, jsonValueName(typeErr.Value))
		}
		return fmt.Sprintf("the field %q must be %s, got %s", typeErr.Field, want, jsonValueName(typeErr.Value))
	case errors.As(err, &syntaxErr):
		return fmt.Sprintf("%s (at byte %d)", strings.TrimPrefix(syntaxErr.Error(), "json: "), syntaxErr.Offset)
	case errors.Is(err, io.EOF):
		return "the body is empty"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the body ends inside the JSON value"
	}
	msg := err.Error()
	if field, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return "unknown field " + field
	}
	return strings.TrimPrefix(msg, "json: ")
}

// jsonTypeName names the JSON value a Go type decodes from.
func jsonTypeName(t reflect.Type) string {
	if t == nil {
		return "another type"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		bits := t.Bits()
		return fmt.Sprintf("an integer from %d to %d", int64(-1)<<(bits-1), int64(1<<(bits-1)-1))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return fmt.Sprintf("an integer from 0 to %d", uint64(1<<(t.Bits()-1)-1)<<1|1)
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Map, reflect.Struct:
		return "an object"
	}
	return "another type"
}

// jsonValueName names the value encoding/json reports: "string" becomes
// "a string", "number 1e400" stays the number.
func jsonValueName(v string) string {
	switch v {
	case "string":
		return "a string"
	case "number":
		return "a number"
	case "bool":
		return "a boolean"
	case "array":
		return "an array"
	case "object":
		return "an object"
	}
	if n, ok := strings.CutPrefix(v, "number "); ok {
		return n
	}
	return v
}
