package orm

import (
	"fmt"
	"reflect"
	"strings"
	"sync/atomic"
)

// A RelationKind is the shape of a relationship.
type RelationKind int

// Relationship kinds, as in SQLAlchemy.
const (
	// ManyToOne is a One field whose foreign key is in the owner's
	// table (Post.Author).
	ManyToOne RelationKind = iota + 1
	// OneToMany is a Many field whose foreign key is in the target's
	// table (User.Posts).
	OneToMany
	// OneToOne is a One field whose foreign key is in the target's
	// table (User.Profile).
	OneToOne
	// ManyToMany is a Many field joined through an association table
	// (Post.Tags through post_tag).
	ManyToMany
)

// String returns the SQLAlchemy name of the kind.
func (k RelationKind) String() string {
	return [...]string{"unresolved", "many-to-one", "one-to-many", "one-to-one", "many-to-many"}[k]
}

// A Cascade is a set of relationship cascades.
type Cascade uint8

// Cascades: which session operations follow a relationship.
const (
	// CascadeSaveUpdate adds related objects to the session when their
	// parent is flushed (the default).
	CascadeSaveUpdate Cascade = 1 << iota
	// CascadeDelete deletes related objects with their parent.
	CascadeDelete
	// CascadeDeleteOrphan deletes an object removed from its parent's
	// collection instead of setting its foreign key to NULL.
	CascadeDeleteOrphan
	// CascadeMerge makes Merge follow the relationship: the related
	// objects of the merged object are merged too (on by default, with
	// save-update, as in SQLAlchemy).
	CascadeMerge
	// CascadeAll is save-update, merge and delete.
	CascadeAll = CascadeSaveUpdate | CascadeMerge | CascadeDelete
)

// A LoadStrategy is how a relationship is loaded when its owner is.
type LoadStrategy int

// Loading strategies, named after SQLAlchemy's lazy= values.
const (
	// LazySelect loads only on an explicit Load (the default).
	LazySelect LoadStrategy = iota
	// LazySelectIn loads with one IN query per level when owners load.
	LazySelectIn
	// LazyJoined loads a to-one relationship in the owners' query.
	LazyJoined
	// LazyRaise makes Load of the unloaded relationship an error.
	LazyRaise
)

// A Relation is a relationship field of a model: a One[Target] (to-one)
// or a Many[Target] (to-many). Its join columns are
// resolved from the foreign keys on first use.
type Relation struct {
	// Name is the Go field name.
	Name string
	// Secondary names the association table of a many-to-many.
	Secondary string
	// ForeignKey names the foreign key column (or field) to join on when
	// more than one could apply; the columns of a key of several columns
	// are separated by commas ("DocID,Version").
	ForeignKey string
	// BackPopulates names the reverse relationship on the target.
	BackPopulates string
	// Cascade holds the cascades; OrderBy sorts loaded collections.
	Cascade Cascade
	OrderBy []string
	// Lazy is the default loading strategy.
	Lazy LoadStrategy
	// PostUpdate sets this foreign key with a second UPDATE after both
	// rows exist, breaking dependency cycles.
	PostUpdate bool
	// PassiveDeletes leaves the children of a deleted object that are not
	// loaded to the database's ON DELETE instead of loading them.
	PassiveDeletes bool
	// NoPassiveUpdates is SQLAlchemy's passive_updates=False: when a
	// flush changes the key columns the relationship joins on (a natural
	// primary key), the ORM sets the new values on the referencing
	// objects itself (loading an unloaded one-to-many collection first)
	// and UPDATEs their rows, for databases whose foreign keys have no ON
	// UPDATE CASCADE. Not for many-to-many.
	NoPassiveUpdates bool

	owner  *Table
	pos    int // position in owner's relations
	index  []int
	offset uintptr // of the field from the model struct's start
	many   bool
	elem   reflect.Type // target struct type
	res    atomic.Pointer[relationJoin]

	dynamic bool // an orm.Dynamic field: never loaded, queried
}

// Relations returns the table's relationship fields in declaration order.
func (t *Table) Relations() []*Relation { return t.relations }

// Relation returns the relationship named by its Go field name, or nil.
func (t *Table) Relation(name string) *Relation {
	for _, r := range t.relations {
		if r.Name == name {
			return r
		}
	}
	return nil
}

// relFieldType is the interface of Many and One fields.
var relFieldType = reflect.TypeFor[relField]()

// isRelationField reports whether a field type is a Many or One.
func isRelationField(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && reflect.PointerTo(t).Implements(relFieldType)
}

// isRelationValue reports whether v is a Many or One, or a pointer to one.
func isRelationValue(v reflect.Value) bool {
	if !v.IsValid() {
		return false
	}
	t := v.Type()
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return isRelationField(t)
}

// isPlainRelation reports whether a field type is *Model or []*Model:
// a relationship that could not tell unloaded from empty.
func isPlainRelation(t reflect.Type) bool {
	if t.Kind() == reflect.Slice {
		t = t.Elem()
		if t.Kind() != reflect.Pointer {
			return false
		}
	}
	if t.Kind() != reflect.Pointer {
		return false
	}
	e := t.Elem()
	return e.Kind() == reflect.Struct && !isValueType(e) && !isNullStruct(e)
}

