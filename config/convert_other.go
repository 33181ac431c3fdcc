package config

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// toDuration converts a time.Duration, a number of seconds (Flask's
// integer PERMANENT_SESSION_LIFETIME), a Go duration string ("90s", "1h")
// or a string holding a number of seconds.
func toDuration(v any) (time.Duration, bool) {
	switch x := v.(type) {
	case time.Duration:
		return x, true
	case string:
		return parseDuration(strings.TrimSpace(x))
	}
	if n, ok := toInt64(v); ok {
		return secondsInt(n)
	}
	if f, ok := toFloat64(v); ok {
		return secondsFloat(f)
	}
	return 0, false
}

// parseDuration parses a Go duration string or a number of seconds.
func parseDuration(s string) (time.Duration, bool) {
	if d, err := time.ParseDuration(s); err == nil {
		return d, true
	}
	if f, ok := parseFloat(s); ok {
		return secondsFloat(f)
	}
	return 0, false
}

// secondsInt converts whole seconds, refusing overflow.
func secondsInt(n int64) (time.Duration, bool) {
	const limit = math.MaxInt64 / int64(time.Second)
	if n > limit || n < -limit {
		return 0, false
	}
	return time.Duration(n) * time.Second, true
}

// secondsFloat converts fractional seconds, refusing NaN and overflow.
func secondsFloat(f float64) (time.Duration, bool) {
	ns := f * float64(time.Second)
	if math.IsNaN(ns) || ns >= math.MaxInt64 || ns < math.MinInt64 {
		return 0, false
	}
	return time.Duration(ns), true
}

// toString converts strings, byte slices, fmt.Stringers, numbers and
// booleans.
func toString(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case []byte:
		return string(x), true
	case fmt.Stringer:
		return x.String(), true
	case bool:
		return strconv.FormatBool(x), true
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64), true
	case float32:
		return strconv.FormatFloat(float64(x), 'g', -1, 32), true
	}
	if isInteger(v) {
		return fmt.Sprint(v), true
	}
	return "", false
}

// isInteger reports whether v has a built-in integer type.
func isInteger(v any) bool {
	switch v.(type) {
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return true
	}
	return false
}

// toStrings converts a []string, a []any of strings, or a comma-separated
// string (items trimmed, empty items dropped).
func toStrings(v any) ([]string, bool) {
	switch x := v.(type) {
	case []string:
		return append([]string(nil), x...), true
	case []any:
		return anysToStrings(x)
	case string:
		return splitList(x), true
	}
	return nil, false
}

// anysToStrings converts a slice whose elements are all strings.
func anysToStrings(xs []any) ([]string, bool) {
	out := make([]string, len(xs))
	for i, e := range xs {
		s, ok := e.(string)
		if !ok {
			return nil, false
		}
		out[i] = s
	}
	return out, true
}

// splitList splits a comma-separated list.
func splitList(s string) []string {
	var out []string
	for item := range strings.SplitSeq(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// toMap returns a deep copy of a map[string]any, or a map[string]string
// converted to a map[string]any.
func toMap(v any) (map[string]any, bool) {
	switch x := v.(type) {
	case map[string]any:
		return cloneMap(x), true
	case map[string]string:
		out := make(map[string]any, len(x))
		for k, s := range x {
			out[k] = s
		}
		return out, true
	}
	return nil, false
}
