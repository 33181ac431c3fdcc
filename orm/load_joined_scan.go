package orm

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"unsafe"
)

// allJoined runs the joined query, builds owners (de-duplicated when a
// collection multiplies their rows) and their related objects, then runs
// the remaining loader options.
func (s *SelectQuery[T]) allJoined(ctx context.Context, nodes []*joinNode) ([]*T, error) {
	query, args, err := s.joinedSQL(nodes)
	if err != nil {
		return nil, err
	}
	rows, err := s.q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	sess, ok := s.q.(*Session)
	if !ok {
		sess = &Session{fix: s.q, identity: identityMap{}, byObj: map[any]*objState{}}
	}
	out, err := scanJoined[T](ctx, sess, s.table, nodes, rows)
	if err != nil {
		return nil, err
	}
	if out, err = loadedObjects(ctx, sess, s.table, out, s.loadOptions()); err != nil {
		return nil, err
	}
	return out, afterLoad(ctx, out)
}

// joinedRow holds the scan destinations of a joined relationship's
// columns, reused for every row: a **F holder per column (nil after the
// scan for NULL) and a scratch struct the holders are copied into.
type joinedRow struct {
	target  *Table
	holders []reflect.Value
	dests   []any
	scratch reflect.Value
}

// scanJoined reads owner rows and their joined targets. Each row scans
// into scratch structs, and an object is allocated only for a row whose
// key is not yet in the session.
func scanJoined[T any](ctx context.Context, sess *Session, t *Table, nodes []*joinNode, rows *sql.Rows) ([]*T, error) {
	defer rows.Close()
	asm := &assembler{sess: sess, nodes: nodes, colls: map[collKey]*collected{}, hooked: map[*objState]bool{},
		targets: make([]*objState, len(nodes))}
	unique := hasCollection(nodes)
	seen := map[*objState]bool{}
	var out []*T
	scratch, zero := new(T), *new(T)
	sv := reflect.ValueOf(scratch).Elem()
	dest := make([]any, 0, len(t.Columns))
	for _, c := range t.Columns {
		dest = append(dest, c.codec.scanDest(fieldByIndex(sv, c.index)))
	}
	jrs := make([]*joinedRow, len(nodes))
	for i, n := range nodes {
		jrs[i] = newJoinedRow(n.j.target)
		dest = append(dest, jrs[i].dests...)
	}
	for rows.Next() {
		*scratch = zero
		for _, jr := range jrs {
			jr.reset()
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("orm: scan %s: %w", t.model, err)
		}
		st := sess.loadedState(t, sv)
		if st == nil {
			obj := new(T)
			*obj = *scratch
			markUnloaded(t, unsafe.Pointer(obj))
			if st = sess.mapState(t, obj); st == nil {
				out = append(out, obj) // a row without key: not mapped
				continue
			}
		}
		if err := asm.row(ctx, st, jrs); err != nil {
			return nil, err
		}
		if unique {
			if seen[st] {
				continue
			}
			seen[st] = true
		}
		out = append(out, st.obj.(*T))
	}
	if err := translate(sess.Dialect(), rows.Err()); err != nil {
		return nil, err
	}
	asm.finish()
	return out, nil
}

// loadedState returns the session's state for the row scanned into v when
// it is in the identity map and not expired (the row then changes
// nothing), or nil.
func (s *Session) loadedState(t *Table, v reflect.Value) *objState {
	k, ok := rowKey(t, v)
	if !ok {
		return nil
	}
	if st := s.identity.get(k); st != nil && !st.expired {
		return st
	}
	return nil
}

// newJoinedRow allocates nullable holders for t's columns.
func newJoinedRow(t *Table) *joinedRow {
	n := len(t.Columns)
	jr := &joinedRow{target: t, holders: make([]reflect.Value, n), dests: make([]any, n),
		scratch: reflect.New(t.model).Elem()}
	for i, c := range t.Columns {
		h := reflect.New(reflect.PointerTo(fieldByIndex(jr.scratch, c.index).Type()))
		jr.holders[i] = h
		jr.dests[i] = c.codec.scanDest(h.Elem())
	}
	return jr
}

