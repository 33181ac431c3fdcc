package jinja

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// callable is an engine value that can be called from a template.
type callable interface {
	call(st *state, args []any, kw *Dict) (any, error)
}

// Func is a Go function callable from templates with Python's calling
// convention: positional arguments and keyword arguments (in call order),
// e.g. url_for('blog.update', id=post.id).
type Func func(args []any, kwargs *Dict) (any, error)

func (f Func) call(_ *state, args []any, kw *Dict) (any, error) { return f(args, kw) }

// builtinFunc is a callable implemented in Go with the engine's calling
// convention.
type builtinFunc func(st *state, args []any, kw *Dict) (any, error)

func (f builtinFunc) call(st *state, args []any, kw *Dict) (any, error) { return f(st, args, kw) }

// call calls fn with Python semantics.
func (st *state) call(fn any, args []any, kw *Dict) (any, error) {
	if st.depth >= maxDepth {
		return nil, newErr("RecursionError", "maximum template recursion depth exceeded")
	}
	switch f := fn.(type) {
	case callable:
		return f.call(st, args, kw)
	case Undefined:
		return nil, f.err()
	case nil:
		return nil, typeErr("'NoneType' object is not callable")
	}
	if takesContext(fn) {
		args = append([]any{Context{sc: st.callScope, env: st.env}}, args...)
	}
	return callReflect(fn, args, kw)
}

// Kwargs is the keyword arguments of a call: a Go function (a filter,
// test, global or value) whose last parameter is a Kwargs receives the
// call's keyword arguments there, as a Python function's **kwargs.
type Kwargs map[string]any

var kwargsType = reflect.TypeOf(Kwargs(nil))

// callReflect calls a Go function or method value.
func callReflect(fn any, args []any, kw *Dict) (any, error) {
	rv, ok := fn.(reflect.Value)
	if !ok {
		rv = reflect.ValueOf(fn)
	}
	if rv.Kind() != reflect.Func {
		return nil, typeErr("'%s' object is not callable", typeName(fn))
	}
	t := rv.Type()
	n := t.NumIn()
	if n > 0 && !t.IsVariadic() && t.In(n-1) == kwargsType {
		kwargs := Kwargs{}
		if kw != nil {
			for _, k := range kw.keys {
				kwargs[toStr(k)] = kw.m[k]
			}
		}
		kw = nil
		args = append(append([]any{}, args...), kwargs)
	}
	if kw != nil && kw.Len() > 0 {
		return nil, typeErr("Go function got unexpected keyword arguments")
	}
	if (!t.IsVariadic() && len(args) != n) || (t.IsVariadic() && len(args) < n-1) {
		return nil, typeErr("function takes %d arguments (%d given)", n, len(args))
	}
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		if u, ok := a.(Undefined); ok {
			return nil, u.err()
		}
		var pt reflect.Type
		if t.IsVariadic() && i >= n-1 {
			pt = t.In(n - 1).Elem()
		} else {
			pt = t.In(i)
		}
		v, err := convertArg(a, pt)
		if err != nil {
			return nil, err
		}
		in[i] = v
	}
	out := rv.Call(in)
	switch len(out) {
	case 0:
		return nil, nil
	case 1:
		return out[0].Interface(), nil
	}
	if err, _ := out[len(out)-1].Interface().(error); err != nil {
		return nil, err
	}
	return out[0].Interface(), nil
}

func convertArg(a any, pt reflect.Type) (reflect.Value, error) {
	if a == nil {
		return reflect.Zero(pt), nil
	}
	av := reflect.ValueOf(a)
	if av.Type().AssignableTo(pt) {
		return av, nil
	}
	if m, ok := a.(Markup); ok && pt.Kind() == reflect.String {
		return reflect.ValueOf(string(m)).Convert(pt), nil
	}
	if av.Type().ConvertibleTo(pt) && av.Kind() != reflect.String && pt.Kind() != reflect.String {
		return av.Convert(pt), nil
	}
	if av.Kind() == reflect.String && pt.Kind() == reflect.String {
		return av.Convert(pt), nil
	}
	return reflect.Value{}, typeErr("cannot use %s as %s argument", typeName(a), pt)
}

// Macro is a template macro (or the caller of a call block).
type Macro struct {
	node       *macroNode
	closure    *scope
	st         *state
	name       string
	autoescape bool
}

