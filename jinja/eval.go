package jinja

import (
	"fmt"
	"io"
	"strings"

	"github.com/flagon-go/flagon/internal/utf8x"
)

// maxDepth bounds nested template calls (macros, includes, recursion).
const maxDepth = 200

// blockRef is one definition of a block in an inheritance chain.
type blockRef struct {
	b *blockNode
	t *Template
}

// state is the rendering state of one template render (root, include or
// import).
type state struct {
	env        *Environment
	tmpl       *Template
	out        io.StringWriter
	autoescape bool
	line       int
	depth      int
	blocks     map[string][]blockRef
	parent     *Template
	root       *scope // the template's top-level scope (blocks see it)
	globals    *scope
	iters      *int // loop iterations of the whole render
	// callScope is the scope of the call being made, for a Go function
	// that takes a Context (Jinja's pass_context).
	callScope *scope
}

// fail attaches the template and line to err.
func (st *state) fail(err error) error {
	if err == errBreak || err == errContinue {
		return err // on its way to the loop
	}
	if e, ok := err.(*Error); ok {
		if e.Template == "" && e.Line == 0 {
			e.Template, e.Line = st.tmpl.Name, st.line
		}
		return e
	}
	return &Error{Kind: "RuntimeError", Template: st.tmpl.Name, Line: st.line, Msg: err.Error()}
}

// renderRoot renders t and the templates it extends.
func (st *state) renderRoot(t *Template, ctx *scope) error {
	st.blocks = map[string][]blockRef{}
	st.root = ctx
	if st.globals == nil {
		st.globals = ctx.parent
	}
	var chain []string
	for t != nil {
		if err := checkInheritance(chain, t); err != nil {
			return st.fail(err)
		}
		chain = append(chain, t.Name)
		st.tmpl = t
		st.autoescape = t.autoescape
		for name, b := range t.blocks {
			st.blocks[name] = append(st.blocks[name], blockRef{b, t})
		}
		st.parent = nil
		if err := st.renderNodes(t.body, ctx); err != nil {
			return st.fail(err)
		}
		t = st.parent
	}
	return nil
}

// checkInheritance fails when t is already in the chain of templates that
// extend each other (a cycle, which Python reports as a RecursionError)
// or the chain is longer than maxDepth.
func checkInheritance(chain []string, t *Template) error {
	if len(chain) >= maxDepth {
		return newErr("RecursionError", "template inheritance deeper than %d levels", maxDepth)
	}
	for _, name := range chain {
		if t.Name != "" && name == t.Name {
			return newErr("RecursionError", "template '%s' extends itself: %s -> %s", t.Name, strings.Join(chain, " -> "), t.Name)
		}
	}
	return nil
}

func (st *state) write(s string) {
	if st.parent == nil {
		st.out.WriteString(s)
	}
}

func (st *state) renderNodes(nodes []node, sc *scope) error {
	for _, n := range nodes {
		if err := st.renderNode(n, sc); err != nil {
			return st.fail(err)
		}
	}
	return nil
}

