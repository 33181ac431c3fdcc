package orm

import (
	"fmt"
	"strconv"
	"strings"
)

// joinedSQL renders the query with its joined relationships' columns
// after the model's. Unqualified column names in Where may become
// ambiguous when the owners are not nested: qualify them ("post.title").
func (s *SelectQuery[T]) joinedSQL(nodes []*joinNode) (string, []any, error) {
	if s.err != nil {
		return "", nil, s.err
	}
	b := NewBuilder(s.q.Dialect())
	for _, n := range nodes {
		if n.eager && n.opt != nil && (len(n.opt.where) > 0 || len(n.opt.orderBy) > 0) {
			return "", nil, fmt.Errorf("orm: ContainsEager(%q) takes no Where or OrderBy: filter and sort the query's own join", n.path)
		}
	}
	if s.nestOwners(nodes) {
		s.nestedJoinedSQL(b, nodes)
	} else {
		s.flatJoinedSQL(b, nodes)
	}
	return b.String(), b.Args(), b.Err()
}

// nestOwners reports whether the owners are selected in a subquery that
// the joins then apply to: SQLAlchemy's rule (_should_nest_selectable)
// when the eager loads add joins, for a limit or offset with a joined
// collection, DISTINCT or GROUP BY.
func (s *SelectQuery[T]) nestOwners(nodes []*joinNode) bool {
	adding, multi := false, false
	for _, n := range nodes {
		if !n.eager {
			adding = true
			multi = multi || n.collection()
		}
	}
	if !adding {
		return false
	}
	return multi && (s.limit >= 0 || s.offset > 0) || s.distinct || len(s.groupBy) > 0
}

// flatJoinedSQL renders SELECT model and related columns FROM the model's
// table, its joins and the eager joins, then the query's clauses.
func (s *SelectQuery[T]) flatJoinedSQL(b *Builder, nodes []*joinNode) {
	b.WriteString("SELECT ")
	if s.distinct {
		b.WriteString("DISTINCT ")
	}
	s.selectList(b)
	writeNodeColumns(b, nodes)
	b.WriteString(" FROM ")
	b.Ident(s.table.Name)
	s.userJoins(b)
	writeEagerJoins(b, s.table, nodes)
	writeWhere(b, s.where)
	s.groupHaving(b)
	writeOrderList(b, s.orderBy, nodeOrders(b, nodes))
	writeLimit(b, s.limit, s.offset)
}

// nestedJoinedSQL renders the query without its eager loads as a
// subquery aliased with the model's table name, so that the joins and the
// outer ORDER BY refer to it as to the table:
//
//	SELECT user.*, post_1.* FROM (SELECT ... LIMIT 2) AS user
//	LEFT OUTER JOIN post AS post_1 ON post_1.author_id = user.id
//	ORDER BY user.name, post_1.id
//
// Sort keys that are not columns of the model are selected in the
// subquery as order_1, order_2... and the outer query sorts by those.
func (s *SelectQuery[T]) nestedJoinedSQL(b *Builder, nodes []*joinNode) {
	outer, labels := s.nestedOrder()
	b.WriteString("SELECT ")
	s.selectList(b)
	writeNodeColumns(b, nodes)
	b.WriteString(" FROM (SELECT ")
	if s.distinct {
		b.WriteString("DISTINCT ")
	}
	s.selectList(b)
	for i, e := range labels {
		b.WriteString(", ")
		e.AppendSQL(b)
		b.WriteString(" AS ")
		b.Ident(orderLabel(i))
	}
	b.WriteString(" FROM ")
	b.Ident(s.table.Name)
	s.userJoins(b)
	writeWhere(b, s.where)
	s.groupHaving(b)
	s.tail(b)
	b.WriteString(") AS ")
	b.Ident(s.table.Name)
	writeEagerJoins(b, s.table, nodes)
	writeOrderList(b, outer, nodeOrders(b, nodes))
}

// nestedOrder returns the outer query's sort keys and the expressions the
// subquery must select for them.
func (s *SelectQuery[T]) nestedOrder() (outer, labels []Expr) {
	for _, e := range s.orderBy {
		base, suffix := e, ""
		if p, ok := e.(postfix); ok {
			base, suffix = p.e, p.text
		}
		if c, ok := base.(Col); ok && strings.HasPrefix(c.Name, s.table.Name+".") {
			outer = append(outer, e)
			continue
		}
		outer = append(outer, postfix{C(s.table.Name + "." + orderLabel(len(labels))), suffix})
		labels = append(labels, base)
	}
	return outer, labels
}

// orderLabel names the i-th sort key selected by an owners' subquery.
func orderLabel(i int) string { return "order_" + strconv.Itoa(i+1) }

// userJoins renders the query's own joins.
func (s *SelectQuery[T]) userJoins(b *Builder) {
	for _, jn := range s.joins {
		jn.appendSQL(b)
	}
}

