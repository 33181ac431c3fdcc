package orm

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// relationJoin is a resolved relationship. For many-to-one, local holds
// the owner's foreign key columns and remote the target's referenced
// columns; for one-to-many and one-to-one, local holds the owner's
// referenced columns and remote the target's foreign key columns; for
// many-to-many, local and remote are both sides' referenced columns and
// secLocal/secRemote the association table's columns pointing at them.
type relationJoin struct {
	kind              RelationKind
	target            *Table
	local, remote     []*Column
	sec               *Table
	secLocal, secRemo []*Column

	backOnce sync.Once
	back     *Relation
}

// join resolves the relationship; a success is kept, a failure is
// retried on the next use (the association model may be registered later).
func (r *Relation) join() (*relationJoin, error) {
	if j := r.res.Load(); j != nil {
		return j, nil
	}
	j, err := r.resolveJoin()
	if err != nil && r.owner.inherit != nil {
		if ij := inheritedJoin(r); ij != nil {
			j, err = ij, nil // declared on a joined-table parent, whose table the foreign key names
		}
	}
	if err != nil {
		return nil, fmt.Errorf("orm: relationship %s.%s: %w", r.owner.model, r.Name, err)
	}
	r.res.CompareAndSwap(nil, j)
	return r.res.Load(), nil
}

// resolveJoin finds the target table and the foreign key to join on.
func (r *Relation) resolveJoin() (*relationJoin, error) {
	nc := DefaultNamingConvention
	if r.owner.convention != nil {
		nc = *r.owner.convention
	}
	target, err := tableForType(r.elem, nc)
	if err != nil {
		return nil, err
	}
	j := &relationJoin{target: target}
	switch {
	case r.Secondary != "":
		return j, r.resolveSecondary(j, nc)
	case r.many:
		return j, r.resolveRemoteFK(j, OneToMany)
	}
	if _, named := hintColumns(r.owner, r.ForeignKey); hasFKTo(r.owner, target.Name) && (r.ForeignKey == "" || named) {
		return j, r.resolveLocalFK(j)
	}
	return j, r.resolveRemoteFK(j, OneToOne)
}

// hasFKTo reports whether t has a foreign key to table ref.
func hasFKTo(t *Table, ref string) bool {
	for _, fk := range t.ForeignKeys {
		if fk.RefTable == ref {
			return true
		}
	}
	return false
}

// resolveLocalFK joins on a foreign key of the owner to the target.
func (r *Relation) resolveLocalFK(j *relationJoin) error {
	fk, err := pickFK(r.owner, j.target.Name, r.ForeignKey)
	if err != nil {
		return err
	}
	j.kind = ManyToOne
	j.local, j.remote, err = fkColumns(r.owner, j.target, fk)
	return err
}

// resolveRemoteFK joins on a foreign key of the target to the owner.
func (r *Relation) resolveRemoteFK(j *relationJoin, kind RelationKind) error {
	fk, err := pickFK(j.target, r.owner.Name, r.ForeignKey)
	if err != nil {
		return err
	}
	j.kind = kind
	j.remote, j.local, err = fkColumns(j.target, r.owner, fk)
	return err
}

// resolveSecondary joins through the association table.
func (r *Relation) resolveSecondary(j *relationJoin, nc NamingConvention) error {
	sec := registeredTable(r.Secondary, nc)
	if sec == nil {
		return fmt.Errorf("association table %q is not a registered model (register it with MetaData.Register)", r.Secondary)
	}
	j.kind, j.sec = ManyToMany, sec
	var toOwner, toTarget []*ForeignKey
	for _, fk := range sec.ForeignKeys {
		if fk.RefTable == r.owner.Name {
			toOwner = append(toOwner, fk)
		}
		if fk.RefTable == j.target.Name {
			toTarget = append(toTarget, fk)
		}
	}
	if len(toOwner) == 0 || len(toTarget) == 0 {
		return fmt.Errorf("association table %s needs foreign keys to %s and %s", sec.Name, r.owner.Name, j.target.Name)
	}
	fo, ft := pickSecondary(sec, toOwner, toTarget, r.ForeignKey)
	var err error
	if j.secLocal, j.local, err = fkColumns(sec, r.owner, fo); err != nil {
		return err
	}
	j.secRemo, j.remote, err = fkColumns(sec, j.target, ft)
	return err
}

