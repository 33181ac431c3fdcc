package autogen

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"ariga.io/atlas/sql/schema"
	"github.com/flagon-go/flagon/migrate"
)

// A Renamer decides whether candidates are renames: from explicit
// "--rename old:new" pairs, else by asking, else (NoInput) never.
type Renamer struct {
	// Explicit maps old to new names: "table" -> "table" for tables and
	// "table.column" -> "column" or "column" -> "column" for columns.
	Explicit map[string]string
	// In and Out are used to ask; NoInput (or a nil In) never asks.
	In      io.Reader
	Out     io.Writer
	NoInput bool
	reader  *bufio.Reader
}

// ParseRenames parses "old:new" pairs as given to --rename.
func ParseRenames(pairs []string) (map[string]string, error) {
	out := map[string]string{}
	for _, p := range pairs {
		old, new, ok := strings.Cut(p, ":")
		if !ok || old == "" || new == "" {
			return nil, fmt.Errorf("invalid --rename %q: want old:new", p)
		}
		if i := strings.LastIndex(new, "."); i >= 0 {
			new = new[i+1:]
		}
		out[old] = new
	}
	return out, nil
}

// decide reports whether old was renamed to new; where is the table for
// columns ("" for tables).
func (r *Renamer) decide(where, old, new string) (yes bool, asked bool, err error) {
	if r == nil {
		return false, false, nil
	}
	if n, ok := r.Explicit[qualify(where, old)]; ok {
		return n == new, false, nil
	}
	if n, ok := r.Explicit[old]; ok {
		return n == new, false, nil
	}
	if r.NoInput || r.In == nil {
		return false, false, nil
	}
	if r.reader == nil {
		r.reader = bufio.NewReader(r.In)
	}
	kind := "table"
	if where != "" {
		kind = "column"
	}
	fmt.Fprintf(r.Out, "Did you rename %s '%s' to '%s'? [y/N] ", kind, qualify(where, old), qualify(where, new))
	line, err := r.reader.ReadString('\n')
	if err != nil && line == "" {
		return false, true, fmt.Errorf("autogenerate: no answer to the rename question (use --rename old:new or --no-input)")
	}
	a := strings.ToLower(strings.TrimSpace(line))
	return a == "y" || a == "yes", true, nil
}

// explicit reports whether --rename names old as renamed to new.
func (r *Renamer) explicit(old, new string) bool {
	return r != nil && r.Explicit[old] == new
}

// qualify joins a table and a column name.
func qualify(table, name string) string {
	if table == "" {
		return name
	}
	return table + "." + name
}

// preOps are the rename operations decided before the diff.
type preOps struct {
	ops      []migrate.Operation
	detected []string
}

// renames finds rename candidates, applies the accepted ones to the
// current schema (so that the diff sees them as done) and returns their
// operations.
func renames(current, desired *schema.Schema, unknown []*schema.Table, opts Options, res *Result) (*preOps, error) {
	pre := &preOps{}
	if err := tableRenames(current, desired, unknown, opts, res, pre); err != nil {
		return nil, err
	}
	return pre, columnRenames(current, desired, opts, res, pre)
}

// tableRenames pairs unknown tables with new tables of the same columns.
func tableRenames(current, desired *schema.Schema, unknown []*schema.Table, opts Options, res *Result, pre *preOps) error {
	pool := slices.Clone(unknown)
	for _, t := range current.Tables {
		if _, ok := desired.Table(t.Name); !ok {
			pool = append(pool, t)
		}
	}
	for _, nt := range desired.Tables {
		if _, ok := current.Table(nt.Name); ok {
			continue
		}
		for _, ot := range pool {
			// A rename given with --rename needs no matching columns: the
			// columns' differences follow as usual.
			if !sameColumns(ot, nt) && !opts.Renames.explicit(ot.Name, nt.Name) {
				continue
			}
			yes, _, err := opts.Renames.decide("", ot.Name, nt.Name)
			if err != nil {
				return err
			}
			if !yes {
				res.Notes = append(res.Notes, noteDropAdd("table", ot.Name, nt.Name, opts))
				continue
			}
			renamed := *ot
			renamed.Name = nt.Name
			current.Tables = append(slices.DeleteFunc(current.Tables, func(x *schema.Table) bool { return x == ot }), &renamed)
			pool = slices.DeleteFunc(pool, func(x *schema.Table) bool { return x == ot })
			pre.ops = append(pre.ops, &migrate.RenameTable{From: ot.Name, To: nt.Name})
			pre.detected = append(pre.detected, fmt.Sprintf("Detected renamed table '%s' to '%s'", ot.Name, nt.Name))
			break
		}
	}
	return nil
}

