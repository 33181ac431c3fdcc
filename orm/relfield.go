package orm

import (
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"slices"
	"sync"
	"unsafe"
)

// A Many is a to-many relationship field (one-to-many or many-to-many):
// Posts orm.Many[Post]. It knows whether it is loaded. An object read
// from the database starts with its relationships unloaded, and reading
// an unloaded Many (Items, All, Len, JSON encoding) panics with a
// *NotLoadedError naming the relationship and the loader option that
// loads it: an unloaded collection never reads as an empty one. A Many
// built by user code (the zero value, or one filled by Set or Append) is
// loaded: a new object's relationships are complete, as in SQLAlchemy.
//
// Reading methods have value receivers so that templates and JSON can
// use them on any value; the mutating ones need the field's address.
type Many[T any] struct {
	unloaded *Relation // non-nil while the ORM has not loaded it; first field (see markUnloaded)
	items    []*T
}

// A One is a to-one relationship field (many-to-one or one-to-one):
// Author orm.One[User]. Like Many, an unloaded One panics with a
// *NotLoadedError when read (Get, JSON encoding) instead of reading as
// nil; a loaded One whose target is absent reads as nil.
type One[T any] struct {
	unloaded *Relation // first field, as in Many
	ptr      *T
	set      bool // assigned (Set, OneOf, JSON, the ORM): Merge copies it
}

// ManyOf returns a loaded collection holding items, for struct literals:
// &User{Posts: orm.ManyOf(&Post{Title: "hi"})}.
func ManyOf[T any](items ...*T) Many[T] { return Many[T]{items: assigned(items)} }

// assigned returns items, an empty non-nil slice when there are none: a
// Many whose items are nil is the zero value, which Merge leaves alone
// (SQLAlchemy's merge skips a collection never assigned), while one set
// to nothing is merged as empty.
func assigned[T any](items []*T) []*T {
	if items == nil {
		return []*T{}
	}
	return items
}

// OneOf returns a loaded to-one relationship holding target, for struct
// literals: &Post{Author: orm.OneOf(ann)}.
func OneOf[T any](target *T) One[T] { return One[T]{ptr: target, set: true} }

// ErrNotLoaded matches a *NotLoadedError.
var ErrNotLoaded = errors.New("orm: relationship is not loaded")

// A NotLoadedError is the panic value of reading an unloaded relationship
// field, and the error of encoding one as JSON. Its message names the
// relationship and how to load it.
type NotLoadedError struct {
	// Model is the owner's Go type name; Relation the field's name.
	Model, Relation string
	// Many is true for a collection.
	Many bool
}

// Error names the relationship and the options that load it.
func (e *NotLoadedError) Error() string {
	opt := fmt.Sprintf("orm.SelectInLoad(%q)", e.Relation)
	if !e.Many {
		opt = fmt.Sprintf("orm.JoinedLoad(%q)", e.Relation)
	}
	return fmt.Sprintf("orm: %s.%s is not loaded (it is not empty: it was never read from the database); "+
		"load it in the query with .Options(%s), or load it afterwards with s.Load(ctx, &obj.%s) or orm.LoadAll",
		e.Model, e.Relation, opt, e.Relation)
}

// Unwrap makes errors.Is(err, ErrNotLoaded) true.
func (e *NotLoadedError) Unwrap() error { return ErrNotLoaded }

// notLoaded returns the error for relationship r.
func notLoaded(r *Relation) *NotLoadedError {
	return &NotLoadedError{Model: r.owner.model.Name(), Relation: r.Name, Many: r.many}
}

// Loaded reports whether the collection holds its complete contents.
func (m Many[T]) Loaded() bool { return m.unloaded == nil }

// Items returns the loaded collection (nil when empty); it panics with a
// *NotLoadedError when the collection is not loaded. The slice belongs
// to the field: change the collection with Set, Append and Remove.
func (m Many[T]) Items() []*T {
	m.check()
	return m.items
}

// All iterates over the loaded collection; it panics with a
// *NotLoadedError when the collection is not loaded.
func (m Many[T]) All() iter.Seq2[int, *T] {
	m.check()
	return slices.All(m.items)
}

// Len returns the number of loaded items; it panics with a
// *NotLoadedError when the collection is not loaded.
func (m Many[T]) Len() int {
	m.check()
	return len(m.items)
}

// check panics when the collection is not loaded.
func (m Many[T]) check() {
	if m.unloaded != nil {
		panic(notLoaded(m.unloaded))
	}
}

// Set replaces the collection's contents, which are then loaded. On an
// unloaded collection of an object from the database it panics: the
// rows it replaces are unknown, so load it first.
func (m *Many[T]) Set(items ...*T) {
	m.check()
	m.items = assigned(items)
}

// Append adds items to the collection; it panics with a *NotLoadedError
// when the collection is not loaded (load it first).
func (m *Many[T]) Append(items ...*T) {
	m.check()
	m.items = append(m.items, items...)
}

// Remove removes item from the collection and reports whether it was
// there; it panics with a *NotLoadedError when the collection is not
// loaded.
func (m *Many[T]) Remove(item *T) bool {
	m.check()
	i := slices.Index(m.items, item)
	if i < 0 {
		return false
	}
	m.items = slices.Delete(slices.Clone(m.items), i, i+1)
	return true
}

// MarshalJSON encodes the loaded collection as an array ([] when empty);
// an unloaded collection is a *NotLoadedError, never null or [].
func (m Many[T]) MarshalJSON() ([]byte, error) {
	if m.unloaded != nil {
		return nil, notLoaded(m.unloaded)
	}
	if m.items == nil {
		return []byte("[]"), nil
	}
	return marshalGuarded(unsafe.Pointer(unsafe.SliceData(m.items)), m.items)
}

