package jinja

// inlineVars is how many variables a scope holds before it allocates a
// map: a loop body binds the loop and its target, a macro call a few
// parameters, so most scopes never need one.
const inlineVars = 2

// scope is one level of variables: those assigned in it (the first
// inlineVars in names/vals, the rest in vars) over those it was given
// (base: a render's data or globals, looked up in place instead of
// copied, and never written).
type scope struct {
	names [inlineVars]string
	vals  [inlineVars]any
	n     int
	vars  map[string]any
	base  map[string]any
	// fn is a lookup consulted after base (RenderContext's ContextFunc
	// and GlobalsFunc); like base it is read, never written.
	fn     func(name string) (any, bool)
	parent *scope
	// loopBody marks a for loop's body scope, which the loop reuses for
	// its next iteration unless captured is set: something that outlives
	// the iteration (a macro's or caller's closure, a block's super) holds
	// it or a scope below it.
	loopBody bool
	captured bool
}

func (s *scope) child() *scope { return &scope{parent: s} }

// capture marks the loop bodies s sees as held by a closure. It writes
// only to loop bodies, which belong to one render; the scopes above a
// render (the environment's globals) are shared and left alone.
func (s *scope) capture() {
	for c := s; c != nil; c = c.parent {
		if c.loopBody {
			c.captured = true
		}
	}
}

// reset empties a scope no closure holds, for the next iteration of a
// loop: the variables assigned in it are dropped, its parent kept.
func (s *scope) reset() {
	*s = scope{parent: s.parent, loopBody: true}
}

// own returns the variable name assigned in this scope itself.
func (s *scope) own(name string) (any, bool) {
	for i := 0; i < s.n; i++ {
		if s.names[i] == name {
			return s.vals[i], true
		}
	}
	v, ok := s.vars[name]
	return v, ok
}

// has reports whether name is bound in this scope itself.
func (s *scope) has(name string) bool {
	if _, ok := s.own(name); ok {
		return true
	}
	if _, ok := s.base[name]; ok {
		return true
	}
	if s.fn != nil {
		_, ok := s.fn(name)
		return ok
	}
	return false
}

// set binds name in this scope.
func (s *scope) set(name string, v any) {
	for i := 0; i < s.n; i++ {
		if s.names[i] == name {
			s.vals[i] = v
			return
		}
	}
	if s.vars == nil && s.n < inlineVars {
		s.names[s.n], s.vals[s.n] = name, v
		s.n++
		return
	}
	if s.vars == nil {
		s.vars = map[string]any{}
	}
	s.vars[name] = v
}

// each calls fn for every variable assigned in this scope itself.
func (s *scope) each(fn func(name string, v any)) {
	for i := 0; i < s.n; i++ {
		fn(s.names[i], s.vals[i])
	}
	for k, v := range s.vars {
		fn(k, v)
	}
}

func (s *scope) lookup(name string) (any, bool) {
	for c := s; c != nil; c = c.parent {
		if v, ok := c.own(name); ok {
			return v, true
		}
		if v, ok := c.base[name]; ok {
			return v, true
		}
		if c.fn != nil {
			if v, ok := c.fn(name); ok {
				return v, true
			}
		}
	}
	return nil, false
}

// flatten copies every visible variable into one new scope over root.
// A lookup function (fn) cannot be copied: the new scope goes over the
// outermost scope below root instead when that one has one, the render
// context's layer, which holds nothing a template assigned.
func (s *scope) flatten(root *scope) *scope {
	var chain []*scope
	for c := s; c != nil && c != root; c = c.parent {
		chain = append(chain, c)
	}
	out := root.child()
	if n := len(chain); n > 0 && chain[n-1].fn != nil {
		out.parent = chain[n-1]
	}
	copyVar := func(k string, v any) {
		if k != "loop" { // Jinja does not pass the loop to includes
			out.set(k, v)
		}
	}
	for i := len(chain) - 1; i >= 0; i-- {
		for k, v := range chain[i].base {
			copyVar(k, v)
		}
		chain[i].each(copyVar)
	}
	return out
}
