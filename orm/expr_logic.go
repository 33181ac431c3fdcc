package orm

import "reflect"

type in struct {
	c      Expr
	values []any
	not    bool
}

// AppendSQL renders IN, expanding slices; a nil value is NULL. An empty
// list renders SQLAlchemy's "empty IN" expression, false for IN and true
// for NOT IN on every database.
func (e in) AppendSQL(b *Builder) {
	values := expand(e.values)
	if len(values) == 0 {
		e.empty(b)
		return
	}
	e.c.AppendSQL(b)
	b.WriteString(map[bool]string{false: " IN (", true: " NOT IN ("}[e.not])
	for i, v := range values {
		if i > 0 {
			b.WriteString(", ")
		}
		switch v := v.(type) {
		case nil:
			b.WriteString("NULL")
		case subquery:
			v.inner(b)
		default:
			b.compared(v)
		}
	}
	b.WriteString(")")
}

// empty renders IN of an empty list as SQLAlchemy's compiler does: a
// subquery returning no rows on SQLite, elsewhere "IN (NULL)" combined
// with a constant (parenthesised here, where SQLAlchemy relies on the
// placeholder's parentheses).
func (e in) empty(b *Builder) {
	if b.Dialect().Name() == "sqlite" {
		if e.not {
			b.WriteString("(")
		}
		e.c.AppendSQL(b)
		b.WriteString(map[bool]string{false: " IN (", true: " NOT IN ("}[e.not])
		b.WriteString("SELECT 1 FROM (SELECT 1) WHERE 1!=1)")
		if e.not {
			b.WriteString(")")
		}
		return
	}
	b.WriteString("(")
	e.c.AppendSQL(b)
	b.WriteString(map[bool]string{false: " IN (NULL) AND (1 != 1))", true: " NOT IN (NULL) OR (1 = 1))"}[e.not])
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

// And joins conditions with AND; no conditions is true. A True() among
// them is dropped and a False() makes the whole False(), as SQLAlchemy's
// and_() simplifies them.
func And(conds ...Expr) Expr { return junction{" AND ", conds}.simplified() }

// Or joins conditions with OR; no conditions is false. A False() among
// them is dropped and a True() makes the whole True().
func Or(conds ...Expr) Expr { return junction{" OR ", conds}.simplified() }

// simplified drops the junction's neutral constants; its absorbing
// constant replaces it.
func (j junction) simplified() Expr {
	neutral, absorbing := boolConst(true), boolConst(false)
	if j.op == " OR " {
		neutral, absorbing = absorbing, neutral
	}
	var kept []Expr
	for _, e := range j.exprs {
		if c, ok := e.(boolConst); ok {
			if c == absorbing {
				return absorbing
			}
			continue
		}
		kept = append(kept, e)
	}
	if len(kept) == 0 && len(j.exprs) > 0 {
		return neutral
	}
	if len(kept) == 1 && kept[0] != nil {
		return kept[0] // and_(x) is x, so that Not(And(x)) negates x
	}
	return junction{j.op, kept}
}

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

// Not negates a condition. As SQLAlchemy's ~ does, a comparison is
// negated by its operator (a = b becomes a <> b, IS NULL becomes IS NOT
// NULL, IN becomes NOT IN, LIKE becomes NOT LIKE, BETWEEN becomes NOT
// BETWEEN), Not(Not(x)) is x, and anything else renders NOT (cond).
func Not(cond Expr) Expr {
	if n, ok := negated(cond); ok {
		return n
	}
	return not{cond}
}

// AppendSQL renders NOT (cond).
func (n not) AppendSQL(b *Builder) {
	if j, ok := n.e.(junction); ok && len(j.exprs) > 1 {
		b.WriteString("NOT ") // the junction brings its parentheses
		j.AppendSQL(b)
		return
	}
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