// sameColumns reports whether two tables have the same column names.
func sameColumns(a, b *schema.Table) bool {
	if len(a.Columns) != len(b.Columns) {
		return false
	}
	for _, c := range a.Columns {
		if _, ok := b.Column(c.Name); !ok {
			return false
		}
	}
	return true
}

// columnRenames pairs removed and added columns of the same type family.
func columnRenames(current, desired *schema.Schema, opts Options, res *Result, pre *preOps) error {
	for i, ct := range current.Tables {
		dt, ok := desired.Table(ct.Name)
		if !ok {
			continue
		}
		nt, err := renameColumnsIn(ct, dt, opts, res, pre)
		if err != nil {
			return err
		}
		current.Tables[i] = nt
	}
	return nil
}

// renameColumnsIn handles one table, returning the (possibly renamed) table.
func renameColumnsIn(ct, dt *schema.Table, opts Options, res *Result, pre *preOps) (*schema.Table, error) {
	conv := converter{dialect: opts.Dialect}
	out := ct
	for _, added := range dt.Columns {
		if _, ok := out.Column(added.Name); ok {
			continue
		}
		for _, gone := range out.Columns {
			_, still := dt.Column(gone.Name)
			sameKind := conv.column(gone).Type.Kind == conv.column(added).Type.Kind
			told := opts.Renames.explicit(qualify(ct.Name, gone.Name), added.Name) || opts.Renames.explicit(gone.Name, added.Name)
			if still || (!sameKind && !told) {
				continue
			}
			yes, _, err := opts.Renames.decide(ct.Name, gone.Name, added.Name)
			if err != nil {
				return nil, err
			}
			if !yes {
				res.Notes = append(res.Notes, noteDropAdd("column", qualify(ct.Name, gone.Name), qualify(ct.Name, added.Name), opts))
				continue
			}
			out = renamedColumn(out, gone.Name, added.Name)
			pre.ops = append(pre.ops, &migrate.RenameColumn{Table: ct.Name, From: gone.Name, To: added.Name})
			pre.detected = append(pre.detected, fmt.Sprintf("Detected renamed column '%s' to '%s'", qualify(ct.Name, gone.Name), added.Name))
			break
		}
	}
	return out, nil
}

// renamedColumn returns a copy of t with a column renamed.
func renamedColumn(t *schema.Table, from, to string) *schema.Table {
	c := *t
	c.Columns = make([]*schema.Column, len(t.Columns))
	for i, col := range t.Columns {
		if col.Name == from {
			nc := *col
			nc.Name = to
			col = &nc
			for _, idx := range t.Indexes {
				for _, p := range idx.Parts {
					if p.C == t.Columns[i] {
						p.C = col
					}
				}
			}
		}
		c.Columns[i] = col
	}
	return &c
}

// noteDropAdd explains a candidate treated as drop and add.
func noteDropAdd(kind, old, new string, opts Options) string {
	short := func(s string) string { return s[strings.LastIndex(s, ".")+1:] }
	return fmt.Sprintf("%s '%s' removed and '%s' added: treated as drop and add, losing its data; pass --rename %s:%s if it was renamed",
		kind, old, new, short(old), short(new))
}
