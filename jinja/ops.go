package jinja

import (
	"math"
	"math/big"
	"reflect"
	"strings"
	"unicode/utf8"
)

// numeric returns v as int or float64 and whether it is a number; bool
// counts as int as in Python.
func numeric(v any) (any, bool) {
	switch x := v.(type) {
	case int, float64, *big.Int:
		return x, true
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	}
	return nil, false
}

func toFloat(v any) float64 {
	switch x := v.(type) {
	case *big.Int:
		return bigFloat(x)
	case int:
		return float64(x)
	case float64:
		return x
	}
	return 0
}

// arith applies a binary arithmetic operator with Python semantics.
func arith(op string, a, b any) (any, error) {
	a, b = normalize(a), normalize(b)
	if u, ok := a.(Undefined); ok {
		return nil, u.err()
	}
	if u, ok := b.(Undefined); ok {
		return nil, u.err()
	}
	na, oka := numeric(a)
	nb, okb := numeric(b)
	if oka && okb {
		return numOp(op, na, nb)
	}
	switch op {
	case "+":
		return addSeq(a, b)
	case "*":
		if n, ok := b.(int); ok {
			return repeat(a, n)
		}
		if n, ok := a.(int); ok {
			return repeat(b, n)
		}
	case "%":
		switch s := a.(type) {
		case string:
			return percentFormat(s, b, false)
		case Markup:
			r, err := percentFormat(string(s), b, true)
			return Markup(r), err
		}
	}
	return nil, typeErr("unsupported operand type(s) for %s: '%s' and '%s'", op, typeName(a), typeName(b))
}

func addSeq(a, b any) (any, error) {
	switch x := a.(type) {
	case string:
		switch y := b.(type) {
		case string:
			return x + y, nil
		case Markup:
			return Markup(escapeString(x)) + y, nil
		}
	case Markup:
		switch y := b.(type) {
		case string, Markup:
			return x + escape(y), nil
		}
	case []any:
		if y, ok := b.([]any); ok {
			return append(append([]any{}, x...), y...), nil
		}
	case Tuple:
		if y, ok := b.(Tuple); ok {
			return append(append(Tuple{}, x...), y...), nil
		}
	}
	return nil, typeErr("unsupported operand type(s) for +: '%s' and '%s'", typeName(a), typeName(b))
}

func repeat(v any, n int) (any, error) {
	if n < 0 {
		n = 0
	}
	if s, ok := asSeq(v); ok {
		if err := checkRepeat(len(s), n); err != nil {
			return nil, err
		}
	} else if s, ok := asString(v); ok {
		if err := checkRepeat(len(s), n); err != nil {
			return nil, err
		}
	}
	switch x := v.(type) {
	case string:
		return strings.Repeat(x, n), nil
	case Markup:
		return Markup(strings.Repeat(string(x), n)), nil
	case []any:
		out := make([]any, 0, len(x)*n)
		for i := 0; i < n; i++ {
			out = append(out, x...)
		}
		return out, nil
	}
	return nil, typeErr("can't multiply sequence by non-int of type '%s'", typeName(v))
}

func numOp(op string, a, b any) (any, error) {
	ia, aInt := a.(int)
	ib, bInt := b.(int)
	if aInt && bInt {
		if r, ok := intOp(op, ia, ib); ok {
			return r, nil
		}
	}
	if y, ok := b.(int); ok && y >= 0 && op == "**" {
		if x := toBig(a); x != nil {
			if r, ok := bigOp(op, x, toBig(y)); ok {
				return r, nil
			}
			return nil, newErr("OverflowError", "integer power result too large")
		}
	}
	if ba, bb := toBig(a), toBig(b); ba != nil && bb != nil && (!aInt || !bInt) {
		if r, ok := bigOp(op, ba, bb); ok {
			return r, nil
		}
		if (op == "//" || op == "%") && bb.Sign() == 0 {
			return nil, newErr("ZeroDivisionError", "integer division or modulo by zero")
		}
	}
	if aInt && bInt {
		switch op {
		case "+":
			return ia + ib, nil
		case "-":
			return ia - ib, nil
		case "*":
			return ia * ib, nil
		case "//":
			if ib == 0 {
				return nil, newErr("ZeroDivisionError", "integer division or modulo by zero")
			}
			q := ia / ib
			if (ia%ib != 0) && ((ia < 0) != (ib < 0)) {
				q--
			}
			return q, nil
		case "%":
			if ib == 0 {
				return nil, newErr("ZeroDivisionError", "integer division or modulo by zero")
			}
			m := ia % ib
			if m != 0 && (m < 0) != (ib < 0) {
				m += ib
			}
			return m, nil
		case "**":
			if ib >= 0 {
				r := 1
				for i := 0; i < ib; i++ {
					r *= ia
				}
				return r, nil
			}
		}
	}
	fa, fb := toFloat(a), toFloat(b)
	switch op {
	case "+":
		return fa + fb, nil
	case "-":
		return fa - fb, nil
	case "*":
		return fa * fb, nil
	case "/":
		if fb == 0 {
			return nil, newErr("ZeroDivisionError", "division by zero")
		}
		return fa / fb, nil
	case "//":
		if fb == 0 {
			return nil, newErr("ZeroDivisionError", "float floor division by zero")
		}
		return math.Floor(fa / fb), nil
	case "%":
		if fb == 0 {
			return nil, newErr("ZeroDivisionError", "float modulo")
		}
		m := math.Mod(fa, fb)
		if m != 0 && (m < 0) != (fb < 0) {
			m += fb
		}
		return m, nil
	case "**":
		return math.Pow(fa, fb), nil
	}
	return nil, typeErr("unknown operator %s", op)
}