// plainRelationError refuses a *Model or []*Model field.
func plainRelationError(f reflect.StructField) error {
	kind, elem := "One", f.Type.Elem()
	if f.Type.Kind() == reflect.Slice {
		kind, elem = "Many", elem.Elem()
	}
	return fmt.Errorf("relationship field of type %s: declare it as orm.%s[%s] "+
		"(a plain pointer or slice cannot tell an unloaded relationship from an empty one), "+
		"or tag it orm:\"-\" if it is not a relationship", f.Type, kind, elem.Name())
}

// isNullStruct reports database/sql's Null wrappers.
func isNullStruct(t reflect.Type) bool {
	_, ok := nullTypes[t]
	return ok || t.PkgPath() == "database/sql"
}

// addRelation records a relationship field at byte offset off of the
// model.
func addRelation(tbl *Table, f reflect.StructField, tag string, index []int, off uintptr) error {
	r := &Relation{Name: f.Name, owner: tbl, pos: len(tbl.relations), index: index, offset: off, Cascade: CascadeSaveUpdate | CascadeMerge}
	items := 1
	if r.dynamic = isDynamicField(f.Type); r.dynamic {
		items = 2 // after the relation and owner pointers
	}
	r.many = f.Type.Field(items).Type.Kind() == reflect.Slice
	r.elem = f.Type.Field(items).Type.Elem()
	if r.many {
		r.elem = r.elem.Elem()
	}
	if err := r.parseTag(tag); err != nil {
		return err
	}
	if r.dynamic && r.Lazy != LazySelect {
		return fmt.Errorf("an orm.Dynamic relationship is never loaded: remove its lazy option")
	}
	tbl.relations = append(tbl.relations, r)
	return nil
}

// parseTag applies the relationship options of an orm tag.
func (r *Relation) parseTag(tag string) error {
	for _, opt := range strings.Split(tag, ";") {
		opt = strings.TrimSpace(opt)
		if opt == "" {
			continue
		}
		key, val, _ := strings.Cut(opt, ":")
		if err := r.applyOption(strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(val)); err != nil {
			return err
		}
	}
	return nil
}

// applyOption sets one relationship option.
func (r *Relation) applyOption(key, val string) error {
	switch key {
	case "foreign_key", "fk":
		r.ForeignKey = val
	case "secondary":
		r.Secondary = val
	case "back_populates", "backref":
		r.BackPopulates = val
	case "order_by":
		r.OrderBy = strings.Split(val, ",")
	case "post_update":
		r.PostUpdate = true
	case "passive_deletes":
		r.PassiveDeletes = true
	case "passive_updates":
		return r.parsePassiveUpdates(val)
	case "cascade":
		return r.parseCascade(val)
	case "lazy":
		return r.parseLazy(val)
	default:
		return fmt.Errorf("unknown relationship option %q", key)
	}
	return nil
}

// parseCascade reads "all, delete-orphan" style cascade lists.
func (r *Relation) parseCascade(val string) error {
	r.Cascade = 0
	names := map[string]Cascade{
		"all": CascadeAll, "save-update": CascadeSaveUpdate, "delete": CascadeDelete,
		"delete-orphan": CascadeDeleteOrphan, "merge": CascadeMerge, "expunge": 0, "refresh-expire": 0, "none": 0,
	}
	for _, n := range strings.Split(val, ",") {
		c, ok := names[strings.TrimSpace(n)]
		if !ok {
			return fmt.Errorf("unknown cascade %q", n)
		}
		r.Cascade |= c
	}
	return nil
}

// parsePassiveUpdates reads passive_updates:false (or true, the
// default).
func (r *Relation) parsePassiveUpdates(val string) error {
	switch strings.ToLower(val) {
	case "", "true":
		r.NoPassiveUpdates = false
	case "false":
		r.NoPassiveUpdates = true
	default:
		return fmt.Errorf("passive_updates:%s: want true or false", val)
	}
	return nil
}

// parseLazy reads the lazy option.
func (r *Relation) parseLazy(val string) error {
	m := map[string]LoadStrategy{"select": LazySelect, "selectin": LazySelectIn, "joined": LazyJoined, "raise": LazyRaise}
	l, ok := m[val]
	if val == "dynamic" || val == "write_only" {
		return fmt.Errorf("lazy:%s: declare the field as orm.Dynamic[%s] instead", val, r.elem.Name())
	}
	if !ok {
		return fmt.Errorf("unknown lazy strategy %q (want select, selectin, joined or raise)", val)
	}
	r.Lazy = l
	return nil
}

// Kind resolves and returns the relationship's kind; zero if it cannot be
// resolved (see Err).
func (r *Relation) Kind() RelationKind {
	j, err := r.join()
	if err != nil {
		return 0
	}
	return j.kind
}

// Err reports why the relationship's join cannot be resolved, or nil.
func (r *Relation) Err() error {
	_, err := r.join()
	return err
}

// Target returns the related model's table.
func (r *Relation) Target() (*Table, error) {
	j, err := r.join()
	if err != nil {
		return nil, err
	}
	return j.target, nil
}

// Many reports whether the field is a collection.
func (r *Relation) Many() bool { return r.many }

// Back returns the reverse relationship on the target (named by
// back_populates, or found through the same foreign key), or nil.
func (r *Relation) Back() *Relation { return r.backRef() }
