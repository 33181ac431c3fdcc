package jinja

import (
	"reflect"
	"strings"
	"time"
)

// This file holds the rules of Jinja's SandboxedEnvironment, applied when
// Environment.Sandboxed is set: attributes whose names start with "_" are
// unsafe, and so is every Go method that AllowMethod does not allow
// (methods of time.Time excepted). Reading an unsafe attribute gives an
// Undefined that prints as the empty string; calling it, or reading an
// attribute of it, fails with a SecurityError, as in Jinja.

// isUnsafeName reports whether the sandbox refuses the attribute name,
// Jinja's is_safe_attribute: names starting with "_" are private.
func isUnsafeName(name string) bool { return strings.HasPrefix(name, "_") }

// unsafeAttr is the Undefined of an attribute the sandbox refuses.
func unsafeAttr(obj any, name string) Undefined {
	return Undefined{Name: name, security: true,
		hint: "access to attribute '" + name + "' of '" + className(obj) + "' object is unsafe."}
}

// className is the name of obj's type as Python's type(obj).__name__
// would give it: a Go type's own name, without pointer or package.
func className(obj any) string {
	t := reflect.TypeOf(obj)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t != nil && t.Name() != "" && t.PkgPath() != "" {
		return t.Name()
	}
	return typeName(normalize(obj))
}

// sandboxAttr applies the sandbox's attribute rule before a lookup of
// name on obj: ok false means the lookup may go on; otherwise v is the
// unsafe Undefined. A "_" name on a dict is an item lookup, as in Jinja
// (dicts have no such attributes, so Jinja falls back to the item).
func sandboxAttr(env *Environment, obj any, name string) (v any, refused bool) {
	if env != nil && env.Immutable && modifiesKnownMutable(obj, name) {
		return unsafeAttr(obj, name), true
	}
	if !env.sandboxed() || !isUnsafeName(name) {
		return nil, false
	}
	if d, ok := normalize(obj).(*Dict); ok {
		if x, ok := d.Get(name); ok {
			return x, true
		}
		return missingAttr(obj, name), true
	}
	return unsafeAttr(obj, name), true
}

// methodAllowed reports whether a template may reach the Go method name
// of a value of type recv: outside the sandbox every exported method
// unless AllowMethod refuses it; inside, only what AllowMethod allows and
// the methods of time.Time, which have no side effects.
func (e *Environment) methodAllowed(recv reflect.Type, name string) bool {
	if e == nil {
		return true
	}
	if e.AllowMethod != nil {
		return e.AllowMethod(recv, name) || (e.sandboxed() && isTimeType(recv))
	}
	return !e.sandboxed() || isTimeType(recv)
}

// sandboxed reports whether the sandbox's rules apply (Sandboxed or
// Immutable).
func (e *Environment) sandboxed() bool { return e != nil && (e.Sandboxed || e.Immutable) }

// mutatingMethods are the methods Jinja's ImmutableSandboxedEnvironment
// refuses (its _mutable_spec): of a MutableSequence and a
// MutableMapping.
var mutatingMethods = struct{ list, dict map[string]bool }{
	list: map[string]bool{"append": true, "reverse": true, "insert": true, "sort": true, "extend": true, "remove": true},
	dict: map[string]bool{"clear": true, "pop": true, "popitem": true, "setdefault": true, "update": true},
}

// modifiesKnownMutable is Jinja's modifies_known_mutable: whether
// calling the method name of obj would modify a list or dict.
func modifiesKnownMutable(obj any, name string) bool {
	switch obj.(type) {
	case string, Markup, Tuple, nil:
		return false
	}
	switch normalize(obj).(type) {
	case []any:
		return mutatingMethods.list[name]
	case *Dict:
		return mutatingMethods.dict[name]
	}
	return false
}

// intercepted reports whether op is listed in ops.
func intercepted(ops []string, op string) bool {
	for _, o := range ops {
		if o == op {
			return true
		}
	}
	return false
}

// binop applies an arithmetic operator, through CallBinop when the
// sandboxed environment intercepts it (interception, as in Jinja, exists
// only in the sandbox).
func (st *state) binop(op string, l, r any) (any, error) {
	if st.env.sandboxed() && intercepted(st.env.InterceptedBinops, op) {
		if st.env.CallBinop != nil {
			return st.env.CallBinop(op, l, r)
		}
	}
	return DefaultBinop(op, l, r)
}

// unop applies unary "+" or "-", through CallUnop when the sandboxed
// environment intercepts it.
func (st *state) unop(op string, v any) (any, error) {
	if st.env.sandboxed() && intercepted(st.env.InterceptedUnops, op) {
		if st.env.CallUnop != nil {
			return st.env.CallUnop(op, v)
		}
	}
	return DefaultUnop(op, v)
}

// DefaultBinop applies the arithmetic operator op ("+", "-", "*", "/",
// "//", "%", "**") with Python's semantics, as a template does; a
// CallBinop can fall back to it.
func DefaultBinop(op string, left, right any) (any, error) { return arith(op, left, right) }

// DefaultUnop applies unary "+" or "-" as a template does.
func DefaultUnop(op string, arg any) (any, error) {
	if op == "-" {
		switch x := normalize(arg).(type) {
		case float64:
			return -x, nil
		case int:
			return -x, nil
		}
		return arith("-", 0, arg)
	}
	if _, ok := numeric(normalize(arg)); !ok {
		return nil, typeErr("bad operand type for unary +: '%s'", typeName(arg))
	}
	return arith("+", 0, arg)
}

var timeType = reflect.TypeOf(time.Time{})

func isTimeType(t reflect.Type) bool {
	return t == timeType || (t.Kind() == reflect.Pointer && t.Elem() == timeType)
}