func (m *Macro) call(st *state, args []any, kw *Dict) (any, error) {
	n := m.node
	sc := m.closure.child()
	if len(args) > len(n.params) {
		if !n.uses["varargs"] {
			return nil, typeErr("macro '%s' takes not more than %d argument(s)", m.name, len(n.params))
		}
	}
	var extra []any
	for i, p := range n.params {
		if i < len(args) {
			sc.set(p.name, args[i])
		}
	}
	if len(args) > len(n.params) {
		extra = args[len(n.params):]
	}
	kwargs := NewDict()
	if kw != nil {
		for _, k := range kw.keys {
			name, _ := k.(string)
			found := false
			for i, p := range n.params {
				if p.name == name {
					if i < len(args) && name == "caller" {
						return nil, typeErr("macro '%s' was invoked with two values for the special caller argument. This is most likely a bug.", m.name)
					}
					if i < len(args) {
						return nil, typeErr("macro '%s' got multiple values for argument '%s'", m.name, name)
					}
					sc.set(name, kw.m[k])
					found = true
				}
			}
			if found {
				continue
			}
			if name == "caller" && (n.uses["caller"]) {
				sc.set("caller", kw.m[k])
				continue
			}
			if name == "caller" {
				continue
			}
			if !n.uses["kwargs"] {
				return nil, typeErr("macro '%s' takes no keyword argument '%s'", m.name, name)
			}
			kwargs.Set(name, kw.m[k])
		}
	}
	sub := *m.st
	sub.depth = st.depth + 1
	sub.autoescape = m.autoescape
	// Defaults are evaluated in order; as in Jinja, a parameter that is
	// not bound yet reads as undefined in them, not as an outer name.
	var unbound []int
	for i, p := range n.params {
		if _, ok := sc.own(p.name); !ok {
			unbound = append(unbound, i)
		}
	}
	for _, i := range unbound {
		sc.set(n.params[i].name, Undefined{Name: n.params[i].name})
	}
	for _, i := range unbound {
		p := n.params[i]
		if p.def == nil {
			continue
		}
		v, err := sub.eval(p.def, sc)
		if err != nil {
			return nil, err
		}
		sc.set(p.name, v)
	}
	if n.uses["varargs"] {
		if extra == nil {
			extra = []any{}
		}
		sc.set("varargs", Tuple(extra))
	}
	if n.uses["kwargs"] {
		sc.set("kwargs", kwargs)
	}
	if _, ok := sc.own("caller"); !ok && n.uses["caller"] && !n.isCaller {
		sc.set("caller", Undefined{Name: "caller"})
	}
	if _, native := st.out.(*nativeOut); native {
		// In a native render a macro returns a value, as Jinja's
		// NativeCodeGenerator compiles macros.
		out := &nativeOut{}
		sub.out, sub.parent = out, nil
		if err := sub.renderNodes(n.body, sc); err != nil {
			return nil, err
		}
		return nativeConcat(out.chunks), nil
	}
	var b strings.Builder
	sub.out = &b
	sub.parent = nil
	if err := sub.renderNodes(n.body, sc); err != nil {
		return nil, err
	}
	if m.autoescape {
		return Markup(b.String()), nil
	}
	return b.String(), nil
}

// Namespace is the object namespace() returns; its attributes can be
// assigned with {% set ns.attr = value %}.
type Namespace struct{ d *Dict }

// loopObj is the `loop` variable of a for loop.
type loopObj struct {
	index, length int
	items         []any
	depth         int
	recurse       func(st *state, v any) (any, error)
	lastChanged   []any
	changedInit   bool
}

func (l *loopObj) call(st *state, args []any, kw *Dict) (any, error) {
	if l.recurse == nil {
		return nil, typeErr("Tried to call non recursive loop.  Maybe you forgot the 'recursive' modifier.")
	}
	if len(args) != 1 {
		return nil, typeErr("loop() takes exactly one argument")
	}
	return l.recurse(st, args[0])
}

