package jinja

import (
	"math"
	"math/big"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// filterFn is a built-in filter: v is the filtered value.
type filterFn func(st *state, v any, args []any, kw *Dict) (any, error)

// req marks a parameter without default in bind.
type reqT struct{}

var req = reqT{}

// bind maps positional and keyword arguments onto named parameters with
// defaults, as Python does for a filter's signature.
func bind(fname string, args []any, kw *Dict, names []string, defs ...any) ([]any, error) {
	if len(args) > len(names) {
		return nil, typeErr("%s() takes at most %d arguments (%d given)", fname, len(names), len(args))
	}
	out := make([]any, len(names))
	copy(out, defs)
	copy(out, args)
	if kw != nil {
		for _, k := range kw.keys {
			name, _ := k.(string)
			i := indexOf(names, name)
			if i < 0 {
				return nil, typeErr("%s() got an unexpected keyword argument '%s'", fname, name)
			}
			out[i] = kw.m[k]
		}
	}
	for i, v := range out {
		if _, missing := v.(reqT); missing {
			return nil, typeErr("%s() missing required argument '%s'", fname, names[i])
		}
	}
	return out, nil
}

func indexOf(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return -1
}

func (st *state) applyFilter(f *filterExpr, v any, sc *scope) (any, error) {
	args, kw, err := st.evalArgs(f.callArgs, sc)
	if err != nil {
		return nil, err
	}
	st.callScope = sc
	return st.callFilter(f.name, v, args, kw)
}

func (st *state) callFilter(name string, v any, args []any, kw *Dict) (any, error) {
	if uf, ok := st.env.Filters[name]; ok {
		return st.call(uf, append([]any{v}, args...), kw)
	}
	if name != "default" && name != "d" {
		if err := strictErr(v); err != nil {
			return nil, err
		}
	}
	fn, ok := builtinFilters[name]
	if !ok {
		return nil, newErr("TemplateRuntimeError", "No filter named '%s'.", name)
	}
	return fn(st, v, args, kw)
}

// iterateTruthy iterates v, or nothing when v is false (None), as
// Jinja's map, select and reject do with "if value:".
func iterateTruthy(v any) ([]any, error) {
	if v == nil {
		return nil, nil
	}
	return iterate(v)
}

// soft keeps Markup, converts everything else with str().
func soft(v any) any {
	v = normalize(v)
	if m, ok := v.(Markup); ok {
		return m
	}
	return toStr(v)
}

// strFilter applies a string function preserving Markup.
func strFilter(fn func(string) string) filterFn {
	return func(st *state, v any, args []any, kw *Dict) (any, error) {
		switch s := soft(v).(type) {
		case Markup:
			return Markup(fn(string(s))), nil
		case string:
			return fn(s), nil
		}
		return nil, nil
	}
}

var builtinFilters map[string]filterFn

func init() {
	builtinFilters = map[string]filterFn{
		"escape": fEscape,
		"e":      fEscape,
		"forceescape": func(st *state, v any, _ []any, _ *Dict) (any, error) {
			return Markup(escapeString(toStr(normalize(v)))), nil
		},
		"safe":    func(st *state, v any, _ []any, _ *Dict) (any, error) { return toMarkup(v), nil },
		"string":  func(st *state, v any, _ []any, _ *Dict) (any, error) { return soft(v), nil },
		"default": fDefault,
		"d":       fDefault,
		"length":  fLength,
		"count":   fLength,
		"join":    fJoin,
		"upper":   strFilter(pyUpper),
		"lower":   strFilter(strings.ToLower),
		"title": func(st *state, v any, _ []any, _ *Dict) (any, error) {
			return jinjaTitle(toStr(normalize(v))), nil
		},
		"capitalize": strFilter(pyCapitalize),
		"trim":       fTrim,
		"truncate":   fTruncate,
		"replace":    fReplace,
		"format":     fFormat,
		"round":      fRound,
		"int":        fInt,
		"float":      fFloat,
		"abs":        fAbs,
		"list": func(st *state, v any, _ []any, _ *Dict) (any, error) {
			items, err := iterate(v)
			return append([]any{}, items...), err
		},
		"sort":       fSort,
		"dictsort":   fDictsort,
		"groupby":    fGroupby,
		"map":        fMap,
		"select":     selectFilter(false, false),
		"reject":     selectFilter(true, false),
		"selectattr": selectFilter(false, true),
		"rejectattr": selectFilter(true, true),
		"first":      fFirst,
		"last":       fLast,
		"batch":      fBatch,
		"slice":      fSlice,
		"sum":        fSum,
		"tojson":     fTojson,
		"urlencode":  fUrlencode,
		"wordcount": func(st *state, v any, _ []any, _ *Dict) (any, error) {
			return len(wordRe.FindAllString(toStr(normalize(v)), -1)), nil
		},
		"striptags":      fStriptags,
		"indent":         fIndent,
		"center":         fCenter,
		"filesizeformat": fFilesize,
		"pprint":         func(st *state, v any, _ []any, _ *Dict) (any, error) { return pformat(v), nil },
		"attr": func(st *state, v any, args []any, _ *Dict) (any, error) {
			if len(args) != 1 {
				return nil, typeErr("attr() takes exactly one argument")
			}
			return getAttrOnly(st.env, v, toStr(normalize(args[0])))
		},
		"reverse":  fReverse,
		"unique":   fUnique,
		"min":      minMax(-1),
		"max":      minMax(1),
		"wordwrap": fWordwrap,
		"xmlattr":  fXmlattr,
		"items": func(st *state, v any, _ []any, _ *Dict) (any, error) {
			switch d := normalize(v).(type) {
			case *Dict:
				return dictItems(d), nil
			case Undefined:
				return []any{}, nil
			}
			return nil, typeErr("Can only get item pairs from a mapping.")
		},
		"urlize": fUrlize,
		"random": fRandom,
	}
}

func fEscape(st *state, v any, _ []any, _ *Dict) (any, error) { return Escape(v), nil }

func fDefault(st *state, v any, args []any, kw *Dict) (any, error) {
	a, err := bind("default", args, kw, []string{"default_value", "boolean"}, "", false)
	if err != nil {
		return nil, err
	}
	if _, ok := v.(Undefined); ok || (truthy(a[1]) && !truthy(v)) {
		return a[0], nil
	}
	return v, nil
}

func fLength(st *state, v any, _ []any, _ *Dict) (any, error) { return length(v) }

func fJoin(st *state, v any, args []any, kw *Dict) (any, error) {
	a, err := bind("join", args, kw, []string{"d", "attribute"}, "", nil)
	if err != nil {
		return nil, err
	}
	items, err := iterate(v)
	if err != nil {
		return nil, err
	}
	if a[1] != nil {
		if items, err = mapAttr(st.env, items, a[1], nil); err != nil {
			return nil, err
		}
	}
	if !st.autoescape {
		parts := make([]string, len(items))
		for i, it := range items {
			parts[i] = toStr(normalize(it))
		}
		return strings.Join(parts, toStr(normalize(a[0]))), nil
	}
	markup := false
	if _, ok := a[0].(Markup); ok {
		markup = true
	}
	for _, it := range items {
		if _, ok := it.(Markup); ok {
			markup = true
		}
	}
	parts := make([]string, len(items))
	for i, it := range items {
		if markup {
			parts[i] = string(Escape(it))
		} else {
			parts[i] = toStr(normalize(it))
		}
	}
	if markup {
		return Markup(strings.Join(parts, string(Escape(a[0])))), nil
	}
	return strings.Join(parts, toStr(normalize(a[0]))), nil
}

func fTrim(st *state, v any, args []any, kw *Dict) (any, error) {
	a, err := bind("trim", args, kw, []string{"chars"}, nil)
	if err != nil {
		return nil, err
	}
	cut := " \t\n\r\x0b\x0c"
	if a[0] != nil {
		cut = toStr(normalize(a[0]))
	}
	return strFilter(func(s string) string { return strings.Trim(s, cut) })(st, v, nil, nil)
}

func fTruncate(st *state, v any, args []any, kw *Dict) (any, error) {
	a, err := bind("truncate", args, kw, []string{"length", "killwords", "end", "leeway"}, 255, false, "...", nil)
	if err != nil {
		return nil, err
	}
	if a[3] == nil {
		a[3] = st.env.policy("truncate.leeway", 5)
	}
	s := []rune(toStr(normalize(v)))
	n, _ := normalize(a[0]).(int)
	end := toStr(normalize(a[2]))
	leeway, _ := normalize(a[3]).(int)
	if len(s) <= n+leeway {
		return string(s), nil
	}
	cut := n - len([]rune(end))
	if cut < 0 {
		cut = 0
	}
	if truthy(a[1]) {
		return string(s[:cut]) + end, nil
	}
	head := string(s[:cut])
	if i := strings.LastIndex(head, " "); i >= 0 {
		head = head[:i]
	}
	return head + end, nil
}

func fReplace(st *state, v any, args []any, kw *Dict) (any, error) {
	a, err := bind("replace", args, kw, []string{"old", "new", "count"}, req, req, nil)
	if err != nil {
		return nil, err
	}
	n := -1
	if a[2] != nil {
		n, _ = normalize(a[2]).(int)
	}
	if !st.autoescape {
		return strings.Replace(toStr(normalize(v)), toStr(normalize(a[0])), toStr(normalize(a[1])), n), nil
	}
	_, oldM := a[0].(Markup)
	_, newM := a[1].(Markup)
	s, isM := v.(Markup)
	if (oldM || newM) && !isM {
		s, isM = Escape(v), true
	}
	if !isM {
		return strings.Replace(toStr(normalize(v)), toStr(normalize(a[0])), toStr(normalize(a[1])), n), nil
	}
	return Markup(strings.Replace(string(s), string(Escape(a[0])), string(Escape(a[1])), n)), nil
}

func fFormat(st *state, v any, args []any, kw *Dict) (any, error) {
	if len(args) > 0 && kw.Len() > 0 {
		return nil, newErr("FilterArgumentError", "can't handle positional and keyword arguments at the same time")
	}
	var a any = Tuple(args)
	if kw.Len() > 0 {
		a = kw
	}
	if m, ok := v.(Markup); ok {
		r, err := percentFormat(string(m), a, true)
		return Markup(r), err
	}
	return percentFormat(toStr(normalize(v)), a, false)
}

// roundHalfEven rounds f to prec decimals as Python's round does.
func roundHalfEven(f float64, prec int) float64 {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return f
	}
	if prec < 0 {
		p := math.Pow(10, float64(-prec))
		return math.RoundToEven(f/p) * p
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', prec, 64), 64)
	return r
}

func fRound(st *state, v any, args []any, kw *Dict) (any, error) {
	a, err := bind("round", args, kw, []string{"precision", "method"}, 0, "common")
	if err != nil {
		return nil, err
	}
	prec, _ := normalize(a[0]).(int)
	n, ok := numeric(normalize(v))
	if !ok {
		return nil, typeErr("type %s doesn't define __round__ method", typeName(v))
	}
	method := toStr(normalize(a[1]))
	switch method {
	case "common":
		if i, isInt := n.(int); isInt {
			if prec >= 0 {
				return i, nil
			}
			p := int(math.Pow(10, float64(-prec)))
			q, r := i/p, i%p
			if r < 0 {
				q, r = q-1, r+p
			}
			if 2*r > p || (2*r == p && q%2 != 0) {
				q++
			}
			return q * p, nil
		}
		return roundHalfEven(toFloat(n), prec), nil
	case "ceil", "floor":
		p := math.Pow(10, float64(prec))
		f := toFloat(n) * p
		if method == "ceil" {
			f = math.Ceil(f)
		} else {
			f = math.Floor(f)
		}
		return f / p, nil
	}
	return nil, newErr("FilterArgumentError", "method must be common, ceil or floor")
}

func fInt(st *state, v any, args []any, kw *Dict) (any, error) {
	a, err := bind("int", args, kw, []string{"default", "base"}, 0, 10)
	if err != nil {
		return nil, err
	}
	if u, ok := v.(Undefined); ok {
		return nil, u.err()
	}
	switch x := normalize(v).(type) {
	case int:
		return x, nil
	case bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return a[0], nil
		}
		return int(x), nil
	case string, Markup:
		s := strings.TrimSpace(toStr(x))
		base, _ := normalize(a[1]).(int)
		if i, ok := parsePyInt(s, base); ok {
			return i, nil
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return int(f), nil
		}
	}
	return a[0], nil
}

