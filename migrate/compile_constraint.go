package migrate

import (
	"fmt"
	"slices"

	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"

	"github.com/flagon-go/flagon/migrate/internal/sqliteschema"
)

// constraintChange plans index and constraint operations.
func (c *compiler) constraintChange(o Operation) ([]schema.Change, error) {
	t, err := c.table(tableOf(o))
	if err != nil {
		return nil, err
	}
	after := cloneTable(t)
	var ch schema.Change
	switch o := o.(type) {
	case *CreateIndex:
		ch, err = createIndex(after, o.Index)
	case *CreateUniqueConstraint:
		ch, err = createIndex(after, Index{Name: o.Unique.Name, Columns: o.Unique.Columns, Unique: true})
	case *DropIndex:
		ch, err = dropIndex(after, o.Name)
	case *CreateForeignKey:
		ch, err = createForeignKey(after, o.ForeignKey)
	case *CreateCheckConstraint:
		ch, err = createCheck(after, Check{Name: o.Check.Name, Expr: checkExpr(c.dialect, o.Check.Expr)})
	case *DropConstraint:
		ch, err = dropConstraint(after, o)
	case *AlterPrimaryKey:
		ch, err = alterPrimaryKey(after, o)
	}
	if err != nil {
		return nil, err
	}
	changes := []schema.Change{ch}
	if c.dialect == SQLite && constraintIndexDrop(ch) {
		// SQLite cannot drop the index of a UNIQUE constraint: only a
		// rebuild of the table without it can, which a change the
		// planner cannot ALTER asks for.
		changes = append(changes, &schema.ModifyAttr{From: &schema.Comment{}, To: &schema.Comment{}})
	}
	if d, ok := o.(*DropConstraint); ok && d.Kind == ConstraintForeignKey && c.dialect == MySQL {
		// MySQL made an index for the key, under the key's name: drop it too.
		if idx, ok := after.Index(d.Name); ok {
			changes = append(changes, &schema.DropIndex{I: idx})
			after.Indexes = slices.DeleteFunc(after.Indexes, func(x *schema.Index) bool { return x == idx })
		}
	}
	c.replace(t, after)
	return []schema.Change{&schema.ModifyTable{T: after, Changes: changes}}, nil
}

// constraintIndexDrop reports whether ch drops the index SQLite made for
// a UNIQUE constraint, inline or of the table.
func constraintIndexDrop(ch schema.Change) bool {
	d, ok := ch.(*schema.DropIndex)
	if !ok {
		return false
	}
	if sqliteschema.IsAutoindex(d.I.Name) {
		return true
	}
	for _, a := range d.I.Attrs {
		if o, ok := a.(*sqlite.IndexOrigin); ok && o.O == "u" {
			return true
		}
	}
	return false
}

// createIndex adds an index to the new table.
func createIndex(t *schema.Table, i Index) (schema.Change, error) {
	if i.Name == "" {
		return nil, fmt.Errorf("index on %q needs a name", t.Name)
	}
	if _, ok := t.Index(i.Name); ok {
		return nil, fmt.Errorf("index %q already exists", i.Name)
	}
	if err := addIndex(t, i); err != nil {
		return nil, err
	}
	idx, _ := t.Index(i.Name)
	return &schema.AddIndex{I: idx}, nil
}

// dropIndex removes an index (or unique constraint) from the new table.
func dropIndex(t *schema.Table, name string) (schema.Change, error) {
	idx, ok := t.Index(name)
	if !ok {
		return nil, fmt.Errorf("index %q does not exist", name)
	}
	t.Indexes = slices.DeleteFunc(t.Indexes, func(x *schema.Index) bool { return x == idx })
	return &schema.DropIndex{I: idx}, nil
}

// createForeignKey adds a foreign key to the new table.
func createForeignKey(t *schema.Table, f ForeignKey) (schema.Change, error) {
	if _, ok := t.ForeignKey(f.Name); ok && f.Name != "" {
		return nil, fmt.Errorf("foreign key %q already exists", f.Name)
	}
	fk, err := addForeignKey(t, f)
	if err != nil {
		return nil, err
	}
	return &schema.AddForeignKey{F: fk}, nil
}

// createCheck adds a CHECK constraint to the new table.
func createCheck(t *schema.Table, c Check) (schema.Change, error) {
	ck := &schema.Check{Name: c.Name, Expr: c.Expr}
	t.AddChecks(ck)
	return &schema.AddCheck{C: ck}, nil
}

// dropConstraint removes a constraint of the given kind from the new table.
func dropConstraint(t *schema.Table, o *DropConstraint) (schema.Change, error) {
	switch o.Kind {
	case ConstraintUnique:
		return dropIndex(t, o.Name)
	case ConstraintForeignKey:
		fk, ok := t.ForeignKey(o.Name)
		if !ok {
			return nil, fmt.Errorf("foreign key %q does not exist", o.Name)
		}
		t.ForeignKeys = slices.DeleteFunc(t.ForeignKeys, func(x *schema.ForeignKey) bool { return x == fk })
		return &schema.DropForeignKey{F: fk}, nil
	case ConstraintCheck:
		for i, a := range t.Attrs {
			if ck, ok := a.(*schema.Check); ok && ck.Name == o.Name {
				t.Attrs = slices.Delete(t.Attrs, i, i+1)
				return &schema.DropCheck{C: ck}, nil
			}
		}
		return nil, fmt.Errorf("check constraint %q does not exist", o.Name)
	}
	return nil, fmt.Errorf("unknown constraint kind %q (want unique, foreignkey or check)", o.Kind)
}

// alterPrimaryKey replaces the primary key of the new table.
func alterPrimaryKey(t *schema.Table, o *AlterPrimaryKey) (schema.Change, error) {
	old := t.PrimaryKey
	var pk *schema.Index
	if len(o.Columns) > 0 {
		var err error
		if pk, err = atlasIndex(t, o.Name, o.Columns, true); err != nil {
			return nil, err
		}
	}
	t.PrimaryKey = pk
	switch {
	case old == nil && pk == nil:
		return nil, fmt.Errorf("table %q has no primary key to drop", t.Name)
	case old == nil:
		return &schema.AddPrimaryKey{P: pk}, nil
	case pk == nil:
		return &schema.DropPrimaryKey{P: old}, nil
	}
	if pk.Name == "" {
		pk.Name = old.Name
	}
	return &schema.ModifyPrimaryKey{From: old, To: pk, Change: schema.ChangeParts}, nil
}
