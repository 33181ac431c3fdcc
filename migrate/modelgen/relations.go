package modelgen

import (
	"slices"
	"strings"

	"ariga.io/atlas/sql/schema"
)

// addRelations adds relationship fields for every foreign key between two
// generated models: orm.One on the table holding the key, orm.Many (or
// orm.One when the key is unique) on the referenced table. An association
// table gives a many-to-many relationship between the tables it links.
func (g *generator) addRelations() {
	for _, m := range g.models {
		if a, b, ok := g.association(m); ok {
			g.manyToMany(m, a, b)
			continue
		}
		for _, fk := range m.table.ForeignKeys {
			if parent, ok := g.byTable[fk.RefTable.Name]; ok {
				g.oneToMany(m, parent, fk)
			}
		}
	}
}

// association reports whether m is an association table, as sqlacodegen
// decides: exactly two one-column foreign keys to generated models, which
// together are the primary key and all the columns.
func (g *generator) association(m *model) (a, b *schema.ForeignKey, ok bool) {
	t := m.table
	if len(t.ForeignKeys) != 2 || len(t.Columns) != 2 {
		return nil, nil, false
	}
	a, b = t.ForeignKeys[0], t.ForeignKeys[1]
	if len(a.Columns) != 1 || len(b.Columns) != 1 || a.Columns[0] == b.Columns[0] {
		return nil, nil, false
	}
	pk := pkColumns(t)
	if len(pk) != 2 || !slices.Contains(pk, a.Columns[0].Name) || !slices.Contains(pk, b.Columns[0].Name) {
		return nil, nil, false
	}
	_, okA := g.byTable[a.RefTable.Name]
	_, okB := g.byTable[b.RefTable.Name]
	return a, b, okA && okB
}

// manyToMany adds the collections of both linked tables, through the
// association table assoc. A self-referential association names each
// side after the other key's column, with foreign_key naming the owner's.
func (g *generator) manyToMany(assoc *model, a, b *schema.ForeignKey) {
	ma, mb := g.byTable[a.RefTable.Name], g.byTable[b.RefTable.Name]
	sec := "secondary:" + assoc.table.Name
	if ma != mb {
		na := ma.names.unique(plural(mb.name))
		nb := mb.names.unique(plural(ma.name))
		ma.rels = append(ma.rels, &field{name: na, typ: "orm.Many[" + mb.name + "]", tags: []string{sec, "back_populates:" + nb}})
		mb.rels = append(mb.rels, &field{name: nb, typ: "orm.Many[" + ma.name + "]", tags: []string{sec, "back_populates:" + na}})
		return
	}
	colA, colB := a.Columns[0].Name, b.Columns[0].Name
	na := ma.names.unique(plural(goName(stem(colB))))
	nb := ma.names.unique(plural(goName(stem(colA))))
	ma.rels = append(ma.rels,
		&field{name: na, typ: "orm.Many[" + ma.name + "]", tags: []string{sec, "foreign_key:" + assoc.colField[colA], "back_populates:" + nb}},
		&field{name: nb, typ: "orm.Many[" + ma.name + "]", tags: []string{sec, "foreign_key:" + assoc.colField[colB], "back_populates:" + na}})
}

// oneToMany adds the to-one field on the child (named after the key's
// column without "_id", else after the parent) and the collection on the
// parent (the child's plural; prefixed with the key's columns when several
// keys link the two tables, with foreign_key naming the key's fields).
func (g *generator) oneToMany(child, parent *model, fk *schema.ForeignKey) {
	ambiguous := child == parent || countFKs(child.table, parent.table.Name) > 1
	oneToOne := uniqueColumns(child.table, fk.Columns)
	childRel := child.names.unique(toOneName(parent, fk))
	parentRel := ""
	if !(child == parent && oneToOne) { // a One on both sides of a self-reference would both read the local key
		parentRel = parent.names.unique(reverseName(child, fk, oneToOne, ambiguous))
	}
	var ct, pt []string
	if ambiguous {
		hint := "foreign_key:" + keyFields(child, fk)
		ct = append(ct, hint)
		pt = append(pt, hint)
	}
	if parentRel != "" {
		ct = append(ct, "back_populates:"+parentRel)
		pt = append(pt, "back_populates:"+childRel)
	}
	child.rels = append(child.rels, &field{name: childRel, typ: "orm.One[" + parent.name + "]", tags: ct})
	if parentRel == "" {
		return
	}
	kind := "orm.Many["
	if oneToOne {
		kind = "orm.One["
	}
	parent.rels = append(parent.rels, &field{name: parentRel, typ: kind + child.name + "]", tags: pt})
}

// keyFields lists the child's fields of a foreign key's columns, as
// foreign_key names them ("DocID,Rev").
func keyFields(child *model, fk *schema.ForeignKey) string {
	names := make([]string, len(fk.Columns))
	for i, c := range fk.Columns {
		names[i] = child.colField[c.Name]
	}
	return strings.Join(names, ",")
}

// toOneName names the child's to-one field: the key's column without
// "_id" (author_id is Author), else the parent table (numbered when
// several keys name it, as sqlacodegen's parent, parent_).
func toOneName(parent *model, fk *schema.ForeignKey) string {
	if col := fk.Columns[0].Name; len(fk.Columns) == 1 && stem(col) != col {
		return goName(stem(col))
	}
	return goName(parent.table.Name)
}

// reverseName names the parent's field: the child's plural (its name for
// a one-to-one), prefixed when it is ambiguous with the key's columns
// without "_id" (sqlacodegen's qualifier: author_id is Author, the key
// (doc_id, rev) DocRev).
func reverseName(child *model, fk *schema.ForeignKey, oneToOne, ambiguous bool) string {
	name := plural(child.name)
	if oneToOne {
		name = child.name
	}
	if ambiguous {
		stems := make([]string, len(fk.Columns))
		for i, c := range fk.Columns {
			stems[i] = stem(c.Name)
		}
		name = goName(strings.Join(stems, "_")) + name
	}
	return name
}

// countFKs counts a table's foreign keys to another.
func countFKs(t *schema.Table, ref string) int {
	n := 0
	for _, fk := range t.ForeignKeys {
		if fk.RefTable.Name == ref {
			n++
		}
	}
	return n
}

// uniqueColumns reports whether the columns are the primary key or a
// unique index.
func uniqueColumns(t *schema.Table, cols []*schema.Column) bool {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	same := func(ix *schema.Index) bool {
		got, ok := partColumns(ix)
		return ok && (ix.Unique || ix == t.PrimaryKey) && len(got) == len(names) && !slices.ContainsFunc(names, func(n string) bool { return !slices.Contains(got, n) })
	}
	if t.PrimaryKey != nil && same(t.PrimaryKey) {
		return true
	}
	return slices.ContainsFunc(t.Indexes, same)
}
