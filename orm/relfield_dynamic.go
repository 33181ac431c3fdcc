package orm

import (
	"errors"
	"fmt"
	"reflect"
	"unsafe"
)

// A Dynamic is a to-many relationship field (one-to-many or
// many-to-many) that is never loaded: SQLAlchemy's lazy="dynamic" and
// 2.0's WriteOnlyMapped. Posts orm.Dynamic[Post] takes the same tag
// options as a Many (back_populates, secondary, foreign_key, order_by,
// cascade, passive_deletes). Instead of a slice it gives a query:
//
//	page, err := user.Posts.Query(s).Where(orm.C("views").Gt(10)).Limit(20).All(ctx)
//	n, err := user.Posts.Query(s).Count(ctx)
//
// Add and Remove queue changes that the session's next flush writes: it
// sets or clears the child's foreign key (or deletes it with
// delete-orphan), or inserts and deletes association rows. The whole
// collection is never read, so a relationship of millions of rows costs
// what one page costs. Loader options naming it (SelectInLoad,
// JoinedLoad, ...) and Load are errors.
type Dynamic[T any] struct {
	rel     *Relation      // set when the owner is read or found in a session; first field (see markUnloaded)
	owner   unsafe.Pointer // the owner struct, set with rel; second field
	added   []*T           // queued additions in order; nil where cancelled
	removed []*T           // queued removals in order; nil where cancelled
	at      map[*T]int     // queued item -> i+1 in added, or -(i+1) in removed
}

// ErrDynamicLoad matches the error of a loader option or Load naming a
// Dynamic relationship.
var ErrDynamicLoad = errors.New("orm: a dynamic relationship cannot be loaded")

// dynamicLoadError refuses to load r when it is a Dynamic field, as
// SQLAlchemy refuses eager loading of lazy="dynamic" relationships.
func dynamicLoadError(r *Relation) error {
	if r == nil || !r.dynamic {
		return nil
	}
	return fmt.Errorf("%w: %s.%s is never loaded (eager loading cannot be applied); query it with obj.%s.Query(s)",
		ErrDynamicLoad, r.owner.model.Name(), r.Name, r.Name)
}

// checkDynamicPaths returns the error of the first option whose path
// passes through a Dynamic relationship of t.
func checkDynamicPaths(t *Table, opts []*LoadOption) error {
	for _, o := range opts {
		cur := t
		for _, name := range o.path {
			r := cur.Relation(name)
			if r == nil {
				break // reported when the query loads
			}
			if err := dynamicLoadError(r); err != nil {
				return err
			}
			if cur, _ = r.Target(); cur == nil {
				break
			}
		}
	}
	return nil
}

// Add queues items to be added to the relationship: the next flush of
// the session holding the owner adds new items to the session (the
// save-update cascade), sets their foreign key to the owner's key (or
// inserts association rows). Adding an item removed since the last flush
// cancels the removal.
func (d *Dynamic[T]) Add(items ...*T) {
	for _, it := range items {
		if it != nil {
			d.queue(it, true)
		}
	}
}

// Remove queues items to be removed from the relationship: the next
// flush clears their foreign key, deletes them (cascade delete-orphan) or
// deletes their association rows. Removing an item added since the last
// flush cancels the addition. An item whose foreign key no longer points
// at the owner is left alone.
func (d *Dynamic[T]) Remove(items ...*T) {
	for _, it := range items {
		if it != nil {
			d.queue(it, false)
		}
	}
}

// queue records an addition (add) or removal of it in constant time: an
// item queued the other way is cancelled (its slot emptied), one queued
// the same way already is left in place.
func (d *Dynamic[T]) queue(it *T, add bool) {
	if d.at == nil {
		d.at = map[*T]int{}
	}
	if pos, ok := d.at[it]; ok {
		if (pos > 0) == add {
			return
		}
		if pos > 0 {
			d.added[pos-1] = nil
		} else {
			d.removed[-pos-1] = nil
		}
		delete(d.at, it)
		return
	}
	if add {
		d.added = append(d.added, it)
		d.at[it] = len(d.added)
	} else {
		d.removed = append(d.removed, it)
		d.at[it] = -len(d.removed)
	}
}

// live returns the queued items of list, without cancelled slots.
func live[T any](list []*T) []*T {
	out := make([]*T, 0, len(list))
	for _, it := range list {
		if it != nil {
			out = append(out, it)
		}
	}
	return out
}

// Pending returns the items queued by Add and Remove that no flush has
// written yet.
func (d *Dynamic[T]) Pending() (added, removed []*T) {
	return live(d.added), live(d.removed)
}

// MarshalJSON refuses to encode the relationship: it has no loaded
// contents. Tag the field json:"-" and encode a page of its Query.
func (d Dynamic[T]) MarshalJSON() ([]byte, error) {
	name := "a Dynamic relationship"
	if d.rel != nil {
		name = d.rel.owner.model.Name() + "." + d.rel.Name
	}
	return nil, fmt.Errorf("%w: %s has no contents to encode; tag it json:\"-\" and encode a page of its Query", ErrDynamicLoad, name)
}

// dynamicField is how the flush reads a Dynamic's queue.
type dynamicField interface {
	queued() (added, removed []any)
	clearQueue()
}

// dynamicFieldType is the interface of Dynamic fields.
var dynamicFieldType = reflect.TypeFor[dynamicField]()

// isDynamicField reports whether a field type is a Dynamic.
func isDynamicField(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && reflect.PointerTo(t).Implements(dynamicFieldType)
}

func (d *Dynamic[T]) queued() (added, removed []any) {
	return anySlice(live(d.added)), anySlice(live(d.removed))
}

func (d *Dynamic[T]) clearQueue() { d.added, d.removed, d.at = nil, nil, nil }

// anySlice converts []*T to []any.
func anySlice[T any](items []*T) []any {
	out := make([]any, len(items))
	for i, it := range items {
		out[i] = it
	}
	return out
}

// relItems returns the queued additions: the save-update cascade adds
// them to the session.
func (d *Dynamic[T]) relItems() []any { return anySlice(live(d.added)) }

// setRelItems is used by the flush when the owner is deleted: the
// children it loads (to delete or orphan them) replace the queue.
func (d *Dynamic[T]) setRelItems(items []any) {
	d.added, d.removed, d.at = nil, nil, nil
	for _, it := range items {
		d.queue(it.(*T), true)
	}
}

func (d *Dynamic[T]) unload(r *Relation) {
	d.rel, d.added, d.removed, d.at = r, nil, nil, nil
}
func (d *Dynamic[T]) isLoaded() bool { return true } // nothing to load
func (d *Dynamic[T]) isRelField()    {}
