package jinja

import (
	"math/big"
	"reflect"
	"strings"
	"unicode"
)

// testFn is a built-in test.
type testFn func(st *state, v any, args []any) (bool, error)

func (st *state) applyTest(t *testExpr, sc *scope) (any, error) {
	v, err := st.eval(t.obj, sc)
	if err != nil {
		return nil, err
	}
	args, kw, err := st.evalArgs(t.callArgs, sc)
	if err != nil {
		return nil, err
	}
	st.callScope = sc
	ok, err := st.callTest(t.name, v, args, kw)
	if err != nil {
		return nil, err
	}
	return ok != t.negate, nil
}

func (st *state) callTest(name string, v any, args []any, kw *Dict) (bool, error) {
	if ut, ok := st.env.Tests[name]; ok {
		r, err := st.call(ut, append([]any{v}, args...), kw)
		return truthy(r), err
	}
	fn, ok := builtinTests[name]
	if !ok {
		return false, newErr("TemplateRuntimeError", "No test named '%s'.", name)
	}
	if name == "filter" || name == "test" {
		s, _ := asString(normalize(v))
		if name == "filter" {
			_, ok := builtinFilters[s]
			_, uok := st.env.Filters[s]
			return ok || uok, nil
		}
		_, ok := builtinTests[s]
		_, uok := st.env.Tests[s]
		return ok || uok, nil
	}
	return fn(st, v, args)
}

func arg0(args []any) any {
	if len(args) > 0 {
		return args[0]
	}
	return Undefined{Name: "argument"}
}

func cmpTest(op string) testFn {
	return func(st *state, v any, args []any) (bool, error) { return compareOp(op, v, arg0(args)) }
}

func isNumber(v any) bool {
	switch normalize(v).(type) {
	case int, float64, bool, *big.Int, complex64, complex128:
		return true
	}
	return false
}

var builtinTests map[string]testFn

func init() {
	builtinTests = map[string]testFn{
		"defined":   func(_ *state, v any, _ []any) (bool, error) { _, u := v.(Undefined); return !u, nil },
		"undefined": func(_ *state, v any, _ []any) (bool, error) { _, u := v.(Undefined); return u, nil },
		"none":      func(_ *state, v any, _ []any) (bool, error) { return v == nil, nil },
		"number":    func(_ *state, v any, _ []any) (bool, error) { return isNumber(v), nil },
		"integer": func(_ *state, v any, _ []any) (bool, error) {
			switch v.(type) {
			case bool:
				return false, nil
			}
			switch normalize(v).(type) {
			case int, *big.Int:
				return true, nil
			}
			return false, nil
		},
		"float":   func(_ *state, v any, _ []any) (bool, error) { _, ok := normalize(v).(float64); return ok, nil },
		"boolean": func(_ *state, v any, _ []any) (bool, error) { _, ok := v.(bool); return ok, nil },
		"true":    func(_ *state, v any, _ []any) (bool, error) { return v == true, nil },
		"false":   func(_ *state, v any, _ []any) (bool, error) { return v == false, nil },
		"string":  func(_ *state, v any, _ []any) (bool, error) { _, ok := asString(normalize(v)); return ok, nil },
		"mapping": func(_ *state, v any, _ []any) (bool, error) { _, ok := normalize(v).(*Dict); return ok, nil },
		"sequence": func(_ *state, v any, _ []any) (bool, error) {
			switch normalize(v).(type) {
			case string, Markup, []any, Tuple, *Dict:
				return true, nil
			}
			return false, nil
		},
		"iterable": func(_ *state, v any, _ []any) (bool, error) {
			_, err := iterate(v)
			_, undef := v.(Undefined)
			return err == nil && !undef, nil
		},
		"callable": func(_ *state, v any, _ []any) (bool, error) {
			if _, ok := v.(callable); ok {
				return true, nil
			}
			if rv, ok := v.(reflect.Value); ok {
				return rv.Kind() == reflect.Func, nil
			}
			return v != nil && reflect.TypeOf(v).Kind() == reflect.Func, nil
		},
		"sameas": func(_ *state, v any, args []any) (bool, error) {
			o := arg0(args)
			switch v.(type) {
			case nil, bool:
				return v == o, nil
			}
			a, b := normalize(v), normalize(o)
			if reflect.TypeOf(a) != reflect.TypeOf(b) {
				return false, nil
			}
			switch x := a.(type) {
			case []any:
				y := b.([]any)
				return len(x) == len(y) && len(x) > 0 && &x[0] == &y[0], nil
			case *Dict:
				return x == b.(*Dict), nil
			case int:
				return x == b.(int) && x >= -5 && x <= 256, nil
			}
			return reflect.TypeOf(a).Comparable() && a == b, nil
		},
		"escaped": func(_ *state, v any, _ []any) (bool, error) { _, ok := v.(Markup); return ok, nil },
		"in":      func(_ *state, v any, args []any) (bool, error) { return contains(arg0(args), v) },
		"divisibleby": func(_ *state, v any, args []any) (bool, error) {
			r, err := arith("%", v, arg0(args))
			if err != nil {
				return false, err
			}
			return equal(r, 0), nil
		},
		"odd": func(_ *state, v any, _ []any) (bool, error) {
			r, err := arith("%", v, 2)
			return equal(r, 1), err
		},
		"even": func(_ *state, v any, _ []any) (bool, error) {
			r, err := arith("%", v, 2)
			return equal(r, 0), err
		},
		"lower": func(_ *state, v any, _ []any) (bool, error) {
			s := toStr(normalize(v))
			return s == strings.ToLower(s) && hasCased(s), nil
		},
		"upper": func(_ *state, v any, _ []any) (bool, error) {
			s := toStr(normalize(v))
			return s == strings.ToUpper(s) && hasCased(s), nil
		},
		"eq": cmpTest("=="), "equalto": cmpTest("=="), "==": cmpTest("=="),
		"ne": cmpTest("!="), "!=": cmpTest("!="),
		"lt": cmpTest("<"), "lessthan": cmpTest("<"), "<": cmpTest("<"),
		"le": cmpTest("<="), "<=": cmpTest("<="),
		"gt": cmpTest(">"), "greaterthan": cmpTest(">"), ">": cmpTest(">"),
		"ge": cmpTest(">="), ">=": cmpTest(">="),
		"filter": nil,
		"test":   nil,
	}
}

func hasCased(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsLower(r) {
			return true
		}
	}
	return false
}