// pickFK returns the one foreign key of t to table ref, or the one whose
// columns are named by hint.
func pickFK(t *Table, ref, hint string) (*ForeignKey, error) {
	var found []*ForeignKey
	for _, fk := range t.ForeignKeys {
		if fk.RefTable == ref && (hint == "" || hintNames(t, hint, fk)) {
			found = append(found, fk)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return nil, fmt.Errorf("no foreign key from %s to %s%s", t.Name, ref, hintText(hint))
	}
	return nil, fmt.Errorf("%d foreign keys from %s to %s; name one with foreign_key:Field", len(found), t.Name, ref)
}

// hintText describes a foreign_key hint in errors.
func hintText(hint string) string {
	switch {
	case hint == "":
		return ""
	case strings.Contains(hint, ","):
		return fmt.Sprintf(" on columns %q", hint)
	}
	return fmt.Sprintf(" on column %q", hint)
}

// hintColumns returns the column names of a foreign_key hint, one column
// or field or several separated by commas (SQLAlchemy's foreign_keys
// list, for a key of several columns), and whether t has them all.
func hintColumns(t *Table, hint string) ([]string, bool) {
	if hint == "" {
		return nil, false
	}
	var names []string
	for _, h := range strings.Split(hint, ",") {
		c := t.lookup(strings.TrimSpace(h))
		if c == nil {
			return nil, false
		}
		names = append(names, c.Name)
	}
	return names, true
}

// hintNames reports whether hint names exactly the columns of fk, in any
// order.
func hintNames(t *Table, hint string, fk *ForeignKey) bool {
	names, ok := hintColumns(t, hint)
	if !ok || len(names) != len(fk.Columns) {
		return false
	}
	for _, n := range names {
		if !slices.Contains(fk.Columns, n) {
			return false
		}
	}
	return true
}

// fkColumns returns the columns of fk in from and the referenced columns
// in to.
func fkColumns(from, to *Table, fk *ForeignKey) (local, remote []*Column, err error) {
	for i, n := range fk.Columns {
		lc := from.Column(n)
		rc := to.Column(fk.RefColumns[i])
		if lc == nil || rc == nil {
			return nil, nil, fmt.Errorf("foreign key %s references unknown column %s.%s", fk.Name, to.Name, fk.RefColumns[i])
		}
		local, remote = append(local, lc), append(remote, rc)
	}
	return local, remote, nil
}

// registeredTable finds a parsed model table by name.
func registeredTable(name string, nc NamingConvention) *Table {
	var out *Table
	models.Range(func(k, v any) bool {
		e := v.(*modelEntry)
		if k.(modelKey).nc == nc && e.table != nil && e.table.Name == name {
			out = e.table
			return false
		}
		return true
	})
	return out
}

// backRef returns the reverse relationship on the target: the one named
// by BackPopulates, or the one using the same foreign key.
func (r *Relation) backRef() *Relation {
	j, err := r.join()
	if err != nil {
		return nil
	}
	j.backOnce.Do(func() { j.back = r.findBack(j) })
	return j.back
}

// findBack searches the target's relationships for the reverse of r.
func (r *Relation) findBack(j *relationJoin) *Relation {
	if r.BackPopulates != "" {
		return j.target.Relation(r.BackPopulates)
	}
	for _, o := range j.target.relations {
		if o == r || o.elem != r.owner.model {
			continue
		}
		oj, err := o.join()
		if err == nil && mirrors(j, oj) {
			return o
		}
	}
	return nil
}

// mirrors reports whether two joins use the same foreign key in opposite
// directions.
func mirrors(a, b *relationJoin) bool {
	if a.kind == ManyToMany || b.kind == ManyToMany {
		return a.kind == b.kind && a.sec == b.sec && sameCols(a.secLocal, b.secRemo)
	}
	if (a.kind == ManyToOne) == (b.kind == ManyToOne) {
		return false
	}
	return sameCols(a.local, b.remote) && sameCols(a.remote, b.local)
}

// sameCols compares column lists by identity.
func sameCols(a, b []*Column) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// pickSecondary chooses the association table's key to the owner and to
// the target. For a self-referential many-to-many both point at the same
// table: foreign_key names the owner's column (else the first key is the
// owner's) and the target's is another one.
func pickSecondary(sec *Table, toOwner, toTarget []*ForeignKey, hint string) (fo, ft *ForeignKey) {
	fo = toOwner[0]
	for _, fk := range toOwner {
		if hint != "" && hintNames(sec, hint, fk) {
			fo = fk
		}
	}
	ft = toTarget[len(toTarget)-1]
	for _, fk := range toTarget {
		if fk != fo {
			ft = fk
			break
		}
	}
	return fo, ft
}
