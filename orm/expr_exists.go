package orm

import "fmt"

type exists struct {
	sel Selectable
	not bool
}

// Exists is EXISTS (subquery), true when the subquery returns a row;
// correlate it with the outer query through qualified columns:
// Exists(Select[Post](db).Where(C("post.author_id").Eq(C("user.id")))).
func Exists(sub Selectable) Expr { return exists{sub, false} }

// NotExists is NOT EXISTS (subquery).
func NotExists(sub Selectable) Expr { return exists{sub, true} }

// AppendSQL renders [NOT] EXISTS (SELECT ...).
func (e exists) AppendSQL(b *Builder) {
	if e.sel == nil {
		b.SetErr(fmt.Errorf("orm: Exists(nil)"))
		return
	}
	if e.not {
		b.WriteString("NOT ")
	}
	b.WriteString("EXISTS (")
	e.sel.selectSQL(b)
	b.WriteString(")")
}

// A RelationRef names a relationship of a model in query criteria, made
// with Rel; SQLAlchemy's User.posts in User.posts.any(...).
type RelationRef struct {
	rel   *Relation
	owner string // the owner's table name or alias
	err   error
}

// Rel refers to the relationship field name of model T; an unknown name
// is an error when the query renders.
func Rel[T any](name string) RelationRef {
	t, err := tableOf[T]()
	if err != nil {
		return RelationRef{err: err}
	}
	return relationRef(t, t.Name, name)
}

// Rel refers to a relationship of the aliased model, correlated to the
// alias.
func (a *Alias) Rel(name string) RelationRef {
	if a.err != nil {
		return RelationRef{err: a.err}
	}
	return relationRef(a.table, a.alias, name)
}

// relationRef looks up the relationship name of t.
func relationRef(t *Table, owner, name string) RelationRef {
	r := t.Relation(name)
	if r == nil {
		return RelationRef{err: unknownRelation(t, name)}
	}
	return RelationRef{rel: r, owner: owner}
}

// unknownRelation reports a name that is not a relationship field.
func unknownRelation(t *Table, name string) error {
	return fmt.Errorf("orm: model %s has no relationship %q", t.model, name)
}

// Any is true when some related object of a collection relationship
// matches conds (all of them, by AND): EXISTS (SELECT 1 FROM target
// WHERE join AND conds), through the association table of a
// many-to-many. Qualify the conditions' columns by the target's table.
func (r RelationRef) Any(conds ...Expr) Expr { return relExists{r, conds, true} }

// Has is Any for a to-one relationship (many-to-one or one-to-one).
func (r RelationRef) Has(conds ...Expr) Expr { return relExists{r, conds, false} }

type relExists struct {
	r     RelationRef
	conds []Expr
	many  bool
}

// AppendSQL renders the correlated EXISTS.
func (e relExists) AppendSQL(b *Builder) {
	j, err := e.resolve()
	if err != nil {
		b.SetErr(err)
		return
	}
	target := j.target.Name
	if target == e.r.owner {
		target += "_1" // a self-referential relationship: alias the target
	}
	b.WriteString("EXISTS (SELECT 1 FROM ")
	if j.kind == ManyToMany {
		b.Ident(j.sec.Name)
		b.WriteString(", ")
	}
	appendTableAs(b, j.target.Name, target)
	b.WriteString(" WHERE ")
	b.list(relCriteria(j, e.r.owner, target), " AND ")
	for _, c := range e.conds {
		b.WriteString(" AND ")
		if c == nil {
			b.SetErr(errNilExpr)
			return
		}
		adaptedExpr{c, j.target.Name, target}.AppendSQL(b)
	}
	b.WriteString(")")
}

// resolve checks that Any is used on a collection and Has on a scalar.
func (e relExists) resolve() (*relationJoin, error) {
	if e.r.err != nil {
		return nil, e.r.err
	}
	j, err := e.r.rel.join()
	if err != nil {
		return nil, err
	}
	switch {
	case e.many && !e.r.rel.many:
		return nil, fmt.Errorf("orm: Any on %s.%s, a to-one relationship: use Has", e.r.rel.owner.model, e.r.rel.Name)
	case !e.many && e.r.rel.many:
		return nil, fmt.Errorf("orm: Has on %s.%s, a collection: use Any", e.r.rel.owner.model, e.r.rel.Name)
	}
	return j, nil
}

// appendTableAs renders table, or "table AS alias" when they differ.
func appendTableAs(b *Builder, table, alias string) {
	b.Ident(table)
	if alias != table {
		b.WriteString(" AS ")
		b.Ident(alias)
	}
}

// relCriteria returns the equalities joining owner to target (and both
// to the association table of a many-to-many).
func relCriteria(j *relationJoin, owner, target string) []Expr {
	var out []Expr
	if j.kind == ManyToMany {
		for i := range j.local {
			out = append(out, colEq(owner, j.local[i], j.sec.Name, j.secLocal[i]))
		}
		for i := range j.remote {
			out = append(out, colEq(target, j.remote[i], j.sec.Name, j.secRemo[i]))
		}
		return out
	}
	for i := range j.local {
		out = append(out, colEq(owner, j.local[i], target, j.remote[i]))
	}
	return out
}

// colEq is "a.ca = b.cb" between qualified columns.
func colEq(a string, ca *Column, b string, cb *Column) Expr {
	return Binary{qualCol{a, ca.Name}, "=", qualCol{b, cb.Name}}
}

// qualCol is a column qualified by a table or alias, never adapted.
type qualCol struct{ table, name string }

// AppendSQL renders "table"."name".
func (q qualCol) AppendSQL(b *Builder) {
	b.WriteString(quoteIdent(b.d, q.table) + "." + quoteIdent(b.d, q.name))
}