// UnmarshalJSON decodes an array into a loaded collection.
func (m *Many[T]) UnmarshalJSON(b []byte) error {
	var items []*T
	if err := json.Unmarshal(b, &items); err != nil {
		return err
	}
	*m = Many[T]{items: items}
	return nil
}

// Loaded reports whether the relationship holds its target (or its
// known absence).
func (o One[T]) Loaded() bool { return o.unloaded == nil }

// Get returns the loaded target, nil when there is none; it panics with
// a *NotLoadedError when the relationship is not loaded.
func (o One[T]) Get() *T {
	if o.unloaded != nil {
		panic(notLoaded(o.unloaded))
	}
	return o.ptr
}

// Set makes target (nil for none) the relationship's loaded value.
func (o *One[T]) Set(target *T) { *o = One[T]{ptr: target, set: true} }

// MarshalJSON encodes the target (null when there is none); an unloaded
// relationship is a *NotLoadedError.
func (o One[T]) MarshalJSON() ([]byte, error) {
	if o.unloaded != nil {
		return nil, notLoaded(o.unloaded)
	}
	if o.ptr == nil {
		return []byte("null"), nil
	}
	return marshalGuarded(unsafe.Pointer(o.ptr), o.ptr)
}

// UnmarshalJSON decodes the target (null for none) as loaded.
func (o *One[T]) UnmarshalJSON(b []byte) error {
	var p *T
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*o = One[T]{ptr: p, set: true}
	return nil
}

// relField is how the ORM reads and writes a Many or One field without
// the panics of the user-facing methods.
type relField interface {
	relItems() []any
	setRelItems(items []any) // assigns and marks loaded
	unload(r *Relation)      // empties and marks unloaded
	isLoaded() bool
	isRelField()
}

func (m *Many[T]) relItems() []any {
	out := make([]any, 0, len(m.items))
	for _, it := range m.items {
		if it != nil {
			out = append(out, it)
		}
	}
	return out
}

// nilHolder is a collection that can hold nil, which a flush refuses
// (SQLAlchemy's "Can't flush None value found in collection").
type nilHolder interface{ hasNil() bool }

func (m *Many[T]) hasNil() bool { return slices.Contains(m.items, nil) }

func (m *Many[T]) setRelItems(items []any) {
	s := make([]*T, len(items))
	for i, it := range items {
		s[i] = it.(*T)
	}
	*m = Many[T]{items: s}
}

func (m *Many[T]) unload(r *Relation) { *m = Many[T]{unloaded: r} }
func (m *Many[T]) neverSet() bool     { return m.unloaded == nil && m.items == nil }
func (m *Many[T]) isLoaded() bool     { return m.unloaded == nil }
func (m *Many[T]) isRelField()        {}

func (o *One[T]) relItems() []any {
	if o.ptr == nil {
		return nil
	}
	return []any{o.ptr}
}

func (o *One[T]) setRelItems(items []any) {
	*o = One[T]{set: true}
	if len(items) > 0 {
		o.ptr = items[0].(*T)
	}
}

func (o *One[T]) unload(r *Relation) { *o = One[T]{unloaded: r} }
func (o *One[T]) neverSet() bool     { return o.unloaded == nil && !o.set && o.ptr == nil }
func (o *One[T]) isLoaded() bool     { return o.unloaded == nil }
func (o *One[T]) isRelField()        {}

// markUnloaded marks every relationship field of a freshly read row of t
// at p unloaded: it sets the first word of each Many and One (their
// unloaded field) to the relationship.
func markUnloaded(t *Table, p unsafe.Pointer) {
	for _, r := range t.relations {
		*(**Relation)(unsafe.Add(p, r.offset)) = r
		if r.dynamic { // Dynamic's second field: its owner
			*(*unsafe.Pointer)(unsafe.Add(p, r.offset+unsafe.Sizeof(p))) = p
		}
	}
}

// maxEncodeNesting bounds how many encodings of one relationship's
// contents may be in progress at once before it counts as a cycle.
const maxEncodeNesting = 1000

// encoding counts, per relationship contents (a backing array or a
// target), the JSON encodings in progress: each MarshalJSON starts a new
// json.Marshal, which cannot see a cycle through a back-reference
// (User.Posts -> Post.Author -> User), so it would recurse until the
// stack overflows.
var encoding = struct {
	sync.Mutex
	n map[unsafe.Pointer]int
}{n: map[unsafe.Pointer]int{}}

// ErrEncodeCycle is the error of encoding relationships that lead back
// to an object being encoded (a loaded back-reference).
var ErrEncodeCycle = errors.New("orm: JSON encoding of relationships loops through a back-reference; " +
	"tag one side json:\"-\" or encode a view struct")

// marshalGuarded encodes v, the contents at key, refusing a cycle.
func marshalGuarded(key unsafe.Pointer, v any) ([]byte, error) {
	encoding.Lock()
	n := encoding.n[key] + 1
	encoding.n[key] = n
	encoding.Unlock()
	defer func() {
		encoding.Lock()
		if encoding.n[key]--; encoding.n[key] == 0 {
			delete(encoding.n, key)
		}
		encoding.Unlock()
	}()
	if n > maxEncodeNesting {
		return nil, ErrEncodeCycle
	}
	b, err := json.Marshal(v)
	if errors.Is(err, ErrEncodeCycle) {
		return nil, ErrEncodeCycle // one message, not one per level
	}
	return b, err
}
