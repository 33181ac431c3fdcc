package render

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Filters returns a new map of common Jinja filters, for
// Options.StaticFuncs. In a pipeline the piped value comes last:
//
//	{{ .Name | upper }}  {{ .Body | truncate 80 }}  {{ .Nick | default "anon" }}
//	{{ .Tags | join ", " }}  {{ .Items | length }}  {{ .Title | replace "-" " " }}
//
// upper, lower, title, capitalize and trim change strings; truncate n cuts
// a string to n characters, ending it with "..."; default returns its
// first argument when the value is missing, nil, zero or empty; join and
// length accept slices, arrays, maps (length) and strings. Results are
// escaped like any other value.
func Filters() template.FuncMap {
	return template.FuncMap{
		"upper":      strings.ToUpper,
		"lower":      strings.ToLower,
		"title":      title,
		"capitalize": capitalize,
		"trim":       strings.TrimSpace,
		"truncate":   truncate,
		"default":    defaultValue,
		"join":       join,
		"length":     length,
		"replace":    func(old, new, s string) string { return strings.ReplaceAll(s, old, new) },
	}
}

// title upper-cases the first letter of each word and lower-cases the rest.
func title(s string) string {
	prev := ' '
	return strings.Map(func(r rune) rune {
		up := unicode.IsSpace(prev) || prev == '-'
		prev = r
		if up {
			return unicode.ToUpper(r)
		}
		return unicode.ToLower(r)
	}, s)
}

// capitalize upper-cases the first character and lower-cases the rest.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + strings.ToLower(s[n:])
}

// truncate cuts s to n characters, the last three being "...".
func truncate(n int, s string) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	if n <= 3 {
		return string(runes[:max(n, 0)])
	}
	return string(runes[:n-3]) + "..."
}

// defaultValue returns def when v is nil, zero or empty.
func defaultValue(def, v any) any {
	if v == nil {
		return def
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Map, reflect.Array, reflect.String:
		if rv.Len() == 0 {
			return def
		}
	default:
		if rv.IsZero() {
			return def
		}
	}
	return v
}

// join concatenates the elements of a slice or array, formatted with %v.
func join(sep string, list any) (string, error) {
	rv := reflect.ValueOf(list)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return "", fmt.Errorf("join: %T is not a list", list)
	}
	parts := make([]string, rv.Len())
	for i := range parts {
		parts[i] = fmt.Sprint(rv.Index(i).Interface())
	}
	return strings.Join(parts, sep), nil
}

// length returns the number of elements of v, or of characters of a string.
func length(v any) (int, error) {
	if s, ok := v.(string); ok {
		return utf8.RuneCountInString(s), nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Map, reflect.Array, reflect.Chan:
		return rv.Len(), nil
	}
	return 0, fmt.Errorf("length: %T has no length", v)
}
