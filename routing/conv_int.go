package routing

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// intConverter is Werkzeug's IntegerConverter: ASCII digits, optionally with
// a leading '-' when signed, optionally exactly fixed_digits long, within
// [min, max]. Values are Go ints; texts overflowing int64 do not match.
type intConverter struct {
	fixed          int
	min, max       int64
	hasMin, hasMax bool
	signed         bool
}

func newIntConverter(args []any, kwargs map[string]any) (Converter, error) {
	b, err := bindArgs("int", args, kwargs, "fixed_digits", "min", "max", "signed")
	if err != nil {
		return nil, err
	}
	c := &intConverter{}
	var n int
	if c.fixed, _, err = intArg("int", b, "fixed_digits"); err != nil {
		return nil, err
	}
	if n, c.hasMin, err = intArg("int", b, "min"); err != nil {
		return nil, err
	}
	c.min = int64(n)
	if n, c.hasMax, err = intArg("int", b, "max"); err != nil {
		return nil, err
	}
	c.max = int64(n)
	if c.signed, err = boolArg("int", b, "signed"); err != nil {
		return nil, err
	}
	return c, c.check()
}

func (c *intConverter) check() error {
	if c.fixed < 0 || c.hasMin && c.hasMax && c.min > c.max {
		return fmt.Errorf("converter \"int\": bad bounds (fixed_digits %d, min %d, max %d)", c.fixed, c.min, c.max)
	}
	return nil
}

// parse validates s completely and returns its value without allocating.
func (c *intConverter) parse(s string) (int64, bool) {
	if c.fixed > 0 && len(s) != c.fixed {
		return 0, false
	}
	neg := c.signed && s != "" && s[0] == '-'
	if neg {
		s = s[1:]
	}
	v, ok := parseDigits(s, neg)
	if !ok || c.hasMin && v < c.min || c.hasMax && v > c.max {
		return 0, false
	}
	return v, true
}

// parseDigits parses one or more ASCII digits as an int64, negated when neg,
// reporting false on any other byte or on overflow.
func parseDigits(s string, neg bool) (int64, bool) {
	const limit = uint64(1) << 63
	var u uint64
	for i := 0; i < len(s); i++ {
		d := s[i] - '0'
		if d > 9 || u > (limit-uint64(d))/10 {
			return 0, false
		}
		u = u*10 + uint64(d)
	}
	if s == "" || !neg && u == limit {
		return 0, false
	}
	if neg {
		return -int64(u-1) - 1, true
	}
	return int64(u), true
}

// Match reports whether s is a valid integer for the rule.
func (c *intConverter) Match(s string) bool { _, ok := c.parse(s); return ok }

// Weight places int variables before strings.
func (c *intConverter) Weight() int { return weightNumber }

// ToGo returns the value as an int.
func (c *intConverter) ToGo(s string) (any, error) {
	v, ok := c.parse(s)
	if !ok {
		return nil, fmt.Errorf("routing: %q is not a valid integer for this rule", s)
	}
	return int(v), nil
}

// ToURL accepts what Python's int() does (Werkzeug's to_url is
// str(int(value))) within the rule's bounds: Go integers, bools (true is
// 1), finite floats (truncated) and decimal strings.
func (c *intConverter) ToURL(v any) (string, error) {
	n, ok := pyInt(v)
	if !ok {
		return "", fmt.Errorf("cannot use %#v as an integer", v)
	}
	s := c.format(n)
	if _, ok := c.parse(s); !ok {
		return "", fmt.Errorf("integer %d is out of range for this rule", n)
	}
	return s, nil
}

// format renders n, zero-padded to fixed_digits after any sign.
func (c *intConverter) format(n int64) string {
	s := strconv.FormatInt(n, 10)
	if pad := c.fixed - len(s); pad > 0 {
		digits := strings.TrimPrefix(s, "-")
		s = s[:len(s)-len(digits)] + strings.Repeat("0", pad) + digits
	}
	return s
}

// pyInt converts v as Python's int(v) would for the Go types a URL value
// may have: integers, bools (Python's bool is an int), finite floats
// (truncated toward zero) and decimal strings with an optional sign and
// surrounding whitespace.
func pyInt(v any) (int64, bool) {
	switch v := v.(type) {
	case bool:
		if v {
			return 1, true
		}
		return 0, true
	case float64:
		if math.IsNaN(v) || v >= 1<<63 || v < -(1<<63) {
			return 0, false
		}
		return int64(v), true
	case float32:
		return pyInt(float64(v))
	case string:
		s := strings.TrimSpace(v)
		neg := strings.HasPrefix(s, "-")
		if neg || strings.HasPrefix(s, "+") {
			s = s[1:]
		}
		return parseDigits(s, neg)
	}
	return toInt64(v)
}
