package orm

import (
	"context"
	"fmt"
)

// A subquerySource renders the owners' query of a SubqueryLoad again,
// with the select list it is given.
type subquerySource struct {
	table    *Table
	distinct bool
	// render writes SELECT [DISTINCT] cols FROM ... WHERE ... GROUP BY
	// ... HAVING ..., then ORDER BY, LIMIT and OFFSET when the query is
	// limited (SQLAlchemy drops the ordering otherwise).
	render func(b *Builder, cols func(*Builder))
}

// loadOptions returns the query's loader options with each SubqueryLoad
// bound to a copy of this query (the options themselves may be shared
// between queries and are not modified).
func (s *SelectQuery[T]) loadOptions() []*LoadOption {
	var out []*LoadOption
	var src *subquerySource
	for i, o := range s.loads {
		if o.strategy != LazySubquery {
			continue
		}
		if out == nil {
			out = append([]*LoadOption(nil), s.loads...)
			src = s.subquerySource()
		}
		c := *o
		c.src = src
		out[i] = &c
	}
	if out == nil {
		return s.loads
	}
	return out
}

// subquerySource captures the query for SubqueryLoad options.
func (s *SelectQuery[T]) subquerySource() *subquerySource {
	c := *s
	c.loads = nil
	limited := c.limit >= 0 || c.offset > 0
	return &subquerySource{table: c.table, distinct: c.distinct, render: func(b *Builder, cols func(*Builder)) {
		b.WriteString("SELECT ")
		if c.distinct {
			b.WriteString("DISTINCT ")
		}
		cols(b)
		c.from(b)
		if limited {
			c.tail(b)
		}
	}}
}

// loadSubquery loads relationship r of owners, the objects at level of
// opt's path, with one statement that joins the owners' query to r's
// table.
func (s *Session) loadSubquery(ctx context.Context, r *Relation, owners []*objState, opt *LoadOption, level int) error {
	j, err := r.join()
	if err != nil {
		return err
	}
	path, err := opt.src.relations(opt.path[:level+1])
	if err != nil {
		return err
	}
	todo := unloaded(r, owners, opt)
	if len(todo) == 0 {
		return nil
	}
	fetch := func([][]any) ([]foundRow, error) { return s.subqueryRows(ctx, path, s.withOrder(r, opt)) }
	if j.kind == ManyToOne {
		return s.loadToOne(ctx, r, j, todo, opt, fetch)
	}
	return s.loadToMany(ctx, r, j, todo, opt, fetch)
}

