package orm

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
)

// A JSON holds any Go value stored as JSON text in a JSON column.
type JSON[T any] struct {
	V T
}

// JSONOf wraps v.
func JSONOf[T any](v T) JSON[T] { return JSON[T]{V: v} }

// Value encodes V with encoding/json.
func (j JSON[T]) Value() (driver.Value, error) {
	b, err := json.Marshal(j.V)
	if err != nil {
		return nil, fmt.Errorf("orm: encode JSON: %w", err)
	}
	return string(b), nil
}

// Scan decodes JSON text into V; NULL leaves the zero value.
func (j *JSON[T]) Scan(src any) error {
	var zero T
	j.V = zero
	switch v := src.(type) {
	case nil:
		return nil
	case string:
		return j.decode([]byte(v))
	case []byte:
		return j.decode(v)
	}
	return fmt.Errorf("orm: cannot scan %T into JSON", src)
}

func (j *JSON[T]) decode(b []byte) error {
	if err := json.Unmarshal(b, &j.V); err != nil {
		return fmt.Errorf("orm: decode JSON: %w", err)
	}
	return nil
}

// jsonMarker lets the model parser recognise JSON[T] for any T.
func (JSON[T]) jsonColumn() {}
