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
	if env == nil || !env.Sandboxed || !isUnsafeName(name) {
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
		return e.AllowMethod(recv, name) || (e.Sandboxed && isTimeType(recv))
	}
	return !e.Sandboxed || isTimeType(recv)
}

var timeType = reflect.TypeOf(time.Time{})

func isTimeType(t reflect.Type) bool {
	return t == timeType || (t.Kind() == reflect.Pointer && t.Elem() == timeType)
}
