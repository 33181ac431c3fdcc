package debugpage

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/flagon-go/flagon/config"
)

// maxValue is the longest value shown.
const maxValue = 2000

// Bounds of the walk that decides whether fmt may print a value.
const (
	maxWalkDepth = 64
	maxWalkNodes = 20000
)

// brief formats v with its field names (fmt's %+v), shortened to
// maxValue bytes at a rune boundary. A value that contains itself (a map
// or slice holding itself through an interface), which %+v would print
// until the goroutine's stack overflows, or one too large or deep to
// walk, is printed by a bounded printer that shows a revisited value as
// "[...]", as Werkzeug's debug_repr does (test_recursive_repr).
func brief(v any) string {
	if v == nil {
		return "nil"
	}
	rv, isValue := v.(reflect.Value)
	if !isValue {
		rv = reflect.ValueOf(v)
	}
	var s string
	if fmtSafe(rv) {
		s = fmt.Sprintf("%+v", v)
	} else {
		p := &boundedPrinter{onPath: map[ptrKey]bool{}}
		p.print(rv, 0)
		s = p.b.String()
	}
	return shorten(s)
}

// maskedBrief is brief of config.Masked(key, v). config.Masked recurses
// into maps and slices, so a value that contains itself is printed by
// the bounded printer instead, which masks as it prints: the values of
// secret-named map keys and struct fields, and the passwords in strings.
func maskedBrief(key string, v any) string {
	if v == nil {
		return "nil"
	}
	if config.IsSecretKey(key) {
		return config.Mask
	}
	rv := reflect.ValueOf(v)
	if fmtSafe(rv) {
		return brief(config.Masked(key, v))
	}
	return maskedValue(rv)
}

// maskedValue prints v with the bounded printer, masking as it prints:
// the values of secret-named map keys and struct fields, and the
// passwords in strings. Unexported fields, which config.Masked cannot
// take, are printed with it too.
func maskedValue(v reflect.Value) string {
	p := &boundedPrinter{onPath: map[ptrKey]bool{}, mask: true}
	p.print(v, 0)
	return shorten(p.b.String())
}

