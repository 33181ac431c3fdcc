package orm

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
)

// AllAs runs a query of a model other models inherit from and returns
// each row as the model its discriminator names (SQLAlchemy's polymorphic
// loading), asserted to I: an interface the models implement, or any. A
// row whose model does not implement I is an error naming it.
//
//	staff, err := orm.AllAs[any](ctx, orm.Select[Employee](db).OrderBy("id"))
//	for _, s := range staff {
//		switch e := s.(type) {
//		case *Manager: ...
//		case *Engineer: ...
//		case *Employee: ...
//		}
//	}
func AllAs[I any, T any](ctx context.Context, q *SelectQuery[T]) ([]I, error) {
	objs, err := q.allObjects(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]I, len(objs))
	for i, o := range objs {
		v, ok := o.(I)
		if !ok {
			return nil, fmt.Errorf("orm: AllAs: %T does not implement %s", o, reflect.TypeFor[I]())
		}
		out[i] = v
	}
	return out, nil
}

// allObjects returns the query's rows as their concrete models.
func (s *SelectQuery[T]) allObjects(ctx context.Context) ([]any, error) {
	if p := s.poly(); p != nil && s.table != nil {
		return s.allPoly(ctx, p)
	}
	rows, err := s.All(ctx)
	out := make([]any, len(rows))
	for i, r := range rows {
		out[i] = r
	}
	return out, err
}

// allPolymorphic is All for a model other models inherit from: each row
// is loaded as its concrete model and returned as a pointer to the
// queried model embedded in it.
func (s *SelectQuery[T]) allPolymorphic(ctx context.Context, p *polyPlan) ([]*T, error) {
	objs, err := s.allPoly(ctx, p)
	if err != nil {
		return nil, err
	}
	out := make([]*T, len(objs))
	for i, o := range objs {
		if out[i] = modelPtr[T](o); out[i] == nil {
			return nil, fmt.Errorf("orm: loaded %T is not a %s", o, reflect.TypeFor[T]())
		}
	}
	return out, nil
}

// allPoly runs the polymorphic query and maps its rows.
func (s *SelectQuery[T]) allPoly(ctx context.Context, p *polyPlan) ([]any, error) {
	if len(s.joinedRelations()) > 0 {
		return nil, fmt.Errorf("orm: joined eager loading is not supported on the polymorphic model %s; use SelectInLoad", s.table.model)
	}
	rows, err := s.query(ctx)
	if err != nil {
		return nil, err
	}
	objs, tables, err := p.read(rows, s.q)
	if err != nil {
		return nil, err
	}
	return polyLoaded(ctx, s.q, objs, tables, s.loadOptions())
}

// read scans every row into a new object of the model its discriminator
// names, closing rows.
func (p *polyPlan) read(rows *sql.Rows, q Querier) ([]any, []*Table, error) {
	defer rows.Close()
	if names, err := rows.Columns(); err != nil || len(names) != len(p.cols) {
		return nil, nil, fmt.Errorf("orm: polymorphic query of %s returned %d columns, want %d (%v)", p.base.model, len(names), len(p.cols), err)
	}
	var objs []any
	var tables []*Table
	for rows.Next() {
		obj, t, err := p.scan(rows)
		if err != nil {
			return nil, nil, err
		}
		objs, tables = append(objs, obj), append(tables, t)
	}
	return objs, tables, translate(q.Dialect(), rows.Err())
}

// scan reads one row: each column into a struct of the model declaring
// it, then the columns of the row's model into a new object of it.
func (p *polyPlan) scan(rows *sql.Rows) (any, *Table, error) {
	temps := make(map[*Table]reflect.Value, len(p.types))
	dest := make([]any, len(p.cols))
	var later []nullableField
	for i, c := range p.cols {
		tv, ok := temps[c.decl]
		if !ok {
			tv = reflect.New(c.decl.model).Elem()
			temps[c.decl] = tv
		}
		f := fieldByIndex(tv, c.col.index)
		dest[i] = c.col.codec.scanDest(f)
		if c.decl != p.base { // NULL in the rows of other models
			dest[i], later = nullableDest(dest[i], f, later)
		}
	}
	if err := rows.Scan(dest...); err != nil {
		return nil, nil, fmt.Errorf("orm: scan %s: %w", p.base.model, err)
	}
	for _, n := range later {
		if !n.ptr.Elem().IsNil() {
			n.field.Set(n.ptr.Elem().Elem())
		}
	}
	t, err := p.rowModel(temps[p.base])
	if err != nil {
		return nil, nil, err
	}
	obj := reflect.New(t.model)
	markUnloaded(t, obj.UnsafePointer())
	for _, c := range p.cols {
		if isDescendant(t, c.decl) {
			dst := t.Column(c.col.Name)
			fieldByIndex(obj.Elem(), dst.index).Set(fieldByIndex(temps[c.decl], c.col.index))
		}
	}
	return obj.Interface(), t, nil
}

