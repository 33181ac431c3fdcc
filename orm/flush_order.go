package orm

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// ErrCircularDependency is returned by Flush when rows of tables that
// reference each other must be inserted or deleted together and no
// relationship between them is marked post_update.
var ErrCircularDependency = errors.New("orm: circular dependency between tables")

// tableOrder sorts tables so that referenced tables come first, ignoring
// self-references and foreign keys written by post_update relationships.
func tableOrder(tables []*Table) ([]*Table, error) {
	sort.Slice(tables, func(i, j int) bool { return tables[i].Name < tables[j].Name })
	in := map[string]*Table{}
	for _, t := range tables {
		in[t.Name] = t
	}
	done := map[*Table]bool{}
	out := make([]*Table, 0, len(tables))
	for len(out) < len(tables) {
		progressed := false
		for _, t := range tables {
			if !done[t] && depsPlaced(t, in, done) {
				done[t], progressed = true, true
				out = append(out, t)
			}
		}
		if !progressed {
			return nil, cycleError(tables, done)
		}
	}
	return out, nil
}

// depsPlaced reports whether every table t depends on is placed.
func depsPlaced(t *Table, in map[string]*Table, done map[*Table]bool) bool {
	for _, fk := range t.ForeignKeys {
		ref := in[fk.RefTable]
		if ref == nil || ref == t || done[ref] || postUpdateFK(t, ref, fk) {
			continue
		}
		return false
	}
	return true
}

// postUpdateFK reports whether fk of t (to ref) is written by a
// post_update relationship on either side.
func postUpdateFK(t, ref *Table, fk *ForeignKey) bool {
	uses := func(r *Relation, cols []*Column) bool {
		if !r.PostUpdate || len(cols) != len(fk.Columns) {
			return false
		}
		for i, c := range cols {
			if c.Name != fk.Columns[i] {
				return false
			}
		}
		return true
	}
	for _, r := range t.relations {
		if j, err := r.join(); err == nil && j.kind == ManyToOne && j.target == ref && uses(r, j.local) {
			return true
		}
	}
	for _, r := range ref.relations {
		if j, err := r.join(); err == nil && j.kind != ManyToOne && j.target == t && uses(r, j.remote) {
			return true
		}
	}
	return false
}

// cycleError names the tables left in a cycle.
func cycleError(tables []*Table, done map[*Table]bool) error {
	var names []string
	for _, t := range tables {
		if !done[t] {
			names = append(names, t.Name)
		}
	}
	return fmt.Errorf("%w %s: mark one relationship post_update", ErrCircularDependency, strings.Join(names, ", "))
}

// groupByTable splits states by table, in the given table order.
func groupByTable(order []*Table, states []*objState) [][]*objState {
	idx := map[*Table]int{}
	for i, t := range order {
		idx[t] = i
	}
	out := make([][]*objState, len(order))
	for _, st := range states {
		i := idx[st.table]
		out[i] = append(out[i], st)
	}
	return out
}

// tablesOf returns the distinct tables of states.
func tablesOf(states ...[]*objState) []*Table {
	seen := map[*Table]bool{}
	var out []*Table
	for _, list := range states {
		for _, st := range list {
			if !seen[st.table] {
				seen[st.table] = true
				out = append(out, st.table)
			}
		}
	}
	return out
}

// layers orders rows of one table that reference each other: a row comes
// in a later layer than the rows it depends on (dependsOn).
func layers(rows []*objState, dependsOn func(a, b *objState) bool) ([][]*objState, error) {
	left := slices.Clone(rows)
	var out [][]*objState
	for len(left) > 0 {
		var layer, rest []*objState
		for _, a := range left {
			if slices.ContainsFunc(left, func(b *objState) bool { return a != b && dependsOn(a, b) }) {
				rest = append(rest, a)
			} else {
				layer = append(layer, a)
			}
		}
		if len(layer) == 0 {
			return nil, fmt.Errorf("%w %s (rows reference each other): mark the relationship post_update", ErrCircularDependency, rows[0].table.Name)
		}
		out = append(out, layer)
		left = rest
	}
	return out, nil
}

// hasSelfReference reports whether t has a foreign key to itself.
func hasSelfReference(t *Table) bool {
	for _, fk := range t.ForeignKeys {
		if fk.RefTable == t.Name {
			return true
		}
	}
	return false
}

// rowDependsOn reports whether row a must be inserted after row b: a's
// many-to-one targets b, or b holds a in a collection, through a
// relationship that is not post_update.
func (u *unitOfWork) rowDependsOn(a, b *objState) bool {
	for _, r := range a.table.relations {
		if r.PostUpdate {
			continue
		}
		if j, _ := r.join(); j != nil && j.kind == ManyToOne {
			if a.relTarget(r) == b.obj {
				return true
			}
		}
	}
	for _, l := range u.parents[a] {
		if l.parent == b && !l.rel.PostUpdate {
			return true
		}
	}
	return inCollection(a, b)
}

// inCollection reports whether a is in one of b's loaded one-to-many
// collections: a deleted parent's children are not in u.parents.
func inCollection(a, b *objState) bool {
	for _, r := range b.table.relations {
		if j, _ := r.join(); r.PostUpdate || j == nil || j.kind != OneToMany {
			continue
		}
		if slices.Contains(b.relItems(r), a.obj) {
			return true
		}
	}
	return false
}
