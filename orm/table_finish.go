package orm

import (
	"fmt"
	"slices"
)

// finish validates the table, resolves field names to column names, applies
// SQLAlchemy's primary key and autoincrement rules and names constraints.
func (t *Table) finish(nc NamingConvention) error {
	if t.Name == "" {
		return fmt.Errorf("table has no name")
	}
	t.convention = &nc
	t.indexColumns()
	if len(t.byName) != len(t.Columns) {
		return fmt.Errorf("table %s has duplicate column names", t.Name)
	}
	if err := t.resolveNames(); err != nil {
		return err
	}
	t.markPrimaryKey()
	t.pk, t.deep = t.pkColumns(), t.deepCopyColumns()
	t.addColumnIndexes()
	return t.nameConstraints(nc)
}

// resolveNames maps Go field names used in options to column names.
func (t *Table) resolveNames() error {
	resolve := func(names []string) error {
		for i, n := range names {
			c := t.lookup(n)
			if c == nil {
				return fmt.Errorf("table %s has no column %q", t.Name, n)
			}
			names[i] = c.Name
		}
		return nil
	}
	lists := [][]string{t.PrimaryKey}
	for _, ix := range t.Indexes {
		lists = append(lists, ix.Columns)
	}
	for _, fk := range t.ForeignKeys {
		lists = append(lists, fk.Columns)
	}
	for _, l := range lists {
		if err := resolve(l); err != nil {
			return err
		}
	}
	return nil
}

// markPrimaryKey defaults the key to an "id" column, makes key columns NOT
// NULL and applies the autoincrement rule: a lone integer primary key that
// is not a foreign key and has no server default autoincrements unless
// tagged no_autoincrement (SQLAlchemy's autoincrement="auto").
func (t *Table) markPrimaryKey() {
	if len(t.PrimaryKey) == 0 && t.Column("id") != nil {
		t.PrimaryKey = []string{"id"}
	}
	for _, n := range t.PrimaryKey {
		c := t.Column(n)
		c.PrimaryKey, c.Nullable = true, false
	}
	if len(t.PrimaryKey) != 1 {
		return
	}
	c := t.Column(t.PrimaryKey[0])
	if c.Type.Kind.Integral() && c.ServerDefault == "" && !t.isForeignKey(c.Name) && !slices.Contains(t.noAuto, c.Name) {
		c.Autoincrement = true
	}
}

// isForeignKey reports whether a column is part of a foreign key.
func (t *Table) isForeignKey(col string) bool {
	for _, fk := range t.ForeignKeys {
		if slices.Contains(fk.Columns, col) {
			return true
		}
	}
	return false
}

// addColumnIndexes turns column unique/index flags into indexes. Like
// SQLAlchemy, index+unique is a unique index named as an index.
func (t *Table) addColumnIndexes() {
	for _, c := range t.Columns {
		if c.Index || c.Unique {
			if !t.hasIndex(c.Name, c.Unique) {
				t.Indexes = append(t.Indexes, &Index{Columns: []string{c.Name}, Unique: c.Unique, byIndex: c.Index})
			}
		}
	}
}

// hasIndex reports whether an identical single-column index exists.
func (t *Table) hasIndex(col string, unique bool) bool {
	for _, ix := range t.Indexes {
		if len(ix.Columns) == 1 && ix.Columns[0] == col && ix.Unique == unique {
			return true
		}
	}
	return false
}
