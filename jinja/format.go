package jinja

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// percentFormat is Python's str % args. With markup set the arguments are
// escaped first, as Markup.__mod__ does.
func percentFormat(f string, args any, markup bool) (string, error) {
	var list []any
	var dict *Dict
	switch a := normalize(args).(type) {
	case Tuple:
		list = a
	case *Dict:
		dict = a
		list = []any{a}
	default:
		list = []any{a}
	}
	var b strings.Builder
	ai := 0
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(f) {
			return "", newErr("ValueError", "incomplete format")
		}
		if f[i] == '%' {
			b.WriteByte('%')
			continue
		}
		var key string
		if f[i] == '(' {
			end := strings.IndexByte(f[i:], ')')
			if end < 0 {
				return "", newErr("ValueError", "incomplete format key")
			}
			key = f[i+1 : i+end]
			i += end + 1
		}
		j := i
		for j < len(f) && strings.IndexByte("-+ #0", f[j]) >= 0 {
			j++
		}
		for j < len(f) && (f[j] >= '0' && f[j] <= '9' || f[j] == '.') {
			j++
		}
		if j >= len(f) {
			return "", newErr("ValueError", "incomplete format")
		}
		spec, verb := f[i:j], f[j]
		i = j
		if err := checkSpecNumbers(spec); err != nil {
			return "", err
		}
		var v any
		if key != "" {
			if dict == nil {
				return "", typeErr("format requires a mapping")
			}
			v, _ = dict.Get(key)
		} else {
			if ai >= len(list) {
				return "", typeErr("not enough arguments for format string")
			}
			v = list[ai]
			ai++
		}
		s, err := formatOne(spec, verb, normalize(v))
		if err != nil {
			return "", err
		}
		if markup && (verb == 's' || verb == 'r') {
			if verb == 'r' {
				s = escapeString(s)
			} else {
				s = string(Escape(v))
				s = pad(s, spec)
			}
		}
		b.WriteString(s)
	}
	if key := dict; key == nil && ai < len(list) {
		return "", typeErr("not all arguments converted during string formatting")
	}
	return b.String(), nil
}

func pad(s, spec string) string {
	left := strings.Contains(spec, "-")
	w, _ := strconv.Atoi(strings.TrimLeft(strings.SplitN(spec, ".", 2)[0], "-+ #0"))
	n := len([]rune(s))
	if n >= w {
		return s
	}
	if left {
		return s + strings.Repeat(" ", w-n)
	}
	return strings.Repeat(" ", w-n) + s
}

// formatOne formats one %-conversion.
func formatOne(spec string, verb byte, v any) (string, error) {
	switch verb {
	case 's':
		s := toStr(v)
		if dot := strings.IndexByte(spec, '.'); dot >= 0 {
			p, _ := strconv.Atoi(spec[dot+1:])
			if r := []rune(s); len(r) > p {
				s = string(r[:p])
			}
			spec = spec[:dot]
		}
		return pad(s, spec), nil
	case 'r':
		return pad(repr(v), spec), nil
	case 'd', 'i', 'x', 'X', 'o', 'e', 'E', 'f', 'F', 'g', 'G':
		n, ok := numeric(v)
		if !ok {
			return "", typeErr("%%%c format: a real number is required, not %s", verb, typeName(v))
		}
		gv := verb
		var arg any = n
		switch verb {
		case 'd', 'i', 'x', 'X', 'o':
			if f, ok := n.(float64); ok {
				arg = int(math.Trunc(f))
			}
			if verb == 'i' {
				gv = 'd'
			}
		default:
			arg = toFloat(n)
			if verb == 'F' {
				gv = 'f'
			}
		}
		return goSprintf("%"+spec+string(gv), arg), nil
	}
	return "", newErr("ValueError", "unsupported format character '%c'", verb)
}

