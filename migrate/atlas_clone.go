package migrate

import (
	"slices"

	"ariga.io/atlas/sql/schema"
)

// cloneTable deep-copies a table so that planned "after" states never
// share columns, indexes or keys with the "before" state.
func cloneTable(t *schema.Table) *schema.Table {
	n := &schema.Table{Name: t.Name, Schema: t.Schema, Attrs: slices.Clone(t.Attrs)}
	cols := map[*schema.Column]*schema.Column{}
	for _, c := range t.Columns {
		cc := *c
		cc.Indexes, cc.ForeignKeys = nil, nil
		if c.Type != nil {
			ct := *c.Type
			cc.Type = &ct
		}
		cols[c] = &cc
		n.Columns = append(n.Columns, &cc)
	}
	if t.PrimaryKey != nil {
		n.PrimaryKey = cloneIndex(t.PrimaryKey, n, cols)
	}
	for _, i := range t.Indexes {
		n.Indexes = append(n.Indexes, cloneIndex(i, n, cols))
	}
	for _, f := range t.ForeignKeys {
		n.ForeignKeys = append(n.ForeignKeys, cloneFK(f, t, n, cols))
	}
	return n
}

// cloneIndex copies an index onto the cloned columns.
func cloneIndex(i *schema.Index, t *schema.Table, cols map[*schema.Column]*schema.Column) *schema.Index {
	n := *i
	n.Table = t
	n.Parts = nil
	for _, p := range i.Parts {
		pp := *p
		if p.C != nil {
			pp.C = cols[p.C]
			pp.C.Indexes = append(pp.C.Indexes, &n)
		}
		n.Parts = append(n.Parts, &pp)
	}
	return &n
}

// cloneFK copies a foreign key onto the cloned columns.
func cloneFK(f *schema.ForeignKey, old, t *schema.Table, cols map[*schema.Column]*schema.Column) *schema.ForeignKey {
	n := *f
	n.Table = t
	n.Columns = nil
	for _, c := range f.Columns {
		n.Columns = append(n.Columns, cols[c])
		cols[c].ForeignKeys = append(cols[c].ForeignKeys, &n)
	}
	if f.RefTable == old {
		n.RefTable = t
		n.RefColumns = nil
		for _, c := range f.RefColumns {
			n.RefColumns = append(n.RefColumns, cols[c])
		}
	}
	return &n
}

// removeColumn drops a column from t together with the indexes and
// foreign keys that use it.
func removeColumn(t *schema.Table, c *schema.Column) {
	t.Columns = slices.DeleteFunc(t.Columns, func(x *schema.Column) bool { return x == c })
	t.Indexes = slices.DeleteFunc(t.Indexes, func(i *schema.Index) bool {
		return slices.ContainsFunc(i.Parts, func(p *schema.IndexPart) bool { return p.C == c })
	})
	t.ForeignKeys = slices.DeleteFunc(t.ForeignKeys, func(f *schema.ForeignKey) bool {
		return slices.Contains(f.Columns, c)
	})
}
