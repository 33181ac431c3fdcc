package routing

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// stringConverter is Werkzeug's UnicodeConverter: one segment of minlength
// (default 1) to maxlength characters, or exactly length characters.
type stringConverter struct {
	min, max int // max < 0: unbounded
}

func newStringConverter(args []any, kwargs map[string]any) (Converter, error) {
	b, err := bindArgs("string", args, kwargs, "minlength", "maxlength", "length")
	if err != nil {
		return nil, err
	}
	c := &stringConverter{min: 1, max: -1}
	if n, ok, err := intArg("string", b, "minlength"); err != nil {
		return nil, err
	} else if ok {
		c.min = n
	}
	if n, ok, err := intArg("string", b, "maxlength"); err != nil {
		return nil, err
	} else if ok {
		c.max = n
	}
	if n, ok, err := intArg("string", b, "length"); err != nil {
		return nil, err
	} else if ok {
		c.min, c.max = n, n
	}
	return c, c.check()
}

func (c *stringConverter) check() error {
	if c.min < 0 || c.max >= 0 && c.max < c.min {
		return fmt.Errorf("converter \"string\": bad length bounds (min %d, max %d)", c.min, c.max)
	}
	return nil
}

// plain reports whether c accepts any non-empty segment.
func (c *stringConverter) plain() bool { return c.min <= 1 && c.max < 0 }

// Match reports whether s is one segment of the allowed length.
func (c *stringConverter) Match(s string) bool {
	if s == "" || strings.IndexByte(s, '/') >= 0 {
		return c.min == 0 && s == ""
	}
	if c.plain() {
		return true
	}
	n := utf8.RuneCountInString(s)
	return n >= c.min && (c.max < 0 || n <= c.max)
}

// ToGo returns s itself.
func (c *stringConverter) ToGo(s string) (any, error) {
	if !c.Match(s) {
		return nil, fmt.Errorf("routing: %q is not a valid string segment", s)
	}
	return s, nil
}

// ToURL renders v as text of the allowed length without '/'.
func (c *stringConverter) ToURL(v any) (string, error) {
	s, ok := toText(v)
	if !ok {
		return "", fmt.Errorf("cannot use %T as a string", v)
	}
	if strings.IndexByte(s, '/') >= 0 {
		return "", fmt.Errorf("string %q contains '/' (use the path converter)", s)
	}
	if !c.Match(s) {
		return "", fmt.Errorf("string %q has the wrong length", s)
	}
	return s, nil
}

// Weight places string variables after numbers and before paths.
func (c *stringConverter) Weight() int { return weightString }
