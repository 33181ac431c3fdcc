package routing

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// argError is a converter-argument problem at an offset inside the argument
// text; the rule parser turns it into a ParseError.
type argError struct {
	pos int
	msg string
}

// Error returns the message without the position.
func (e *argError) Error() string { return e.msg }

// parseArgs parses the text between the parentheses of `conv(...)` the way
// Werkzeug's parse_converter_args does: comma-separated values, each
// optionally preceded by `name=`, with an optional trailing comma.
func parseArgs(s string) ([]any, map[string]any, error) {
	var args []any
	var kwargs map[string]any
	for i := skipSpace(s, 0); i < len(s); {
		name, v, j, err := parseArg(s, i)
		if err != nil {
			return nil, nil, err
		}
		if name == "" && len(kwargs) > 0 {
			return nil, nil, &argError{i, "positional argument after keyword argument"}
		}
		if name == "" {
			args = append(args, v)
		} else if _, dup := kwargs[name]; dup {
			return nil, nil, &argError{i, fmt.Sprintf("duplicate keyword argument %q", name)}
		} else {
			if kwargs == nil {
				kwargs = map[string]any{}
			}
			kwargs[name] = v
		}
		if i, err = nextArg(s, j); err != nil {
			return nil, nil, err
		}
	}
	return args, kwargs, nil
}

// nextArg skips the separator after an argument ending at i.
func nextArg(s string, i int) (int, error) {
	i = skipSpace(s, i)
	if i == len(s) {
		return i, nil
	}
	if s[i] != ',' {
		return 0, &argError{i, fmt.Sprintf("expected ',' between converter arguments, found %q", s[i])}
	}
	// A trailing comma is accepted, as by Werkzeug: "a, b, c,".
	return skipSpace(s, i+1), nil
}

// parseArg parses `[name =] value` at i and returns the end offset.
func parseArg(s string, i int) (name string, v any, end int, err error) {
	if n := identEnd(s, i); n > i {
		if j := skipSpace(s, n); j < len(s) && s[j] == '=' {
			name, i = s[i:n], skipSpace(s, j+1)
		}
	}
	v, end, err = parseValue(s, i)
	return name, v, end, err
}

// parseValue parses a quoted string or a bare token at i.
func parseValue(s string, i int) (any, int, error) {
	if i < len(s) && (s[i] == '\'' || s[i] == '"') {
		j := strings.IndexByte(s[i+1:], s[i])
		if j < 0 {
			return nil, 0, &argError{i, "unterminated string in converter arguments"}
		}
		return s[i+1 : i+1+j], i + j + 2, nil
	}
	j := i
	for j < len(s) && isBareByte(s[j]) {
		j++
	}
	if j == i {
		return nil, 0, &argError{i, "expected a converter argument value"}
	}
	v, err := pythonize(s[i:j])
	if err != nil {
		return nil, 0, &argError{i, err.Error()}
	}
	return v, j, nil
}

// pythonize turns a bare token into None/True/False, an int, a float64 or a
// string, like Werkzeug's _pythonize.
func pythonize(tok string) (any, error) {
	switch tok {
	case "None":
		return nil, nil
	case "True":
		return true, nil
	case "False":
		return false, nil
	}
	if !looksNumeric(tok) {
		return tok, nil
	}
	if n, err := strconv.ParseInt(tok, 10, 64); err == nil {
		return int(n), nil
	}
	if f, err := strconv.ParseFloat(tok, 64); err == nil && !math.IsInf(f, 0) {
		return f, nil
	}
	if isIdentLike(tok) {
		return tok, nil
	}
	return nil, fmt.Errorf("bad number %q in converter arguments", tok)
}

// looksNumeric reports whether tok starts like a number: [-+]?digit.
func looksNumeric(tok string) bool {
	if tok[0] == '-' || tok[0] == '+' {
		tok = tok[1:]
	}
	return tok != "" && isDigit(tok[0])
}

func isBareByte(c byte) bool {
	return isIdentByte(c) || c == '.' || c == '-' || c == '+'
}

func isIdentLike(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isIdentByte(s[i]) && s[i] != '.' {
			return false
		}
	}
	return s != ""
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isIdentByte(c byte) bool {
	return c == '_' || isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// identEnd returns the end of the identifier starting at i, or i if none.
func identEnd(s string, i int) int {
	if i >= len(s) || isDigit(s[i]) {
		return i
	}
	j := i
	for j < len(s) && isIdentByte(s[j]) {
		j++
	}
	return j
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// converterSpec renders a converter's name and arguments canonically
// (keyword arguments sorted), so equal specs denote equal converters.
func converterSpec(name string, args []any, kwargs map[string]any) string {
	if len(args) == 0 && len(kwargs) == 0 {
		return name
	}
	parts := make([]string, 0, len(args)+len(kwargs))
	for _, a := range args {
		parts = append(parts, renderValue(a))
	}
	keys := make([]string, 0, len(kwargs))
	for k := range kwargs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		parts = append(parts, k+"="+renderValue(kwargs[k]))
	}
	return name + "(" + strings.Join(parts, ", ") + ")"
}

// renderValue renders an argument so that parseValue reads it back.
func renderValue(v any) string {
	switch v := v.(type) {
	case nil:
		return "None"
	case bool:
		if v {
			return "True"
		}
		return "False"
	case int:
		return strconv.Itoa(v)
	case float64:
		s := strconv.FormatFloat(v, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eEIN") {
			s += ".0"
		}
		return s
	case string:
		return renderString(v)
	}
	return renderString(fmt.Sprint(v))
}

func renderString(s string) string {
	if isIdentLike(s) && !looksNumeric(s) && s != "None" && s != "True" && s != "False" {
		return s
	}
	if strings.IndexByte(s, '\'') < 0 {
		return "'" + s + "'"
	}
	return `"` + s + `"`
}