func (l *loopObj) attr(name string) (any, bool) {
	switch name {
	case "index":
		return l.index + 1, true
	case "index0":
		return l.index, true
	case "revindex":
		return l.length - l.index, true
	case "revindex0":
		return l.length - l.index - 1, true
	case "first":
		return l.index == 0, true
	case "last":
		return l.index == l.length-1, true
	case "length":
		return l.length, true
	case "depth":
		return l.depth, true
	case "depth0":
		return l.depth - 1, true
	case "previtem":
		if l.index > 0 {
			return l.items[l.index-1], true
		}
		return Undefined{Name: "previtem"}, true
	case "nextitem":
		if l.index+1 < l.length {
			return l.items[l.index+1], true
		}
		return Undefined{Name: "nextitem"}, true
	case "cycle":
		return builtinFunc(func(st *state, args []any, kw *Dict) (any, error) {
			if len(args) == 0 {
				return nil, typeErr("no items for cycling given")
			}
			return args[l.index%len(args)], nil
		}), true
	case "changed":
		return builtinFunc(func(st *state, args []any, kw *Dict) (any, error) {
			if l.changedInit && seqEqual(l.lastChanged, args) {
				return false, nil
			}
			l.changedInit, l.lastChanged = true, args
			return true, nil
		}), true
	}
	return nil, false
}

func (st *state) renderFor(n *forNode, sc *scope) error {
	// run renders the loop over v; direct writes to st.out (the loop at
	// the top), otherwise the output is returned (loop() in a recursive
	// loop).
	var run func(st *state, v any, depth int, direct bool) (string, error)
	run = func(st *state, v any, depth int, direct bool) (string, error) {
		iv := normalize(v)
		if u, ok := iv.(Undefined); ok {
			_ = u
		}
		items, err := iterate(iv)
		if err != nil {
			return "", err
		}
		inner := sc.child()
		if n.cond != nil {
			var kept []any
			for _, it := range items {
				if err := st.assign(n.target, it, inner); err != nil {
					return "", err
				}
				c, err := st.eval(n.cond, inner)
				if err != nil {
					return "", err
				}
				if t, err := truth(c); err != nil {
					return "", err
				} else if t {
					kept = append(kept, it)
				}
			}
			items = kept
		}
		var b strings.Builder
		if !direct {
			saved, savedParent := st.out, st.parent
			st.out, st.parent = &b, nil
			defer func() { st.out, st.parent = saved, savedParent }()
		}
		if len(items) == 0 {
			if err := st.renderNodes(n.els, sc); err != nil {
				return "", err
			}
			return b.String(), nil
		}
		l := &loopObj{length: len(items), items: items, depth: depth}
		if n.recursive {
			l.recurse = func(st *state, v any) (any, error) {
				if depth >= maxDepth {
					return nil, newErr("RecursionError", "maximum template recursion depth exceeded")
				}
				s, err := run(st, v, depth+1, false)
				return st.wrap(s), err
			}
		}
		var body *scope
		for i, it := range items {
			if max := st.env.MaxLoopIterations; max > 0 {
				if *st.iters++; *st.iters > max {
					return "", newErr("LoopLimitError", "more than %d loop iterations", max)
				}
			}
			l.index = i
			if body == nil || body.captured {
				body = &scope{parent: sc, loopBody: true}
			} else {
				body.reset()
			}
			body.set("loop", l)
			if err := st.assign(n.target, it, body); err != nil {
				return "", err
			}
			if err := st.renderNodes(n.body, body); err != nil {
				if err == errBreak {
					break
				}
				if err != errContinue {
					return "", err
				}
			}
		}
		return b.String(), nil
	}
	v, err := st.eval(n.iter, sc)
	if err != nil {
		return err
	}
	if st.parent != nil {
		return nil
	}
	_, err = run(st, v, 1, true)
	return err
}

// goMethod is a method of a Go value reached from a template.
type goMethod struct {
	v    reflect.Value
	name string
}

func (m goMethod) call(_ *state, args []any, kw *Dict) (any, error) {
	return callReflect(m.v, args, kw)
}

// getAttr is Jinja's getattr: attribute first, then item. A Go method
// without parameters reads like a Python property: obj.is_admin calls
// IsAdmin(); obj.is_admin() calls it too.
func getAttr(env *Environment, obj any, name string) (any, error) {
	v, err := getAttrFor(env, obj, name)
	if m, ok := v.(goMethod); ok && err == nil && m.v.Type().NumIn() == 0 {
		return callReflect(m.v, nil, nil)
	}
	return v, err
}