func fFloat(st *state, v any, args []any, kw *Dict) (any, error) {
	a, err := bind("float", args, kw, []string{"default"}, 0.0)
	if err != nil {
		return nil, err
	}
	if u, ok := v.(Undefined); ok {
		return nil, u.err()
	}
	switch x := normalize(v).(type) {
	case int:
		return float64(x), nil
	case float64:
		return x, nil
	case bool:
		if x {
			return 1.0, nil
		}
		return 0.0, nil
	case string, Markup:
		if f, err := strconv.ParseFloat(strings.TrimSpace(toStr(x)), 64); err == nil {
			return f, nil
		}
	}
	return a[0], nil
}

func fAbs(st *state, v any, _ []any, _ *Dict) (any, error) {
	switch x := normalize(v).(type) {
	case int:
		if x < 0 {
			return -x, nil
		}
		return x, nil
	case float64:
		return math.Abs(x), nil
	}
	return nil, typeErr("bad operand type for abs(): '%s'", typeName(v))
}

// attrGetter resolves a dotted attribute path (or an integer index).
func attrGetter(env *Environment, item any, path any) (any, error) {
	if i, ok := normalize(path).(int); ok {
		return getItem(env, item, i)
	}
	v := item
	for _, part := range strings.Split(toStr(normalize(path)), ".") {
		var err error
		if n, convErr := strconv.Atoi(part); convErr == nil {
			v, err = getItem(env, v, n)
		} else {
			v, err = getItem(env, v, part)
		}
		if err != nil {
			return nil, err
		}
	}
	return v, nil
}

