package orm

import (
	"errors"
	"fmt"
	"reflect"
)

// ErrValidation matches every *ValidationError with errors.Is.
var ErrValidation = errors.New("orm: validation failed")

// A ValidationError is a value a validator (see Validate) rejected. It
// names the model and field; Err is the validator's error. Match it with
// errors.As or errors.Is(err, ErrValidation).
type ValidationError struct {
	Model  string // the Go type name, e.g. "User"
	Field  string // the Go field name, e.g. "Email"
	Column string // the column name, e.g. "email"
	Value  any    // the rejected value
	Err    error  // the validator's error
}

// Error names the model, the field and the validator's error.
func (e *ValidationError) Error() string {
	return fmt.Sprintf("orm: invalid %s.%s: %v", e.Model, e.Field, e.Err)
}

// Unwrap returns the validator's error.
func (e *ValidationError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrValidation) true.
func (e *ValidationError) Is(target error) bool { return target == ErrValidation }

// A fieldValidator is one registered validator.
type fieldValidator struct {
	col *Column
	run func(obj any, f reflect.Value) (reflect.Value, error)
}

// Validate registers fn as the validator of model T's field (a Go field or
// column name), SQLAlchemy's @validates. fn receives the object and the
// field's value and returns the value to keep (the same or a normalised
// one) or an error that rejects it:
//
//	orm.Validate[User]("Email", func(u *User, v string) (string, error) {
//		if !strings.Contains(v, "@") {
//			return "", errors.New("not an e-mail address")
//		}
//		return strings.ToLower(v), nil
//	})
//
// Go cannot intercept assignments to a field, so a session runs
// validators at Session.Add (every validated field of the new object,
// except an unset one that a default fills: a nil pointer, a zero
// time.Time or primary key, a default_if_zero field) and again at flush
// for the fields changed since (since Add for a pending object, since the
// load or last flush for a persistent one). A rejection is a
// *ValidationError; at flush it is returned before any statement runs and
// leaves every object as it was. As in SQLAlchemy, where validators are
// attribute events, Core-style statements (orm.Insert, Update[T], Save)
// do not run them.
//
// Registration errors: an unknown field, a function whose value type is
// not the field's type, and a second validator for one field (as
// SQLAlchemy's "A validation function for mapped attribute ... already
// exists"). Register validators once, at program start.
func Validate[T, V any](field string, fn func(obj *T, value V) (V, error)) error {
	t, c, err := funcColumn[T, V]("Validate", field)
	if err != nil {
		return err
	}
	if fn == nil {
		return fmt.Errorf("orm: Validate[%s]: nil function for field %s", t.model.Name(), c.Field)
	}
	v := &fieldValidator{col: c, run: func(obj any, f reflect.Value) (reflect.Value, error) {
		nv, err := fn(obj.(*T), *(f.Addr().Interface().(*V)))
		return reflect.ValueOf(&nv).Elem(), err
	}}
	return registerFuncs(t.model, func(m *modelFuncs) error {
		if m.byField[c.Field] != nil {
			return fmt.Errorf("orm: Validate[%s]: a validator for field %s already exists", t.model.Name(), c.Field)
		}
		m.byField[c.Field] = v
		m.validators = append(m.validators, v)
		return nil
	})
}

// pendingValue is a validated value waiting to be assigned.
type pendingValue struct {
	field, value reflect.Value
}

// validateObj runs the validators of st's fields that need it: with prev
// invalid, those of a new object whose default does not apply; else those
// differing from prev (skipping unset fields of a pending object). The
// results are appended to out, not assigned.
func validateObj(obj any, t *Table, pending bool, prev reflect.Value, out []pendingValue) ([]pendingValue, error) {
	m := funcsFor(t.model)
	if m == nil || len(m.validators) == 0 {
		return out, nil
	}
	v := reflect.ValueOf(obj).Elem()
	for _, fv := range m.validators {
		c := fv.col
		f := fieldByIndex(v, c.index)
		if prev.IsValid() && sameField(fieldByIndex(prev, c.index), f) {
			continue
		}
		if pending && defaultApplies(c, v) {
			continue
		}
		nv, err := fv.run(obj, f)
		if err != nil {
			return out, &ValidationError{Model: t.model.Name(), Field: c.Field, Column: c.Name, Value: f.Interface(), Err: err}
		}
		out = append(out, pendingValue{f, nv})
	}
	return out, nil
}

// assignValidated stores validated values in their fields.
func assignValidated(vals []pendingValue) {
	for _, p := range vals {
		p.field.Set(p.value)
	}
}

// validateAdded runs the validators of obj, a new object of table t
// being added to a session.
func validateAdded(obj any, t *Table) error {
	if !anyFuncs.Load() {
		return nil
	}
	vals, err := validateObj(obj, t, true, reflect.Value{}, nil)
	if err == nil {
		assignValidated(vals)
	}
	return err
}

// validateChanges runs, before a flush, the validators of the fields
// changed since Add (pending objects) or since the load or last flush
// (persistent ones). Nothing is assigned unless every value passes.
func (s *Session) validateChanges() error {
	if !anyFuncs.Load() {
		return nil
	}
	var vals []pendingValue
	var err error
	for _, st := range s.pending {
		if st.status == statusPending && hasValidators(st.table) {
			if vals, err = validateObj(st.obj, st.table, true, st.committed, vals); err != nil {
				return err
			}
		}
	}
	var dirty []*objState
	for _, st := range s.byObj {
		if st.status == statusPersistent && st.loaded.IsValid() && hasValidators(st.table) {
			dirty = append(dirty, st)
		}
	}
	sortStates(dirty) // the first error is deterministic
	for _, st := range dirty {
		if vals, err = validateObj(st.obj, st.table, false, st.loaded, vals); err != nil {
			return err
		}
	}
	assignValidated(vals)
	return nil
}

// hasValidators reports whether table t's model has validators.
func hasValidators(t *Table) bool {
	m := funcsFor(t.model)
	return m != nil && len(m.validators) > 0
}
