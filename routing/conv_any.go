package routing

import (
	"fmt"
	"slices"
	"strings"
)

// anyConverter is Werkzeug's AnyConverter: one of a fixed set of segments.
type anyConverter struct {
	items []string
}

func newAnyConverter(args []any, kwargs map[string]any) (Converter, error) {
	if len(kwargs) > 0 || len(args) == 0 {
		return nil, fmt.Errorf("converter \"any\" takes one or more positional items")
	}
	c := &anyConverter{}
	for _, a := range args {
		s, ok := a.(string)
		if n, isInt := a.(int); isInt {
			s, ok = fmt.Sprint(n), true
		}
		if !ok || s == "" || strings.IndexByte(s, '/') >= 0 {
			return nil, fmt.Errorf("converter \"any\": bad item %s (want a non-empty string without '/')", renderValue(a))
		}
		c.items = append(c.items, s)
	}
	return c, nil
}

// Match reports whether s is one of the items.
func (c *anyConverter) Match(s string) bool { return contains(c.items, s) }

// Weight places any variables before strings.
func (c *anyConverter) Weight() int { return weightNumber }

// ToGo returns s itself.
func (c *anyConverter) ToGo(s string) (any, error) {
	if !c.Match(s) {
		return nil, fmt.Errorf("routing: %q is not one of %q", s, c.items)
	}
	return s, nil
}

// ToURL accepts only one of the items. Its error is Werkzeug's:
// 'x' is not one of 'a', 'b' (the items sorted).
func (c *anyConverter) ToURL(v any) (string, error) {
	s, ok := toText(v)
	if !ok || !c.Match(s) {
		if !ok {
			s = fmt.Sprint(v)
		}
		items := slices.Clone(c.items)
		slices.Sort(items)
		return "", fmt.Errorf("'%s' is not one of '%s'", s, strings.Join(items, "', '"))
	}
	return s, nil
}
