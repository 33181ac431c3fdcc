package jinja

import (
	"fmt"
	"strings"
)

// eval evaluates an expression in scope sc. An Undefined result carries
// the environment's UndefinedPolicy.
func (st *state) eval(e expr, sc *scope) (any, error) {
	v, err := st.evalExpr(e, sc)
	if st.env.Undefined != DefaultUndefined {
		// The undefined of an inline if without else is Jinja's plain
		// Undefined whatever the environment's class.
		if u, ok := v.(Undefined); ok && u.policy == DefaultUndefined && u.Name != "<inline if>" {
			u.policy = st.env.Undefined
			v = u
		}
	}
	return v, err
}

func (st *state) evalExpr(e expr, sc *scope) (any, error) {
	switch e := e.(type) {
	case *litExpr:
		return e.v, nil
	case *nameExpr:
		if v, ok := sc.lookup(e.name); ok {
			return v, nil
		}
		if e.name == "self" {
			return &selfObj{st}, nil
		}
		return Undefined{Name: e.name}, nil
	case *listExpr:
		out := make([]any, len(e.items))
		for i, it := range e.items {
			v, err := st.eval(it, sc)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	case *tupleExpr:
		out := make(Tuple, len(e.items))
		for i, it := range e.items {
			v, err := st.eval(it, sc)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	case *dictExpr:
		d := NewDict()
		for i := range e.keys {
			k, err := st.eval(e.keys[i], sc)
			if err != nil {
				return nil, err
			}
			v, err := st.eval(e.vals[i], sc)
			if err != nil {
				return nil, err
			}
			d.Set(normalize(k), v)
		}
		return d, nil
	case *attrExpr:
		obj, err := st.eval(e.obj, sc)
		if err != nil {
			return nil, err
		}
		return getAttr(st.env, obj, e.name)
	case *itemExpr:
		obj, err := st.eval(e.obj, sc)
		if err != nil {
			return nil, err
		}
		k, err := st.eval(e.key, sc)
		if err != nil {
			return nil, err
		}
		return getItem(st.env, obj, k)
	case *sliceExpr:
		return st.evalSlice(e, sc)
	case *callExpr:
		return st.evalCall(e, sc, nil)
	case *filterExpr:
		var v any
		if e.obj != nil {
			var err error
			if v, err = st.eval(e.obj, sc); err != nil {
				return nil, err
			}
		}
		return st.applyFilter(e, v, sc)
	case *testExpr:
		return st.applyTest(e, sc)
	case *binExpr:
		return st.evalBin(e, sc)
	case *concatExpr:
		parts := make([]any, len(e.parts))
		for i, x := range e.parts {
			v, err := st.eval(x, sc)
			if err != nil {
				return nil, err
			}
			parts[i] = v
		}
		if e.folded {
			var b strings.Builder
			for _, v := range parts {
				b.WriteString(toStr(normalize(v)))
			}
			return b.String(), nil
		}
		return st.concat(parts...)
	case *cmpExpr:
		return st.evalCmp(e, sc)
	case *unaryExpr:
		v, err := st.eval(e.x, sc)
		if err != nil {
			return nil, err
		}
		switch e.op {
		case "not":
			t, err := truth(v)
			return !t, err
		default:
			return st.unop(e.op, v)
		}
	case *condExpr:
		c, err := st.eval(e.cond, sc)
		if err != nil {
			return nil, err
		}
		if t, err := truth(c); err != nil || t {
			if err != nil {
				return nil, err
			}
			return st.eval(e.a, sc)
		}
		if e.b == nil {
			return Undefined{Name: "<inline if>", hint: fmt.Sprintf("the inline if-expression on line %d evaluated to false and no else section was defined.", st.line)}, nil
		}
		return st.eval(e.b, sc)
	}
	return nil, newErr("TemplateRuntimeError", "unknown expression %T", e)
}

func (st *state) evalBin(e *binExpr, sc *scope) (any, error) {
	l, err := st.eval(e.l, sc)
	if err != nil {
		return nil, err
	}
	switch e.op {
	case "and":
		if t, err := truth(l); err != nil || !t {
			return l, err
		}
		return st.eval(e.r, sc)
	case "or":
		if t, err := truth(l); err != nil || t {
			return l, err
		}
		return st.eval(e.r, sc)
	}
	r, err := st.eval(e.r, sc)
	if err != nil {
		return nil, err
	}
	if e.op == "~" {
		return st.concat(l, r)
	}
	return st.binop(e.op, l, r)
}

// concat is Jinja's ~: strings joined, escaped as Markup if either side
// is Markup and autoescape is on.
func (st *state) concat(parts ...any) (any, error) {
	markup := false
	for _, p := range parts {
		if u, ok := p.(Undefined); ok {
			if err := strictErr(u); err != nil {
				return nil, err
			}
			continue
		}
		if _, ok := p.(Markup); ok && st.autoescape {
			markup = true
		}
	}
	var b strings.Builder
	for _, p := range parts {
		p = normalize(p)
		if markup {
			b.WriteString(string(escape(p)))
		} else {
			b.WriteString(toStr(p))
		}
	}
	if markup {
		return Markup(b.String()), nil
	}
	return b.String(), nil
}

func (st *state) evalCmp(e *cmpExpr, sc *scope) (any, error) {
	l, err := st.eval(e.first, sc)
	if err != nil {
		return nil, err
	}
	for i, op := range e.ops {
		r, err := st.eval(e.rest[i], sc)
		if err != nil {
			return nil, err
		}
		ok, err := compareOp(op, l, r)
		if err != nil || !ok {
			return false, err
		}
		l = r
	}
	return true, nil
}

func compareOp(op string, l, r any) (bool, error) {
	if err := strictErr(l); err != nil {
		return false, err
	}
	if err := strictErr(r); err != nil {
		return false, err
	}
	switch op {
	case "==":
		return equal(l, r), nil
	case "!=":
		return !equal(l, r), nil
	case "in":
		return contains(r, l)
	case "notin":
		ok, err := contains(r, l)
		return !ok, err
	}
	c, err := compare(l, r)
	if err != nil {
		return false, err
	}
	switch op {
	case "<":
		return c < 0, nil
	case ">":
		return c > 0, nil
	case "<=":
		return c <= 0, nil
	}
	return c >= 0, nil
}

func (st *state) evalSlice(e *sliceExpr, sc *scope) (any, error) {
	obj, err := st.eval(e.obj, sc)
	if err != nil {
		return nil, err
	}
	var idx [3]any
	for i, x := range []expr{e.lo, e.hi, e.step} {
		if x == nil {
			continue
		}
		if idx[i], err = st.eval(x, sc); err != nil {
			return nil, err
		}
	}
	return slice(obj, idx[0], idx[1], idx[2])
}

// slice is Python's obj[lo:hi:step].
func slice(obj, lo, hi, step any) (any, error) {
	obj = normalize(obj)
	if u, ok := obj.(Undefined); ok {
		return nil, u.err()
	}
	var items []any
	switch x := obj.(type) {
	case string:
		items = runes(x)
	case Markup:
		items = runes(string(x))
	default:
		s, ok := asSeq(obj)
		if !ok {
			return nil, typeErr("'%s' object is not subscriptable", typeName(obj))
		}
		items = s
	}
	n := len(items)
	st := 1
	if step != nil {
		s, ok := normalize(step).(int)
		if !ok || s == 0 {
			return nil, newErr("ValueError", "slice step cannot be zero")
		}
		st = s
	}
	bound := func(v any, def int) (int, error) {
		if v == nil {
			return def, nil
		}
		i, ok := normalize(v).(int)
		if !ok {
			return 0, typeErr("slice indices must be integers or None")
		}
		if i < 0 {
			i += n
			if i < 0 {
				if st < 0 {
					return -1, nil
				}
				return 0, nil
			}
		}
		if i >= n {
			if st < 0 {
				return n - 1, nil
			}
			return n, nil
		}
		return i, nil
	}
	var out []any
	if st > 0 {
		a, err := bound(lo, 0)
		if err != nil {
			return nil, err
		}
		b, err := bound(hi, n)
		if err != nil {
			return nil, err
		}
		for i := a; i < b; i += st {
			out = append(out, items[i])
		}
	} else {
		a, err := bound(lo, n-1)
		if err != nil {
			return nil, err
		}
		b, err := bound(hi, -1)
		if err != nil {
			return nil, err
		}
		if hi == nil {
			b = -1
		}
		for i := a; i > b; i += st {
			out = append(out, items[i])
		}
	}
	switch obj.(type) {
	case string, Markup:
		var sb strings.Builder
		for _, r := range out {
			sb.WriteString(r.(string))
		}
		if _, ok := obj.(Markup); ok {
			return Markup(sb.String()), nil
		}
		return sb.String(), nil
	case Tuple:
		return Tuple(out), nil
	}
	if out == nil {
		out = []any{}
	}
	return out, nil
}

// evalArgs evaluates call arguments; keyword arguments keep their order.
func (st *state) evalArgs(a callArgs, sc *scope) ([]any, *Dict, error) {
	args := make([]any, 0, len(a.args))
	for _, x := range a.args {
		v, err := st.eval(x, sc)
		if err != nil {
			return nil, nil, err
		}
		args = append(args, v)
	}
	if a.star != nil {
		v, err := st.eval(a.star, sc)
		if err != nil {
			return nil, nil, err
		}
		items, err := iterate(v)
		if err != nil {
			return nil, nil, err
		}
		args = append(args, items...)
	}
	kw := NewDict()
	for _, k := range a.kwargs {
		v, err := st.eval(k.val, sc)
		if err != nil {
			return nil, nil, err
		}
		kw.Set(k.name, v)
	}
	if a.dstar != nil {
		v, err := st.eval(a.dstar, sc)
		if err != nil {
			return nil, nil, err
		}
		d, ok := normalize(v).(*Dict)
		if !ok {
			return nil, nil, typeErr("argument after ** must be a mapping")
		}
		for _, k := range d.keys {
			kw.Set(k, d.m[k])
		}
	}
	return args, kw, nil
}

func (st *state) evalCall(e *callExpr, sc *scope, caller *Macro) (any, error) {
	var fn any
	var err error
	if a, ok := e.fn.(*attrExpr); ok && caller == nil {
		if r, handled, err := st.mutateList(a, e, sc); handled {
			return r, err
		}
	}
	if a, ok := e.fn.(*attrExpr); ok {
		var obj any
		if obj, err = st.eval(a.obj, sc); err == nil {
			fn, err = getAttrFor(st.env, obj, a.name)
		}
	} else {
		fn, err = st.eval(e.fn, sc)
	}
	if err != nil {
		return nil, err
	}
	args, kw, err := st.evalArgs(e.callArgs, sc)
	if err != nil {
		return nil, err
	}
	if caller != nil {
		kw.Set("caller", caller)
	}
	st.callScope = sc
	return st.call(fn, args, kw)
}
