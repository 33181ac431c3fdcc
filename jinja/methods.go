package jinja

import (
	"strings"
	"time"
	"unicode"
)

// method returns the bound Python method name of obj, or nil.
func method(obj any, name string) any {
	switch o := obj.(type) {
	case time.Time:
		return timeMethod(o, name)
	case *time.Time:
		if o != nil {
			return timeMethod(*o, name)
		}
	}
	switch o := normalize(obj).(type) {
	case string:
		return strMethod(o, name, false)
	case Markup:
		return strMethod(string(o), name, true)
	case *Dict:
		return dictMethod(o, name)
	case []any:
		return listMethod(o, name)
	case Tuple:
		return listMethod(o, name)
	}
	return nil
}

func argStr(args []any, i int, def string) string {
	if i < len(args) && args[i] != nil {
		return toStr(normalize(args[i]))
	}
	return def
}

func strMethod(s, name string, markup bool) any {
	wrap := func(r string) any {
		if markup {
			return Markup(r)
		}
		return r
	}
	// arg escapes an argument for a Markup receiver, as Markup's methods do.
	arg := func(a any) string {
		if markup {
			return string(Escape(a))
		}
		return toStr(normalize(a))
	}
	f := func(fn func(args []any, kw *Dict) (any, error)) any {
		return builtinFunc(func(st *state, args []any, kw *Dict) (any, error) { return fn(args, kw) })
	}
	if markup {
		if m := markupMethod(Markup(s), name); m != nil {
			return f(m)
		}
	}
	switch name {
	case "upper":
		return f(func([]any, *Dict) (any, error) { return wrap(pyUpper(s)), nil })
	case "lower":
		return f(func([]any, *Dict) (any, error) { return wrap(strings.ToLower(s)), nil })
	case "title":
		return f(func([]any, *Dict) (any, error) { return wrap(pyTitle(s)), nil })
	case "capitalize":
		return f(func([]any, *Dict) (any, error) { return wrap(pyCapitalize(s)), nil })
	case "strip", "lstrip", "rstrip":
		return f(func(args []any, _ *Dict) (any, error) {
			cut := argStr(args, 0, " \t\n\r\x0b\x0c")
			switch name {
			case "lstrip":
				return wrap(strings.TrimLeft(s, cut)), nil
			case "rstrip":
				return wrap(strings.TrimRight(s, cut)), nil
			}
			return wrap(strings.Trim(s, cut)), nil
		})
	case "isdigit", "isalpha", "isalnum", "isupper", "islower", "isspace":
		return f(func([]any, *Dict) (any, error) { return strIs(name, s), nil })
	case "ljust", "rjust", "center":
		return f(func(args []any, _ *Dict) (any, error) {
			w, _ := normalize(arg0(args)).(int)
			if err := checkSize(max(w, 0)); err != nil {
				return nil, err
			}
			fill := argStr(args, 1, " ")
			n := len([]rune(s))
			if n >= w || len([]rune(fill)) != 1 {
				return wrap(s), nil
			}
			pad := w - n
			switch name {
			case "ljust":
				return wrap(s + strings.Repeat(fill, pad)), nil
			case "rjust":
				return wrap(strings.Repeat(fill, pad) + s), nil
			}
			left := pad/2 + (pad & w & 1)
			return wrap(strings.Repeat(fill, left) + s + strings.Repeat(fill, pad-left)), nil
		})
	case "splitlines":
		return f(func([]any, *Dict) (any, error) {
			lines := splitLines(s)
			out := make([]any, len(lines))
			for i, l := range lines {
				out[i] = wrap(l)
			}
			return out, nil
		})
	case "partition":
		return f(func(args []any, _ *Dict) (any, error) {
			sep := argStr(args, 0, "")
			before, after, found := strings.Cut(s, sep)
			if !found {
				return Tuple{wrap(s), wrap(""), wrap("")}, nil
			}
			return Tuple{wrap(before), wrap(sep), wrap(after)}, nil
		})
	case "swapcase":
		return f(func([]any, *Dict) (any, error) {
			r := []rune(s)
			for i, c := range r {
				if unicode.IsUpper(c) {
					r[i] = unicode.ToLower(c)
				} else {
					r[i] = unicode.ToUpper(c)
				}
			}
			return wrap(string(r)), nil
		})
	case "index", "rfind":
		return f(func(args []any, _ *Dict) (any, error) {
			sub := argStr(args, 0, "")
			i := strings.Index(s, sub)
			if name == "rfind" {
				i = strings.LastIndex(s, sub)
			}
			if i < 0 {
				if name == "index" {
					return nil, newErr("ValueError", "substring not found")
				}
				return -1, nil
			}
			return len([]rune(s[:i])), nil
		})
	case "encode":
		return f(func([]any, *Dict) (any, error) { return s, nil })
	case "rsplit":
		return f(func(args []any, _ *Dict) (any, error) {
			sep := argStr(args, 0, "")
			max := -1
			if len(args) > 1 {
				max, _ = normalize(args[1]).(int)
			}
			var parts []string
			if sep == "" {
				parts = strings.Fields(s)
			} else {
				parts = strings.Split(s, sep)
				if max >= 0 && len(parts) > max+1 {
					head := strings.Join(parts[:len(parts)-max], sep)
					parts = append([]string{head}, parts[len(parts)-max:]...)
				}
			}
			out := make([]any, len(parts))
			for i, p := range parts {
				out[i] = wrap(p)
			}
			return out, nil
		})
	case "split":
		return f(func(args []any, _ *Dict) (any, error) {
			var parts []string
			if len(args) == 0 || args[0] == nil {
				parts = strings.Fields(s)
			} else if len(args) > 1 {
				n, _ := normalize(args[1]).(int)
				parts = strings.SplitN(s, toStr(normalize(args[0])), n+1)
			} else {
				parts = strings.Split(s, toStr(normalize(args[0])))
			}
			out := make([]any, len(parts))
			for i, p := range parts {
				out[i] = wrap(p)
			}
			return out, nil
		})
	case "startswith", "endswith":
		return f(func(args []any, _ *Dict) (any, error) {
			if len(args) < 1 {
				return nil, typeErr("%s() takes at least 1 argument", name)
			}
			var pre []any
			if t, ok := normalize(args[0]).(Tuple); ok {
				pre = t
			} else {
				pre = []any{args[0]}
			}
			for _, p := range pre {
				ps := toStr(normalize(p))
				if (name == "startswith" && strings.HasPrefix(s, ps)) || (name == "endswith" && strings.HasSuffix(s, ps)) {
					return true, nil
				}
			}
			return false, nil
		})
	case "replace":
		return f(func(args []any, _ *Dict) (any, error) {
			if len(args) < 2 {
				return nil, typeErr("replace() takes at least 2 arguments")
			}
			n := -1
			if len(args) > 2 {
				n, _ = normalize(args[2]).(int)
			}
			return wrap(strings.Replace(s, arg(args[0]), arg(args[1]), n)), nil
		})
	case "join":
		return f(func(args []any, _ *Dict) (any, error) {
			if len(args) != 1 {
				return nil, typeErr("join() takes exactly one argument")
			}
			items, err := iterate(args[0])
			if err != nil {
				return nil, err
			}
			parts := make([]string, len(items))
			for i, it := range items {
				parts[i] = arg(it)
			}
			return wrap(strings.Join(parts, s)), nil
		})
	case "find":
		return f(func(args []any, _ *Dict) (any, error) {
			i := strings.Index(s, argStr(args, 0, ""))
			if i < 0 {
				return -1, nil
			}
			return len([]rune(s[:i])), nil
		})
	case "count":
		return f(func(args []any, _ *Dict) (any, error) {
			return strings.Count(s, argStr(args, 0, "")), nil
		})
	case "zfill":
		return f(func(args []any, _ *Dict) (any, error) {
			w, _ := normalize(arg0(args)).(int)
			if err := checkSize(max(w, 0)); err != nil {
				return nil, err
			}
			n := len([]rune(s))
			if n >= w {
				return wrap(s), nil
			}
			sign := ""
			body := s
			if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
				sign, body = s[:1], s[1:]
			}
			return wrap(sign + strings.Repeat("0", w-n) + body), nil
		})
	case "format", "format_map":
		return builtinFunc(func(st *state, args []any, kw *Dict) (any, error) {
			if name == "format_map" {
				if len(args) != 1 || kw.Len() > 0 {
					return nil, typeErr("format_map() takes exactly one argument (%d given)", len(args))
				}
				d, ok := normalize(args[0]).(*Dict)
				if !ok {
					return nil, typeErr("format_map() argument must be a mapping, not %s", typeName(args[0]))
				}
				args, kw = nil, d
			}
			r, err := braceFormat(st, s, args, kw, markup)
			return wrap(r), err
		})
	}
	return nil
}