// relations resolves a path of relationship names from the query's model.
func (src *subquerySource) relations(names []string) ([]*Relation, error) {
	out := make([]*Relation, len(names))
	t := src.table
	for i, name := range names {
		r := t.Relation(name)
		if r == nil {
			return nil, fmt.Errorf("orm: %s has no relationship %q", t.model, name)
		}
		out[i] = r
		var err error
		if t, err = r.Target(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// subqueryRows runs the subquery load statement of the last relationship
// of path and returns its rows, each once per owner key.
func (s *Session) subqueryRows(ctx context.Context, path []*Relation, opt *LoadOption) ([]foundRow, error) {
	r := path[len(path)-1]
	j, _ := r.join()
	b := NewBuilder(s.Dialect())
	renderSubqueryLoad(b, opt.src, path, opt)
	q, rows, err := s.queryBuilt(ctx, b)
	if err != nil {
		return nil, err
	}
	found, err := s.scanKeyed(ctx, q, j.target, r.owner, true, rows, j.local)
	if err != nil {
		return nil, err
	}
	return uniqueFound(found), nil
}

// uniqueFound drops repeated (owner key, object) rows, which an owners'
// query that joins other tables can produce.
func uniqueFound(found []foundRow) []foundRow {
	type pair struct {
		key identityKey
		st  *objState
	}
	seen := make(map[pair]bool, len(found))
	out := found[:0]
	for _, f := range found {
		if p := (pair{f.key, f.st}); !seen[p] {
			seen[p] = true
			out = append(out, f)
		}
	}
	return out
}

// renderSubqueryLoad writes SQLAlchemy's subqueryload statement:
//
//	SELECT anon_1.id, post.* FROM (SELECT user.id FROM user WHERE ...)
//	AS anon_1 JOIN post ON post.author_id = anon_1.id ORDER BY post.id
//
// The owner keys of a deeper level come from the owners' query joined
// along the path (SELECT DISTINCT post_1.id FROM (...) AS user JOIN post
// AS post_1 ON ...).
func renderSubqueryLoad(b *Builder, src *subquerySource, path []*Relation, opt *LoadOption) {
	r := path[len(path)-1]
	j, _ := r.join()
	b.WriteString("SELECT ")
	for _, c := range j.local {
		b.Ident("anon_1." + c.Name)
		b.WriteString(", ")
	}
	for i, c := range j.target.Columns {
		if i > 0 {
			b.WriteString(", ")
		}
		b.Ident(j.target.Name + "." + c.Name)
	}
	b.WriteString(" FROM (")
	writeOwnerKeys(b, src, path)
	b.WriteString(") AS ")
	b.Ident("anon_1")
	on := make([]Expr, len(j.remote))
	if j.kind == ManyToMany {
		keys := make([]Expr, len(j.local))
		for i := range j.local {
			keys[i] = Binary{C(j.sec.Name + "." + j.secLocal[i].Name), "=", C("anon_1." + j.local[i].Name)}
		}
		writeInnerJoin(b, j.sec.Name, keys)
		for i := range j.remote {
			on[i] = Binary{C(j.target.Name + "." + j.remote[i].Name), "=", C(j.sec.Name + "." + j.secRemo[i].Name)}
		}
	} else {
		for i := range j.remote {
			on[i] = Binary{C(j.target.Name + "." + j.remote[i].Name), "=", C("anon_1." + j.local[i].Name)}
		}
	}
	writeInnerJoin(b, j.target.Name, on)
	var order []any
	if opt != nil {
		writeWhere(b, opt.where)
		order = opt.orderBy
	}
	writeOrder(b, j.target, order)
}

// writeOwnerKeys renders the query that returns the owner keys of the
// path's last relationship.
func writeOwnerKeys(b *Builder, src *subquerySource, path []*Relation) {
	last, _ := path[len(path)-1].join()
	if len(path) == 1 && !src.distinct {
		src.render(b, func(b *Builder) { writeQualified(b, src.table.Name, last.local) })
		return
	}
	aliases := map[string]int{}
	owner := src.table.Name
	var joins []func()
	for _, r := range path[:len(path)-1] {
		j, _ := r.join()
		from, sec, alias := owner, "", nextAlias(aliases, j.target.Name)
		if j.kind == ManyToMany {
			sec = nextAlias(aliases, j.sec.Name)
		}
		joins = append(joins, func() { writeChainJoin(b, j, from, sec, alias) })
		owner = alias
	}
	b.WriteString("SELECT DISTINCT ")
	writeQualified(b, owner, last.local)
	b.WriteString(" FROM (")
	src.render(b, func(b *Builder) { writeQualified(b, src.table.Name, src.table.Columns) })
	b.WriteString(") AS ")
	b.Ident(src.table.Name)
	for _, w := range joins {
		w()
	}
}

// nextAlias returns the next alias of a table in a statement: post_1...
func nextAlias(aliases map[string]int, table string) string {
	aliases[table]++
	return fmt.Sprintf("%s_%d", table, aliases[table])
}

// writeChainJoin renders the inner join from owner along j to alias.
func writeChainJoin(b *Builder, j *relationJoin, owner, sec, alias string) {
	on := make([]Expr, len(j.remote))
	if j.kind == ManyToMany {
		keys := make([]Expr, len(j.local))
		for i := range j.local {
			keys[i] = Binary{C(sec + "." + j.secLocal[i].Name), "=", C(owner + "." + j.local[i].Name)}
		}
		writeInnerJoinAs(b, j.sec.Name, sec, keys)
		for i := range j.remote {
			on[i] = Binary{C(alias + "." + j.remote[i].Name), "=", C(sec + "." + j.secRemo[i].Name)}
		}
	} else {
		for i := range j.remote {
			on[i] = Binary{C(alias + "." + j.remote[i].Name), "=", C(owner + "." + j.local[i].Name)}
		}
	}
	writeInnerJoinAs(b, j.target.Name, alias, on)
}

// writeQualified renders table.col for each column.
func writeQualified(b *Builder, table string, cols []*Column) {
	for i, c := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		b.Ident(table + "." + c.Name)
	}
}

// writeInnerJoin renders JOIN table ON conds.
func writeInnerJoin(b *Builder, table string, on []Expr) {
	b.WriteString(" JOIN ")
	b.Ident(table)
	b.WriteString(" ON ")
	And(on...).AppendSQL(b)
}

// writeInnerJoinAs renders JOIN table AS alias ON conds.
func writeInnerJoinAs(b *Builder, table, alias string, on []Expr) {
	b.WriteString(" JOIN ")
	b.Ident(table)
	b.WriteString(" AS ")
	b.Ident(alias)
	b.WriteString(" ON ")
	And(on...).AppendSQL(b)
}
