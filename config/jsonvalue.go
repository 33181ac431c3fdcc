package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
)

// LoadJSON decodes JSON data into v, like json.Unmarshal, except that
// numbers inside a decoded any or map[string]any become int when they are
// integers that fit in 64 bits and float64 otherwise (json.Unmarshal makes
// every number a float64). Numbers decoded into other targets, such as a
// struct field of type any, stay json.Number, which the typed getters
// accept. LoadJSON is meant as the load function of FromFile.
func LoadJSON(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if rest := bytes.Trim(data[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		return fmt.Errorf("invalid character %q after top-level value", rest[0])
	}
	normalizeInto(v)
	return nil
}

// normalizeInto rewrites json.Number values held by *any and
// *map[string]any targets.
func normalizeInto(v any) {
	switch p := v.(type) {
	case *any:
		*p = normalize(*p)
	case *map[string]any:
		for k, e := range *p {
			(*p)[k] = normalize(e)
		}
	}
}

// decodeJSON decodes s when it is one valid JSON value, reporting ok.
// Python's json.loads also reads the constants NaN, Infinity and
// -Infinity; they are accepted as the whole value.
func decodeJSON(s string) (any, bool) {
	switch strings.Trim(s, " \t\r\n") {
	case "NaN":
		return math.NaN(), true
	case "Infinity":
		return math.Inf(1), true
	case "-Infinity":
		return math.Inf(-1), true
	}
	if !json.Valid([]byte(s)) {
		return nil, false
	}
	var v any
	if err := LoadJSON([]byte(s), &v); err != nil {
		return nil, false
	}
	return v, true
}

// normalize converts json.Number values, recursively, to int or float64.
func normalize(v any) any {
	switch x := v.(type) {
	case json.Number:
		return number(x)
	case map[string]any:
		for k, e := range x {
			x[k] = normalize(e)
		}
	case []any:
		for i, e := range x {
			x[i] = normalize(e)
		}
	}
	return v
}

// number converts a JSON number to int when it is an integer that fits,
// and to float64 otherwise.
func number(n json.Number) any {
	if i, err := n.Int64(); err == nil && int64(int(i)) == i {
		return int(i)
	}
	f, _ := n.Float64() // out of range gives ±Inf, like Python's json.loads
	return f
}