func mapAttr(env *Environment, items []any, attr, def any) ([]any, error) {
	out := make([]any, len(items))
	for i, it := range items {
		v, err := attrGetter(env, it, attr)
		if err != nil {
			return nil, err
		}
		if _, undef := v.(Undefined); undef && def != nil {
			v = def
		}
		out[i] = v
	}
	return out, nil
}

// sortKey prepares a value for case-insensitive comparison.
func sortKey(v any, caseSensitive bool) any {
	v = normalize(v)
	if !caseSensitive {
		if s, ok := asString(v); ok {
			return strings.ToLower(s)
		}
	}
	return v
}

func sortItems(items []any, keys []any, reverse bool) error {
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	var cmpErr error
	sort.SliceStable(idx, func(a, b int) bool {
		c, err := compare(keys[idx[a]], keys[idx[b]])
		if err != nil {
			cmpErr = err
		}
		if reverse {
			return c > 0
		}
		return c < 0
	})
	if cmpErr != nil {
		return cmpErr
	}
	sorted := make([]any, len(items))
	for i, j := range idx {
		sorted[i] = items[j]
	}
	copy(items, sorted)
	return nil
}

func fSort(st *state, v any, args []any, kw *Dict) (any, error) {
	a, err := bind("sort", args, kw, []string{"reverse", "case_sensitive", "attribute"}, false, false, nil)
	if err != nil {
		return nil, err
	}
	items, err := iterate(v)
	if err != nil {
		return nil, err
	}
	items = append([]any{}, items...)
	keys := make([]any, len(items))
	for i, it := range items {
		if a[2] == nil {
			keys[i] = sortKey(it, truthy(a[1]))
			continue
		}
		var parts Tuple
		for _, attr := range strings.Split(toStr(normalize(a[2])), ",") {
			k, err := attrGetter(st.env, it, strings.TrimSpace(attr))
			if err != nil {
				return nil, err
			}
			parts = append(parts, sortKey(k, truthy(a[1])))
		}
		keys[i] = parts
		if len(parts) == 1 {
			keys[i] = parts[0]
		}
	}
	return items, sortItems(items, keys, truthy(a[0]))
}

