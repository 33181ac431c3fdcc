package routing

import (
	"fmt"
	"math"
	"strconv"
	"strings"
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
		if v {
			return "True", true
		}
		return "False", true
	case float64:
		return pyFloat(v, 64), true
	case float32:
		return pyFloat(float64(v), 32), true
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

// pyFloat renders f as Python's str() does: the shortest digits that
// read back as f, in positional notation with at least one decimal
// ("1.0", "0.0001") when the decimal exponent is in [-4, 16), in
// scientific notation otherwise ("1e-05", "1e+16"); "nan", "inf", "-inf".
func pyFloat(f float64, bits int) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	e := strconv.FormatFloat(f, 'e', -1, bits)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	if exp < -4 || exp >= 16 {
		return e
	}
	s := strconv.FormatFloat(f, 'f', -1, bits)
	if !strings.ContainsRune(s, '.') {
		s += ".0"
	}
	return s
}
