package orm

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
)

// inheritMode says how a subtype stores the columns it adds to its parent:
// in the parent's table (single-table inheritance) or in a table of its own
// whose primary key references the parent's (joined-table inheritance).
type inheritMode uint8

const (
	inheritRoot inheritMode = iota
	inheritSingle
	inheritJoined
)

// String names the mode as the inherits tag spells it.
func (m inheritMode) String() string {
	switch m {
	case inheritSingle:
		return "single"
	case inheritJoined:
		return "joined"
	}
	return "root"
}

// inheritInfo is one model's place in an inheritance hierarchy, like a
// SQLAlchemy mapper's inherits/polymorphic_identity/polymorphic_on.
type inheritInfo struct {
	h        *hierarchy
	parent   *Table // the parent model's table; nil for the root
	mode     inheritMode
	identity string  // this model's polymorphic identity; "" for none
	disc     *Column // this model's discriminator column
	// bases maps each ancestor model type to the index path of its
	// embedded struct in this model (the root's base path included).
	bases map[reflect.Type][]int
	own   *Table   // joined: this model's own table (primary key and added columns)
	parts []*Table // joined: the tables a row is written to, root first
	ddl   bool     // the single-table hierarchy's DDL table, not a model
	// path is the identities from the root's child down to this model,
	// "/"-separated: the hierarchy lists models in path order, so parents
	// come first and statements do not depend on parse order.
	path string
}

// A hierarchy is the set of models sharing one root: the models linked so
// far (a subtype joins when its type is first parsed, which MetaData.Register
// does), the table a single-table hierarchy creates, and identities.
type hierarchy struct {
	mu         sync.RWMutex
	root       *Table
	mode       inheritMode // of its subtypes, once one is linked
	types      []*Table    // root first, then subtypes in link order
	byIdentity map[string]*Table
	ddl        *Table // single-table: the table holding every model's columns
}

// snapshot returns the linked models under the read lock.
func (h *hierarchy) snapshot() []*Table {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return append([]*Table(nil), h.types...)
}

// inheritTag is the parsed `orm:"inherits:joined;identity:manager"` tag of
// an embedded parent struct.
type inheritTag struct {
	mode     inheritMode
	identity string
}

// isInheritTag reports whether an embedded field's tag declares its type
// as the model's parent.
func isInheritTag(tag string) bool {
	first, _, _ := strings.Cut(tag, ";")
	key, _, _ := strings.Cut(strings.TrimSpace(first), ":")
	return strings.EqualFold(strings.TrimSpace(key), "inherits")
}

// parseInheritTag parses an inherits tag: inherits (single), inherits:single
// or inherits:joined, and identity:NAME.
func parseInheritTag(tag string) (inheritTag, error) {
	it := inheritTag{mode: inheritSingle}
	for _, opt := range strings.Split(tag, ";") {
		key, val, _ := strings.Cut(strings.TrimSpace(opt), ":")
		key, val = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(val)
		switch {
		case key == "":
		case key == "inherits" && (val == "" || val == "single"):
			it.mode = inheritSingle
		case key == "inherits" && val == "joined":
			it.mode = inheritJoined
		case key == "inherits":
			return it, fmt.Errorf("inherits:%s: the mode must be single or joined", val)
		case key == "identity" && val != "":
			it.identity = val
		default:
			return it, fmt.Errorf("unknown inherits tag option %q", opt)
		}
	}
	if it.identity == "" {
		return it, fmt.Errorf("inherits needs identity:NAME, the value of the discriminator for this model")
	}
	return it, nil
}

