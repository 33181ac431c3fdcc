package orm

import (
	"context"
	"fmt"
	"reflect"
)

// updateReferrers is SQLAlchemy's passive_updates=False, run before a
// flush writes anything: for each persistent object whose key columns
// joined on by a passive_updates:false relationship changed, the objects
// referencing it through that relationship get the new values in their
// foreign key fields, so that the flush UPDATEs their rows (for databases
// without ON UPDATE CASCADE). A one-to-many or one-to-one collection not
// loaded yet is loaded first; through a many-to-one, the session's
// objects whose foreign key holds the old values follow.
func (u *unitOfWork) updateReferrers(ctx context.Context) error {
	for _, r := range u.nonPassive() {
		j, err := r.join()
		if err != nil {
			return err
		}
		switch j.kind {
		case OneToMany, OneToOne:
			err = u.updateChildren(ctx, r, j)
		case ManyToOne:
			u.updateByValue(r, j)
		case ManyToMany:
			err = u.refuseManyToMany(r, j)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// nonPassive returns the passive_updates:false relationships of the
// tables the session holds objects of.
func (u *unitOfWork) nonPassive() []*Relation {
	var out []*Relation
	for t := range u.s.identity {
		for _, r := range t.relations {
			if r.NoPassiveUpdates && !r.dynamic {
				out = append(out, r)
			}
		}
	}
	return out
}

// rekeyed returns the persistent objects of t whose cols changed since
// they were loaded.
func (u *unitOfWork) rekeyed(t *Table, cols []*Column) []*objState {
	var out []*objState
	for _, st := range u.s.byObj {
		if st.table != t || st.status != statusPersistent {
			continue
		}
		for _, c := range cols {
			if !sameField(fieldByIndex(st.loaded, c.index), fieldByIndex(st.val(), c.index)) {
				out = append(out, st)
				break
			}
		}
	}
	return out
}

// updateChildren follows a one-to-many or one-to-one r: the children of
// each parent whose joined key changed take the new key.
func (u *unitOfWork) updateChildren(ctx context.Context, r *Relation, j *relationJoin) error {
	parents := u.rekeyed(r.owner, j.local)
	var todo []*objState
	for _, st := range parents {
		if !st.relLoaded(r) && !st.fieldLoaded(r) {
			todo = append(todo, st)
		}
	}
	if err := u.loadByOldKey(ctx, r, j, todo); err != nil {
		return err
	}
	for _, st := range parents {
		for _, it := range st.relItems(r) {
			setCols(reflect.ValueOf(it).Elem(), j.remote, st.val(), j.local)
		}
	}
	return nil
}

// loadByOldKey loads r of parents by the key values they were loaded
// with, which the rows referencing them still hold.
func (u *unitOfWork) loadByOldKey(ctx context.Context, r *Relation, j *relationJoin, parents []*objState) error {
	if len(parents) == 0 {
		return nil
	}
	cur := make([][]reflect.Value, len(parents))
	for i, st := range parents {
		for _, c := range j.local {
			f := fieldByIndex(st.val(), c.index)
			keep := reflect.New(f.Type()).Elem()
			keep.Set(f)
			cur[i] = append(cur[i], keep)
			f.Set(deepCopy(fieldByIndex(st.loaded, c.index)))
		}
	}
	err := u.s.loadRelation(ctx, r, parents, nil)
	for i, st := range parents {
		for k, c := range j.local {
			fieldByIndex(st.val(), c.index).Set(cur[i][k])
		}
	}
	return err
}

// updateByValue follows a many-to-one r: each of the session's objects
// of r's table takes the new key of the changed parent its loaded r holds
// (following the object graph, as SQLAlchemy does); one without a loaded
// parent takes that of the changed parent whose old key its foreign key
// holds. Every child is matched before any is changed, so that parents
// renamed to each other's old keys in one flush move each child once.
func (u *unitOfWork) updateByValue(r *Relation, j *relationJoin) {
	parents := u.rekeyed(j.target, j.remote)
	if len(parents) == 0 {
		return
	}
	changed := make(map[any]*objState, len(parents))
	for _, p := range parents {
		changed[p.obj] = p
	}
	type move struct{ ch, p *objState }
	var moves []move
	for _, ch := range u.s.byObj {
		if ch.table != r.owner || ch.status == statusDeleted {
			continue
		}
		if p := u.childParent(ch, r, j, parents, changed); p != nil {
			moves = append(moves, move{ch, p})
		}
	}
	for _, m := range moves {
		setCols(m.ch.val(), j.local, m.p.val(), j.remote)
	}
}

// childParent returns the changed parent whose new key ch takes through
// r, or nil.
func (u *unitOfWork) childParent(ch *objState, r *Relation, j *relationJoin, parents []*objState, changed map[any]*objState) *objState {
	if ch.fieldLoaded(r) {
		if tgt := ch.relTarget(r); tgt != nil {
			return changed[tgt]
		}
	}
	for _, p := range parents {
		if holdsKey(ch.val(), j.local, p.loaded, j.remote) {
			return p
		}
	}
	return nil
}

// holdsKey reports whether the cols fields of v hold the refCols values
// of ref.
func holdsKey(v reflect.Value, cols []*Column, ref reflect.Value, refCols []*Column) bool {
	for i, c := range cols {
		if !sameValue(fieldByIndex(v, c.index), fieldByIndex(ref, refCols[i].index)) {
			return false
		}
	}
	return true
}

// setCols assigns the refCols values of ref to the cols fields of v.
func setCols(v reflect.Value, cols []*Column, ref reflect.Value, refCols []*Column) {
	for i, c := range cols {
		assignValue(fieldByIndex(v, c.index), fieldByIndex(ref, refCols[i].index))
	}
}

// refuseManyToMany fails the flush when a key a passive_updates:false
// many-to-many joins on changed: the association rows are not followed,
// and leaving them pointing at the old key would lose the links.
func (u *unitOfWork) refuseManyToMany(r *Relation, j *relationJoin) error {
	if len(u.rekeyed(r.owner, j.local)) == 0 && len(u.rekeyed(j.target, j.remote)) == 0 {
		return nil
	}
	return fmt.Errorf("orm: %s.%s: passive_updates:false does not follow many-to-many association rows; "+
		"declare the foreign keys of %s fk_onupdate:CASCADE", r.owner.model.Name(), r.Name, j.sec.Name)
}