// getAttrFor is getattr in call position: Go methods are returned uncalled.
func getAttrFor(env *Environment, obj any, name string) (any, error) {
	if v, refused := sandboxAttr(env, obj, name); refused {
		if u, ok := obj.(Undefined); ok && u.security {
			return nil, u.err()
		}
		return v, nil
	}
	switch o := obj.(type) {
	case Undefined:
		if o.policy == ChainableUndefined {
			return o, nil
		}
		return nil, o.err()
	case *loopObj:
		if v, ok := o.attr(name); ok {
			return v, nil
		}
	case *Namespace:
		if v, ok := o.d.Get(name); ok {
			return v, nil
		}
	case *module:
		if v, ok := o.vars[name]; ok {
			return v, nil
		}
		return missingAttr(obj, name), nil
	case *Macro:
		switch name {
		case "name":
			return o.name, nil
		case "arguments":
			t := Tuple{}
			for _, p := range o.node.params {
				t = append(t, p.name)
			}
			return t, nil
		case "catch_kwargs":
			return o.node.uses["kwargs"], nil
		case "catch_varargs":
			return o.node.uses["varargs"], nil
		case "caller":
			return o.node.uses["caller"], nil
		}
	case *selfObj:
		return o.block(name), nil
	case *cycler:
		return o.attr(name)
	case *groupTuple:
		switch name {
		case "grouper":
			return o.Tuple[0], nil
		case "list":
			return o.Tuple[1], nil
		}
	}
	if isGoStruct(reflect.TypeOf(obj)) {
		// A Go struct has no str/list/dict methods and normalizes to
		// itself: only its fields and methods.
		if x, ok := reflectAttr(env, obj, name); ok {
			return x, nil
		}
		return missingAttr(obj, name), nil
	}
	if m := method(obj, name); m != nil {
		return m, nil
	}
	v := normalize(obj)
	if d, ok := v.(*Dict); ok {
		if x, ok := d.Get(name); ok {
			return x, nil
		}
		return missingAttr(obj, name), nil
	}
	if x, ok := reflectAttr(env, obj, name); ok {
		return x, nil
	}
	return missingAttr(obj, name), nil
}

// getAttrOnly is Python's getattr without the item fallback (the attr
// filter), under the same sandbox rules as getAttrFor.
func getAttrOnly(env *Environment, obj any, name string) (any, error) {
	switch normalize(obj).(type) {
	case *Dict:
		if env != nil && env.Immutable && modifiesKnownMutable(obj, name) {
			return unsafeAttr(obj, name), nil
		}
		if m := method(obj, name); m != nil {
			return m, nil
		}
		return missingAttr(obj, name), nil
	}
	return getAttr(env, obj, name)
}

// getItem is Jinja's subscript: item first, then attribute.
func getItem(env *Environment, obj, key any) (any, error) {
	if u, ok := obj.(Undefined); ok {
		if u.policy == ChainableUndefined {
			return u, nil
		}
		return nil, u.err()
	}
	v := normalize(obj)
	k := normalize(key)
	switch o := v.(type) {
	case *Dict:
		if x, ok := o.Get(k); ok {
			return x, nil
		}
	case string, Markup, []any, Tuple:
		if i, ok := k.(int); ok {
			var items []any
			if s, ok := asString(o); ok {
				items = runes(s)
			} else {
				items, _ = asSeq(o)
			}
			if i < 0 {
				i += len(items)
			}
			if i >= 0 && i < len(items) {
				return items[i], nil
			}
			return Undefined{Name: strconv.Itoa(k.(int)), owner: objectTypeRepr(obj), elem: true}, nil
		}
	}
	if s, ok := k.(string); ok {
		return getAttr(env, obj, s)
	}
	if i, ok := k.(int); ok {
		return Undefined{Name: strconv.Itoa(i), owner: objectTypeRepr(obj), elem: true}, nil
	}
	return missingAttr(obj, toStr(k)), nil
}

// attrPlan is how an attribute name resolves on one Go type, cached.
type attrPlan struct {
	method int   // method index on the type, or -1
	field  []int // field index path on the dereferenced struct
	isMap  bool
}

// typeAttrs caches the attribute plans of one Go type by name. Readers
// load the map without locking; a new name is added to a copy.
type typeAttrs struct {
	mu    sync.Mutex
	names atomic.Pointer[map[string]*attrPlan]
}

