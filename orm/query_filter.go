package orm

import (
	"fmt"
	"reflect"
	"sort"
)

// filterBy turns FilterBy arguments into equality conditions.
func filterBy(t *Table, args []any) ([]Expr, error) {
	if t == nil {
		return nil, fmt.Errorf("orm: FilterBy without a model table")
	}
	pairs, err := filterPairs(args)
	if err != nil {
		return nil, err
	}
	conds := make([]Expr, 0, len(pairs))
	for _, p := range pairs {
		c := t.lookup(p.name)
		if c == nil {
			return nil, unknownField(t, p.name)
		}
		conds = append(conds, C(t.Name+"."+c.Name).Eq(bindValue(c, p.value)))
	}
	return conds, nil
}

type pair struct {
	name  string
	value any
}

// filterPairs accepts one map[string]any or alternating name, value.
func filterPairs(args []any) ([]pair, error) {
	if len(args) == 1 {
		m, ok := args[0].(map[string]any)
		if !ok {
			return nil, fmt.Errorf("orm: FilterBy wants a map[string]any or name, value pairs")
		}
		out := make([]pair, 0, len(m))
		for k, v := range m {
			out = append(out, pair{k, v})
		}
		sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
		return out, nil
	}
	if len(args)%2 != 0 {
		return nil, fmt.Errorf("orm: FilterBy got %d arguments; want name, value pairs", len(args))
	}
	out := make([]pair, 0, len(args)/2)
	for i := 0; i < len(args); i += 2 {
		name, ok := args[i].(string)
		if !ok {
			return nil, fmt.Errorf("orm: FilterBy argument %d is %T; want a field name", i, args[i])
		}
		out = append(out, pair{name, args[i+1]})
	}
	return out, nil
}

// bindValue prepares a Go value compared with column c, dereferencing
// pointers; a nil pointer is NULL.
func bindValue(c *Column, v any) any {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return nil
		}
		return rv.Elem().Interface()
	}
	return v
}