func fDictsort(st *state, v any, args []any, kw *Dict) (any, error) {
	a, err := bind("dictsort", args, kw, []string{"case_sensitive", "by", "reverse"}, false, "key", false)
	if err != nil {
		return nil, err
	}
	d, ok := normalize(v).(*Dict)
	if !ok {
		return nil, newErr("FilterArgumentError", "dictsort requires a mapping")
	}
	items := dictItems(d)
	pos := 0
	switch toStr(normalize(a[1])) {
	case "key":
	case "value":
		pos = 1
	default:
		return nil, newErr("FilterArgumentError", "You can only sort by either \"key\" or \"value\"")
	}
	keys := make([]any, len(items))
	for i, it := range items {
		keys[i] = sortKey(it.(Tuple)[pos], truthy(a[0]))
	}
	return items, sortItems(items, keys, truthy(a[2]))
}

func fGroupby(st *state, v any, args []any, kw *Dict) (any, error) {
	a, err := bind("groupby", args, kw, []string{"attribute", "default", "case_sensitive"}, req, nil, false)
	if err != nil {
		return nil, err
	}
	items, err := iterate(v)
	if err != nil {
		return nil, err
	}
	items = append([]any{}, items...)
	vals, err := mapAttr(st.env, items, a[0], a[1])
	if err != nil {
		return nil, err
	}
	keys := make([]any, len(items))
	for i := range vals {
		keys[i] = sortKey(vals[i], truthy(a[2]))
	}
	// sort items and their values together
	type pair struct{ it, val, key any }
	ps := make([]pair, len(items))
	for i := range items {
		ps[i] = pair{items[i], vals[i], keys[i]}
	}
	var cmpErr error
	sort.SliceStable(ps, func(i, j int) bool {
		c, err := compare(ps[i].key, ps[j].key)
		if err != nil {
			cmpErr = err
		}
		return c < 0
	})
	if cmpErr != nil {
		return nil, cmpErr
	}
	var out []any
	for i := 0; i < len(ps); {
		j := i
		var group []any
		for j < len(ps) && equal(ps[j].key, ps[i].key) {
			group = append(group, ps[j].it)
			j++
		}
		out = append(out, &groupTuple{Tuple{ps[i].val, group}})
		i = j
	}
	if out == nil {
		out = []any{}
	}
	return out, nil
}

