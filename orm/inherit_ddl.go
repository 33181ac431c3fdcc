package orm

import (
	"fmt"
	"slices"
)

// buildJoinedTables builds a joined subtype's own table (its primary key,
// also a foreign key to the parent's table, and the columns it adds) and
// the parts its rows are written to: the root's columns, then each joined
// ancestor's, then its own, all read from the subtype's struct.
func buildJoinedTables(tbl *Table, info *inheritInfo) error {
	parent := info.parent
	own := &Table{Name: tbl.Name, model: tbl.model, Comment: tbl.Comment, PrimaryKey: slices.Clone(tbl.PrimaryKey)}
	for _, c := range tbl.Columns {
		switch {
		case c.PrimaryKey:
			k := *c
			k.Autoincrement, k.Default, k.ServerDefault, k.defaultIfZero, k.defaultFunc = false, "", "", false, false
			own.Columns = append(own.Columns, &k)
		case parent.Column(c.Name) == nil:
			k := *c
			own.Columns = append(own.Columns, &k)
		}
	}
	if len(own.PrimaryKey) == 0 {
		return fmt.Errorf("a joined-table subtype needs its parent's primary key")
	}
	own.ForeignKeys = append(own.ForeignKeys, &ForeignKey{Columns: slices.Clone(own.PrimaryKey), RefTable: parent.Name, RefColumns: slices.Clone(parent.PrimaryKey)})
	copyOwnConstraints(own, tbl, parent)
	if err := own.finish(*tbl.convention); err != nil {
		return err
	}
	own.inherit = &inheritInfo{h: info.h, ddl: true}
	info.own = own
	info.parts = append(partsOf(tbl, parent), partOf(tbl, own))
	return nil
}

// copyOwnConstraints gives own the indexes, foreign keys and checks of tbl
// that only involve the columns the subtype adds.
func copyOwnConstraints(own, tbl, parent *Table) {
	added := func(cols []string) bool {
		for _, n := range cols {
			if c := own.Column(n); c == nil || c.PrimaryKey {
				return false
			}
		}
		return true
	}
	own.indexColumns()
	for _, ix := range tbl.Indexes {
		if added(ix.Columns) && !ix.byIndex {
			k := *ix
			own.Indexes = append(own.Indexes, &k)
		}
	}
	for _, fk := range tbl.ForeignKeys {
		if added(fk.Columns) {
			k := *fk
			own.ForeignKeys = append(own.ForeignKeys, &k)
		}
	}
	for _, ck := range tbl.Checks {
		if !hasCheck(parent, ck.Expr) {
			k := *ck
			own.Checks = append(own.Checks, &k)
		}
	}
}

// hasCheck reports whether t has a CHECK with the expression.
func hasCheck(t *Table, expr string) bool {
	return slices.ContainsFunc(t.Checks, func(c *Check) bool { return c.Expr == expr })
}

// partsOf returns the parts a subtype of parent writes for its ancestors:
// the root table's columns, then each joined ancestor's own columns.
func partsOf(tbl, parent *Table) []*Table {
	if parent.inherit.mode != inheritJoined {
		return []*Table{partOf(tbl, parent)}
	}
	var out []*Table
	for _, p := range parent.inherit.parts {
		out = append(out, partOf(tbl, p))
	}
	return out
}

// partOf is the table named like src whose columns are tbl's columns of
// the same names: it reads and writes src's columns of a tbl struct.
func partOf(tbl, src *Table) *Table {
	p := &Table{Name: src.Name, model: tbl.model, PrimaryKey: tbl.PrimaryKey, convention: tbl.convention}
	for _, c := range src.Columns {
		if mc := tbl.Column(c.Name); mc != nil {
			p.Columns = append(p.Columns, mc)
			if mc == tbl.version {
				p.version = mc // the part's UPDATE and DELETE check and bump it
			}
		}
	}
	p.indexColumns()
	p.pk = p.pkColumns()
	return p
}

// rebuildSingleDDL rebuilds the table a single-table hierarchy creates:
// the root's columns and constraints, then each subtype's added columns
// (always nullable: other models' rows leave them NULL) with the indexes,
// foreign keys and checks on them. The caller holds h.mu.
func rebuildSingleDDL(h *hierarchy) error {
	root := h.root
	ddl := &Table{
		Name: root.Name, PrimaryKey: root.PrimaryKey, PrimaryKeyName: root.PrimaryKeyName,
		Comment: root.Comment, model: root.model, convention: root.convention,
		Indexes: slices.Clone(root.Indexes), ForeignKeys: slices.Clone(root.ForeignKeys), Checks: slices.Clone(root.Checks),
		inherit: &inheritInfo{h: h, ddl: true},
	}
	ddl.Columns = slices.Clone(root.Columns)
	ddl.indexColumns()
	for _, sub := range h.types[1:] {
		if err := addSingleColumns(ddl, sub); err != nil {
			return fmt.Errorf("single-table subtype %s: %w", sub.model, err)
		}
	}
	ddl.pk = ddl.pkColumns()
	h.ddl = ddl
	return nil
}

// checkSharedColumns rejects a column of sub that the shared table has
// with another type.
func checkSharedColumns(ddl, sub *Table) error {
	for _, c := range sub.Columns {
		if old := ddl.Column(c.Name); old != nil && old.Type.Kind != c.Type.Kind {
			return fmt.Errorf("column %s is %s here and %s in another model of table %s", c.Name, c.Type.Kind, old.Type.Kind, ddl.Name)
		}
	}
	return nil
}

// addSingleColumns adds the columns sub has and ddl lacks, nullable, and
// their constraints; a column two subtypes share must have one type.
func addSingleColumns(ddl, sub *Table) error {
	var added []string
	for _, c := range sub.Columns {
		if old := ddl.Column(c.Name); old != nil {
			if old.Type.Kind != c.Type.Kind {
				return fmt.Errorf("column %s is %s here and %s in another model of table %s", c.Name, c.Type.Kind, old.Type.Kind, ddl.Name)
			}
			continue
		}
		k := *c
		k.Nullable = true
		ddl.Columns = append(ddl.Columns, &k)
		added = append(added, c.Name)
	}
	ddl.indexColumns()
	only := func(cols []string) bool {
		for _, n := range cols {
			if !slices.Contains(added, n) {
				return false
			}
		}
		return true
	}
	for _, ix := range sub.Indexes {
		if only(ix.Columns) {
			ddl.Indexes = append(ddl.Indexes, ix)
		}
	}
	for _, fk := range sub.ForeignKeys {
		if only(fk.Columns) {
			ddl.ForeignKeys = append(ddl.ForeignKeys, fk)
		}
	}
	for _, ck := range sub.Checks {
		if !hasCheck(ddl, ck.Expr) {
			ddl.Checks = append(ddl.Checks, ck)
		}
	}
	return nil
}

// ddlTable returns the table MetaData.Register creates for model table t:
// the hierarchy's shared table for single-table inheritance, a joined
// subtype's own table, else t.
func ddlTable(t *Table) *Table {
	info := t.inherit
	switch {
	case info == nil || info.h == nil:
		return t
	case info.mode == inheritJoined:
		return info.own
	}
	info.h.mu.RLock()
	defer info.h.mu.RUnlock()
	if info.h.ddl != nil {
		return info.h.ddl
	}
	return t
}

// sameHierarchy reports whether two tables of one name belong to one
// inheritance hierarchy (registering another of its models replaces the
// shared table by its newer version).
func sameHierarchy(a, b *Table) bool {
	return a.inherit != nil && b.inherit != nil && a.inherit.h != nil && a.inherit.h == b.inherit.h
}
