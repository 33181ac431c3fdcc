package modelgen

import (
	"strconv"
	"strings"
	"unicode"
)

// initialisms are the words written in capitals in Go names, as golint
// asks: a column "user_id" is the field UserID.
var initialisms = map[string]bool{
	"id": true, "url": true, "uri": true, "uuid": true, "json": true, "http": true, "https": true,
	"html": true, "api": true, "ip": true, "sql": true, "xml": true, "utc": true, "ascii": true, "css": true,
}

// goName turns a table, column or type name into an exported Go name:
// "user_id" is UserID, "post-tag" PostTag, "2fa" X2fa.
func goName(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var b strings.Builder
	for _, w := range words {
		if initialisms[strings.ToLower(w)] {
			b.WriteString(strings.ToUpper(w))
			continue
		}
		r := []rune(w)
		b.WriteRune(unicode.ToUpper(r[0]))
		b.WriteString(string(r[1:]))
	}
	out := b.String()
	if out == "" || !unicode.IsLetter([]rune(out)[0]) {
		out = "X" + out
	}
	return out
}

// plural returns the English plural of a Go name's last word, enough for
// collection names: Post is Posts, Category Categories, Box Boxes.
func plural(s string) string {
	lower := strings.ToLower(s)
	switch {
	case strings.HasSuffix(lower, "s"), strings.HasSuffix(lower, "x"), strings.HasSuffix(lower, "z"),
		strings.HasSuffix(lower, "ch"), strings.HasSuffix(lower, "sh"):
		return s + "es"
	case strings.HasSuffix(lower, "y") && len(s) > 1 && !strings.ContainsRune("aeiou", rune(lower[len(lower)-2])):
		return s[:len(s)-1] + "ies"
	}
	return s + "s"
}

// stem drops a foreign key column's "_id" suffix: "author_id" is
// "author"; a column without one is kept.
func stem(column string) string {
	if l := strings.ToLower(column); strings.HasSuffix(l, "_id") && len(l) > 3 {
		return column[:len(column)-3]
	}
	return column
}

// namer hands out unique names within one scope (a struct's fields, or
// the file's top-level types).
type namer map[string]bool

// unique returns name, or name followed by the first number that makes
// it unused, and reserves it.
func (n namer) unique(name string) string {
	out := name
	for i := 2; n[out]; i++ {
		out = name + strconv.Itoa(i)
	}
	n[out] = true
	return out
}
