package jinja

import (
	"html/template"
	"math"
	"math/big"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/flagon-go/flagon/internal/utf8x"
)

// Markup is a string that is safe to output without escaping, MarkupSafe's
// Markup. Go code returns Markup from a function or filter to emit HTML.
type Markup string

// Tuple is a Python tuple: printed with parentheses, immutable.
type Tuple []any

// Undefined is the value of a name or attribute that does not exist. It
// prints as the empty string and is false; using it in other ways fails
// with an UndefinedError naming it.
type Undefined struct {
	Name  string
	owner string // Python type name of the object it was looked up on
	elem  bool   // looked up by integer index
	hint  string // Jinja's message, when it has its own
	// security marks an attribute the sandbox refuses: using it is a
	// SecurityError.
	security bool
	// policy is the environment's UndefinedPolicy, stamped when the value
	// reaches an expression.
	policy UndefinedPolicy
}

// missingAttr is the Undefined for name looked up on obj.
func missingAttr(obj any, name string) Undefined {
	return Undefined{Name: name, owner: objectTypeRepr(obj)}
}

// objectTypeRepr names obj's type as Jinja's error messages do.
func objectTypeRepr(obj any) string {
	switch obj.(type) {
	case nil:
		return "None"
	}
	return typeName(normalize(obj)) + " object"
}

// err is the error using u raises, worded as Jinja words it.
func (u Undefined) err() *Error {
	switch {
	case u.security:
		return newErr("SecurityError", "%s", u.hint)
	case u.hint != "":
		return newErr("UndefinedError", "%s", u.hint)
	case u.owner == "None":
		return newErr("UndefinedError", "'None' has no attribute '%s'", u.Name)
	case u.owner != "" && u.elem:
		return newErr("UndefinedError", "%s has no element %s", u.owner, u.Name)
	case u.owner != "":
		return newErr("UndefinedError", "'%s' has no attribute '%s'", u.owner, u.Name)
	}
	return newErr("UndefinedError", "'%s' is undefined", u.Name)
}

// Dict is an insertion-ordered mapping, the value of a dict literal and of
// JSON objects decoded with DecodeJSON. Keys are strings, ints, floats,
// bools or nil.
type Dict struct {
	keys []any
	m    map[any]any
}

// NewDict returns an empty Dict.
func NewDict() *Dict { return &Dict{m: map[any]any{}} }

// Set stores v under k, keeping k's first position.
func (d *Dict) Set(k, v any) {
	k = dictKey(k)
	if _, ok := d.m[k]; !ok {
		d.keys = append(d.keys, k)
	}
	d.m[k] = v
}

// Get returns the value under k.
func (d *Dict) Get(k any) (any, bool) {
	v, ok := d.m[dictKey(k)]
	return v, ok
}

// Keys returns the keys in insertion order.
func (d *Dict) Keys() []any { return d.keys }

// Len is the number of entries.
func (d *Dict) Len() int {
	if d == nil {
		return 0
	}
	return len(d.keys)
}

// dictKey normalises a key so that 1 and 1.0 and True collide as in Python.
func dictKey(k any) any {
	switch x := k.(type) {
	case Markup:
		return string(x)
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e18 {
			return int(x)
		}
	case bool:
		if x {
			return 1
		}
		return 0
	}
	return k
}

// escapeString is MarkupSafe's escape of a plain string. Runs of bytes
// that need no escaping are copied with one write each.
func escapeString(s string) string {
	if !needsEscape(s) {
		return s
	}
	s = utf8x.Replace(s)
	var b strings.Builder
	b.Grow(len(s) + 16)
	last := 0
	for i := 0; i < len(s); i++ {
		var ent string
		switch s[i] {
		case '<':
			ent = "&lt;"
		case '>':
			ent = "&gt;"
		case '&':
			ent = "&amp;"
		case '\'':
			ent = "&#39;"
		case '"':
			ent = "&#34;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(ent)
		last = i + 1
	}
	b.WriteString(s[last:])
	return b.String()
}

// needsEscape reports whether s has a character HTML escaping replaces
// or invalid UTF-8 (which output replaces by U+FFFD).
func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return !utf8.ValidString(s[i:]) || strings.ContainsAny(s[i:], "<>&'\"")
		case c == '<' || c == '>' || c == '&' || c == '\'' || c == '"':
			return true
		}
	}
	return false
}

// Escape is MarkupSafe's escape for Go code: v as Markup, HTML-escaped
// unless it already is Markup (or html/template.HTML) or has an HTML()
// method (MarkupSafe's __html__), whose result it is.
func Escape(v any) Markup {
	if h, ok := htmlOf(v); ok {
		return h
	}
	return escape(normalize(v))
}

// escape converts v to Markup, escaping unless it already is Markup.
func escape(v any) Markup {
	if m, ok := v.(Markup); ok {
		return m
	}
	if h, ok := v.(interface{ HTML() string }); ok {
		return Markup(h.HTML())
	}
	return Markup(escapeString(toStr(v)))
}

// toStr is Python's str(v).
func toStr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case string:
		return x
	case Markup:
		return string(x)
	case Undefined:
		if x.policy == DebugUndefined {
			return x.debugText()
		}
		return ""
	case bool:
		if x {
			return "True"
		}
		return "False"
	case int:
		return strconv.Itoa(x)
	case float64:
		return formatFloat(x)
	case *big.Int:
		return x.String()
	}
	return repr(v)
}

