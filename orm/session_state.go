package orm

import (
	"bytes"
	"reflect"
	"sync"
	"time"
)

// stateStatus is an object's place in the session's lifecycle, as in
// SQLAlchemy: transient objects have no state at all.
type stateStatus uint8

const (
	statusPending    stateStatus = iota + 1 // added, not yet inserted
	statusPersistent                        // has a row and is in the identity map
	statusDeleted                           // marked for deletion (flushed: row gone)
	statusDetached                          // no longer in the session
)

// objState is the session's bookkeeping for one object.
type objState struct {
	obj   any // the *Model pointer the user holds
	table *Table
	key   identityKey

	// loaded is a struct copy holding the columns as of the last load or
	// flush; committed holds them as of the transaction's start (for an
	// object added in the transaction, as of Add).
	loaded, committed reflect.Value

	insertGen uint64     // the flush that inserted it
	rels      []relState // by Relation.pos

	// The one-byte fields come last so that they pack into one word: a
	// state is allocated per loaded object.
	status   stateStatus
	hasKey   bool
	inserted bool // inserted in the current transaction
	flushed  bool // a deleted object's DELETE has run
	expired  bool // the next load refreshes the fields not changed since
}

// relState tracks one relationship of one object.
type relState struct {
	used      bool // the relationship has state
	loaded    bool
	raise     bool
	items     []any // targets as of the last load or flush
	committed []any // targets as of the transaction's start
}

// val returns the object's struct value.
func (st *objState) val() reflect.Value { return reflect.ValueOf(st.obj).Elem() }

// rel returns (creating) the state of relationship r.
func (st *objState) rel(r *Relation) *relState {
	if st.rels == nil {
		st.rels = make([]relState, len(st.table.relations))
	}
	rs := &st.rels[r.pos]
	rs.used = true
	return rs
}

// getRel returns the state of relationship r, or nil.
func (st *objState) getRel(r *Relation) *relState {
	if st.rels == nil || !st.rels[r.pos].used {
		return nil
	}
	return &st.rels[r.pos]
}

// relLoaded reports whether r was loaded (or set by a flush).
func (st *objState) relLoaded(r *Relation) bool {
	rs := st.getRel(r)
	return rs != nil && rs.loaded
}

// snapshot copies the struct v, deep enough for its columns that changes
// made through the struct (including through pointer fields and byte
// slices) are seen: one allocation for most models.
func snapshot(t *Table, v reflect.Value) reflect.Value {
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	copyDeep(t, c)
	return c
}

// deepCopy returns a copy of a pointer or byte-slice field that shares no
// memory with it.
func deepCopy(f reflect.Value) reflect.Value {
	switch {
	case f.Kind() == reflect.Pointer && !f.IsNil():
		p := reflect.New(f.Type().Elem())
		p.Elem().Set(f.Elem())
		return p
	case f.Kind() == reflect.Slice && !f.IsNil() && f.Type().Elem().Kind() == reflect.Uint8:
		return reflect.ValueOf(bytes.Clone(f.Bytes())).Convert(f.Type())
	}
	return f
}

// restore writes a snapshot's columns back into v.
func restore(t *Table, v, snap reflect.Value) {
	if !snap.IsValid() {
		return
	}
	for _, c := range t.Columns {
		fieldByIndex(v, c.index).Set(deepCopy(fieldByIndex(snap, c.index)))
	}
}

// changed returns the columns whose values differ from the loaded state.
func (st *objState) changed() []*Column {
	var out []*Column
	for _, c := range st.table.Columns {
		if !sameField(fieldByIndex(st.loaded, c.index), fieldByIndex(st.val(), c.index)) {
			out = append(out, c)
		}
	}
	return out
}

// isDirty reports whether any column differs from the loaded state.
func (st *objState) isDirty() bool {
	for _, c := range st.table.Columns {
		if !sameField(fieldByIndex(st.loaded, c.index), fieldByIndex(st.val(), c.index)) {
			return true
		}
	}
	return false
}

// sameField compares two values of the same field type without boxing
// the common kinds. A type with an Equal method (time.Time, Decimal, a
// user's money or UUID type) is compared with it: 10.50 and 10.5 are the
// same Decimal, and one instant in two time zones is the same time.
func sameField(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return a.Int() == b.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return a.Uint() == b.Uint()
	case reflect.String:
		return a.String() == b.String()
	case reflect.Bool:
		return a.Bool() == b.Bool()
	case reflect.Float32, reflect.Float64:
		return a.Float() == b.Float()
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return sameField(a.Elem(), b.Elem())
	case reflect.Struct:
		switch a.Type() {
		case typeTime:
			return a.Interface().(time.Time).Equal(b.Interface().(time.Time))
		case typeDecimal:
			return a.Interface().(Decimal).Equal(b.Interface().(Decimal))
		}
	}
	if eq := equalMethod(a.Type()); eq.IsValid() {
		return eq.Call([]reflect.Value{a, b})[0].Bool()
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}

// equalMethods caches, per field type, its method expression
// func(T, T) bool named Equal, or the zero Value when it has none.
var equalMethods sync.Map // reflect.Type -> reflect.Value

