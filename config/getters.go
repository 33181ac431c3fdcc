package config

import "time"

// lookup fetches key and converts it with conv. An unset or nil key gives
// the zero value and no error; a value conv refuses gives a *TypeError.
func lookup[T any](c *Config, key, want string, conv func(any) (T, bool)) (T, error) {
	var zero T
	v, ok := c.Get(key)
	if !ok || v == nil {
		return zero, nil
	}
	t, ok := conv(v)
	if !ok {
		return zero, &TypeError{Key: key, Value: v, Want: want}
	}
	return t, nil
}

// lookupOr fetches key and converts it with conv, returning def when the
// key is unset, nil or not convertible.
func lookupOr[T any](c *Config, key string, def T, conv func(any) (T, bool)) T {
	v, ok := c.Get(key)
	if !ok || v == nil {
		return def
	}
	if t, ok := conv(v); ok {
		return t
	}
	return def
}

// String returns key as a string. Strings, byte slices, fmt.Stringers,
// numbers and booleans convert; other types give a *TypeError. An unset or
// nil key gives "" and no error.
func (c *Config) String(key string) (string, error) {
	return lookup(c, key, "string", toString)
}

// StringOr returns key as a string, or def when it is unset, nil or not
// convertible.
func (c *Config) StringOr(key, def string) string {
	return lookupOr(c, key, def, toString)
}

// Int returns key as an int. Integers, integral floats and decimal strings
// convert; other types give a *TypeError. An unset or nil key gives 0 and no
// error.
func (c *Config) Int(key string) (int, error) {
	return lookup(c, key, "int", toInt)
}

// IntOr returns key as an int, or def when it is unset, nil or not
// convertible.
func (c *Config) IntOr(key string, def int) int {
	return lookupOr(c, key, def, toInt)
}

// Int64 returns key as an int64, converting like Int.
func (c *Config) Int64(key string) (int64, error) {
	return lookup(c, key, "int64", toInt64)
}

// Int64Or returns key as an int64, or def when it is unset, nil or not
// convertible.
func (c *Config) Int64Or(key string, def int64) int64 {
	return lookupOr(c, key, def, toInt64)
}

// Float64 returns key as a float64. Numbers and numeric strings convert;
// other types give a *TypeError.
func (c *Config) Float64(key string) (float64, error) {
	return lookup(c, key, "float64", toFloat64)
}

// Float64Or returns key as a float64, or def when it is unset, nil or not
// convertible.
func (c *Config) Float64Or(key string, def float64) float64 {
	return lookupOr(c, key, def, toFloat64)
}

// Bool returns key as a bool. Booleans, the integers 0 and 1, and the
// strings "1", "true", "yes", "on", "0", "false", "no", "off" and "" (any
// case) convert; other values give a *TypeError.
func (c *Config) Bool(key string) (bool, error) {
	return lookup(c, key, "bool", toBool)
}

// BoolOr returns key as a bool, or def when it is unset, nil or not
// convertible.
func (c *Config) BoolOr(key string, def bool) bool {
	return lookupOr(c, key, def, toBool)
}

// Duration returns key as a time.Duration. A time.Duration, a number of
// seconds (as Flask reads PERMANENT_SESSION_LIFETIME), a Go duration string
// such as "90s" or "1h", or a string of seconds convert; other values give a
// *TypeError.
func (c *Config) Duration(key string) (time.Duration, error) {
	return lookup(c, key, "duration", toDuration)
}

// DurationOr returns key as a time.Duration, or def when it is unset, nil or
// not convertible.
func (c *Config) DurationOr(key string, def time.Duration) time.Duration {
	return lookupOr(c, key, def, toDuration)
}

// Strings returns key as a new []string. A []string, a []any of strings and
// a comma-separated string ("a, b") convert; other values give a
// *TypeError.
func (c *Config) Strings(key string) ([]string, error) {
	return lookup(c, key, "[]string", toStrings)
}

// StringsOr returns key as a []string, or def when it is unset, nil or not
// convertible.
func (c *Config) StringsOr(key string, def []string) []string {
	return lookupOr(c, key, def, toStrings)
}

// Map returns a deep copy of key as a map[string]any. A map[string]any or a
// map[string]string converts; other values give a *TypeError.
func (c *Config) Map(key string) (map[string]any, error) {
	return lookup(c, key, "map[string]any", toMap)
}