// equal is Python's ==.
func equal(a, b any) bool {
	a, b = normalize(a), normalize(b)
	if na, ok := numeric(a); ok {
		if nb, ok := numeric(b); ok {
			if x, y := toBig(na), toBig(nb); x != nil && y != nil {
				return x.Cmp(y) == 0
			}
			return toFloat(na) == toFloat(nb)
		}
		return false
	}
	switch x := a.(type) {
	case string:
		switch y := b.(type) {
		case string:
			return x == y
		case Markup:
			return x == string(y)
		}
		return false
	case Markup:
		return equal(string(x), b)
	case nil:
		return b == nil
	case Undefined:
		_, ok := b.(Undefined)
		return ok
	case []any:
		y, ok := b.([]any)
		return ok && seqEqual(x, y)
	case Tuple:
		y, ok := b.(Tuple)
		return ok && seqEqual(x, y)
	case *Dict:
		y, ok := b.(*Dict)
		if !ok || x.Len() != y.Len() {
			return false
		}
		for _, k := range x.keys {
			w, ok := y.m[k]
			if !ok || !equal(x.m[k], w) {
				return false
			}
		}
		return true
	}
	if reflect.TypeOf(a) != reflect.TypeOf(b) || !reflect.TypeOf(a).Comparable() {
		return false
	}
	return a == b
}

func seqEqual(x, y []any) bool {
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if !equal(x[i], y[i]) {
			return false
		}
	}
	return true
}

// compare orders a and b as Python's < does, or fails with a TypeError.
func compare(a, b any) (int, error) {
	a, b = normalize(a), normalize(b)
	if na, ok := numeric(a); ok {
		if nb, ok := numeric(b); ok {
			if x, y := toBig(na), toBig(nb); x != nil && y != nil {
				return x.Cmp(y), nil
			}
			fa, fb := toFloat(na), toFloat(nb)
			switch {
			case fa < fb:
				return -1, nil
			case fa > fb:
				return 1, nil
			}
			return 0, nil
		}
	}
	sa, okA := asString(a)
	sb, okB := asString(b)
	if okA && okB {
		return strings.Compare(sa, sb), nil
	}
	xa, okA := asSeq(a)
	xb, okB := asSeq(b)
	if okA && okB && isTuple(a) == isTuple(b) {
		for i := 0; i < len(xa) && i < len(xb); i++ {
			if !equal(xa[i], xb[i]) {
				return compare(xa[i], xb[i])
			}
		}
		return len(xa) - len(xb), nil
	}
	if u, ok := a.(Undefined); ok {
		return 0, u.err()
	}
	if u, ok := b.(Undefined); ok {
		return 0, u.err()
	}
	return 0, typeErr("'<' not supported between instances of '%s' and '%s'", typeName(a), typeName(b))
}

func isTuple(v any) bool { _, ok := v.(Tuple); return ok }

func asString(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case Markup:
		return string(x), true
	}
	return "", false
}

func asSeq(v any) ([]any, bool) {
	switch x := v.(type) {
	case []any:
		return x, true
	case Tuple:
		return x, true
	}
	return nil, false
}

// contains is Python's `needle in hay`.
func contains(hay, needle any) (bool, error) {
	hay = normalize(hay)
	switch h := hay.(type) {
	case string, Markup:
		s, _ := asString(h)
		n, ok := asString(normalize(needle))
		if !ok {
			return false, typeErr("'in <string>' requires string as left operand, not %s", typeName(needle))
		}
		return strings.Contains(s, n), nil
	case []any:
		return seqContains(h, needle), nil
	case Tuple:
		return seqContains(h, needle), nil
	case *Dict:
		_, ok := h.Get(normalize(needle))
		return ok, nil
	case Undefined:
		// Undefined iterates as empty; StrictUndefined refuses.
		return false, strictErr(h)
	}
	return false, typeErr("argument of type '%s' is not iterable", typeName(hay))
}

func seqContains(xs []any, v any) bool {
	for _, x := range xs {
		if equal(x, v) {
			return true
		}
	}
	return false
}

// iterate returns the items a for loop visits: characters of a string,
// elements of a sequence, keys of a mapping.
func iterate(v any) ([]any, error) {
	v = normalize(v)
	switch x := v.(type) {
	case []any:
		return x, nil
	case Tuple:
		return x, nil
	case *Dict:
		return append([]any{}, x.keys...), nil
	case string:
		return runes(x), nil
	case Markup:
		return runes(string(x)), nil
	case Undefined:
		return nil, strictErr(x)
	case iterable:
		return x.items(), nil
	}
	return nil, typeErr("'%s' object is not iterable", typeName(v))
}

// iterable is implemented by engine objects a loop can walk (cyclers,
// dict views).
type iterable interface{ items() []any }

func runes(s string) []any {
	out := make([]any, 0, len(s))
	for _, r := range s {
		out = append(out, string(r))
	}
	return out
}

// length is Python's len(v).
func length(v any) (int, error) {
	v = normalize(v)
	switch x := v.(type) {
	case string:
		return utf8.RuneCountInString(x), nil
	case Markup:
		return utf8.RuneCountInString(string(x)), nil
	case []any:
		return len(x), nil
	case Tuple:
		return len(x), nil
	case *Dict:
		return x.Len(), nil
	case Undefined:
		return 0, strictErr(x)
	case iterable:
		return len(x.items()), nil
	}
	return 0, typeErr("object of type '%s' has no len()", typeName(v))
}
