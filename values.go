package flagon

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Values is a multi-value map of query arguments or form fields, Werkzeug's
// MultiDict, with typed getters.
type Values map[string][]string

// Get returns the first value for key, or "".
func (v Values) Get(key string) string {
	if vs := v[key]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// GetAll returns every value for key (Werkzeug's getlist).
func (v Values) GetAll(key string) []string { return v[key] }

// Has reports whether key is present, even with an empty value.
func (v Values) Has(key string) bool {
	_, ok := v[key]
	return ok
}

// Int parses the first value for key as an integer, as Python's int():
// surrounding white space and "_" between digits are allowed ("1_000").
// A missing key is an error wrapping ErrMissing; a malformed value (or
// one out of int's range) an error naming the key.
func (v Values) Int(key string) (int, error) {
	s, err := v.required(key)
	if err != nil {
		return 0, err
	}
	digits, ok := pyDigits(s)
	n, err := strconv.Atoi(digits)
	if !ok || err != nil {
		return 0, fmt.Errorf("%q is not an integer: %q", key, s)
	}
	return n, nil
}

// IntOr returns the integer value for key, or def when it is missing or
// malformed, as request.args.get(key, def, type=int).
func (v Values) IntOr(key string, def int) int {
	if n, err := v.Int(key); err == nil {
		return n
	}
	return def
}

// Float parses the first value for key as a float, as Python's float():
// "1e3", ".5", "inf", "nan" and "1_000.5" are numbers, hexadecimal
// "0x1p-2" is not.
func (v Values) Float(key string) (float64, error) {
	s, err := v.required(key)
	if err != nil {
		return 0, err
	}
	digits, ok := pyDigits(s)
	f, err := strconv.ParseFloat(digits, 64)
	if !ok || err != nil || isPrefixed(digits) {
		return 0, fmt.Errorf("%q is not a number: %q", key, s)
	}
	return f, nil
}

// Bool parses the first value for key: 1/true/yes/on and 0/false/no/off.
func (v Values) Bool(key string) (bool, error) {
	s, err := v.required(key)
	if err != nil {
		return false, err
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "yes", "on":
		return true, nil
	case "0", "false", "no", "off", "":
		return false, nil
	}
	return false, fmt.Errorf("%q is not a boolean: %q", key, s)
}

// pyDigits prepares s for strconv as Python's int() and float() read
// their argument, which Werkzeug's get(key, type=int) calls: surrounding
// white space is dropped and a single "_" between two digits is allowed
// ("1_000"); it reports false for a misplaced "_".
func pyDigits(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "_") {
		return s, true
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '_' && (i == 0 || i == len(s)-1 || !isDigit(s[i-1]) || !isDigit(s[i+1])) {
			return "", false
		}
	}
	return strings.ReplaceAll(s, "_", ""), true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isPrefixed reports a base prefix ("0x1p-2"), which strconv.ParseFloat
// reads and Python's float() refuses.
func isPrefixed(s string) bool {
	s = strings.TrimLeft(s, "+-")
	return len(s) > 1 && s[0] == '0' && strings.ContainsRune("xXoObB", rune(s[1]))
}

// ErrMissing is wrapped by the typed getters' errors for absent keys.
var ErrMissing = fmt.Errorf("missing value")

func (v Values) required(key string) (string, error) {
	vs, ok := v[key]
	if !ok || len(vs) == 0 {
		return "", fmt.Errorf("%q: %w", key, ErrMissing)
	}
	return vs[0], nil
}

// Encode returns the values as a URL query string, keys sorted.
func (v Values) Encode() string { return url.Values(v).Encode() }
