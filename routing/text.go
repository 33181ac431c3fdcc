package routing

import (
	"fmt"
	"strconv"
)

// toText renders scalar values the way Python's str() would for url
// building: strings as is, numbers in decimal, Stringers via String.
func toText(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case []byte:
		return string(v), true
	case fmt.Stringer:
		return v.String(), true
	case bool:
		return strconv.FormatBool(v), true
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), true
	case float32:
		return strconv.FormatFloat(float64(v), 'g', -1, 32), true
	}
	if n, ok := toInt64(v); ok {
		return strconv.FormatInt(n, 10), true
	}
	if n, ok := v.(uint64); ok {
		return strconv.FormatUint(n, 10), true
	}
	if n, ok := v.(uint); ok {
		return strconv.FormatUint(uint64(n), 10), true
	}
	return "", false
}

// toInt64 converts any Go integer that fits in int64.
func toInt64(v any) (int64, bool) {
	switch v := v.(type) {
	case int:
		return int64(v), true
	case int8:
		return int64(v), true
	case int16:
		return int64(v), true
	case int32:
		return int64(v), true
	case int64:
		return v, true
	case uint8:
		return int64(v), true
	case uint16:
		return int64(v), true
	case uint32:
		return int64(v), true
	case uint:
		return int64(v), v <= 1<<63-1
	case uint64:
		return int64(v), v <= 1<<63-1
	}
	return 0, false
}