// rowModel returns the model a row's discriminator names, with
// SQLAlchemy's errors for a NULL, unknown or unrelated identity.
func (p *polyPlan) rowModel(base reflect.Value) (*Table, error) {
	disc := p.base.inherit.disc
	f := fieldByIndex(base, disc.index)
	for f.Kind() == reflect.Pointer {
		if f.IsNil() {
			return nil, fmt.Errorf("orm: a %s row can't be loaded: its polymorphic discriminator column %s is NULL", p.base.Name, disc.Name)
		}
		f = f.Elem()
	}
	id := fmt.Sprint(f.Interface())
	h := p.base.inherit.h
	h.mu.RLock()
	t := h.byIdentity[id]
	h.mu.RUnlock()
	switch {
	case t == nil:
		return nil, fmt.Errorf("orm: no such polymorphic identity %q is defined in the hierarchy of %s (register every model of the hierarchy)", id, h.root.model)
	case !isDescendant(t, p.base):
		return nil, fmt.Errorf("orm: a %s row has polymorphic identity %q, of %s, which does not inherit from the queried %s", p.base.Name, id, t.model, p.base.model)
	}
	return t, nil
}

// polyLoaded maps polymorphic rows through a session's identity map and
// runs eager loads per model, then AfterLoad hooks.
func polyLoaded(ctx context.Context, q Querier, objs []any, tables []*Table, loads []*LoadOption) ([]any, error) {
	s, ok := q.(*Session)
	if !ok && len(loads) == 0 && !anyEager(tables) {
		return objs, hookAll(ctx, objs)
	}
	if !ok {
		s = &Session{fix: q, identity: identityMap{}, byObj: map[any]*objState{}}
	}
	byTable := map[*Table][]*objState{}
	var order []*Table
	for i, o := range objs {
		st := s.mapState(tables[i], o)
		if st == nil {
			continue
		}
		objs[i] = st.obj
		if _, seen := byTable[tables[i]]; !seen {
			order = append(order, tables[i])
		}
		byTable[tables[i]] = append(byTable[tables[i]], st)
	}
	s.partial = nil
	for _, t := range order {
		if err := s.eagerLoad(ctx, t, byTable[t], loads); err != nil {
			return nil, err
		}
	}
	return objs, hookAll(ctx, objs)
}

// anyEager reports whether any of the tables has an eager relationship.
func anyEager(tables []*Table) bool {
	for _, t := range tables {
		if t.hasEagerRelations() {
			return true
		}
	}
	return false
}

// hookAll calls AfterLoad on each object that implements it.
func hookAll(ctx context.Context, objs []any) error {
	for _, o := range objs {
		if err := callHook(ctx, o, AfterLoader.AfterLoad); err != nil {
			return err
		}
	}
	return nil
}

// modelPtr returns obj as a *T: obj itself, or the T embedded in a model
// that inherits from T; nil when obj is neither.
func modelPtr[T any](obj any) *T {
	if o, ok := obj.(*T); ok {
		return o
	}
	v := reflect.ValueOf(obj)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	t, err := modelTable(v.Type())
	if err != nil || t.inherit == nil {
		return nil
	}
	path, ok := t.inherit.bases[reflect.TypeFor[T]()]
	if !ok {
		return nil
	}
	return v.Elem().FieldByIndex(path).Addr().Interface().(*T)
}

// A nullableField is a subtype's column scanned through a pointer (the
// rows of other models hold NULL there), copied to its field when set.
type nullableField struct {
	ptr   reflect.Value // a **T
	field reflect.Value // the T field
}

// nullableDest returns a destination of field f that accepts NULL:
// the codec's Scanner wrapped to skip NULL, a pointer field's own
// destination, or a **T read into f after the scan.
func nullableDest(d any, f reflect.Value, later []nullableField) (any, []nullableField) {
	if sc, ok := d.(sql.Scanner); ok {
		return &skipNull{sc}, later
	}
	if f.Kind() == reflect.Pointer {
		return d, later
	}
	pp := reflect.New(reflect.PointerTo(f.Type()))
	return pp.Interface(), append(later, nullableField{pp, f})
}

// skipNull is a Scanner that leaves its destination unset on NULL.
type skipNull struct{ inner sql.Scanner }

// Scan implements sql.Scanner.
func (n *skipNull) Scan(src any) error {
	if src == nil {
		return nil
	}
	return n.inner.Scan(src)
}
