package flagon

import (
	"encoding/json"
	"io"
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