// parentField returns the embedded field tagged inherits, if any.
func parentField(t reflect.Type) (reflect.StructField, bool, error) {
	var found reflect.StructField
	n := 0
	for i := range t.NumField() {
		f := t.Field(i)
		if tag, ok := f.Tag.Lookup("orm"); ok && f.Anonymous && isInheritTag(tag) {
			found, n = f, n+1
		}
	}
	if n > 1 {
		return found, false, fmt.Errorf("more than one embedded field is tagged inherits")
	}
	if n == 1 && (found.Type.Kind() != reflect.Struct) {
		return found, false, fmt.Errorf("field %s: inherits needs an embedded struct (not a pointer)", found.Name)
	}
	return found, n == 1, nil
}

// discriminatorOf returns the column tagged discriminator, if any.
func discriminatorOf(tbl *Table) (*Column, error) {
	var disc *Column
	for _, c := range tbl.Columns {
		if !c.discriminator {
			continue
		}
		if disc != nil {
			return nil, fmt.Errorf("columns %s and %s are both tagged discriminator", disc.Name, c.Name)
		}
		disc = c
	}
	return disc, nil
}

// prepareInheritance reads the model's place in a hierarchy before the
// table is finished (a subtype's table name and discriminator default
// depend on it); the returned link runs after finish.
func prepareInheritance(tbl *Table, t reflect.Type, nc NamingConvention) (func() error, error) {
	disc, err := discriminatorOf(tbl)
	if err != nil {
		return nil, err
	}
	f, sub, err := parentField(t)
	if err != nil || (!sub && disc == nil) {
		return nil, err
	}
	if !sub {
		return prepareRoot(tbl, disc), nil
	}
	it, err := parseInheritTag(f.Tag.Get("orm"))
	if err != nil {
		return nil, fmt.Errorf("field %s: %w", f.Name, err)
	}
	parent, err := tableForType(f.Type, nc)
	if err != nil {
		return nil, err
	}
	if parent.inherit == nil {
		return nil, fmt.Errorf("field %s: inherits %s, which has no field tagged discriminator", f.Name, f.Type)
	}
	return prepareSubtype(tbl, t, f, parent, it)
}

// prepareRoot makes tbl the root of a new hierarchy.
func prepareRoot(tbl *Table, disc *Column) func() error {
	info := &inheritInfo{mode: inheritRoot, identity: disc.polyIdentity, disc: disc, bases: map[reflect.Type][]int{}}
	setIdentityDefault(disc, info.identity)
	tbl.inherit = info
	return func() error {
		info.h = &hierarchy{root: tbl, types: []*Table{tbl}, byIdentity: map[string]*Table{}}
		if info.identity != "" {
			info.h.byIdentity[info.identity] = tbl
		}
		return nil
	}
}

// setIdentityDefault makes inserts fill an unset discriminator with the
// model's identity, as SQLAlchemy sets polymorphic_on on new objects.
func setIdentityDefault(disc *Column, identity string) {
	if identity != "" {
		disc.Default, disc.defaultIfZero = identity, true
	}
}

// prepareSubtype checks a subtype declaration and names its table.
func prepareSubtype(tbl *Table, t reflect.Type, f reflect.StructField, parent *Table, it inheritTag) (func() error, error) {
	h := parent.inherit.h
	if err := checkSubtype(h, parent, it); err != nil {
		return nil, err
	}
	disc := tbl.Column(h.root.inherit.disc.Name)
	if disc == nil {
		return nil, fmt.Errorf("the discriminator column %s is missing", h.root.inherit.disc.Name)
	}
	if err := nameSubtypeTable(tbl, t, parent, it.mode); err != nil {
		return nil, err
	}
	setIdentityDefault(disc, it.identity)
	info := &inheritInfo{h: h, parent: parent, mode: it.mode, identity: it.identity, disc: disc, bases: map[reflect.Type][]int{}}
	info.bases[f.Type] = f.Index
	info.path = strings.TrimPrefix(parent.inherit.path+"/"+it.identity, "/")
	for bt, path := range parent.inherit.bases {
		info.bases[bt] = append(append([]int(nil), f.Index...), path...)
	}
	tbl.inherit = info
	return func() error { return linkSubtype(tbl, info) }, nil
}

