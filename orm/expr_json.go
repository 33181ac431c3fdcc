package orm

import (
	"fmt"
	"strconv"
	"strings"
)

// A JSONPathExpr is a path into a JSON column, made with JSONPath; read
// it with AsText, AsInteger or AsFloat to select or compare it.
// SQLAlchemy's column[("a", "b", 0)] with as_string() and as_integer().
type JSONPathExpr struct {
	col   Col
	elems []any // string keys and int indexes
	err   error
}

// JSONPath refers to the value at path in the JSON column: keys separated
// by dots and array indexes in brackets, "address.city" or "tags[0]". A
// malformed path (empty, "a..b", "a[x]", a key with '"' or '\') is an
// error when the query renders, before any SQL is sent. The path is bound,
// never part of the SQL text.
func JSONPath(column, path string) JSONPathExpr {
	elems, err := parseJSONPath(path)
	if err != nil {
		err = fmt.Errorf("orm: JSON path %q of %s: %w", path, column, err)
	}
	return JSONPathExpr{col: C(column), elems: elems, err: err}
}

// parseJSONPath splits "a.b[0]" into "a", "b", 0.
func parseJSONPath(path string) ([]any, error) {
	if path == "" {
		return nil, fmt.Errorf("empty path")
	}
	var out []any
	for i, part := range strings.Split(path, ".") {
		key, rest, _ := strings.Cut(part, "[")
		if key == "" && (i > 0 || rest == "") {
			return nil, fmt.Errorf("empty key")
		}
		if strings.ContainsAny(key, "\"\\]$*") {
			return nil, fmt.Errorf("key %q has a character JSON paths cannot hold", key)
		}
		if key != "" {
			out = append(out, key)
		}
		idx, err := parseIndexes(part[len(key):])
		if err != nil {
			return nil, err
		}
		out = append(out, idx...)
	}
	return out, nil
}

// parseIndexes reads "[0][1]" into 0, 1.
func parseIndexes(s string) ([]any, error) {
	var out []any
	for s != "" {
		if s[0] != '[' {
			return nil, fmt.Errorf("unexpected %q", s)
		}
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return nil, fmt.Errorf("unclosed [")
		}
		n, err := strconv.Atoi(s[1:end])
		if err != nil || n < 0 {
			return nil, fmt.Errorf("index %q is not a non-negative integer", s[1:end])
		}
		out = append(out, n)
		s = s[end+1:]
	}
	return out, nil
}

// JSONValue is a JSON path read as a SQL value of one type.
type JSONValue struct {
	path JSONPathExpr
	cast *CastType
}

// AsText reads the value as text (a JSON string without its quotes):
// #>> on PostgreSQL, JSON_UNQUOTE(JSON_EXTRACT()) on MySQL, json_extract
// on SQLite.
func (j JSONPathExpr) AsText() JSONValue { return JSONValue{path: j} }

// AsInteger reads the value as an integer (CAST of its text).
func (j JSONPathExpr) AsInteger() JSONValue { return JSONValue{j, &CastInteger} }

// AsFloat reads the value as a floating-point number.
func (j JSONPathExpr) AsFloat() JSONValue { return JSONValue{j, &CastFloat} }

// AppendSQL renders the extraction for the dialect, binding the path.
func (v JSONValue) AppendSQL(b *Builder) {
	j := v.path
	if j.err != nil {
		b.SetErr(j.err)
		return
	}
	if v.cast != nil {
		cast{JSONValue{path: j}, *v.cast}.AppendSQL(b)
		return
	}
	switch b.Dialect().Name() {
	case "postgresql":
		b.WriteString("(")
		j.col.AppendSQL(b)
		b.WriteString(" #>> ")
		b.bind(pgPath(j.elems))
		b.WriteString(")")
	case "mysql":
		b.WriteString("JSON_UNQUOTE(JSON_EXTRACT(")
		j.col.AppendSQL(b)
		b.WriteString(", ")
		b.bind(dollarPath(j.elems))
		b.WriteString("))")
	default:
		b.WriteString("json_extract(")
		j.col.AppendSQL(b)
		b.WriteString(", ")
		b.bind(dollarPath(j.elems))
		b.WriteString(")")
	}
}

// pgPath is the text[] of #>>: {a,b,0}.
func pgPath(elems []any) []string {
	out := make([]string, len(elems))
	for i, e := range elems {
		out[i] = fmt.Sprint(e)
	}
	return out
}

// dollarPath is the $."a"."b"[0] path of MySQL and SQLite.
func dollarPath(elems []any) string {
	var sb strings.Builder
	sb.WriteString("$")
	for _, e := range elems {
		if n, ok := e.(int); ok {
			sb.WriteString("[" + strconv.Itoa(n) + "]")
			continue
		}
		sb.WriteString(`."` + e.(string) + `"`)
	}
	return sb.String()
}

// As labels the value.
func (v JSONValue) As(name string) Expr { return labeled{v, name} }

// Eq is "v = x"; a nil x renders "v IS NULL".
func (v JSONValue) Eq(x any) Expr {
	if x == nil {
		return postfix{v, " IS NULL"}
	}
	return Binary{v, "=", x}
}

// Ne is "v <> x".
func (v JSONValue) Ne(x any) Expr { return Binary{v, "<>", x} }

// Gt is "v > x".
func (v JSONValue) Gt(x any) Expr { return Binary{v, ">", x} }

// Ge is "v >= x".
func (v JSONValue) Ge(x any) Expr { return Binary{v, ">=", x} }

// Lt is "v < x".
func (v JSONValue) Lt(x any) Expr { return Binary{v, "<", x} }

// Le is "v <= x".
func (v JSONValue) Le(x any) Expr { return Binary{v, "<=", x} }

// IsNull is true when the path is missing or holds null.
func (v JSONValue) IsNull() Expr { return postfix{v, " IS NULL"} }
