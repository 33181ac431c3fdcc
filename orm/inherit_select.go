package orm

import (
	"fmt"
	"strings"
)

// A polyPlan is the select list of a polymorphic query, SQLAlchemy's
// with_polymorphic("*"): the queried model's columns, then the columns
// each of its subtypes adds, from the shared table (single-table) or from
// each subtype's table joined with LEFT OUTER JOIN (joined-table).
type polyPlan struct {
	base  *Table
	types []*Table // base, then its subtypes, parents first
	cols  []polyCol
	joins []*Table // joined: the subtypes' own tables
}

// A polyCol is one selected column: the column of the model that declares
// it, and the table (or alias) it is read from.
type polyCol struct {
	from string
	col  *Column
	decl *Table
}

// polyPlanFor returns the polymorphic plan of model table t, or nil when
// no model inherits from t.
func polyPlanFor(t *Table) *polyPlan {
	if t == nil || t.inherit == nil || t.inherit.ddl {
		return nil
	}
	subs := descendants(t)
	if len(subs) == 0 {
		return nil
	}
	p := &polyPlan{base: t, types: append([]*Table{t}, subs...)}
	seen := map[string]bool{}
	for _, c := range t.Columns {
		seen[c.Name] = true
		p.cols = append(p.cols, polyCol{t.Name, c, t})
	}
	for _, d := range subs {
		from := t.Name
		if d.inherit.mode == inheritJoined {
			from = d.inherit.own.Name
			p.joins = append(p.joins, d.inherit.own)
		}
		for _, c := range d.Columns {
			if !seen[c.Name] {
				seen[c.Name] = true
				p.cols = append(p.cols, polyCol{from, c, d})
			}
		}
	}
	return p
}

// poly returns the query's polymorphic plan: for model rows (no Columns,
// no From item) of a model other models inherit from.
func (s *SelectQuery[T]) poly() *polyPlan {
	if len(s.columns) > 0 || s.source() != nil {
		return nil
	}
	return polyPlanFor(s.table)
}

// appendColumns renders the plan's select list.
func (p *polyPlan) appendColumns(b *Builder) {
	for i, c := range p.cols {
		if i > 0 {
			b.WriteString(", ")
		}
		b.Ident(c.from)
		b.WriteString(".")
		b.Ident(c.col.Name)
	}
}

// appendJoins renders a LEFT OUTER JOIN per joined subtype table.
func (p *polyPlan) appendJoins(b *Builder) {
	for _, j := range p.joins {
		b.WriteString(" LEFT OUTER JOIN ")
		b.Ident(j.Name)
		b.WriteString(" ON ")
		appendKeyJoin(b, p.base.Name, j)
	}
}

// appendKeyJoin renders left.pk = right.pk for each key column of right.
func appendKeyJoin(b *Builder, left string, right *Table) {
	for i, n := range right.PrimaryKey {
		if i > 0 {
			b.WriteString(" AND ")
		}
		b.Ident(left)
		b.WriteString(".")
		b.Ident(n)
		b.WriteString(" = ")
		b.Ident(right.Name)
		b.WriteString(".")
		b.Ident(n)
	}
}

// appendModelFrom renders the FROM item of a model: its table, or for a
// joined subtype its tables joined on the key, as a derived table named
// like the subtype's own table so the model's qualified columns resolve.
func appendModelFrom(b *Builder, t *Table) {
	parts := joinedParts(t)
	if parts == nil {
		b.Ident(t.Name)
		return
	}
	root := parts[0]
	b.WriteString("(SELECT ")
	for i, c := range t.Columns {
		if i > 0 {
			b.WriteString(", ")
		}
		b.Ident(partHolding(parts, c.Name).Name)
		b.WriteString(".")
		b.Ident(c.Name)
	}
	b.WriteString(" FROM ")
	b.Ident(root.Name)
	for _, p := range parts[1:] {
		b.WriteString(" JOIN ")
		b.Ident(p.Name)
		b.WriteString(" ON ")
		appendKeyJoin(b, root.Name, p)
	}
	b.WriteString(") AS ")
	b.Ident(t.Name)
}

// partHolding returns the first part with the named column.
func partHolding(parts []*Table, name string) *Table {
	for _, p := range parts {
		if p.Column(name) != nil {
			return p
		}
	}
	return parts[0]
}

// inheritWhere appends a single-table subtype's criterion to where: its
// discriminator IN (its identity and its subtypes'), SQLAlchemy's
// single-inheritance criterion. Other tables get where as it is.
func inheritWhere(t *Table, where []Expr) []Expr {
	if t == nil || t.inherit == nil || t.inherit.mode != inheritSingle {
		return where
	}
	crit := C(t.Name + "." + t.inherit.disc.Name).In(inheritArgs(t)...)
	return append(where[:len(where):len(where)], crit)
}

// bulkWhere is inheritWhere for a bulk UPDATE or DELETE: a single-table
// subtype's statement only touches its rows, and a joined subtype's
// (whose columns span tables) is an error.
func bulkWhere(b *Builder, t *Table, where []Expr) []Expr {
	if joinedParts(t) != nil {
		b.SetErr(fmt.Errorf("orm: bulk UPDATE and DELETE of the joined-table subtype %s are not supported: its columns span tables %s; use a session, or a statement on one table's model", t.model, partNames(t)))
		return where
	}
	return inheritWhere(t, where)
}

// partNames lists the tables of a joined subtype.
func partNames(t *Table) string {
	var names []string
	for _, p := range joinedParts(t) {
		names = append(names, p.Name)
	}
	return strings.Join(names, ", ")
}

// inheritedJoin resolves a relationship a joined-table subtype inherits:
// as its parent's (the foreign key names the parent's table), with the
// parent's columns replaced by the subtype's of the same names. It
// returns nil when r is not such a relationship.
func inheritedJoin(r *Relation) *relationJoin {
	info := r.owner.inherit
	if info == nil || info.parent == nil || info.mode != inheritJoined {
		return nil
	}
	var pr *Relation
	for _, x := range info.parent.relations {
		if x.Name == r.Name {
			pr = x
		}
	}
	if pr == nil {
		return nil
	}
	pj, err := pr.join()
	if err != nil {
		return nil
	}
	j := &relationJoin{kind: pj.kind, target: pj.target, remote: pj.remote, sec: pj.sec, secLocal: pj.secLocal, secRemo: pj.secRemo}
	for _, c := range pj.local {
		mc := r.owner.Column(c.Name)
		if mc == nil {
			return nil
		}
		j.local = append(j.local, mc)
	}
	return j
}

// inheritArgs returns the arguments inheritWhere's criterion binds, for
// statements whose text is cached apart from their arguments.
func inheritArgs(t *Table) []any {
	if t.inherit == nil || t.inherit.mode != inheritSingle {
		return nil
	}
	ids := []any{t.inherit.identity}
	for _, d := range descendants(t) {
		ids = append(ids, d.inherit.identity)
	}
	return ids
}
