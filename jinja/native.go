package jinja

import (
	"strings"
)

// This file is Jinja's NativeEnvironment as a way of rendering:
// Template.RenderNative returns the value a template computes instead of
// its text, as jinja2.nativetypes does.

// nativeOut collects a native render's output: the values of {{ }} as
// they are, and text as strings.
type nativeOut struct{ chunks []any }

// WriteString adds text to the output.
func (n *nativeOut) WriteString(s string) (int, error) {
	n.chunks = append(n.chunks, s)
	return len(s), nil
}

// emit writes the value of an output node: as it is in a native render,
// as text otherwise.
func (st *state) emit(v any) {
	if n, ok := st.out.(*nativeOut); ok {
		if st.parent == nil {
			n.chunks = append(n.chunks, v)
		}
		return
	}
	st.write(st.output(v))
}

// RenderNative renders the template with data and returns the value it
// computes, as Jinja's NativeEnvironment does: the value of a template
// that is one {{ expression }} (a list stays a list, an int an int);
// otherwise the output as text, read as a Python literal when it is one
// ("1234", "[1, 2]", "'text'"), else the text itself. Macros called in
// it return values the same way. nil data is no variables.
func (t *Template) RenderNative(data any) (any, error) {
	vars, ok := data.(map[string]any)
	if !ok && data != nil {
		var err error
		if vars, err = dataVars(data); err != nil {
			return nil, err
		}
	}
	root := t.env.globalScope()
	ctx := &scope{base: vars, parent: root}
	out := &nativeOut{}
	st := &state{env: t.env, tmpl: t, out: out, autoescape: t.autoescape, iters: new(int), globals: root}
	if err := st.renderRoot(t, ctx); err != nil {
		return nil, err
	}
	return nativeConcat(out.chunks), nil
}

// nativeConcat is Jinja's native_concat: nothing is None, one value is
// itself, more are joined as text and read as a literal if they are one.
func nativeConcat(chunks []any) any {
	switch len(chunks) {
	case 0:
		return nil
	case 1:
		if _, isStr := chunks[0].(string); !isStr {
			return chunks[0]
		}
	}
	var b strings.Builder
	for _, c := range chunks {
		b.WriteString(toStr(normalize(c)))
	}
	raw := b.String()
	if v, ok := literalEval(raw); ok {
		return v
	}
	return raw
}

// literalEval is Python's ast.literal_eval of src in eval mode: numbers,
// strings, True, False, None, and lists, tuples and dicts of them.
// Leading blanks are an error, as they are for Python's parser.
func literalEval(src string) (v any, ok bool) {
	if src == "" || src[0] == ' ' || src[0] == '\t' || src[0] == '\n' {
		return nil, false
	}
	toks, err := tokenize(src)
	if err != nil || len(toks) == 0 {
		return nil, false
	}
	for _, t := range toks {
		switch t.kind {
		case tokName:
			if t.val != "True" && t.val != "False" && t.val != "None" {
				return nil, false
			}
		case tokOp:
			if !strings.Contains("()[]{},:-+", t.val) || len(t.val) != 1 {
				return nil, false
			}
		case tokInt:
			if len(t.val) > 1 && t.val[0] == '0' && t.val[1] >= '0' && t.val[1] <= '9' && strings.Trim(t.val, "0") != "" {
				return nil, false // 010 is a SyntaxError in Python 3
			}
		}
	}
	p := &parser{toks: toks, uses: map[string]bool{}}
	defer func() {
		if recover() != nil {
			v, ok = nil, false
		}
	}()
	e := p.parseTuple(false)
	if p.tp != len(p.toks) {
		return nil, false
	}
	return literalValue(e)
}

// literalValue evaluates a literal expression; ok is false for anything
// else.
func literalValue(e expr) (any, bool) {
	switch e := e.(type) {
	case *litExpr:
		return e.v, true
	case *listExpr:
		return literalItems(e.items, false)
	case *tupleExpr:
		return literalItems(e.items, true)
	case *dictExpr:
		d := NewDict()
		for i := range e.keys {
			k, ok := literalValue(e.keys[i])
			if !ok {
				return nil, false
			}
			v, ok := literalValue(e.vals[i])
			if !ok {
				return nil, false
			}
			d.Set(normalize(k), v)
		}
		return d, true
	case *unaryExpr:
		lit, ok := e.x.(*litExpr)
		if !ok {
			return nil, false
		}
		if _, num := numeric(lit.v); !num || (e.op != "-" && e.op != "+") {
			return nil, false
		}
		v, err := DefaultUnop(e.op, lit.v)
		return v, err == nil
	}
	return nil, false
}

func literalItems(items []expr, tuple bool) (any, bool) {
	out := make([]any, len(items))
	for i, it := range items {
		v, ok := literalValue(it)
		if !ok {
			return nil, false
		}
		out[i] = v
	}
	if tuple {
		return Tuple(out), true
	}
	return out, true
}
