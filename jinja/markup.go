package jinja

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"unicode"
)

// HTMLer is MarkupSafe's __html__ protocol for Go values: escaping, |safe,
// Markup's % and format and autoescaped output use HTML() as the value's
// markup instead of escaping its text. html/template.HTML counts too.
type HTMLer interface {
	HTML() string
}

// HTMLFormatter is MarkupSafe's __html_format__: Markup.format calls
// HTMLFormat with the field's format spec (the "link" of "{0:link}") and
// uses the result unescaped. A value with HTML but without HTMLFormat
// refuses a format spec, as MarkupSafe does.
type HTMLFormatter interface {
	HTMLFormat(spec string) (Markup, error)
}

// EscapeSilent is MarkupSafe's escape_silent: Escape, except that nil is
// the empty Markup instead of "None".
func EscapeSilent(v any) Markup {
	if normalize(v) == nil {
		return ""
	}
	return Escape(v)
}

// FormatMarkup is Markup(format).format(*args) for Go code: the
// replacement fields of format ("{0}", "{name}", "{0[key]}", "{0:spec}")
// are filled with the arguments, escaped unless they are Markup, HTMLer
// or HTMLFormatter values. A last argument of type Kwargs gives the named
// fields.
func FormatMarkup(format string, args ...any) (Markup, error) {
	var kw *Dict
	if n := len(args); n > 0 {
		if k, ok := args[n-1].(Kwargs); ok {
			args = args[:n-1]
			kw = NewDict()
			for _, name := range slices.Sorted(maps.Keys(k)) {
				kw.Set(name, k[name])
			}
		}
	}
	s, err := braceFormat(nil, format, args, kw, true)
	if err != nil {
		return "", err
	}
	return Markup(s), nil
}

// toMarkup is Markup(v): v itself when it is Markup, its HTML() for an
// HTMLer, else its str().
func toMarkup(v any) Markup {
	if h, ok := htmlOf(v); ok {
		return h
	}
	if m, ok := normalize(v).(Markup); ok {
		return m
	}
	return Markup(toStr(normalize(v)))
}

// htmlOf is v's HTML(), MarkupSafe's __html__, when v has the method and
// is not a nil pointer (which renders as None, as it did before HTMLer).
func htmlOf(v any) (Markup, bool) {
	h, ok := v.(HTMLer)
	if !ok || isNilPointer(v) {
		return "", false
	}
	return Markup(h.HTML()), true
}

// isNilPointer reports whether v is a nil pointer of some type.
func isNilPointer(v any) bool {
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

// markupMethod returns the methods Markup has beyond str's: __html__,
// striptags and unescape; nil for the others.
func markupMethod(m Markup, name string) func([]any, *Dict) (any, error) {
	switch name {
	case "__html__":
		return func([]any, *Dict) (any, error) { return m, nil }
	case "striptags":
		return func([]any, *Dict) (any, error) { return striptags(string(m)), nil }
	case "unescape":
		return func([]any, *Dict) (any, error) { return unescape(string(m)), nil }
	}
	return nil
}

// htmlFormatField is MarkupSafe's EscapeFormatter.format_field for values
// with __html_format__ or __html__; ok is false for other values.
func htmlFormatField(v any, spec string) (s string, ok bool, err error) {
	if isNilPointer(v) {
		return "", false, nil
	}
	if f, isF := v.(HTMLFormatter); isF {
		m, err := f.HTMLFormat(spec)
		if err != nil {
			return "", true, newErr("ValueError", "%s", err.Error())
		}
		return string(m), true, nil
	}
	h, isH := v.(HTMLer)
	if !isH {
		return "", false, nil
	}
	if spec != "" {
		return "", true, newErr("ValueError", "Format specifier %s given, but <class '%s'> does not define __html_format__. "+
			"A class that defines __html__ must define __html_format__ to work with format specifiers.", spec, typeName(v))
	}
	return h.HTML(), true, nil
}

// striptags is Markup.striptags: comments removed, then tags, whitespace
// collapsed, entities unescaped.
func striptags(s string) string {
	s = cutBetween(s, "<!--", "-->")
	s = cutBetween(s, "<", ">")
	return unescape(strings.Join(strings.FieldsFunc(s, isPySpaceRune), " "))
}

// cutBetween removes every open...close span, as MarkupSafe's loops: an
// open without a close after it ends the removal.
func cutBetween(s, open, close string) string {
	for {
		start := strings.Index(s, open)
		if start < 0 {
			return s
		}
		end := strings.Index(s[start:], close)
		if end < 0 {
			return s
		}
		s = s[:start] + s[start+end+len(close):]
	}
}

// isPySpaceRune is Python's str.isspace for one character.
func isPySpaceRune(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}