// checkSubtype rejects a mode that differs from the hierarchy's and an
// identity another model has.
func checkSubtype(h *hierarchy, parent *Table, it inheritTag) error {
	h.mu.RLock()
	defer h.mu.RUnlock()
	if h.mode != inheritRoot && h.mode != it.mode {
		return fmt.Errorf("inherits:%s in a hierarchy of %s-table inheritance (mixing both is not supported)", it.mode, h.mode)
	}
	if other := h.byIdentity[it.identity]; other != nil {
		return fmt.Errorf("polymorphic identity %q is already used by %s", it.identity, other.model)
	}
	if parent.inherit.mode == inheritJoined && it.mode == inheritSingle {
		return fmt.Errorf("inherits:single under a joined-table parent is not supported")
	}
	return nil
}

// nameSubtypeTable gives a single-table subtype its parent's table and a
// joined one its own: TableName() when the model declares it, else the
// snake_case type name.
func nameSubtypeTable(tbl *Table, t reflect.Type, parent *Table, mode inheritMode) error {
	own := tbl.Name
	if own == parent.Name { // TableName promoted from the parent
		own = SnakeCase(t.Name())
	}
	if mode == inheritSingle {
		if own != parent.Name && own != SnakeCase(t.Name()) {
			return fmt.Errorf("a single-table subtype is stored in %s and cannot have its own TableName %q", parent.Name, own)
		}
		tbl.Name = parent.Name
		return nil
	}
	if own == parent.Name || own == parent.inherit.h.root.Name {
		return fmt.Errorf("a joined-table subtype needs its own table, not %s", own)
	}
	tbl.Name = own
	return nil
}

// linkSubtype adds a finished subtype to its hierarchy.
func linkSubtype(tbl *Table, info *inheritInfo) error {
	if info.mode == inheritJoined {
		if err := buildJoinedTables(tbl, info); err != nil {
			return err
		}
	}
	h := info.h
	h.mu.Lock()
	defer h.mu.Unlock()
	if other := h.byIdentity[info.identity]; other != nil {
		return fmt.Errorf("polymorphic identity %q is already used by %s", info.identity, other.model)
	}
	if h.ddl != nil && info.mode == inheritSingle {
		if err := checkSharedColumns(h.ddl, tbl); err != nil {
			return err
		}
	}
	h.mode = info.mode
	h.types = append(h.types, tbl)
	slices.SortStableFunc(h.types[1:], func(a, b *Table) int { return strings.Compare(a.inherit.path, b.inherit.path) })
	h.byIdentity[info.identity] = tbl
	if info.mode == inheritSingle {
		return rebuildSingleDDL(h)
	}
	return nil
}

// isDescendant reports whether model table t is a or inherits from a.
func isDescendant(t, a *Table) bool {
	for ; t != nil; t = t.inherit.parent {
		if t == a {
			return true
		}
		if t.inherit == nil {
			return false
		}
	}
	return false
}

// descendants returns the models that inherit from t (not t itself), in
// link order, so parents come before their children.
func descendants(t *Table) []*Table {
	if t.inherit == nil || t.inherit.h == nil {
		return nil
	}
	var out []*Table
	for _, d := range t.inherit.h.snapshot() {
		if d != t && isDescendant(d, t) {
			out = append(out, d)
		}
	}
	return out
}

// identityTable is the table that keys t's rows in a session's identity
// map: the root of t's hierarchy, so that a row has one object whatever
// model it was loaded through.
func (t *Table) identityTable() *Table {
	if t.inherit != nil && t.inherit.h != nil {
		return t.inherit.h.root
	}
	return t
}

// joinedParts returns the tables a joined subtype's rows are written to,
// root first, or nil for other tables.
func joinedParts(t *Table) []*Table {
	if t.inherit == nil || t.inherit.mode != inheritJoined {
		return nil
	}
	return t.inherit.parts
}