var attrPlans sync.Map // reflect.Type -> *typeAttrs

// planAttr returns how name resolves on t, worked out (methods first, then
// fields or map keys) once per type and name.
func planAttr(t reflect.Type, name string) *attrPlan {
	ta, ok := attrPlans.Load(t)
	if !ok {
		ta, _ = attrPlans.LoadOrStore(t, &typeAttrs{})
	}
	attrs := ta.(*typeAttrs)
	if m := attrs.names.Load(); m != nil {
		if p, ok := (*m)[name]; ok {
			return p
		}
	}
	p := newAttrPlan(t, name)
	attrs.mu.Lock()
	defer attrs.mu.Unlock()
	grown := map[string]*attrPlan{name: p}
	if m := attrs.names.Load(); m != nil {
		for k, v := range *m {
			grown[k] = v
		}
	}
	attrs.names.Store(&grown)
	return p
}

// newAttrPlan resolves name on t: an exported method of one of the Go
// names name stands for, else such a field of the struct, else a key of
// a string-keyed map.
func newAttrPlan(t reflect.Type, name string) *attrPlan {
	p := &attrPlan{method: -1}
	cands := goNames(name)
	for _, cand := range cands {
		if m, ok := t.MethodByName(cand); ok && m.IsExported() {
			p.method = m.Index
			return p
		}
	}
	st := t
	for st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	switch st.Kind() {
	case reflect.Struct:
		for _, cand := range cands {
			if f, ok := st.FieldByName(cand); ok && f.IsExported() {
				p.field = f.Index
				break
			}
		}
	case reflect.Map:
		p.isMap = st.Key().Kind() == reflect.String
	}
	return p
}

// jinjaPkg is this package's import path: its own types (*Dict, ...) are
// not plain Go structs to a template.
var jinjaPkg = reflect.TypeOf(Dict{}).PkgPath()

// isGoStruct reports whether t is an application's Go struct or pointer
// to one, whose attributes come from reflectAttr alone (time.Time has its
// own methods, this package's types their own rules).
func isGoStruct(t reflect.Type) bool {
	if t == nil {
		return false
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct && t != timeType && t.PkgPath() != jinjaPkg
}

// reflectAttr reads a field, map entry or method of a Go value. A name is
// tried as written, then mapped from snake_case to Go's CamelCase
// (created -> Created, author_id -> AuthorID or AuthorId).
func reflectAttr(env *Environment, obj any, name string) (any, bool) {
	rv := reflect.ValueOf(obj)
	if !rv.IsValid() {
		return nil, false
	}
	p := planAttr(rv.Type(), name)
	if p.method >= 0 {
		m := rv.Type().Method(p.method)
		if !env.methodAllowed(rv.Type(), m.Name) {
			if env.sandboxed() {
				return unsafeAttr(obj, name), true
			}
			return nil, false
		}
		return goMethod{rv.Method(p.method), m.Name}, true
	}
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return nil, false
		}
		rv = rv.Elem()
	}
	switch {
	case len(p.field) == 1:
		return rv.Field(p.field[0]).Interface(), true
	case p.field != nil:
		f, err := rv.FieldByIndexErr(p.field)
		if err != nil {
			return nil, false
		}
		return f.Interface(), true
	case p.isMap:
		x := rv.MapIndex(reflect.ValueOf(name).Convert(rv.Type().Key()))
		if x.IsValid() {
			return x.Interface(), true
		}
	}
	return nil, false
}

var initialisms = map[string]string{"id": "ID", "url": "URL", "html": "HTML", "json": "JSON", "api": "API", "http": "HTTP", "ip": "IP", "uuid": "UUID", "sql": "SQL", "uri": "URI", "css": "CSS", "xml": "XML"}

// goNames lists the Go names a template attribute may stand for.
func goNames(name string) []string {
	if name == "" {
		return nil
	}
	out := []string{name}
	parts := strings.Split(name, "_")
	var plain, initial strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		t := strings.ToUpper(p[:1]) + p[1:]
		plain.WriteString(t)
		if up, ok := initialisms[strings.ToLower(p)]; ok {
			initial.WriteString(up)
		} else {
			initial.WriteString(t)
		}
	}
	if s := plain.String(); s != name {
		out = append(out, s)
	}
	if s := initial.String(); s != plain.String() {
		out = append(out, s)
	}
	return out
}
