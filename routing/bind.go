package routing

import (
	"fmt"
	"math"
)

// bindArgs maps positional and keyword arguments onto the parameter names of
// a built-in converter, rejecting unknown, repeated and surplus arguments.
func bindArgs(conv string, args []any, kwargs map[string]any, names ...string) (map[string]any, error) {
	if len(args) > len(names) {
		return nil, fmt.Errorf("converter %q takes at most %d arguments, got %d", conv, len(names), len(args))
	}
	out := make(map[string]any, len(args)+len(kwargs))
	for i, a := range args {
		out[names[i]] = a
	}
	for k, v := range kwargs {
		if !contains(names, k) {
			return nil, fmt.Errorf("converter %q has no argument %q", conv, k)
		}
		if _, dup := out[k]; dup {
			return nil, fmt.Errorf("converter %q got argument %q twice", conv, k)
		}
		out[k] = v
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// intArg reads an optional integer argument; ok is false when absent or None.
func intArg(conv string, b map[string]any, name string) (n int, ok bool, err error) {
	v, present := b[name]
	if !present || v == nil {
		return 0, false, nil
	}
	if n, isInt := v.(int); isInt {
		return n, true, nil
	}
	return 0, false, fmt.Errorf("converter %q: argument %q must be an integer, got %s", conv, name, renderValue(v))
}

// floatArg reads an optional numeric argument as float64.
func floatArg(conv string, b map[string]any, name string) (f float64, ok bool, err error) {
	switch v := b[name].(type) {
	case nil:
		return 0, false, nil
	case int:
		return float64(v), true, nil
	case float64:
		if math.IsNaN(v) {
			break
		}
		return v, true, nil
	}
	return 0, false, fmt.Errorf("converter %q: argument %q must be a number, got %s", conv, name, renderValue(b[name]))
}

// boolArg reads an optional boolean argument.
func boolArg(conv string, b map[string]any, name string) (bool, error) {
	switch v := b[name].(type) {
	case nil:
		return false, nil
	case bool:
		return v, nil
	}
	return false, fmt.Errorf("converter %q: argument %q must be True or False, got %s", conv, name, renderValue(b[name]))
}