func (st *state) renderNode(n node, sc *scope) error {
	switch n := n.(type) {
	case *textNode:
		st.write(n.s)
	case *outNode:
		st.line = n.line
		if st.parent != nil {
			return nil
		}
		v, err := st.eval(n.e, sc)
		if err == nil && st.env.Finalize != nil {
			v = st.env.Finalize(v)
		}
		if err == nil {
			err = strictErr(v)
		}
		if err != nil {
			return err
		}
		st.emit(v)
	case *ifNode:
		st.line = n.line
		for i, c := range n.conds {
			v, err := st.eval(c, sc)
			if err != nil {
				return err
			}
			if t, err := truth(v); err != nil || t {
				if err != nil {
					return err
				}
				return st.renderNodes(n.bodies[i], sc)
			}
		}
		return st.renderNodes(n.els, sc)
	case *forNode:
		st.line = n.line
		return st.renderFor(n, sc)
	case *setNode:
		st.line = n.line
		v, err := st.eval(n.value, sc)
		if err != nil {
			return err
		}
		return st.assign(n.target, v, sc)
	case *setBlockNode:
		st.line = n.line
		v, err := st.captureFiltered(n.body, n.filters, sc)
		if err != nil {
			return err
		}
		if _, ok := n.target.(*attrExpr); ok {
			return st.assign(n.target, v, sc)
		}
		sc.set(n.name, v)
	case *blockNode:
		st.line = n.line
		if st.parent != nil {
			return nil
		}
		bsc := st.root
		if n.scoped {
			bsc = sc
		}
		return st.renderBlockTo(st.out, n.name, 0, bsc)
	case *extendsNode:
		st.line = n.line
		if st.parent != nil {
			return newErr("TemplateRuntimeError", "extended multiple times")
		}
		v, err := st.eval(n.e, sc)
		if err != nil {
			return err
		}
		t, err := st.loadTemplate(v)
		if err != nil {
			return err
		}
		st.parent = t
	case *includeNode:
		st.line = n.line
		return st.include(n, sc)
	case *importNode:
		st.line = n.line
		m, err := st.importModule(n.e, n.withContext, sc)
		if err != nil {
			return err
		}
		sc.set(n.alias, m)
	case *fromImportNode:
		st.line = n.line
		m, err := st.importModule(n.e, n.withContext, sc)
		if err != nil {
			return err
		}
		for _, nm := range n.names {
			if v, ok := m.vars[nm[0]]; ok {
				sc.set(nm[1], v)
			} else {
				sc.set(nm[1], Undefined{Name: nm[0], hint: fmt.Sprintf("the template %s (imported on line %d) does not export the requested name %s", reprString(m.name), n.line, reprString(nm[0]))})
			}
		}
	case *macroNode:
		sc.capture()
		sc.set(n.name, &Macro{node: n, closure: sc, st: st, name: n.name, autoescape: st.autoescape})
	case *callBlockNode:
		st.line = n.line
		if st.parent != nil {
			return nil
		}
		sc.capture()
		caller := &Macro{node: n.caller, closure: sc, st: st, name: "caller", autoescape: st.autoescape}
		v, err := st.evalCall(n.call, sc, caller)
		if err != nil {
			return err
		}
		st.emit(v)
	case *filterBlockNode:
		st.line = n.line
		v, err := st.captureFiltered(n.body, n.filters, sc)
		if err != nil {
			return err
		}
		st.write(st.output(v))
	case *withNode:
		st.line = n.line
		inner := sc.child()
		for i, t := range n.targets {
			v, err := st.eval(n.vals[i], sc)
			if err != nil {
				return err
			}
			if err := st.assign(t, v, inner); err != nil {
				return err
			}
		}
		return st.renderNodes(n.body, inner)
	case *doNode:
		st.line = n.line
		_, err := st.eval(n.e, sc)
		return err
	case *loopControlNode:
		if n.brk {
			return errBreak
		}
		return errContinue
	case *autoescapeNode:
		st.line = n.line
		v, err := st.eval(n.e, sc)
		if err != nil {
			return err
		}
		saved := st.autoescape
		st.autoescape = truthy(v)
		err = st.renderNodes(n.body, sc.child())
		st.autoescape = saved
		return err
	}
	return nil
}

// output is the text {{ v }} writes. Invalid UTF-8 in a value is written
// as U+FFFD (escaped or not), since Python strings cannot hold it.
func (st *state) output(v any) string {
	if st.autoescape {
		if h, ok := htmlOf(v); ok {
			return utf8x.Replace(string(h))
		}
	}
	v = normalize(v)
	if !st.autoescape {
		return utf8x.Replace(toStr(v))
	}
	if m, ok := v.(Markup); ok {
		return utf8x.Replace(string(m))
	}
	return string(escape(v))
}

// wrap marks rendered template output as safe when autoescaping.
func (st *state) wrap(s string) any {
	if st.autoescape {
		return Markup(s)
	}
	return s
}

// capture renders nodes into a string.
func (st *state) capture(nodes []node, sc *scope) (string, error) {
	saved, savedParent := st.out, st.parent
	var b strings.Builder
	st.out, st.parent = &b, nil
	err := st.renderNodes(nodes, sc)
	st.out, st.parent = saved, savedParent
	return b.String(), err
}