func dictMethod(d *Dict, name string) any {
	switch name {
	case "items":
		return builtinFunc(func(*state, []any, *Dict) (any, error) { return dictItems(d), nil })
	case "keys":
		return builtinFunc(func(*state, []any, *Dict) (any, error) { return append([]any{}, d.keys...), nil })
	case "values":
		return builtinFunc(func(*state, []any, *Dict) (any, error) {
			out := make([]any, len(d.keys))
			for i, k := range d.keys {
				out[i] = d.m[k]
			}
			return out, nil
		})
	case "update":
		return builtinFunc(func(_ *state, args []any, kw *Dict) (any, error) {
			for _, a := range args {
				src, ok := normalize(a).(*Dict)
				if !ok {
					return nil, typeErr("dict.update() needs a mapping")
				}
				for _, k := range src.keys {
					d.Set(k, src.m[k])
				}
			}
			for _, k := range kw.keys {
				d.Set(k, kw.m[k])
			}
			return nil, nil
		})
	case "get":
		return builtinFunc(func(_ *state, args []any, _ *Dict) (any, error) {
			if len(args) == 0 {
				return nil, typeErr("get expected at least 1 argument")
			}
			if v, ok := d.Get(normalize(args[0])); ok {
				return v, nil
			}
			if len(args) > 1 {
				return args[1], nil
			}
			return nil, nil
		})
	}
	return nil
}