// groupTuple is groupby's (grouper, list) namedtuple.
type groupTuple struct{ Tuple }

func (g *groupTuple) items() []any { return g.Tuple }

// String is the namedtuple's repr and str: ('grouper', [items]).
func (g *groupTuple) String() string { return repr(g.Tuple) }

func fMap(st *state, v any, args []any, kw *Dict) (any, error) {
	items, err := iterateTruthy(v)
	if err != nil {
		return nil, err
	}
	if attr, ok := kw.Get("attribute"); ok {
		def, _ := kw.Get("default")
		return mapAttr(st.env, items, attr, def)
	}
	if len(args) == 0 {
		return nil, newErr("FilterArgumentError", "map requires a filter argument")
	}
	name := toStr(normalize(args[0]))
	out := make([]any, len(items))
	for i, it := range items {
		r, err := st.callFilter(name, it, args[1:], kw)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

func selectFilter(reject, byAttr bool) filterFn {
	return func(st *state, v any, args []any, kw *Dict) (any, error) {
		items, err := iterateTruthy(v)
		if err != nil {
			return nil, err
		}
		var attr any
		if byAttr {
			if len(args) == 0 {
				return nil, typeErr("missing parameter for attribute name")
			}
			attr, args = args[0], args[1:]
		}
		out := []any{}
		for _, it := range items {
			x := it
			if byAttr {
				if x, err = attrGetter(st.env, it, attr); err != nil {
					return nil, err
				}
			}
			var ok bool
			if len(args) == 0 {
				ok = truthy(x)
			} else {
				r, err := st.callTest(toStr(normalize(args[0])), x, args[1:], kw)
				if err != nil {
					return nil, err
				}
				ok = r
			}
			if ok != reject {
				out = append(out, it)
			}
		}
		return out, nil
	}
}

func fFirst(st *state, v any, _ []any, _ *Dict) (any, error) {
	items, err := iterate(v)
	if err != nil || len(items) == 0 {
		return Undefined{Name: "first", hint: "No first item, sequence was empty."}, err
	}
	return items[0], nil
}

func fLast(st *state, v any, _ []any, _ *Dict) (any, error) {
	items, err := iterate(v)
	if err != nil || len(items) == 0 {
		return Undefined{Name: "last", hint: "No last item, sequence was empty."}, err
	}
	return items[len(items)-1], nil
}

func fBatch(st *state, v any, args []any, kw *Dict) (any, error) {
	a, n, items, err := countedItems("batch", "linecount", "batch size", v, args, kw)
	if err != nil {
		return nil, err
	}
	var out []any
	for i := 0; i < len(items); i += n {
		end := i + n
		var row []any
		if end > len(items) {
			row = append([]any{}, items[i:]...)
			if a[1] != nil {
				for len(row) < n {
					row = append(row, a[1])
				}
			}
		} else {
			row = append([]any{}, items[i:end]...)
		}
		out = append(out, row)
	}
	if out == nil {
		out = []any{}
	}
	return out, nil
}

func fSlice(st *state, v any, args []any, kw *Dict) (any, error) {
	a, n, items, err := countedItems("slice", "slices", "slices", v, args, kw)
	if err != nil {
		return nil, err
	}
	per, extra := len(items)/n, len(items)%n
	offset := 0
	var out []any
	for i := 0; i < n; i++ {
		start := offset + i*per
		if i < extra {
			offset++
		}
		end := offset + (i+1)*per
		col := append([]any{}, items[start:end]...)
		if a[1] != nil && i >= extra {
			col = append(col, a[1])
		}
		out = append(out, col)
	}
	return out, nil
}

func fSum(st *state, v any, args []any, kw *Dict) (any, error) {
	a, err := bind("sum", args, kw, []string{"attribute", "start"}, nil, 0)
	if err != nil {
		return nil, err
	}
	items, err := iterate(v)
	if err != nil {
		return nil, err
	}
	if a[0] != nil {
		if items, err = mapAttr(st.env, items, a[0], nil); err != nil {
			return nil, err
		}
	}
	total := a[1]
	for _, it := range items {
		if total, err = arith("+", total, it); err != nil {
			return nil, err
		}
	}
	return total, nil
}

func hex4(r rune) string { return strconv.FormatInt(int64(r)+0x10000, 16)[1:] }

func fTojson(st *state, v any, args []any, kw *Dict) (any, error) {
	a, err := bind("tojson", args, kw, []string{"indent"}, nil)
	if err != nil {
		return nil, err
	}
	indent, _ := normalize(a[0]).(int)
	if err := checkSize(indent); err != nil {
		return nil, err
	}
	dumps := func(v any, indent int) (string, error) { return Dumps(v, DumpsOptions{Indent: indent}) }
	if st.env.JSONDumps != nil {
		dumps = st.env.JSONDumps
	}
	s, err := dumps(v, indent)
	if err != nil {
		return nil, err
	}
	r := strings.NewReplacer("<", `\u003c`, ">", `\u003e`, "&", `\u0026`, "'", `\u0027`)
	return Markup(r.Replace(s)), nil
}

// urlQuote is Python's urllib.parse.quote with safe "/".
func urlQuote(s string, safe string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("_.-~"+safe, c) >= 0) {
			b.WriteByte(c)
		} else {
			b.WriteString("%" + strings.ToUpper(strconv.FormatInt(int64(c)+0x100, 16)[1:]))
		}
	}
	return b.String()
}

