package orm

import "reflect"

type in struct {
	c      Expr
	values []any
	not    bool
}

// AppendSQL renders IN, expanding slices; empty lists become constants.
func (e in) AppendSQL(b *Builder) {
	values := expand(e.values)
	if len(values) == 0 {
		b.WriteString(map[bool]string{false: "1 = 0", true: "1 = 1"}[e.not])
		return
	}
	e.c.AppendSQL(b)
	b.WriteString(map[bool]string{false: " IN (", true: " NOT IN ("}[e.not])
	for i, v := range values {
		if i > 0 {
			b.WriteString(", ")
		}
		if sub, ok := v.(subquery); ok {
			sub.inner(b)
			continue
		}
		b.compared(v)
	}
	b.WriteString(")")
}

// expand flattens a single slice argument (not []byte) into its elements.
func expand(values []any) []any {
	if len(values) != 1 {
		return values
	}
	rv := reflect.ValueOf(values[0])
	if rv.Kind() != reflect.Slice || rv.Type().Elem().Kind() == reflect.Uint8 {
		return values
	}
	out := make([]any, rv.Len())
	for i := range out {
		out[i] = rv.Index(i).Interface()
	}
	return out
}

type junction struct {
	op    string
	exprs []Expr
}

// And joins conditions with AND; no conditions is true.
func And(conds ...Expr) Expr { return junction{" AND ", conds} }

// Or joins conditions with OR; no conditions is false.
func Or(conds ...Expr) Expr { return junction{" OR ", conds} }

// AppendSQL renders the parenthesised junction.
func (j junction) AppendSQL(b *Builder) {
	if len(j.exprs) == 0 {
		b.WriteString(map[string]string{" AND ": "1 = 1", " OR ": "1 = 0"}[j.op])
		return
	}
	if len(j.exprs) == 1 {
		b.list(j.exprs, "")
		return
	}
	b.WriteString("(")
	b.list(j.exprs, j.op)
	b.WriteString(")")
}

type not struct{ e Expr }

// Not negates a condition.
func Not(cond Expr) Expr { return not{cond} }

// AppendSQL renders NOT (cond).
func (n not) AppendSQL(b *Builder) {
	b.WriteString("NOT (")
	b.list([]Expr{n.e}, "")
	b.WriteString(")")
}

// A Func is a SQL function call such as count(*) or sum("price").
type Func struct {
	Name string
	Args []Expr
}

// AppendSQL renders name(args).
func (f Func) AppendSQL(b *Builder) {
	b.WriteString(f.Name + "(")
	b.list(f.Args, ", ")
	b.WriteString(")")
}

// Count is count(column), or count(*) without an argument.
func Count(column ...string) Func {
	if len(column) == 0 {
		return Func{"count", []Expr{SQL("*")}}
	}
	return Func{"count", []Expr{C(column[0])}}
}

// Sum is sum(column).
func Sum(column string) Func { return Func{"sum", []Expr{C(column)}} }

// Avg is avg(column).
func Avg(column string) Func { return Func{"avg", []Expr{C(column)}} }

// Min is min(column).
func Min(column string) Func { return Func{"min", []Expr{C(column)}} }

// Max is max(column).
func Max(column string) Func { return Func{"max", []Expr{C(column)}} }

// Eq is "f = v".
func (f Func) Eq(v any) Expr { return Binary{f, "=", v} }

// Gt is "f > v".
func (f Func) Gt(v any) Expr { return Binary{f, ">", v} }

// Ge is "f >= v".
func (f Func) Ge(v any) Expr { return Binary{f, ">=", v} }

// Lt is "f < v".
func (f Func) Lt(v any) Expr { return Binary{f, "<", v} }

// Le is "f <= v".
func (f Func) Le(v any) Expr { return Binary{f, "<=", v} }
