package session

import (
	"encoding/json"
	"math"
	"time"
)

// The typed getters read a value as the Go type asked for, whoever stored
// it: Flask's tagged JSON decodes integers as int64 (json.Number past the
// int64 range), floats as float64, lists as []any and dates as time.Time,
// while flagon code may have stored an int, an int32 or a []string in this
// request. Each returns false when the key is missing or its value cannot
// be represented exactly in the type asked for.

// GetString returns the string stored under key (a Markup value counts).
func (s *Session) GetString(key string) (string, bool) {
	switch v := s.value(key).(type) {
	case string:
		return v, true
	case Markup:
		return string(v), true
	}
	return "", false
}

// GetInt returns the integer stored under key as an int: any Go integer
// type, or a float64 with an integral value, in the int range.
func (s *Session) GetInt(key string) (int, bool) {
	n, ok := s.GetInt64(key)
	if !ok || n < math.MinInt || n > math.MaxInt {
		return 0, false
	}
	return int(n), true
}

// GetInt64 returns the integer stored under key as an int64, as GetInt.
func (s *Session) GetInt64(key string) (int64, bool) {
	return toInt64(s.value(key))
}

// GetFloat returns the number stored under key as a float64.
func (s *Session) GetFloat(key string) (float64, bool) {
	switch v := s.value(key).(type) {
	case float64:
		return v, true
	case float32:
		return float64(v), true
	case json.Number:
		f, err := v.Float64()
		return f, err == nil
	}
	if n, ok := toInt64(s.value(key)); ok {
		return float64(n), true
	}
	return 0, false
}

// GetBool returns the bool stored under key.
func (s *Session) GetBool(key string) (bool, bool) {
	b, ok := s.value(key).(bool)
	return b, ok
}

// GetTime returns the time stored under key (Flask's tagged " d" dates).
func (s *Session) GetTime(key string) (time.Time, bool) {
	t, ok := s.value(key).(time.Time)
	return t, ok
}

// GetStrings returns the list of strings stored under key: a []string, or
// a list or tuple whose items are all strings.
func (s *Session) GetStrings(key string) ([]string, bool) {
	var items []any
	switch v := s.value(key).(type) {
	case []string:
		return append([]string(nil), v...), true
	case []any:
		items = v
	case Tuple:
		items = v
	default:
		return nil, false
	}
	out := make([]string, len(items))
	for i, it := range items {
		str, ok := it.(string)
		if !ok {
			return nil, false
		}
		out[i] = str
	}
	return out, true
}

// value returns the raw value under key, marking the session accessed.
func (s *Session) value(key string) any {
	v, _ := s.Get(key)
	return v
}

// toInt64 converts any Go integer, an integral float64 or a json.Number to
// an int64 when it fits exactly.
func toInt64(v any) (int64, bool) {
	switch n := v.(type) {
	case int:
		return int64(n), true
	case int8:
		return int64(n), true
	case int16:
		return int64(n), true
	case int32:
		return int64(n), true
	case int64:
		return n, true
	case uint:
		return uintToInt64(uint64(n))
	case uint8:
		return int64(n), true
	case uint16:
		return int64(n), true
	case uint32:
		return int64(n), true
	case uint64:
		return uintToInt64(n)
	case float64:
		if n == math.Trunc(n) && n >= -(1<<63) && n < 1<<63 {
			return int64(n), true
		}
	case json.Number:
		i, err := n.Int64()
		return i, err == nil
	}
	return 0, false
}

func uintToInt64(n uint64) (int64, bool) {
	if n > math.MaxInt64 {
		return 0, false
	}
	return int64(n), true
}
