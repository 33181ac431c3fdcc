// Package autogen compares the models with a live database and produces
// the operations of a new revision, like Alembic's autogenerate: Atlas
// inspects the database and diffs it against the models' schema, and the
// differences are translated into dialect-neutral migrate operations whose
// reverses form the downgrade.
package autogen

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"ariga.io/atlas/sql/schema"
	"github.com/flagon-go/flagon/migrate"
)

// Models is what autogenerate needs from the application's models:
// *orm.MetaData satisfies it.
type Models interface {
	// ToAtlas returns the models' schema for a dialect.
	ToAtlas(dialectName string) (*schema.Schema, error)
}

// Options configure a comparison.
type Options struct {
	// Dialect is "sqlite", "postgresql" or "mysql".
	Dialect string
	// VersionTable is never compared; DefaultVersionTable when empty.
	VersionTable string
	// DropUnknownTables drops tables the models do not know, as Alembic
	// does. By default they are left alone.
	DropUnknownTables bool
	// Renames decides whether a disappeared table or column that matches
	// a new one was renamed. Nil treats every candidate as drop and add.
	Renames *Renamer
}

// A Result is the outcome of a comparison.
type Result struct {
	// Upgrade and Downgrade are the operations of the new revision.
	Upgrade, Downgrade []migrate.Operation
	// Detected lists Alembic-style lines such as
	// "Detected added column 'product.price'".
	Detected []string
	// Notes lists decisions worth telling the user, such as a possible
	// rename treated as drop and add.
	Notes []string
}

// Empty reports that no change was detected.
func (r *Result) Empty() bool { return len(r.Upgrade) == 0 }

// Compare diffs the current schema (inspected) against the desired one
// (from the models) with differ, Atlas's driver or DefaultDiff for the dialect.
func Compare(differ schema.Differ, current, desired *schema.Schema, opts Options) (*Result, error) {
	return compare(differ, current, desired, opts, nil)
}

// compare is Compare rendering the models' portable types, when known.
func compare(differ schema.Differ, current, desired *schema.Schema, opts Options, types portable) (*Result, error) {
	current, unknown := split(current, desired, opts)
	sqliteInline(current, desired, opts.Dialect)
	desired = withName(desired, current.Name)
	desired.Tables = slices.DeleteFunc(desired.Tables, func(t *schema.Table) bool { return t.Name == versionTable(opts) })
	normalizeActions(desired)
	res := &Result{Notes: skipExpressionIndexes(current)}
	pre, err := renames(current, desired, unknown, opts, res)
	if err != nil {
		return nil, err
	}
	changes, err := differ.SchemaDiff(current, desired)
	if err != nil {
		return nil, fmt.Errorf("autogenerate: diff: %w", err)
	}
	conv := converter{dialect: opts.Dialect, over: newOverrides(opts.Dialect, types, current, desired)}
	tr := &translator{converter: conv, current: current}
	changes = append(changes, sqliteTypeChanges(current, desired, changes, tr.converter)...)
	changes = append(changes, sqliteCheckChanges(current, desired, changes, tr.converter)...)
	for _, c := range changes {
		tr.change(c)
	}
	res.Upgrade = dropsBeforeRenames(pre.ops, childrenDroppedFirst(tablesCreatedFirst(tr.ops)))
	res.Detected = append(pre.detected, tr.detected...)
	res.Notes = append(res.Notes, tr.notes...)
	res.Downgrade, err = reverse(res.Upgrade)
	return res, err
}

// reverse derives the downgrade from the upgrade.
func reverse(ops []migrate.Operation) ([]migrate.Operation, error) {
	out := make([]migrate.Operation, 0, len(ops))
	for _, o := range slices.Backward(ops) {
		r, err := o.Reverse()
		if err != nil {
			return nil, fmt.Errorf("autogenerate: %w", err)
		}
		out = append(out, r)
	}
	return out, nil
}

// split removes the version table from the current schema and sets aside
// the tables the models do not know (unless they are to be dropped).
func split(current, desired *schema.Schema, opts Options) (*schema.Schema, []*schema.Table) {
	vt := versionTable(opts)
	out := &schema.Schema{Name: current.Name, Realm: current.Realm, Attrs: current.Attrs, Objects: current.Objects}
	var unknown []*schema.Table
	for _, t := range current.Tables {
		_, known := desired.Table(t.Name)
		switch {
		case t.Name == vt:
		case known || opts.DropUnknownTables:
			out.Tables = append(out.Tables, t)
		default:
			unknown = append(unknown, t)
		}
	}
	return out, unknown
}

// normalizeActions spells the models' referential actions as the
// databases report them ("on delete caSCAde" is CASCADE): Alembic compares
// them case-insensitively.
func normalizeActions(s *schema.Schema) {
	norm := func(o schema.ReferenceOption) schema.ReferenceOption {
		return schema.ReferenceOption(strings.ToUpper(strings.Join(strings.Fields(string(o)), " ")))
	}
	for _, t := range s.Tables {
		for _, fk := range t.ForeignKeys {
			fk.OnDelete, fk.OnUpdate = norm(fk.OnDelete), norm(fk.OnUpdate)
		}
	}
}

