package jinja

import "reflect"

// Context is the template's variables where a Go function is called,
// Jinja's pass_context: a function (filter, test, global or value) whose
// first parameter is a Context receives it, and the template passes the
// other arguments after it.
type Context struct {
	sc  *scope
	env *Environment
}

// Resolve looks name up as the template would at the call: local
// variables, the render's data, then globals.
func (c Context) Resolve(name string) (any, bool) {
	if c.sc == nil {
		return nil, false
	}
	return c.sc.lookup(name)
}

// Get is Resolve that gives an Undefined for a missing name, as Jinja's
// context[name] fails and context.get(name) gives None.
func (c Context) Get(name string) any {
	if v, ok := c.Resolve(name); ok {
		return v
	}
	return Undefined{Name: name}
}

// Environment is the environment the template renders in, Jinja's
// context.environment.
func (c Context) Environment() *Environment { return c.env }

var contextType = reflect.TypeOf(Context{})

// takesContext reports whether fn is a Go function whose first parameter
// is a Context.
func takesContext(fn any) bool {
	t := reflect.TypeOf(fn)
	if rv, ok := fn.(reflect.Value); ok {
		t = rv.Type()
	}
	return t != nil && t.Kind() == reflect.Func && t.NumIn() > 0 && t.In(0) == contextType
}