// equalMethod returns t's Equal(T) bool method as a function of two
// arguments, or the zero Value.
func equalMethod(t reflect.Type) reflect.Value {
	if m, ok := equalMethods.Load(t); ok {
		return m.(reflect.Value)
	}
	var fn reflect.Value
	if m, ok := t.MethodByName("Equal"); ok && m.Type.NumIn() == 2 && m.Type.In(1) == t &&
		m.Type.NumOut() == 1 && m.Type.Out(0).Kind() == reflect.Bool {
		fn = m.Func
	}
	equalMethods.Store(t, fn)
	return fn
}

// markLoaded records the object's current values as loaded: a flush
// wrote them. An expired object stays expired: the columns the flush did
// not write are reloaded by the next query that returns its row.
func (st *objState) markLoaded() {
	st.loaded = snapshot(st.table, st.val())
	if !st.committed.IsValid() {
		st.committed = st.loaded
	}
}

// markFlushed is markLoaded for a row a flush inserted, its snapshot
// taken from the session's slab like those of loaded rows.
func (s *Session) markFlushed(st *objState) {
	st.loaded = s.loadSnapshot(st.table, st.val())
	if !st.committed.IsValid() {
		st.committed = st.loaded
	}
}

// refreshFrom reloads an expired object from a freshly scanned row, as
// SQLAlchemy reloads expired attributes: each column still equal to its
// loaded value takes the row's value, and a column the user changed since
// keeps the change, which the next flush writes if it differs from the
// row. A rollback still returns to the committed state.
func (s *Session) refreshFrom(st *objState, row reflect.Value) {
	if p := s.partial; p != nil && p.table == st.table {
		s.refreshColumns(st, row, p.cols)
		return
	}
	cur := st.val()
	for _, c := range st.table.Columns {
		f := fieldByIndex(cur, c.index)
		if sameField(fieldByIndex(st.loaded, c.index), f) {
			f.Set(fieldByIndex(row, c.index))
		}
	}
	st.loaded = s.loadSnapshot(st.table, row)
	st.expired = false
	delete(s.expiredAt, st)
}

// refreshColumns is refreshFrom for a row holding only cols (a
// hand-written query selecting some columns): the others keep their
// values and stay expired, as in SQLAlchemy.
func (s *Session) refreshColumns(st *objState, row reflect.Value, cols []*Column) {
	cur := st.val()
	loaded := snapshot(st.table, st.loaded)
	for _, c := range cols {
		f, l := fieldByIndex(cur, c.index), fieldByIndex(loaded, c.index)
		if sameField(l, f) {
			f.Set(fieldByIndex(row, c.index))
		}
		l.Set(deepCopy(fieldByIndex(row, c.index)))
	}
	st.loaded = loaded
}

// expire marks the object for reloading and forgets its unflushed
// changes, as SQLAlchemy's expire does: the next load overwrites every
// column.
func (st *objState) expire() {
	st.expired = true
	st.loaded = snapshot(st.table, st.val())
}

// relValue returns the relationship field of the object.
func (st *objState) relValue(r *Relation) reflect.Value { return fieldByIndex(st.val(), r.index) }

// relField returns the object's Many or One field of r.
func (st *objState) relField(r *Relation) relField {
	return st.relValue(r).Addr().Interface().(relField)
}

// relItems returns the objects currently referenced by r (none when it
// is not loaded).
func (st *objState) relItems(r *Relation) []any { return st.relField(r).relItems() }

// relTarget returns the object a to-one relationship references, or nil.
func (st *objState) relTarget(r *Relation) any {
	if items := st.relItems(r); len(items) > 0 {
		return items[0]
	}
	return nil
}

// setRelItems assigns objects to relationship r's field, which is then
// loaded.
func (st *objState) setRelItems(r *Relation, items []any) { st.relField(r).setRelItems(items) }

// fieldLoaded reports whether r's field holds loaded contents.
func (st *objState) fieldLoaded(r *Relation) bool { return st.relField(r).isLoaded() }

// unloadedFields reports, by Relation.pos, which relationship fields are
// unloaded; nil when none is.
func (st *objState) unloadedFields() []bool {
	var out []bool
	for _, r := range st.table.relations {
		if !st.fieldLoaded(r) {
			if out == nil {
				out = make([]bool, len(st.table.relations))
			}
			out[r.pos] = true
		}
	}
	return out
}

// unloadRelations marks every relationship field of the object unloaded.
func (st *objState) unloadRelations() {
	for _, r := range st.table.relations {
		st.relField(r).unload(r)
	}
}

// snapRel records the current contents of r as flushed; complete marks
// the relationship loaded (a new object's relationships are complete).
func (st *objState) snapRel(r *Relation, complete bool) {
	if r.dynamic { // written: the queue is done
		st.relField(r).(dynamicField).clearQueue()
		return
	}
	rs := st.getRel(r)
	items := st.relItems(r)
	if rs == nil && !complete && len(items) == 0 {
		return
	}
	rs = st.rel(r)
	rs.loaded = rs.loaded || complete && st.fieldLoaded(r)
	rs.items = items
}
