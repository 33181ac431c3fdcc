package orm

import (
	"errors"
	"fmt"
	"reflect"
)

// DefaultFunc registers fn as the client-side default of model T's field
// (a Go field or column name), SQLAlchemy's Column(default=callable): an
// insert (a session flush, orm.Insert, InsertMany, Upsert) that finds the
// field unset calls fn and stores its result in the field before the
// statement runs. Unset follows the rule of literal defaults: a nil
// pointer or invalid sql.Null, or the zero value of a primary key, a
// time.Time or a field tagged default_if_zero; any other field's Go value
// is the value and fn is not called. A non-pointer field whose zero means
// unset is tagged `orm:"default_func;default_if_zero"`; inserting it unset
// with no function registered is a *ColumnError.
//
//	orm.DefaultFunc[Token]("ID", uuid.New)
//
// Registration errors: an unknown field, a function whose result type is
// not the field's type, a field with a literal default tag, and a second
// default function for one field. Register defaults once, at program
// start.
func DefaultFunc[T, V any](field string, fn func() V) error {
	return registerValueFunc[T, V]("DefaultFunc", field, fn, func(m *modelFuncs) map[string]valueFunc { return m.defaults },
		func(c *Column) string { return c.Default })
}

// OnUpdateFunc registers fn as the onupdate callable of model T's field
// (a Go field or column name), SQLAlchemy's Column(onupdate=callable).
// Every UPDATE calls it for a column the statement does not assign
// itself: a session flush of a changed object (unless the field itself
// was changed), Save, and orm.Update[T] (unless Set assigns the column).
//
//	orm.OnUpdateFunc[Post]("Revision", nextRevision)
//
// Registration errors are those of DefaultFunc, with the onupdate tag in
// place of the default tag.
func OnUpdateFunc[T, V any](field string, fn func() V) error {
	return registerValueFunc[T, V]("OnUpdateFunc", field, fn, func(m *modelFuncs) map[string]valueFunc { return m.onUpdates },
		func(c *Column) string { return c.OnUpdate })
}

// registerValueFunc registers fn in the map that slot picks; literal
// returns the column's conflicting tag value.
func registerValueFunc[T, V any](what, field string, fn func() V, slot func(*modelFuncs) map[string]valueFunc, literal func(*Column) string) error {
	t, c, err := funcColumn[T, V](what, field)
	if err != nil {
		return err
	}
	name := t.model.Name()
	if fn == nil {
		return fmt.Errorf("orm: %s[%s]: nil function for field %s", what, name, c.Field)
	}
	if lit := literal(c); lit != "" {
		return fmt.Errorf("orm: %s[%s]: field %s already has the literal value %q in its tag", what, name, c.Field, lit)
	}
	vf := func() reflect.Value {
		v := fn()
		return reflect.ValueOf(&v).Elem()
	}
	return registerFuncs(t.model, func(m *modelFuncs) error {
		s := slot(m)
		if s[c.Field] != nil {
			return fmt.Errorf("orm: %s[%s]: field %s already has a function", what, name, c.Field)
		}
		s[c.Field] = vf
		return nil
	})
}

// applyDefaultFunc sets column c's unset field of v from its default
// function, if one is registered; a field tagged default_func without one
// is an error.
func applyDefaultFunc(t *Table, c *Column, v reflect.Value) error {
	var fn valueFunc
	if m := funcsFor(t.model); m != nil {
		fn = m.defaults[c.Field]
	}
	if fn == nil && !c.defaultFunc {
		return nil
	}
	if !defaultApplies(c, v) {
		return nil
	}
	if fn == nil {
		return &ColumnError{"default", t.Name, c.Name, errNoDefaultFunc}
	}
	fieldByIndex(v, c.index).Set(fn())
	return nil
}

// errNoDefaultFunc reports a default_func field without a DefaultFunc.
var errNoDefaultFunc = errors.New("the field is tagged default_func but no orm.DefaultFunc is registered for it")

// onUpdateFunc returns column c's onupdate function, or nil.
func onUpdateFunc(t *Table, c *Column) valueFunc {
	if m := funcsFor(t.model); m != nil {
		return m.onUpdates[c.Field]
	}
	return nil
}

// hasOnUpdateFuncs reports whether table t's model has onupdate functions.
func hasOnUpdateFuncs(t *Table) bool {
	m := funcsFor(t.model)
	return m != nil && len(m.onUpdates) > 0
}