func fUrlencode(st *state, v any, _ []any, _ *Dict) (any, error) {
	var pairs []any
	switch x := normalize(v).(type) {
	case string, Markup:
		return urlQuote(toStr(x), "/"), nil
	case *Dict:
		pairs = dictItems(x)
	default:
		items, err := iterate(x)
		if err != nil {
			return urlQuote(toStr(x), "/"), nil
		}
		pairs = items
	}
	parts := make([]string, 0, len(pairs))
	for _, p := range pairs {
		kv, ok := asSeq(normalize(p))
		if !ok || len(kv) != 2 {
			return nil, newErr("ValueError", "urlencode needs pairs")
		}
		q := func(x any) string { return strings.ReplaceAll(urlQuote(toStr(normalize(x)), " "), " ", "+") }
		parts = append(parts, q(kv[0])+"="+q(kv[1]))
	}
	return strings.Join(parts, "&"), nil
}

var wordRe = regexp.MustCompile(`[\p{L}\p{N}_]+`)

func fStriptags(st *state, v any, _ []any, _ *Dict) (any, error) {
	return striptags(toStr(normalize(v))), nil
}

func fIndent(st *state, v any, args []any, kw *Dict) (any, error) {
	a, err := bind("indent", args, kw, []string{"width", "first", "blank"}, 4, false, false)
	if err != nil {
		return nil, err
	}
	ind := ""
	switch w := normalize(a[0]).(type) {
	case int:
		if err := checkSize(max(w, 0)); err != nil {
			return nil, err
		}
		ind = strings.Repeat(" ", max(w, 0))
	default:
		ind = toStr(w)
	}
	_, isM := v.(Markup)
	lines := splitLines(toStr(normalize(v)) + "\n")
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		if (i == 0 && truthy(a[1])) || (i > 0 && (l != "" || truthy(a[2]))) {
			b.WriteString(ind)
		}
		b.WriteString(l)
	}
	if isM {
		return Markup(b.String()), nil
	}
	return b.String(), nil
}