func dictItems(d *Dict) []any {
	out := make([]any, len(d.keys))
	for i, k := range d.keys {
		out[i] = Tuple{k, d.m[k]}
	}
	return out
}

func listMethod(xs []any, name string) any {
	switch name {
	case "index":
		return builtinFunc(func(_ *state, args []any, _ *Dict) (any, error) {
			for i, x := range xs {
				if len(args) > 0 && equal(x, args[0]) {
					return i, nil
				}
			}
			return nil, newErr("ValueError", "value is not in list")
		})
	case "count":
		return builtinFunc(func(_ *state, args []any, _ *Dict) (any, error) {
			n := 0
			for _, x := range xs {
				if len(args) > 0 && equal(x, args[0]) {
					n++
				}
			}
			return n, nil
		})
	}
	return nil
}

// selfObj is the `self` variable: self.blockname() renders a block.
type selfObj struct{ st *state }

func (s *selfObj) block(name string) any {
	if _, ok := s.st.blocks[name]; !ok {
		return Undefined{Name: name, owner: "TemplateReference object"}
	}
	return builtinFunc(func(st *state, _ []any, _ *Dict) (any, error) {
		out, err := s.st.renderBlock(name, 0, s.st.root)
		return s.st.wrap(out), err
	})
}

// cycler is the object cycler() returns.
type cycler struct {
	items []any
	pos   int
}

func (c *cycler) attr(name string) (any, error) {
	switch name {
	case "current":
		return c.items[c.pos], nil
	case "next":
		return builtinFunc(func(*state, []any, *Dict) (any, error) {
			v := c.items[c.pos]
			c.pos = (c.pos + 1) % len(c.items)
			return v, nil
		}), nil
	case "reset":
		return builtinFunc(func(*state, []any, *Dict) (any, error) { c.pos = 0; return nil, nil }), nil
	}
	return Undefined{Name: name}, nil
}

