package flagon

import (
	"fmt"
	"strconv"
)

// Param returns the raw value of the URL variable name, or "".
func (c *Ctx) Param(name string) string {
	s, _ := c.params.Get(name)
	return s
}

// ParamInt returns the URL variable name as an int (for <int:...> rules).
func (c *Ctx) ParamInt(name string) (int, error) {
	s, ok := c.params.Get(name)
	if !ok {
		return 0, fmt.Errorf("flagon: rule %s has no variable %q", c.rulePattern(), name)
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, NewHTTPError(404, fmt.Errorf("variable %q: %w", name, err))
	}
	return n, nil
}

// ParamValue returns the URL variable converted by its converter: int,
// float64, string, a UUID or a user converter's value.
func (c *Ctx) ParamValue(name string) (any, error) {
	return c.params.Value(name)
}

// Params returns the URL variables as a map of raw strings.
func (c *Ctx) Params() map[string]string {
	m := make(map[string]string, c.params.Len())
	for i := 0; i < c.params.Len(); i++ {
		k, v := c.params.At(i)
		m[k] = v
	}
	return m
}

func (c *Ctx) rulePattern() string {
	if c.rule == nil {
		return "(none)"
	}
	return strconv.Quote(c.rule.Pattern)
}