// shorten cuts s to maxValue bytes without splitting a rune.
func shorten(s string) string {
	if len(s) <= maxValue {
		return s
	}
	cut := maxValue
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// fmtSafe reports whether fmt can print v: the values it would recurse
// into hold no cycle and are neither too deep nor too many.
func fmtSafe(v reflect.Value) bool {
	w := &walker{onPath: map[ptrKey]bool{}}
	return w.walk(v, 0)
}

type walker struct {
	onPath map[ptrKey]bool
	nodes  int
}

// walk follows v as fmt's printValue does: into interfaces, maps,
// slices, arrays and structs, and through a pointer at depth 0 only;
// values with a String, Error or Format method are leaves.
func (w *walker) walk(v reflect.Value, depth int) bool {
	w.nodes++
	if w.nodes > maxWalkNodes || depth > maxWalkDepth {
		return false
	}
	if !v.IsValid() || hasFormatMethod(v) {
		return true
	}
	key, container := containerKey(v)
	if container {
		if w.onPath[key] {
			return false
		}
		w.onPath[key] = true
		defer delete(w.onPath, key)
	}
	ok := true
	eachChild(v, depth, func(c reflect.Value) bool {
		ok = w.walk(c, depth+1)
		return ok
	})
	return ok
}

// hasFormatMethod reports whether fmt would print v with its own method.
func hasFormatMethod(v reflect.Value) bool {
	if !v.CanInterface() {
		return false
	}
	switch v.Interface().(type) {
	case fmt.Formatter, fmt.Stringer, error:
		return true
	}
	return false
}

// containerKey identifies a map or slice by its address, for cycles.
func containerKey(v reflect.Value) (ptrKey, bool) {
	switch v.Kind() {
	case reflect.Map, reflect.Slice:
		if v.IsNil() {
			return ptrKey{}, false
		}
		return ptrKey{v.Type(), v.Pointer()}, true
	}
	return ptrKey{}, false
}

// eachChild calls f with the values fmt prints inside v, until f
// returns false.
func eachChild(v reflect.Value, depth int, f func(reflect.Value) bool) {
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			f(v.Elem())
		}
	case reflect.Pointer:
		if depth == 0 && !v.IsNil() {
			switch v.Elem().Kind() {
			case reflect.Struct, reflect.Array, reflect.Slice, reflect.Map:
				f(v.Elem())
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			if !f(iter.Key()) || !f(iter.Value()) {
				return
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if !f(v.Index(i)) {
				return
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if !f(v.Field(i)) {
				return
			}
		}
	}
}

// boundedPrinter prints like %+v, "[...]" for a value being printed
// already, and stops once maxValue bytes are written.
type boundedPrinter struct {
	b      strings.Builder
	onPath map[ptrKey]bool
	mask   bool // mask secrets as maskedBrief does
}

func (p *boundedPrinter) full() bool { return p.b.Len() > maxValue }

func (p *boundedPrinter) print(v reflect.Value, depth int) {
	if p.full() {
		return
	}
	if !v.IsValid() {
		p.b.WriteString("<nil>")
		return
	}
	if key, ok := containerKey(v); ok {
		if p.onPath[key] {
			p.b.WriteString("[...]")
			return
		}
		p.onPath[key] = true
		defer delete(p.onPath, key)
	}
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			p.b.WriteString("<nil>")
			return
		}
		p.print(v.Elem(), depth)
	case reflect.Map:
		p.printMap(v, depth)
	case reflect.Slice, reflect.Array:
		p.b.WriteString("[")
		for i := range v.Len() {
			if i > 0 {
				p.b.WriteString(" ")
			}
			p.print(v.Index(i), depth+1)
		}
		p.b.WriteString("]")
	case reflect.Struct:
		p.printStruct(v, depth)
	case reflect.Pointer:
		if depth == 0 && !v.IsNil() {
			p.b.WriteString("&")
			p.print(v.Elem(), depth+1)
			return
		}
		p.leaf(v)
	default:
		p.leaf(v)
	}
}

func (p *boundedPrinter) printMap(v reflect.Value, depth int) {
	keys := v.MapKeys()
	sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
	p.b.WriteString("map[")
	for i, k := range keys {
		if i > 0 {
			p.b.WriteString(" ")
		}
		p.print(k, depth+1)
		p.b.WriteString(":")
		if p.secret(k) {
			p.b.WriteString(config.Mask)
			continue
		}
		p.print(v.MapIndex(k), depth+1)
	}
	p.b.WriteString("]")
}

func (p *boundedPrinter) printStruct(v reflect.Value, depth int) {
	p.b.WriteString("{")
	for i := range v.NumField() {
		if i > 0 {
			p.b.WriteString(" ")
		}
		name := v.Type().Field(i).Name
		p.b.WriteString(name + ":")
		if p.mask && config.IsSecretKey(name) {
			p.b.WriteString(config.Mask)
			continue
		}
		p.print(v.Field(i), depth+1)
	}
	p.b.WriteString("}")
}

// secret reports whether a map key names a secret, when masking.
func (p *boundedPrinter) secret(k reflect.Value) bool {
	return p.mask && k.Kind() == reflect.String && config.IsSecretKey(k.String())
}

// leaf prints a value that holds no other: through fmt when it can be
// reached, else its kind. Strings have their passwords masked.
func (p *boundedPrinter) leaf(v reflect.Value) {
	if p.mask && v.Kind() == reflect.String {
		p.b.WriteString(config.MaskString(v.String()))
		return
	}
	if v.Kind() == reflect.Pointer && !hasFormatMethod(v) {
		// as fmt prints a pointer inside a value: its address
		if v.IsNil() {
			p.b.WriteString("<nil>")
			return
		}
		p.b.WriteString(fmt.Sprintf("0x%x", v.Pointer()))
		return
	}
	if v.CanInterface() {
		p.b.WriteString(fmt.Sprintf("%+v", v.Interface()))
		return
	}
	p.b.WriteString(fmt.Sprintf("%+v", v))
}
