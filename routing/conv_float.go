package routing

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// floatConverter is Werkzeug's FloatConverter: digits '.' digits, optionally
// with a leading '-' when signed, within [min, max]. Values are float64.
type floatConverter struct {
	min, max       float64
	hasMin, hasMax bool
	signed         bool
}

func newFloatConverter(args []any, kwargs map[string]any) (Converter, error) {
	b, err := bindArgs("float", args, kwargs, "min", "max", "signed")
	if err != nil {
		return nil, err
	}
	c := &floatConverter{}
	if c.min, c.hasMin, err = floatArg("float", b, "min"); err != nil {
		return nil, err
	}
	if c.max, c.hasMax, err = floatArg("float", b, "max"); err != nil {
		return nil, err
	}
	if c.signed, err = boolArg("float", b, "signed"); err != nil {
		return nil, err
	}
	if c.hasMin && c.hasMax && c.min > c.max {
		return nil, fmt.Errorf("converter \"float\": min %v is greater than max %v", c.min, c.max)
	}
	return c, nil
}

// parse validates s completely and returns its value.
func (c *floatConverter) parse(s string) (float64, bool) {
	if !c.syntax(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || c.hasMin && f < c.min || c.hasMax && f > c.max {
		return 0, false
	}
	return f, true
}

// syntax checks -?\d+\.\d+ (the sign only when signed).
func (c *floatConverter) syntax(s string) bool {
	if c.signed && s != "" && s[0] == '-' {
		s = s[1:]
	}
	dot := strings.IndexByte(s, '.')
	return dot > 0 && allDigits(s[:dot]) && allDigits(s[dot+1:])
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// Match reports whether s is a valid float for the rule.
func (c *floatConverter) Match(s string) bool { _, ok := c.parse(s); return ok }

// Weight places float variables before strings.
func (c *floatConverter) Weight() int { return weightNumber }

// ToGo returns the value as a float64.
func (c *floatConverter) ToGo(s string) (any, error) {
	f, ok := c.parse(s)
	if !ok {
		return nil, fmt.Errorf("routing: %q is not a valid float for this rule", s)
	}
	return f, nil
}

// ToURL accepts finite Go numbers and numeric strings within the rule's bounds.
func (c *floatConverter) ToURL(v any) (string, error) {
	f, ok := toFloat(v)
	if !ok || math.IsInf(f, 0) || math.IsNaN(f) {
		return "", fmt.Errorf("cannot use %#v as a float", v)
	}
	if f == 0 {
		f = 0 // drop the sign of -0
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if strings.IndexByte(s, '.') < 0 {
		s += ".0"
	}
	if _, ok := c.parse(s); !ok {
		return "", fmt.Errorf("float %s is out of range for this rule", s)
	}
	return s, nil
}

func toFloat(v any) (float64, bool) {
	switch v := v.(type) {
	case float64:
		return v, true
	case float32:
		return float64(v), true
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return f, err == nil
	}
	n, ok := pyInt(v) // bools too: Python's float(True) is 1.0
	return float64(n), ok
}