func fCenter(st *state, v any, args []any, kw *Dict) (any, error) {
	a, err := bind("center", args, kw, []string{"width"}, 80)
	if err != nil {
		return nil, err
	}
	w, _ := normalize(a[0]).(int)
	if err := checkSize(max(w, 0)); err != nil {
		return nil, err
	}
	return strFilter(func(s string) string {
		n := len([]rune(s))
		if n >= w {
			return s
		}
		marg := w - n
		left := marg/2 + (marg & w & 1)
		return strings.Repeat(" ", left) + s + strings.Repeat(" ", marg-left)
	})(st, v, nil, nil)
}

func fFilesize(st *state, v any, args []any, kw *Dict) (any, error) {
	a, err := bind("filesizeformat", args, kw, []string{"binary"}, false)
	if err != nil {
		return nil, err
	}
	n, ok := numeric(normalize(v))
	if !ok {
		f, err := strconv.ParseFloat(toStr(normalize(v)), 64)
		if err != nil {
			return nil, newErr("ValueError", "could not convert string to float")
		}
		n = f
	}
	bytes := toFloat(n)
	base := 1000.0
	prefixes := []string{"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"}
	if truthy(a[0]) {
		base = 1024
		prefixes = []string{"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"}
	}
	if bytes == 1 {
		return "1 Byte", nil
	}
	if bytes < base {
		return strconv.Itoa(int(bytes)) + " Bytes", nil
	}
	unit := base
	for i, p := range prefixes {
		unit = math.Pow(base, float64(i+2))
		if bytes < unit || i == len(prefixes)-1 {
			return strconv.FormatFloat(base*bytes/unit, 'f', 1, 64) + " " + p, nil
		}
	}
	return "", nil
}

func fReverse(st *state, v any, _ []any, _ *Dict) (any, error) {
	switch x := normalize(v).(type) {
	case string, Markup:
		r := []rune(toStr(x))
		for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
			r[i], r[j] = r[j], r[i]
		}
		if _, ok := x.(Markup); ok {
			return Markup(string(r)), nil
		}
		return string(r), nil
	}
	items, err := iterate(v)
	if err != nil {
		return nil, err
	}
	out := make([]any, len(items))
	for i, it := range items {
		out[len(items)-1-i] = it
	}
	return out, nil
}

func fUnique(st *state, v any, args []any, kw *Dict) (any, error) {
	a, err := bind("unique", args, kw, []string{"case_sensitive", "attribute"}, false, nil)
	if err != nil {
		return nil, err
	}
	items, err := iterate(v)
	if err != nil {
		return nil, err
	}
	var seen []any
	out := []any{}
	for _, it := range items {
		k := it
		if a[1] != nil {
			if k, err = attrGetter(st.env, it, a[1]); err != nil {
				return nil, err
			}
		}
		k = sortKey(k, truthy(a[0]))
		if !seqContains(seen, k) {
			seen = append(seen, k)
			out = append(out, it)
		}
	}
	return out, nil
}

func minMax(sign int) filterFn {
	return func(st *state, v any, args []any, kw *Dict) (any, error) {
		a, err := bind("min", args, kw, []string{"case_sensitive", "attribute"}, false, nil)
		if err != nil {
			return nil, err
		}
		items, err := iterate(v)
		if err != nil {
			return nil, err
		}
		if len(items) == 0 {
			return Undefined{Name: "min"}, nil
		}
		best, bestKey := items[0], any(nil)
		for i, it := range items {
			k := it
			if a[1] != nil {
				if k, err = attrGetter(st.env, it, a[1]); err != nil {
					return nil, err
				}
			}
			k = sortKey(k, truthy(a[0]))
			if i == 0 {
				bestKey = k
				continue
			}
			c, err := compare(k, bestKey)
			if err != nil {
				return nil, err
			}
			if c*sign > 0 {
				best, bestKey = it, k
			}
		}
		return best, nil
	}
}