// reset clears the holders so that the next scan allocates each value.
func (jr *joinedRow) reset() {
	for _, h := range jr.holders {
		h.Elem().SetZero()
	}
}

// An assembler collects, row by row, each owner's related objects per
// joined relationship, and assigns them when the rows are read.
type assembler struct {
	sess    *Session
	nodes   []*joinNode
	colls   map[collKey]*collected
	order   []collKey
	hooked  map[*objState]bool // AfterLoad ran in this query
	targets []*objState        // the current row's object per node
}

// collKey is one owner's relationship of one node.
type collKey struct {
	owner *objState
	node  int
}

// collected holds the distinct objects of one collKey, in row order;
// skip is set when the owner had loaded the relationship before the
// query (SQLAlchemy does not repopulate a loaded attribute).
type collected struct {
	items []any
	first *objState
	seen  map[*objState]bool // from the second object on
	skip  bool
}

// row adds one row's related objects to their owners.
func (a *assembler) row(ctx context.Context, owner *objState, jrs []*joinedRow) error {
	for i, n := range a.nodes {
		o := owner
		if n.parent >= 0 {
			o = a.targets[n.parent]
		}
		a.targets[i] = nil
		if o == nil {
			continue
		}
		target, err := a.build(ctx, jrs[i])
		if err != nil {
			return err
		}
		a.targets[i] = target
		a.collection(o, i).add(target, n.collection())
	}
	return nil
}

// add appends target unless it is nil or already there: a to-one keeps
// its first object; a collection looks at its last object, then at a set
// built once a second object arrives (rows of sibling collections repeat
// objects in patterns).
func (c *collected) add(target *objState, many bool) {
	switch {
	case target == nil:
	case len(c.items) == 0:
		c.items = append(c.items, target.obj)
		c.first = target
	case !many || c.items[len(c.items)-1] == target.obj:
	default:
		if c.seen == nil {
			c.seen = map[*objState]bool{c.first: true}
		}
		if !c.seen[target] {
			c.seen[target] = true
			c.items = append(c.items, target.obj)
		}
	}
}

// collection returns (creating) the collected objects of owner's node i.
func (a *assembler) collection(owner *objState, i int) *collected {
	k := collKey{owner, i}
	c := a.colls[k]
	if c == nil {
		c = &collected{skip: owner.relLoaded(a.nodes[i].rel)}
		a.colls[k] = c
		a.order = append(a.order, k)
	}
	return c
}

// build turns a row's holders into the mapped related object, or nil
// when the join found no row (NULL primary key).
func (a *assembler) build(ctx context.Context, jr *joinedRow) (*objState, error) {
	sv := jr.scratch
	sv.SetZero()
	for i, c := range jr.target.Columns {
		p := jr.holders[i].Elem()
		if p.IsNil() {
			if c.PrimaryKey {
				return nil, nil
			}
			continue
		}
		fieldByIndex(sv, c.index).Set(p.Elem())
	}
	st := a.sess.loadedState(jr.target, sv)
	if st == nil {
		obj := reflect.New(jr.target.model)
		obj.Elem().Set(sv)
		markUnloaded(jr.target, obj.UnsafePointer())
		st = a.sess.mapState(jr.target, obj.Interface())
	}
	if st == nil || a.hooked[st] {
		return st, nil
	}
	a.hooked[st] = true
	return st, callHook(ctx, st.obj, AfterLoader.AfterLoad)
}

// finish assigns the collected relationships that were not loaded before
// the query, and the reverse many-to-one of loaded one-to-many
// collections, as selectin does.
func (a *assembler) finish() {
	for _, k := range a.order {
		c, n := a.colls[k], a.nodes[k.node]
		if c.skip {
			continue
		}
		a.sess.setLoaded(k.owner, n.rel, c.items)
		back := n.rel.backRef()
		if back == nil || n.j.kind == ManyToMany || n.j.kind == ManyToOne {
			continue
		}
		owner := []any{k.owner.obj}
		for _, it := range c.items {
			if st := a.sess.byObj[it]; st != nil && !st.relLoaded(back) {
				a.sess.setLoaded(st, back, owner)
			}
		}
	}
}