// captureFiltered renders nodes, wraps the text as Markup under
// autoescape and applies filters to it, as {% set x | f %} and
// {% filter f %} blocks do.
func (st *state) captureFiltered(nodes []node, filters []*filterExpr, sc *scope) (any, error) {
	s, err := st.capture(nodes, sc)
	if err != nil {
		return nil, err
	}
	var v any = st.wrap(s)
	for _, f := range filters {
		if v, err = st.applyFilter(f, v, sc); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// renderBlock renders definition i of the block name to a string, for
// super().
func (st *state) renderBlock(name string, i int, sc *scope) (string, error) {
	var b strings.Builder
	err := st.renderBlockTo(&b, name, i, sc)
	return b.String(), err
}

// renderBlockTo renders definition i of the block name to out.
func (st *state) renderBlockTo(out io.StringWriter, name string, i int, sc *scope) error {
	chain := st.blocks[name]
	if i >= len(chain) {
		return newErr("TemplateRuntimeError", "no parent block '%s'", name)
	}
	ref := chain[i]
	if ref.b.required {
		return newErr("TemplateRuntimeError", "Required block '%s' not found.", name)
	}
	sc.capture()
	bsc := sc.child()
	bsc.set("super", builtinFunc(func(st2 *state, args []any, kw *Dict) (any, error) {
		s, err := st.renderBlock(name, i+1, sc)
		return st.wrap(s), err
	}))
	savedT, savedAE, savedOut, savedParent := st.tmpl, st.autoescape, st.out, st.parent
	st.tmpl, st.autoescape, st.out, st.parent = ref.t, ref.t.autoescape, out, nil
	err := st.renderNodes(ref.b.body, bsc)
	st.tmpl, st.autoescape, st.out, st.parent = savedT, savedAE, savedOut, savedParent
	return err
}

// assign binds target (a name, ns.attr or tuple of names) to v.
func (st *state) assign(target expr, v any, sc *scope) error {
	switch t := target.(type) {
	case *nameExpr:
		sc.set(t.name, v)
	case *attrExpr:
		obj, err := st.eval(t.obj, sc)
		if err != nil {
			return err
		}
		ns, ok := obj.(*Namespace)
		if !ok {
			return newErr("TemplateRuntimeError", "cannot assign attribute on non-namespace object")
		}
		ns.d.Set(t.name, v)
	case *tupleExpr:
		items, err := iterate(v)
		if err != nil {
			return err
		}
		if len(items) != len(t.items) {
			return newErr("ValueError", "not enough values to unpack (expected %d, got %d)", len(t.items), len(items))
		}
		for i, it := range t.items {
			if err := st.assign(it, items[i], sc); err != nil {
				return err
			}
		}
	}
	return nil
}

func (st *state) loadTemplate(v any) (*Template, error) {
	v = normalize(v)
	switch x := v.(type) {
	case *Template:
		return x, nil
	case string:
		return st.env.GetTemplate(x)
	case Markup:
		return st.env.GetTemplate(string(x))
	case []any, Tuple:
		items, _ := asSeq(x)
		var last error = newErr("TemplatesNotFound", "none of the templates given were found")
		names := make([]string, len(items))
		for i, it := range items {
			names[i] = toStr(normalize(it))
			if u, ok := it.(Undefined); ok {
				names[i] = u.err().Msg
			}
		}
		for _, it := range items {
			t, err := st.loadTemplate(it)
			if err == nil {
				return t, nil
			}
			if e, ok := err.(*Error); !ok || e.Kind != "TemplateNotFound" {
				return nil, err
			}
			last = err
		}
		if e, ok := last.(*Error); ok {
			e.Kind = "TemplatesNotFound"
			e.Msg = "none of the templates given were found: " + strings.Join(names, ", ")
		}
		return nil, last
	case Undefined:
		return nil, x.err()
	}
	return nil, typeErr("template name must be a string, not %s", typeName(v))
}

// sub is the state of an included or imported template writing to out.
func (st *state) sub(t *Template, out io.StringWriter) (*state, error) {
	if st.depth >= maxDepth {
		return nil, newErr("RecursionError", "maximum template recursion depth exceeded")
	}
	return &state{env: st.env, tmpl: t, out: out, autoescape: t.autoescape, depth: st.depth + 1, iters: st.iters}, nil
}

func (st *state) include(n *includeNode, sc *scope) error {
	v, err := st.eval(n.e, sc)
	if err != nil {
		return err
	}
	t, err := st.loadTemplate(v)
	if err != nil {
		if e, ok := err.(*Error); ok && n.ignoreMissing && (e.Kind == "TemplateNotFound" || e.Kind == "TemplatesNotFound") {
			return nil
		}
		return err
	}
	if st.parent != nil {
		return nil
	}
	sub, err := st.sub(t, st.out) // st.parent is nil here: the output is written
	if err != nil {
		return err
	}
	ctx := st.globals.child()
	if n.withContext {
		ctx = sc.flatten(st.globals).child()
	}
	return sub.renderRoot(t, ctx)
}

// discard drops what it is given.
type discard struct{}

func (discard) WriteString(s string) (int, error) { return len(s), nil }

// module is an imported template: its exported top-level names.
type module struct {
	name string
	vars map[string]any
}

func (st *state) importModule(e expr, withContext bool, sc *scope) (*module, error) {
	v, err := st.eval(e, sc)
	if err != nil {
		return nil, err
	}
	t, err := st.loadTemplate(v)
	if err != nil {
		return nil, err
	}
	sub, err := st.sub(t, discard{}) // a module's output is not used
	if err != nil {
		return nil, err
	}
	ctx := st.globals.child()
	if withContext {
		ctx = sc.flatten(st.globals).child()
	}
	if err := sub.renderRoot(t, ctx); err != nil {
		return nil, err
	}
	m := &module{name: t.Name, vars: map[string]any{}}
	ctx.each(func(k string, v any) {
		if !strings.HasPrefix(k, "_") {
			m.vars[k] = v
		}
	})
	return m, nil
}