func fWordwrap(st *state, v any, args []any, kw *Dict) (any, error) {
	a, err := bind("wordwrap", args, kw, []string{"width", "break_long_words", "wrapstring", "break_on_hyphens"}, 79, true, "\n", true)
	if err != nil {
		return nil, err
	}
	w, _ := normalize(a[0]).(int)
	var lines []string
	for _, para := range strings.Split(toStr(normalize(v)), "\n") {
		var cur []string
		n := 0
		for _, word := range strings.Fields(para) {
			wl := len([]rune(word))
			for truthy(a[1]) && wl > w && w > 0 {
				room := w
				if n > 0 {
					room = w - n - 1
				}
				if room <= 0 {
					lines = append(lines, strings.Join(cur, " "))
					cur, n = nil, 0
					continue
				}
				r := []rune(word)
				cur = append(cur, string(r[:room]))
				lines = append(lines, strings.Join(cur, " "))
				cur, n = nil, 0
				word = string(r[room:])
				wl = len(r) - room
			}
			if n > 0 && n+1+wl > w {
				lines = append(lines, strings.Join(cur, " "))
				cur, n = nil, 0
			}
			if n > 0 {
				n++
			}
			cur = append(cur, word)
			n += wl
		}
		lines = append(lines, strings.Join(cur, " "))
	}
	return strings.Join(lines, toStr(normalize(a[2]))), nil
}

var xmlKeyRe = regexp.MustCompile(`[\s/>=]`)

func fXmlattr(st *state, v any, args []any, kw *Dict) (any, error) {
	d, ok := normalize(v).(*Dict)
	if !ok {
		return nil, typeErr("xmlattr requires a mapping")
	}
	var parts []string
	for _, k := range d.keys {
		val := normalize(d.m[k])
		if _, undef := val.(Undefined); undef || val == nil {
			continue
		}
		key := toStr(k)
		if xmlKeyRe.MatchString(key) {
			return nil, newErr("ValueError", "Invalid character in attribute name: %q", key)
		}
		parts = append(parts, string(escape(key))+`="`+string(escape(val))+`"`)
	}
	s := strings.Join(parts, " ")
	if s != "" && (len(args) == 0 || truthy(args[0])) {
		s = " " + s
	}
	if st.autoescape {
		return Markup(s), nil
	}
	return s, nil
}

// sortedDicts copies v with every dict's keys sorted, as pprint prints.
func sortedDicts(v any) any {
	switch x := normalize(v).(type) {
	case *Dict:
		keys := append([]any{}, x.keys...)
		sort.SliceStable(keys, func(i, j int) bool { return lessKey(keys[i], keys[j]) })
		d := NewDict()
		for _, k := range keys {
			d.Set(k, sortedDicts(x.m[k]))
		}
		return d
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = sortedDicts(e)
		}
		return out
	case Tuple:
		out := make(Tuple, len(x))
		for i, e := range x {
			out[i] = sortedDicts(e)
		}
		return out
	}
	return v
}

// parsePyInt is Python's int(s, base): an optional sign, underscores
// between digits, and a 0x/0o/0b prefix matching the base (any of them
// with base 0).
func parsePyInt(s string, base int) (any, bool) {
	sign := ""
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		sign, s = s[:1], s[1:]
	}
	s = strings.ReplaceAll(s, "_", "")
	prefixes := map[string]int{"0x": 16, "0o": 8, "0b": 2}
	if len(s) > 2 {
		if pb, ok := prefixes[strings.ToLower(s[:2])]; ok && (base == pb || base == 0) {
			s, base = s[2:], pb
		}
	}
	if base == 0 {
		base = 10
	}
	if n, err := strconv.ParseInt(sign+s, base, 64); err == nil {
		return int(n), true
	}
	if b, ok := new(big.Int).SetString(sign+s, base); ok {
		return shrink(b), true
	}
	return nil, false
}

// countedItems binds the (count, fill_with) arguments of batch and slice,
// checks the count is positive (what names it in the error) and lists v.
func countedItems(filter, countArg, what string, v any, args []any, kw *Dict) ([]any, int, []any, error) {
	a, err := bind(filter, args, kw, []string{countArg, "fill_with"}, req, nil)
	if err != nil {
		return nil, 0, nil, err
	}
	n, _ := normalize(a[0]).(int)
	if n <= 0 {
		return nil, 0, nil, newErr("ValueError", "%s must be positive", what)
	}
	items, err := iterate(v)
	if err != nil {
		return nil, 0, nil, err
	}
	return a, n, items, nil
}