// formatFloat is Python's repr of a float.
func formatFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	if f == 0 {
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64)
	mant, e, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(e)
	if exp < -4 || exp >= 16 {
		sign := "+"
		if exp < 0 {
			sign, exp = "-", -exp
		}
		es := strconv.Itoa(exp)
		if len(es) < 2 {
			es = "0" + es
		}
		return mant + "e" + sign + es
	}
	s = strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".") {
		s += ".0"
	}
	return s
}

// maxReprDepth bounds how deeply repr descends, so that cyclic Go data
// prints "..." instead of recursing forever (Python prints [...] too).
const maxReprDepth = 100

// repr is Python's repr(v).
func repr(v any) string { return reprD(v, 0) }

func reprD(v any, depth int) string {
	if depth > maxReprDepth {
		return "..."
	}
	switch x := v.(type) {
	case string:
		return reprString(x)
	case Markup:
		return "Markup(" + reprString(string(x)) + ")"
	case Undefined:
		return "Undefined" // Python's repr of an Undefined
	case nil, bool, int, float64, *big.Int:
		return toStr(v)
	case Tuple:
		if len(x) == 1 {
			return "(" + reprD(x[0], depth+1) + ",)"
		}
		return "(" + joinRepr(x, depth+1) + ")"
	case []any:
		return "[" + joinRepr(x, depth+1) + "]"
	case *Dict:
		parts := make([]string, 0, x.Len())
		for _, k := range x.keys {
			parts = append(parts, reprD(k, depth+1)+": "+reprD(x.m[k], depth+1))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case *Macro:
		return "<Macro '" + x.name + "'>"
	case goMethod:
		return "<bound method " + x.name + ">"
	}
	return reprReflect(v, depth)
}

func joinRepr(xs []any, depth int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = reprD(x, depth)
	}
	return strings.Join(parts, ", ")
}

// reprReflect prints Go values that are not Python types.
func reprReflect(v any, depth int) string {
	if s, ok := v.(interface{ String() string }); ok {
		return s.String()
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		return reprD(normalize(v), depth)
	case reflect.String:
		return reprString(rv.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64, reflect.Bool:
		return repr(normalize(v))
	case reflect.Pointer:
		if rv.IsNil() {
			return "None"
		}
	}
	return "<" + rv.Type().String() + " object>"
}

// reprString quotes s as Python does: single quotes unless s contains a
// single quote and no double quote.
func reprString(s string) string {
	q := byte('\'')
	if strings.Contains(s, "'") && !strings.Contains(s, "\"") {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0x100 && !unicode.IsPrint(r)):
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatInt(int64(r)+0x100, 16)[1:])
		case r >= 0x100 && r < 0x10000 && !unicode.IsPrint(r):
			b.WriteString(`\u`)
			b.WriteString(strconv.FormatInt(int64(r)+0x10000, 16)[1:])
		case r >= 0x10000 && !unicode.IsPrint(r):
			b.WriteString(`\U`)
			b.WriteString(strconv.FormatInt(int64(r)+0x100000000, 16)[1:])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// normalize turns Go values into the engine's value types: ints of every
// size to int, float32 to float64, slices to []any, maps to *Dict (keys
// sorted, since Go maps have no order), html/template's HTML to Markup. Structs and pointers stay as they
// are and are reached through reflection.
func normalize(v any) any {
	switch x := v.(type) {
	case template.HTML:
		return Markup(x)
	}
	switch v.(type) {
	case nil, string, Markup, bool, int, float64, []any, Tuple, *Dict, Undefined, *Macro, *big.Int:
		return v
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return int(rv.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return int(rv.Uint())
	case reflect.Float32, reflect.Float64:
		return rv.Float()
	case reflect.Bool:
		return rv.Bool()
	case reflect.String:
		return rv.String()
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.IsNil() {
			return []any{}
		}
		out := make([]any, rv.Len())
		for i := range out {
			out[i] = rv.Index(i).Interface()
		}
		return out
	case reflect.Map:
		d := NewDict()
		keys := rv.MapKeys()
		sort.Slice(keys, func(i, j int) bool {
			return lessKey(keys[i].Interface(), keys[j].Interface())
		})
		for _, k := range keys {
			d.Set(normalize(k.Interface()), rv.MapIndex(k).Interface())
		}
		return d
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return nil
		}
	}
	return v
}

func lessKey(a, b any) bool {
	c, err := compare(normalize(a), normalize(b))
	if err != nil {
		return toStr(a) < toStr(b)
	}
	return c < 0
}

// truthy is Python's bool(v).
func truthy(v any) bool {
	switch x := v.(type) {
	case nil, Undefined:
		return false
	case bool:
		return x
	case int:
		return x != 0
	case float64:
		return x != 0
	case *big.Int:
		return x.Sign() != 0
	case string:
		return x != ""
	case Markup:
		return x != ""
	case []any:
		return len(x) > 0
	case Tuple:
		return len(x) > 0
	case *Dict:
		return x.Len() > 0
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map, reflect.String:
		return rv.Len() > 0
	case reflect.Pointer, reflect.Interface:
		return !rv.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64, reflect.Bool:
		return truthy(normalize(v))
	}
	return true
}

// typeName is Python's type(v).__name__, for error messages.
func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "NoneType"
	case bool:
		return "bool"
	case int, *big.Int:
		return "int"
	case float64:
		return "float"
	case string:
		return "str"
	case Markup:
		return "Markup"
	case []any:
		return "list"
	case Tuple:
		return "tuple"
	case *Dict:
		return "dict"
	case Undefined:
		return "Undefined"
	}
	return reflect.TypeOf(v).String()
}
