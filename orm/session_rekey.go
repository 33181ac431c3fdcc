package orm

import (
	"reflect"
	"slices"
	"strings"
)

// rekey moves st in the identity map to the key its primary key fields
// hold now: after a flush wrote a changed primary key (SQLAlchemy's
// natural primary keys), and after a rollback restored the old one. A
// row whose key changed is then found by its new key only, and Get of
// the old key no longer returns the object.
func (s *Session) rekey(st *objState) {
	if !st.hasKey {
		return
	}
	k, ok := rowKey(st.table, st.val())
	if !ok || k == st.key {
		return
	}
	s.identity.del(st.key, st)
	st.key = k
	s.identity.put(k, st)
}

// cascadeKeyChange is SQLAlchemy's passive_updates=True: after a flush
// changed columns of st that foreign keys reference (a natural primary
// key), the database's ON UPDATE CASCADE has changed the referencing rows,
// so the session's objects of those rows get the new values too, in
// their fields and in their loaded state (no UPDATE is sent for them). A
// field the user changed since the load keeps the change. old is st's
// loaded state before the flush; cols the columns it wrote. An object
// whose primary key held the foreign key moves in the identity map, and
// the change cascades on to its own referencing objects. Only a foreign
// key declared ON UPDATE CASCADE is followed: without it the database
// refuses the change or applies its own action (SET NULL), and the
// objects are left as they are.
func (s *Session) cascadeKeyChange(st *objState, old reflect.Value, cols []*Column) {
	if !s.holdsReferrers(st.table, cols) { // the common case: a plain column changed
		return
	}
	var refs []*objState
	for _, ch := range s.byObj {
		if ch.status == statusPersistent && ch != st && referencesTable(ch.table, st.table) {
			refs = append(refs, ch)
		}
	}
	for _, ch := range refs {
		for _, fk := range ch.table.ForeignKeys {
			if fk.RefTable == st.table.Name && refsAny(fk, cols) && strings.EqualFold(fk.OnUpdate, "CASCADE") {
				s.cascadeFK(st, old, ch, fk)
			}
		}
	}
}

// holdsReferrers reports whether the identity map holds objects of a
// table with a foreign key to one of cols of t.
func (s *Session) holdsReferrers(t *Table, cols []*Column) bool {
	for it := range s.identity {
		for _, fk := range it.ForeignKeys {
			if fk.RefTable == t.Name && refsAny(fk, cols) {
				return true
			}
		}
	}
	return false
}

// referencesTable reports whether t has a foreign key to ref.
func referencesTable(t, ref *Table) bool {
	for _, fk := range t.ForeignKeys {
		if fk.RefTable == ref.Name {
			return true
		}
	}
	return false
}

// refsAny reports whether fk references one of cols.
func refsAny(fk *ForeignKey, cols []*Column) bool {
	for _, c := range cols {
		if slices.Contains(fk.RefColumns, c.Name) {
			return true
		}
	}
	return false
}

// cascadeFK copies the new referenced values of parent into ch's foreign
// key fk when ch's loaded foreign key holds the old ones.
func (s *Session) cascadeFK(parent *objState, old reflect.Value, ch *objState, fk *ForeignKey) {
	pt, ct := parent.table, ch.table
	for i, name := range fk.Columns {
		c, rc := ct.Column(name), pt.Column(fk.RefColumns[i])
		if c == nil || rc == nil || !sameValue(fieldByIndex(ch.loaded, c.index), fieldByIndex(old, rc.index)) {
			return
		}
	}
	before := ch.loaded
	loaded, cur := snapshot(ct, ch.loaded), ch.val()
	var keyCols []*Column
	for i, name := range fk.Columns {
		c, rc := ct.Column(name), pt.Column(fk.RefColumns[i])
		nv := fieldByIndex(parent.val(), rc.index)
		if sameField(fieldByIndex(before, c.index), fieldByIndex(cur, c.index)) {
			assignValue(fieldByIndex(cur, c.index), nv)
		}
		assignValue(fieldByIndex(loaded, c.index), nv)
		if c.PrimaryKey {
			keyCols = append(keyCols, c)
		}
	}
	ch.loaded = loaded // a copy: committed keeps the values to roll back to
	if len(keyCols) > 0 {
		s.rekey(ch)
		s.cascadeKeyChange(ch, before, keyCols)
	}
}

// sameValue compares two column values that may differ in pointer-ness
// or integer width (a *string foreign key and its string key); a nil
// pointer equals nothing.
func sameValue(a, b reflect.Value) bool {
	for _, v := range []*reflect.Value{&a, &b} {
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return false
			}
			*v = v.Elem()
		}
	}
	if a.Type() != b.Type() {
		if !b.CanConvert(a.Type()) || isNumber(a.Kind()) != isNumber(b.Kind()) {
			return false
		}
		b = b.Convert(a.Type())
	}
	return sameField(a, b)
}
