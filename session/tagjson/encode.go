package tagjson

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// Marshal returns the tagged JSON Flask would write for v.
//
// Besides the types Unmarshal returns, Marshal accepts any Go integer or
// float, string, bool, slice, array or map with string keys (encoded like
// []any and map[string]any), and falls back to encoding/json for other
// types (structs, json.Marshaler), whose output is then re-encoded so the
// result stays Flask-compatible. time.Time values lose their sub-second
// part, as http_date does.
func Marshal(v any) ([]byte, error) {
	return AppendMarshal(make([]byte, 0, 256), v)
}

// AppendMarshal appends the tagged JSON for v to b.
func AppendMarshal(b []byte, v any) ([]byte, error) {
	return appendValue(b, v, 0)
}

// maxDepth bounds nesting so that cyclic values fail instead of
// overflowing the stack.
const maxDepth = 1000

func appendValue(b []byte, v any, depth int) ([]byte, error) {
	if depth > maxDepth {
		return b, fmt.Errorf("tagjson: value nested deeper than %d levels", maxDepth)
	}
	switch x := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case bool:
		return strconv.AppendBool(b, x), nil
	case string:
		return appendString(b, x), nil
	case int64:
		return strconv.AppendInt(b, x, 10), nil
	case int:
		return strconv.AppendInt(b, int64(x), 10), nil
	case float64:
		return appendFloat(b, x)
	case map[string]any:
		return appendMap(b, x, depth)
	case []any:
		return appendList(b, x, depth)
	}
	return appendTagged(b, v, depth)
}

func appendTagged(b []byte, v any, depth int) ([]byte, error) {
	switch x := v.(type) {
	case Tuple:
		b = append(b, `{" t":`...)
		b, err := appendList(b, x, depth)
		return append(b, '}'), err
	case []byte:
		b = append(b, `{" b":"`...)
		b = base64.StdEncoding.AppendEncode(b, x)
		return append(b, `"}`...), nil
	case Markup:
		return append(appendString(append(b, `{" m":`...), string(x)), '}'), nil
	case UUID:
		return append(append(append(b, `{" u":"`...), x.Hex()...), `"}`...), nil
	case time.Time:
		d := x.UTC().Format(http.TimeFormat)
		return append(append(append(b, `{" d":"`...), d...), `"}`...), nil
	case json.Number:
		return appendNumber(b, x)
	}
	return appendReflect(b, v, depth)
}

func appendNumber(b []byte, n json.Number) ([]byte, error) {
	if !json.Valid([]byte(n)) {
		return b, fmt.Errorf("tagjson: invalid json.Number %q", string(n))
	}
	if _, err := strconv.ParseInt(string(n), 10, 64); err == nil || isIntegerText(string(n)) {
		return append(b, n...), nil
	}
	f, err := n.Float64()
	if err != nil {
		return b, fmt.Errorf("tagjson: %w", err)
	}
	return appendFloat(b, f)
}

func appendMap(b []byte, m map[string]any, depth int) ([]byte, error) {
	if len(m) == 1 {
		for k, v := range m {
			if isTag(k) {
				return appendTagDict(b, k, v, depth)
			}
		}
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = append(b, '{')
	var err error
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(appendString(b, k), ':')
		if b, err = appendValue(b, m[k], depth+1); err != nil {
			return b, err
		}
	}
	return append(b, '}'), nil
}

// appendTagDict writes Flask's TagDict: {" di":{"<key>__":value}}.
func appendTagDict(b []byte, k string, v any, depth int) ([]byte, error) {
	b = append(appendString(append(b, `{" di":{`...), k+"__"), ':')
	b, err := appendValue(b, v, depth+1)
	return append(b, '}', '}'), err
}

func appendList(b []byte, l []any, depth int) ([]byte, error) {
	b = append(b, '[')
	var err error
	for i, v := range l {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendValue(b, v, depth+1); err != nil {
			return b, err
		}
	}
	return append(b, ']'), nil
}
