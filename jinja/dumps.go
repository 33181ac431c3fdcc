package jinja

import (
	"encoding/json"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
)

// DumpsOptions are the options of Dumps, those of Python's json.dumps
// that Jinja's and Flask's tojson use.
type DumpsOptions struct {
	// Indent, when positive, puts each item on its own line indented by
	// that many spaces per level (and "," without a space after items).
	Indent int
	// UTF8 writes non-ASCII characters as they are; false escapes them as
	// \uXXXX (Python's ensure_ascii=True, the default of Jinja and Flask).
	UTF8 bool
	// Default converts a value that is not a template value (a Go struct,
	// time.Time, ...) into one Dumps can encode, Python's default=; Flask's
	// provider makes dates HTTP dates. Nil encodes such values through
	// encoding/json.
	Default func(v any) (any, error)
}

// Dumps is Python's json.dumps with sort_keys=True as Jinja's |tojson
// calls it: ", " and ": " separators (or "," and newlines with Indent),
// keys sorted, floats as Python writes them, NaN and Infinity as Python
// writes them. Go slices and maps count as lists and dicts. |tojson then
// makes the result safe for HTML.
func Dumps(v any, opts DumpsOptions) (string, error) {
	var b strings.Builder
	if err := dumpValue(&b, v, opts, 0); err != nil {
		return "", err
	}
	return b.String(), nil
}

func dumpValue(b *strings.Builder, v any, opts DumpsOptions, level int) error {
	if level > maxReprDepth {
		return newErr("ValueError", "Circular reference detected")
	}
	switch x := normalize(v).(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case int:
		b.WriteString(strconv.Itoa(x))
	case *big.Int:
		b.WriteString(x.String())
	case float64:
		b.WriteString(jsonFloat(x))
	case string:
		b.WriteString(jsonQuote(x, opts.UTF8))
	case Markup:
		b.WriteString(jsonQuote(string(x), opts.UTF8))
	case []any:
		return dumpList(b, x, opts, level)
	case Tuple:
		return dumpList(b, x, opts, level)
	case *Dict:
		return dumpDict(b, x, opts, level)
	case Undefined:
		return typeErr("Object of type Undefined is not JSON serializable")
	default:
		conv, err := dumpDefault(x, opts)
		if err != nil {
			return err
		}
		if !isJSONValue(normalize(conv)) {
			return typeErr("Object of type %s is not JSON serializable", typeName(x))
		}
		return dumpValue(b, conv, opts, level)
	}
	return nil
}

// isJSONValue reports whether Dumps encodes v without Default.
func isJSONValue(v any) bool {
	switch v.(type) {
	case nil, bool, int, *big.Int, float64, string, Markup, []any, Tuple, *Dict:
		return true
	}
	return false
}

// dumpDefault converts a value Dumps does not know: with opts.Default,
// or through encoding/json (so that struct tags apply).
func dumpDefault(v any, opts DumpsOptions) (any, error) {
	if opts.Default != nil {
		return opts.Default(v)
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, typeErr("Object of type %s is not JSON serializable", typeName(v))
	}
	return DecodeJSON(raw)
}

// newline starts a line at level when indenting.
func newline(b *strings.Builder, opts DumpsOptions, level int) {
	if opts.Indent > 0 {
		b.WriteByte('\n')
		b.WriteString(strings.Repeat(" ", opts.Indent*level))
	}
}

func itemSep(opts DumpsOptions) string {
	if opts.Indent > 0 {
		return ","
	}
	return ", "
}

func dumpList(b *strings.Builder, items []any, opts DumpsOptions, level int) error {
	if len(items) == 0 {
		b.WriteString("[]")
		return nil
	}
	b.WriteByte('[')
	for i, it := range items {
		if i > 0 {
			b.WriteString(itemSep(opts))
		}
		newline(b, opts, level+1)
		if err := dumpValue(b, it, opts, level+1); err != nil {
			return err
		}
	}
	newline(b, opts, level)
	b.WriteByte(']')
	return nil
}

func dumpDict(b *strings.Builder, d *Dict, opts DumpsOptions, level int) error {
	if d.Len() == 0 {
		b.WriteString("{}")
		return nil
	}
	keys := append([]any{}, d.keys...)
	sort.SliceStable(keys, func(i, j int) bool { return lessKey(keys[i], keys[j]) })
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteString(itemSep(opts))
		}
		newline(b, opts, level+1)
		b.WriteString(jsonQuote(jsonKey(k), opts.UTF8))
		b.WriteString(": ")
		if err := dumpValue(b, d.m[k], opts, level+1); err != nil {
			return err
		}
	}
	newline(b, opts, level)
	b.WriteByte('}')
	return nil
}

// jsonKey is a dict key as json.dumps writes it: None, True and False as
// null, true and false, numbers as their text.
func jsonKey(k any) string {
	switch x := k.(type) {
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return jsonFloat(x)
	}
	return toStr(k)
}

// jsonFloat writes a float as json.dumps does.
func jsonFloat(x float64) string {
	switch {
	case math.IsInf(x, 1):
		return "Infinity"
	case math.IsInf(x, -1):
		return "-Infinity"
	case math.IsNaN(x):
		return "NaN"
	}
	return formatFloat(x)
}

// jsonQuote is json.dumps of a string; with utf8 false non-ASCII
// characters are \u escapes (ensure_ascii).
func jsonQuote(s string, utf8 bool) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r < 0x20 || (r > 0x7e && !utf8):
			if r > 0xffff {
				r -= 0x10000
				b.WriteString(`\u` + hex4(0xd800+(r>>10)) + `\u` + hex4(0xdc00+(r&0x3ff)))
			} else {
				b.WriteString(`\u` + hex4(r))
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
