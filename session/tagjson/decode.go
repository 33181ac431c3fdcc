package tagjson

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Unmarshal decodes tagged JSON written by Flask (or Marshal) and returns
// the untagged value: map[string]any, []any, Tuple, []byte, Markup, UUID,
// time.Time, string, bool, nil, int64, float64, or json.Number for integers
// outside the int64 range. A " d" value that is not a valid HTTP date
// decodes to nil, as in Flask.
func Unmarshal(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("tagjson: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("tagjson: extra data after the JSON value")
	}
	return untag(v)
}

// untag converts numbers and tagged objects, innermost first, like
// TaggedJSONSerializer._untag_scan.
func untag(v any) (any, error) {
	var err error
	switch x := v.(type) {
	case json.Number:
		return number(x), nil
	case []any:
		for i := range x {
			if x[i], err = untag(x[i]); err != nil {
				return nil, err
			}
		}
	case map[string]any:
		for k := range x {
			if x[k], err = untag(x[k]); err != nil {
				return nil, err
			}
		}
		return untagMap(x)
	}
	return v, nil
}

func number(n json.Number) any {
	if isIntegerText(string(n)) {
		if i, err := strconv.ParseInt(string(n), 10, 64); err == nil {
			return i
		}
		return n
	}
	f, err := n.Float64()
	if err != nil {
		return n
	}
	return f
}

func isIntegerText(s string) bool {
	return !strings.ContainsAny(s, ".eE")
}

func untagMap(m map[string]any) (any, error) {
	if len(m) != 1 {
		return m, nil
	}
	for k, v := range m {
		if isTag(k) {
			return fromTag(k, v)
		}
	}
	return m, nil
}

func fromTag(tag string, v any) (any, error) {
	if tag == TagTuple {
		l, ok := v.([]any)
		if !ok {
			return nil, fmt.Errorf("tagjson: %q value is %T, want a list", tag, v)
		}
		return Tuple(l), nil
	}
	if tag == TagDict {
		return fromTagDict(v)
	}
	s, ok := v.(string)
	if !ok {
		return nil, fmt.Errorf("tagjson: %q value is %T, want a string", tag, v)
	}
	return fromStringTag(tag, s)
}

func fromStringTag(tag, s string) (any, error) {
	switch tag {
	case TagBytes:
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return nil, fmt.Errorf("tagjson: bad base64 in %q: %w", tag, err)
		}
		return b, nil
	case TagMarkup:
		return Markup(s), nil
	case TagUUID:
		return ParseUUID(s)
	default:
		return parseHTTPDate(s), nil
	}
}

// fromTagDict undoes TagDict: {" t__": v} becomes {" t": v}.
func fromTagDict(v any) (any, error) {
	m, ok := v.(map[string]any)
	if !ok || len(m) != 1 {
		return nil, fmt.Errorf("tagjson: %q value must be a one-key object", TagDict)
	}
	for k, inner := range m {
		r := []rune(k)
		return map[string]any{string(r[:max(len(r)-2, 0)]): inner}, nil
	}
	return nil, nil
}

// dateLayouts are the formats accepted for " d" values besides those of
// http.ParseTime.
var dateLayouts = []string{time.RFC1123Z, time.RFC822Z, time.RFC822, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST"}

// parseHTTPDate mirrors werkzeug.http.parse_date: the time in UTC, or nil
// when s is not a date.
func parseHTTPDate(s string) any {
	if t, err := http.ParseTime(s); err == nil {
		return t.UTC()
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return nil
}
