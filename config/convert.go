package config

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// toInt64 converts integers, integral floats, json.Number and decimal
// strings.
func toInt64(v any) (int64, bool) {
	switch x := v.(type) {
	case int:
		return int64(x), true
	case int8:
		return int64(x), true
	case int16:
		return int64(x), true
	case int32:
		return int64(x), true
	case int64:
		return x, true
	case uint, uint8, uint16, uint32, uint64:
		return uintToInt64(x)
	case float32:
		return floatToInt64(float64(x))
	case float64:
		return floatToInt64(x)
	case json.Number:
		return numberToInt64(string(x))
	case string:
		return numberToInt64(strings.TrimSpace(x))
	}
	return 0, false
}

// uintToInt64 converts an unsigned integer that fits in an int64.
func uintToInt64(v any) (int64, bool) {
	var u uint64
	switch x := v.(type) {
	case uint:
		u = uint64(x)
	case uint8:
		u = uint64(x)
	case uint16:
		u = uint64(x)
	case uint32:
		u = uint64(x)
	case uint64:
		u = x
	}
	if u > math.MaxInt64 {
		return 0, false
	}
	return int64(u), true
}

// floatToInt64 converts a float with no fractional part that fits in an
// int64.
func floatToInt64(f float64) (int64, bool) {
	if f != math.Trunc(f) || f < math.MinInt64 || f >= math.MaxInt64 {
		return 0, false
	}
	return int64(f), true
}

// numberToInt64 parses a decimal integer, or a float with no fractional
// part such as "1e3".
func numberToInt64(s string) (int64, bool) {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return floatToInt64(f)
}

// toInt converts like toInt64 and checks the range of int.
func toInt(v any) (int, bool) {
	n, ok := toInt64(v)
	if !ok || n != int64(int(n)) {
		return 0, false
	}
	return int(n), true
}

// toFloat64 converts numbers, json.Number and numeric strings.
func toFloat64(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case float32:
		return float64(x), true
	case json.Number:
		return parseFloat(string(x))
	case string:
		return parseFloat(strings.TrimSpace(x))
	}
	n, ok := toInt64(v)
	return float64(n), ok
}

// parseFloat parses s as a float64.
func parseFloat(s string) (float64, bool) {
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// toBool converts booleans, the integers 0 and 1, and the strings Flask's
// CLI understands ("1", "true", "yes", "on" and "0", "false", "no", "off",
// ""), ignoring case and surrounding space.
func toBool(v any) (bool, bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case string:
		return parseBool(x)
	}
	if n, ok := toInt64(v); ok && (n == 0 || n == 1) {
		return n == 1, true
	}
	return false, false
}

// parseBool parses the boolean words accepted by toBool.
func parseBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "yes", "on":
		return true, true
	case "0", "false", "no", "off", "":
		return false, true
	}
	return false, false
}