// builtinScope holds Jinja's default globals; it is shared and never
// written to.
var builtinScope = &scope{vars: builtinGlobals()}

// builtinGlobals are Jinja's default globals.
func builtinGlobals() map[string]any {
	return map[string]any{
		"range": builtinFunc(func(_ *state, args []any, _ *Dict) (any, error) {
			var ints []int
			for _, a := range args {
				i, ok := normalize(a).(int)
				if !ok {
					return nil, typeErr("'%s' object cannot be interpreted as an integer", typeName(a))
				}
				ints = append(ints, i)
			}
			start, stop, step := 0, 0, 1
			switch len(ints) {
			case 1:
				stop = ints[0]
			case 2:
				start, stop = ints[0], ints[1]
			case 3:
				start, stop, step = ints[0], ints[1], ints[2]
			default:
				return nil, typeErr("range expected at most 3 arguments")
			}
			if step == 0 {
				return nil, newErr("ValueError", "range() arg 3 must not be zero")
			}
			var out []any
			for i := start; (step > 0 && i < stop) || (step < 0 && i > stop); i += step {
				if len(out) >= 100000 {
					return nil, newErr("OverflowError", "range too big, maximum size is 100000")
				}
				out = append(out, i)
			}
			if out == nil {
				out = []any{}
			}
			return out, nil
		}),
		"dict": builtinFunc(func(_ *state, args []any, kw *Dict) (any, error) {
			return dictOf(args, kw), nil
		}),
		"namespace": builtinFunc(func(_ *state, args []any, kw *Dict) (any, error) {
			return &Namespace{dictOf(args, kw)}, nil
		}),
		"lipsum": builtinFunc(lipsum),
		"cycler": builtinFunc(func(_ *state, args []any, _ *Dict) (any, error) {
			if len(args) == 0 {
				return nil, typeErr("at least one item has to be provided")
			}
			return &cycler{items: args}, nil
		}),
		"joiner": builtinFunc(func(_ *state, args []any, _ *Dict) (any, error) {
			sep := argStr(args, 0, ", ")
			used := false
			return builtinFunc(func(*state, []any, *Dict) (any, error) {
				if !used {
					used = true
					return "", nil
				}
				return sep, nil
			}), nil
		}),
	}
}

// globalScope is the scope of globals every template render starts from.
func (e *Environment) globalScope() *scope {
	if len(e.Globals) == 0 {
		return builtinScope
	}
	return &scope{base: e.Globals, parent: builtinScope}
}

// pyUpper is Python's str.upper, with the full mapping of ß to SS.
func pyUpper(s string) string { return strings.ReplaceAll(strings.ToUpper(s), "ß", "SS") }

// strIs implements str.isdigit and its relatives.
func strIs(name, s string) bool {
	if s == "" {
		return false
	}
	cased := false
	for _, r := range s {
		ok := true
		switch name {
		case "isdigit":
			ok = unicode.IsDigit(r)
		case "isalpha":
			ok = unicode.IsLetter(r)
		case "isalnum":
			ok = unicode.IsLetter(r) || unicode.IsDigit(r)
		case "isspace":
			ok = unicode.IsSpace(r)
		case "isupper":
			ok = !unicode.IsLower(r)
			cased = cased || unicode.IsUpper(r)
		case "islower":
			ok = !unicode.IsUpper(r)
			cased = cased || unicode.IsLower(r)
		}
		if !ok {
			return false
		}
	}
	if name == "isupper" || name == "islower" {
		return cased
	}
	return true
}

// dictOf builds the dict of dict() and namespace(): the items of a dict
// passed as the one positional argument, then the keyword arguments.
func dictOf(args []any, kw *Dict) *Dict {
	d := NewDict()
	if len(args) == 1 {
		if src, ok := normalize(args[0]).(*Dict); ok {
			for _, k := range src.keys {
				d.Set(k, src.m[k])
			}
		}
	}
	for _, k := range kw.keys {
		d.Set(k, kw.m[k])
	}
	return d
}