// versionTable is the name of the version table, which is never compared
// (Alembic leaves it out even when the models declare it).
func versionTable(opts Options) string {
	if opts.VersionTable == "" {
		return migrate.DefaultVersionTable
	}
	return opts.VersionTable
}

// withName returns a shallow copy of s carrying the given schema name, so
// that Atlas compares the models with the inspected schema.
func withName(s *schema.Schema, name string) *schema.Schema {
	c := *s
	c.Name = name
	c.Tables = slices.Clone(s.Tables)
	return &c
}

// Inspect reads the current schema through an Atlas driver.
func Inspect(ctx context.Context, insp schema.Inspector) (*schema.Schema, error) {
	s, err := insp.InspectSchema(ctx, "", nil)
	if err != nil {
		return nil, fmt.Errorf("autogenerate: inspect database: %w", err)
	}
	return s, nil
}

// dropsBeforeRenames orders the upgrade: the dropped constraints and
// indexes first, then the renames, then the rest. A dropped constraint's
// definition names the tables and columns as they were, so its re-creation
// in the downgrade must come after the renames are undone, which this
// order gives; the drops use the tables' old names.
func dropsBeforeRenames(renames, ops []migrate.Operation) []migrate.Operation {
	if len(renames) == 0 {
		return ops
	}
	oldName := map[string]string{}
	oldCol := map[[2]string]string{}
	for _, o := range renames {
		switch r := o.(type) {
		case *migrate.RenameTable:
			oldName[r.To] = r.From
		case *migrate.RenameColumn:
			oldCol[[2]string{r.Table, r.To}] = r.From
		}
	}
	cols := func(table string, names []string) []string {
		out := slices.Clone(names)
		for i, n := range out {
			if o, ok := oldCol[[2]string{table, n}]; ok {
				out[i] = o
			}
		}
		return out
	}
	old := func(table string) string {
		if n, ok := oldName[table]; ok {
			return n
		}
		return table
	}
	var drops, rest []migrate.Operation
	for _, o := range ops {
		switch o := o.(type) {
		case *migrate.DropConstraint:
			d := *o
			if fk := o.PriorForeignKey; fk != nil {
				f := *fk
				f.Columns = cols(o.Table, fk.Columns)
				d.PriorForeignKey = &f
			}
			d.Table = old(o.Table)
			drops = append(drops, &d)
		case *migrate.DropIndex:
			d := *o
			if o.Prior != nil {
				i := *o.Prior
				i.Columns = cols(o.Table, o.Prior.Columns)
				d.Prior = &i
			}
			d.Table = old(o.Table)
			drops = append(drops, &d)
		default:
			rest = append(rest, o)
		}
	}
	return append(append(drops, renames...), rest...)
}

// tablesCreatedFirst moves the created tables before the changes of the
// existing ones, as Alembic orders them: a column added to an existing
// table may reference a new table.
func tablesCreatedFirst(ops []migrate.Operation) []migrate.Operation {
	var created, rest []migrate.Operation
	for _, o := range ops {
		if _, ok := o.(*migrate.CreateTable); ok {
			created = append(created, o)
		} else {
			rest = append(rest, o)
		}
	}
	return append(created, rest...)
}

// childrenDroppedFirst orders the dropped tables so that a table goes after
// the dropped tables whose foreign keys reference it (PostgreSQL and MySQL
// refuse to drop a referenced table); the downgrade, reversed, creates the
// parents first. Other operations keep their places.
func childrenDroppedFirst(ops []migrate.Operation) []migrate.Operation {
	var idx []int
	var drops []*migrate.DropTable
	for i, o := range ops {
		if d, ok := o.(*migrate.DropTable); ok {
			idx, drops = append(idx, i), append(drops, d)
		}
	}
	if len(drops) < 2 {
		return ops
	}
	var sorted []*migrate.DropTable
	done := map[*migrate.DropTable]bool{}
	for len(sorted) < len(drops) {
		progressed := false
		for _, d := range drops {
			if !done[d] && !referencedByPending(d.Name, drops, done) {
				done[d], progressed = true, true
				sorted = append(sorted, d)
			}
		}
		if !progressed { // a reference cycle: keep the rest in order
			for _, d := range drops {
				if !done[d] {
					done[d] = true
					sorted = append(sorted, d)
				}
			}
		}
	}
	out := slices.Clone(ops)
	for n, i := range idx {
		out[i] = sorted[n]
	}
	return out
}

// referencedByPending reports whether another dropped table, not yet
// placed, has a foreign key to the named table.
func referencedByPending(name string, drops []*migrate.DropTable, done map[*migrate.DropTable]bool) bool {
	for _, d := range drops {
		if done[d] || d.Name == name || d.Prior == nil {
			continue
		}
		for _, fk := range d.Prior.ForeignKeys {
			if fk.RefTable == name {
				return true
			}
		}
	}
	return false
}