// braceFormat is Python's str.format (and str.format_map, args nil):
// fields {}, {0}, {name}, followed by .attr and [key] lookups, a !r or !s
// conversion and a format spec of
// [[fill]align][sign][0][width][.precision][type]. With markup set it is
// Markup.format: each field is formatted, then escaped unless it is
// Markup, as MarkupSafe's EscapeFormatter does. Lookups follow Python's
// getattr and getitem, or Jinja's SandboxedFormatter in a sandbox.
func braceFormat(st *state, f string, args []any, kw *Dict, markup bool) (string, error) {
	var b strings.Builder
	auto := 0
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c == '{' && i+1 < len(f) && f[i+1] == '{' {
			b.WriteByte('{')
			i++
			continue
		}
		if c == '}' && i+1 < len(f) && f[i+1] == '}' {
			b.WriteByte('}')
			i++
			continue
		}
		if c != '{' {
			b.WriteByte(c)
			continue
		}
		end := strings.IndexByte(f[i:], '}')
		if end < 0 {
			return "", newErr("ValueError", "Single '{' encountered in format string")
		}
		field := f[i+1 : i+end]
		i += end
		s, err := formatField(st, field, args, kw, &auto, markup)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

// formatField formats one replacement field "name[.attr|[key]]*[!c][:spec]".
func formatField(st *state, field string, args []any, kw *Dict, auto *int, markup bool) (string, error) {
	field, spec, _ := strings.Cut(field, ":")
	field, conv, hasConv := strings.Cut(field, "!")
	nameEnd := strings.IndexAny(field, ".[")
	if nameEnd < 0 {
		nameEnd = len(field)
	}
	v, err := formatArg(field[:nameEnd], args, kw, auto)
	if err != nil {
		return "", err
	}
	if v, err = formatLookups(st, v, field[nameEnd:]); err != nil {
		return "", err
	}
	if markup && !hasConv {
		if s, ok, err := htmlFormatField(v, spec); ok {
			return s, err
		}
	}
	v = normalize(v)
	if hasConv {
		switch conv {
		case "r":
			v = repr(v)
		case "s":
			v = toStr(v)
		default:
			return "", newErr("ValueError", "Unknown conversion specifier %s", conv)
		}
	}
	if m, ok := v.(Markup); ok && markup {
		if spec != "" {
			return "", newErr("ValueError", "Unsupported format specification for Markup.")
		}
		return string(m), nil
	}
	s, err := formatSpec(v, spec)
	if markup {
		s = escapeString(s)
	}
	return s, err
}

// formatArg is the value a field's first part names: the next positional
// argument, a numbered one or a keyword argument.
func formatArg(name string, args []any, kw *Dict, auto *int) (any, error) {
	switch {
	case name == "":
		if *auto >= len(args) {
			return nil, newErr("IndexError", "Replacement index %d out of range for positional args tuple", *auto)
		}
		*auto++
		return args[*auto-1], nil
	case name[0] >= '0' && name[0] <= '9':
		n, err := strconv.Atoi(name)
		if err != nil || n >= len(args) {
			return nil, newErr("IndexError", "Replacement index %s out of range for positional args tuple", name)
		}
		return args[n], nil
	}
	if kw == nil {
		return nil, newErr("KeyError", "'%s'", name)
	}
	x, ok := kw.Get(name)
	if !ok {
		return nil, newErr("KeyError", "'%s'", name)
	}
	return x, nil
}

// formatLookups applies a field's .attr and [key] parts to v. Outside the
// sandbox a missing attribute or key fails as in Python; in the sandbox
// lookups are Jinja's (attribute, then item) and a missing or unsafe one
// is an Undefined that prints as "", as Jinja's SandboxedFormatter does.
func formatLookups(st *state, v any, path string) (any, error) {
	var env *Environment
	if st != nil {
		env = st.env
	}
	sandboxed := env.sandboxed()
	for path != "" {
		var key string
		var isItem bool
		switch path[0] {
		case '.':
			end := strings.IndexAny(path[1:], ".[") + 1
			if end == 0 {
				end = len(path)
			}
			key, path = path[1:end], path[end:]
		case '[':
			end := strings.IndexByte(path, ']')
			if end < 0 {
				return nil, newErr("ValueError", "Missing ']' in format string")
			}
			key, path, isItem = path[1:end], path[end+1:], true
		default:
			return nil, newErr("ValueError", "Only '.' or '[' may follow ']' in format field specifier")
		}
		prev := v
		var err error
		switch {
		case isItem:
			var k any = key
			if n, e := strconv.Atoi(key); e == nil {
				k = n
			}
			v, err = getItem(env, v, k)
		case sandboxed:
			v, err = getAttr(env, v, key)
		default:
			v, err = getAttrOnly(env, v, key)
		}
		if err != nil {
			return nil, err
		}
		if _, ok := v.(Undefined); ok && !sandboxed {
			if isItem {
				return nil, newErr("KeyError", "%s", repr(key))
			}
			return nil, newErr("AttributeError", "'%s' object has no attribute '%s'", typeName(normalize(prev)), key)
		}
	}
	return v, nil
}

func formatSpec(v any, spec string) (string, error) {
	if spec == "" {
		return toStr(v), nil
	}
	if err := checkSpecNumbers(spec); err != nil {
		return "", err
	}
	fill, align := " ", byte(0)
	if len(spec) >= 2 && strings.IndexByte("<>^", spec[1]) >= 0 {
		fill, align, spec = spec[:1], spec[1], spec[2:]
	} else if len(spec) >= 1 && strings.IndexByte("<>^", spec[0]) >= 0 {
		align, spec = spec[0], spec[1:]
	}
	typ := byte(0)
	if n := len(spec); n > 0 && strings.IndexByte("sdfFeEgGxXob%", spec[n-1]) >= 0 {
		typ, spec = spec[n-1], spec[:n-1]
	}
	group := strings.Contains(spec, ",")
	spec = strings.ReplaceAll(spec, ",", "")
	width := 0
	prec := -1
	w, p, hasP := strings.Cut(spec, ".")
	zero := strings.HasPrefix(strings.TrimLeft(w, "+- "), "0")
	sign := ""
	if strings.HasPrefix(w, "+") {
		sign = "+"
	}
	width, _ = strconv.Atoi(strings.TrimLeft(w, "+- "))
	if hasP {
		prec, _ = strconv.Atoi(p)
	}
	var s string
	switch typ {
	case 0, 's':
		s = toStr(v)
		if typ == 's' && prec >= 0 && len([]rune(s)) > prec {
			s = string([]rune(s)[:prec])
		}
		if _, isNum := numeric(v); isNum && align == 0 {
			align = '>'
		}
	default:
		n, ok := numeric(v)
		if !ok {
			return "", newErr("ValueError", "Unknown format code '%c' for object of type '%s'", typ, typeName(v))
		}
		switch typ {
		case 'd':
			s = goSprintf("%"+sign+"d", n)
		case 'x', 'X', 'o', 'b':
			s = goSprintf("%"+sign+string(typ), n)
		default:
			if prec < 0 {
				prec = 6
			}
			t := typ
			if t == 'F' {
				t = 'f'
			}
			if t == '%' {
				s = goSprintf("%"+sign+"."+strconv.Itoa(prec)+"f", toFloat(n)*100) + "%"
			} else {
				s = goSprintf("%"+sign+"."+strconv.Itoa(prec)+string(t), toFloat(n))
			}
		}
		if align == 0 {
			align = '>'
		}
		if group && (typ == 'd' || typ == 'f' || typ == 'F' || typ == 0) {
			s = groupThousands(s)
		}
	}
	if typ == 0 && group {
		if _, ok := numeric(v); ok {
			s = groupThousands(s)
		}
	}
	n := len([]rune(s))
	if n >= width {
		return s, nil
	}
	if zero && align == '>' {
		neg := strings.HasPrefix(s, "-")
		if neg {
			return "-" + strings.Repeat("0", width-n) + s[1:], nil
		}
		return strings.Repeat("0", width-n) + s, nil
	}
	padding := width - n
	switch align {
	case '>':
		return strings.Repeat(fill, padding) + s, nil
	case '^':
		l := padding / 2
		return strings.Repeat(fill, l) + s + strings.Repeat(fill, padding-l), nil
	}
	return s + strings.Repeat(fill, padding), nil
}

// pyTitle is Python's str.title: a letter after a non-letter is upper.
func pyTitle(s string) string {
	var b strings.Builder
	prev := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if prev {
				b.WriteRune(unicode.ToLower(r))
			} else {
				b.WriteRune(unicode.ToUpper(r))
			}
			prev = true
		} else {
			b.WriteRune(r)
			prev = unicode.IsDigit(r)
		}
	}
	return b.String()
}

// pyCapitalize is Python's str.capitalize.
func pyCapitalize(s string) string {
	r := []rune(strings.ToLower(s))
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// goSprintf formats one value with fmt; its verbs match Python's for the
// conversions used here (%e prints e+04 as Python does).
func goSprintf(format string, arg any) string { return fmt.Sprintf(format, arg) }

// jinjaTitle is Jinja's title filter: each word (split at whitespace,
// '-', and opening brackets) gets an upper first letter, the rest lower.
func jinjaTitle(s string) string {
	var b strings.Builder
	start := true
	for _, r := range s {
		if unicode.IsSpace(r) || strings.ContainsRune("-({[<", r) {
			b.WriteRune(r)
			start = true
			continue
		}
		if start {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = false
	}
	return b.String()
}

// groupThousands inserts commas into the integer part of a number.
func groupThousands(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		sign, s = s[:1], s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		return sign + b.String() + "." + frac
	}
	return sign + b.String()
}
