package flagon

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/flagon-go/flagon/internal/errchain"
)

// JSONProvider encodes and decodes JSON for the app, Flask's
// json_provider_class. Swap App.JSON for a faster or stricter one.
type JSONProvider interface {
	// Marshal encodes v.
	Marshal(v any) ([]byte, error)
	// Decode decodes one JSON value from r into v.
	Decode(r io.Reader, v any) error
}

// StdJSON is the default JSONProvider, backed by encoding/json, with the
// options of Flask's DefaultJSONProvider. Its zero value behaves as
// Flask's defaults: non-ASCII characters escaped, compact responses out
// of debug mode and indented ones in debug mode, application/json.
type StdJSON struct {
	// DisallowUnknownFields makes Decode reject object keys that match no
	// struct field.
	DisallowUnknownFields bool
	// UTF8 writes non-ASCII characters as they are instead of \uXXXX
	// escapes (Flask's ensure_ascii = False).
	UTF8 bool
	// SortKeys sorts the keys of every object, struct fields included, as
	// Flask's sort_keys. Map keys are always sorted by encoding/json;
	// without SortKeys, struct fields keep their declaration order.
	SortKeys bool
	// Compact chooses the layout of Ctx.JSON responses, Flask's compact:
	// nil indents by two spaces in debug mode and is compact otherwise;
	// true is always compact, false always indented.
	Compact *bool
	// Mimetype is the Content-Type of Ctx.JSON responses;
	// application/json when empty.
	Mimetype string
}

// JSONResponder is implemented by a JSONProvider that formats the bodies
// of Ctx.JSON responses itself, Flask's JSONProvider.response; other
// providers' Marshal output is sent as application/json.
type JSONResponder interface {
	// MarshalResponse encodes v as a response body (without the final
	// newline) with its media type; debug is the app's debug mode.
	MarshalResponse(v any, debug bool) (body []byte, mimetype string, err error)
}

// Marshal encodes v compactly, Flask's app.json.dumps.
func (p StdJSON) Marshal(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return p.finish(b, "")
}

// MarshalResponse encodes v for Ctx.JSON with the Compact and Mimetype
// options.
func (p StdJSON) MarshalResponse(v any, debug bool) ([]byte, string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, "", err
	}
	indent := ""
	if (p.Compact == nil && debug) || (p.Compact != nil && !*p.Compact) {
		indent = "  "
	}
	if b, err = p.finish(b, indent); err != nil {
		return nil, "", err
	}
	mt := p.Mimetype
	if mt == "" {
		mt = "application/json"
	}
	return b, mt, nil
}

// finish applies SortKeys, the indentation and the ASCII escaping to the
// compact encoding b.
func (p StdJSON) finish(b []byte, indent string) ([]byte, error) {
	if p.SortKeys {
		var err error
		if b, err = sortKeys(b); err != nil {
			return nil, err
		}
	}
	if indent != "" {
		var buf bytes.Buffer
		if err := json.Indent(&buf, b, "", indent); err != nil {
			return nil, err
		}
		b = buf.Bytes()
	}
	if !p.UTF8 {
		b = escapeNonASCII(b)
	}
	return b, nil
}

// sortKeys re-encodes the JSON document b with the keys of every object
// sorted; numbers keep their text.
func sortKeys(b []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

// escapeNonASCII replaces every non-ASCII character of the JSON document
// b (they only occur inside strings) by its \uXXXX escape, UTF-16
// surrogate pairs above U+FFFF, as Python's ensure_ascii. b is returned
// as is when it is all ASCII.
func escapeNonASCII(b []byte) []byte {
	i := 0
	for i < len(b) && b[i] < utf8.RuneSelf {
		i++
	}
	if i == len(b) {
		return b
	}
	out := make([]byte, 0, len(b)+len(b)/2)
	out = append(out, b[:i]...)
	for _, r := range string(b[i:]) {
		if r < utf8.RuneSelf {
			out = append(out, byte(r))
			continue
		}
		if r > 0xFFFF {
			hi, lo := utf16.EncodeRune(r)
			out = appendUnicodeEscape(appendUnicodeEscape(out, hi), lo)
			continue
		}
		out = appendUnicodeEscape(out, r)
	}
	return out
}

// appendUnicodeEscape appends \uXXXX for r (at most U+FFFF).
func appendUnicodeEscape(out []byte, r rune) []byte {
	const hex = "0123456789abcdef"
	return append(out, '\\', 'u', hex[r>>12&0xF], hex[r>>8&0xF], hex[r>>4&0xF], hex[r&0xF])
}

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
	case errchain.AsTarget(err, &typeErr):
		want := jsonTypeName(typeErr.Type)
		if typeErr.Field == "" {
			return fmt.Sprintf("the JSON body must be %s, got %s", want, jsonValueName(typeErr.Value))
		}
		return fmt.Sprintf("the field %q must be %s, got %s", typeErr.Field, want, jsonValueName(typeErr.Value))
	case errchain.AsTarget(err, &syntaxErr):
		return fmt.Sprintf("%s (at byte %d)", strings.TrimPrefix(syntaxErr.Error(), "json: "), syntaxErr.Offset)
	case errchain.Is(err, io.EOF):
		return "the body is empty"
	case errchain.Is(err, io.ErrUnexpectedEOF):
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