// groupHaving renders GROUP BY and HAVING.
func (s *SelectQuery[T]) groupHaving(b *Builder) {
	if len(s.groupBy) > 0 {
		b.WriteString(" GROUP BY ")
		b.list(s.groupBy, ", ")
	}
	if len(s.having) > 0 {
		b.WriteString(" HAVING ")
		And(s.having...).AppendSQL(b)
	}
}

// writeNodeColumns renders every related column, qualified by its alias.
func writeNodeColumns(b *Builder, nodes []*joinNode) {
	for _, n := range nodes {
		for _, c := range n.j.target.Columns {
			b.WriteString(", ")
			b.Ident(n.alias)
			b.WriteString(".")
			b.Ident(c.Name)
		}
	}
}

// ownerAlias is the name the node's owner has in the statement.
func ownerAlias(t *Table, nodes []*joinNode, n *joinNode) string {
	if n.parent < 0 {
		return t.Name
	}
	return nodes[n.parent].alias
}

// writeEagerJoins renders a LEFT OUTER JOIN per joined node (two for a
// many-to-many: the association table, then the target), with the
// option's Where adapted to the alias in the ON clause.
func writeEagerJoins(b *Builder, t *Table, nodes []*joinNode) {
	for _, n := range nodes {
		if n.eager {
			continue
		}
		owner, j := ownerAlias(t, nodes, n), n.j
		targetOn := make([]Expr, len(j.remote))
		if j.kind == ManyToMany {
			on := make([]Expr, len(j.local))
			for i := range j.local {
				on[i] = Binary{C(n.sec + "." + j.secLocal[i].Name), "=", C(owner + "." + j.local[i].Name)}
			}
			writeLeftJoin(b, j.sec.Name, n.sec, on)
			for i := range j.remote {
				targetOn[i] = Binary{C(n.alias + "." + j.remote[i].Name), "=", C(n.sec + "." + j.secRemo[i].Name)}
			}
		} else {
			for i := range j.remote {
				targetOn[i] = Binary{C(n.alias + "." + j.remote[i].Name), "=", C(owner + "." + j.local[i].Name)}
			}
		}
		if n.opt != nil && len(n.opt.where) > 0 {
			targetOn = append(targetOn, adaptedExpr{And(n.opt.where...), j.target.Name, n.alias})
		}
		writeLeftJoin(b, j.target.Name, n.alias, targetOn)
	}
}

// writeLeftJoin renders LEFT OUTER JOIN table AS alias ON conds.
func writeLeftJoin(b *Builder, table, alias string, on []Expr) {
	b.WriteString(" LEFT OUTER JOIN ")
	b.Ident(table)
	b.WriteString(" AS ")
	b.Ident(alias)
	b.WriteString(" ON ")
	And(on...).AppendSQL(b)
}

// nodeOrders returns the sort keys of the joined collections: the
// option's OrderBy, else the relationship's order_by, on the alias.
func nodeOrders(b *Builder, nodes []*joinNode) []Expr {
	var out []Expr
	for _, n := range nodes {
		if n.eager || !n.collection() {
			continue
		}
		keys := n.rel.orderKeys()
		if n.opt != nil && len(n.opt.orderBy) > 0 {
			keys = n.opt.orderBy
		}
		for _, k := range keys {
			e, err := orderKey(n.j.target, k)
			if err != nil {
				b.SetErr(err)
				continue
			}
			out = append(out, adaptedExpr{e, n.j.target.Name, n.alias})
		}
	}
	return out
}

// orderKeys returns the relationship's order_by as sort keys.
func (r *Relation) orderKeys() []any {
	out := make([]any, len(r.OrderBy))
	for i, k := range r.OrderBy {
		out[i] = k
	}
	return out
}

// writeOrderList renders ORDER BY over both lists, if any.
func writeOrderList(b *Builder, first, second []Expr) {
	all := append(first[:len(first):len(first)], second...)
	if len(all) == 0 {
		return
	}
	b.WriteString(" ORDER BY ")
	b.list(all, ", ")
}

// adaptedExpr renders e with column names qualified by table rewritten
// to alias (SQLAlchemy's clause adaptation of loader criteria).
type adaptedExpr struct {
	e            Expr
	table, alias string
}

// AppendSQL renders the expression against the alias.
func (a adaptedExpr) AppendSQL(b *Builder) {
	prev := b.adapt
	b.adapt = map[string]string{a.table: a.alias}
	a.e.AppendSQL(b)
	b.adapt = prev
}

// adapted returns a column name with its table qualifier replaced by the
// alias the builder is rendering against, if any.
func (b *Builder) adapted(name string) string {
	if b.adapt == nil {
		return name
	}
	if table, col, ok := strings.Cut(name, "."); ok {
		if alias, ok := b.adapt[table]; ok {
			return alias + "." + col
		}
	}
	return name
}
