package orm

import (
	"fmt"
	"reflect"
	"sync"
	"sync/atomic"
)

// modelFuncs holds the Go functions registered for one model type:
// validators (Validate), default and onupdate callables (DefaultFunc,
// OnUpdateFunc). A registration replaces the whole value (copy on write),
// so that flushes read it without locking.
type modelFuncs struct {
	validators []*fieldValidator          // in registration order
	defaults   map[string]valueFunc       // by Go field name
	onUpdates  map[string]valueFunc       // by Go field name
	byField    map[string]*fieldValidator // validators by Go field name
	computed   map[string]Expr            // Computed expressions by Go field name
}

// valueFunc returns a new value for a field, as a reflect.Value of the
// field's type.
type valueFunc func() reflect.Value

var (
	funcsMu     sync.Mutex
	funcsByType sync.Map // reflect.Type (struct) -> *modelFuncs
	anyFuncs    atomic.Bool
)

// funcsFor returns the functions registered for the model type t, or nil.
func funcsFor(t reflect.Type) *modelFuncs {
	if !anyFuncs.Load() || t == nil {
		return nil
	}
	if f, ok := funcsByType.Load(t); ok {
		return f.(*modelFuncs)
	}
	return nil
}

// registerFuncs applies change to a copy of model t's functions and
// publishes it; change returns an error to refuse the registration.
func registerFuncs(t reflect.Type, change func(*modelFuncs) error) error {
	funcsMu.Lock()
	defer funcsMu.Unlock()
	next := &modelFuncs{defaults: map[string]valueFunc{}, onUpdates: map[string]valueFunc{}, byField: map[string]*fieldValidator{}}
	if cur, ok := funcsByType.Load(t); ok {
		c := cur.(*modelFuncs)
		next.validators = append(next.validators, c.validators...)
		for k, v := range c.defaults {
			next.defaults[k] = v
		}
		for k, v := range c.onUpdates {
			next.onUpdates[k] = v
		}
		for k, v := range c.byField {
			next.byField[k] = v
		}
		if len(c.computed) > 0 {
			next.computed = map[string]Expr{}
			for k, v := range c.computed {
				next.computed[k] = v
			}
		}
	}
	if err := change(next); err != nil {
		return err
	}
	funcsByType.Store(t, next)
	anyFuncs.Store(true)
	return nil
}

// funcColumn resolves the field (Go field or column name) of model T for a
// registration named what, checking that the field's Go type is V.
func funcColumn[T, V any](what, field string) (*Table, *Column, error) {
	t, err := tableOf[T]()
	if err != nil {
		return nil, nil, fmt.Errorf("orm: %s[%s]: %w", what, reflect.TypeFor[T](), err)
	}
	c := t.lookup(field)
	if c == nil || c.codec == nil || c.Field == "" {
		return nil, nil, fmt.Errorf("orm: %s[%s]: model %s has no field or column %q", what, t.model.Name(), t.model.Name(), field)
	}
	ft := t.model.FieldByIndex(c.index).Type
	if vt := reflect.TypeFor[V](); ft != vt {
		return nil, nil, fmt.Errorf("orm: %s[%s]: field %s is a %s, the function takes a %s", what, t.model.Name(), c.Field, ft, vt)
	}
	return t, c, nil
}
