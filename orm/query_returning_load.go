package orm

import (
	"context"
	"fmt"
	"strings"
)

// Options adds loader options applied to the objects All returns, as
// SQLAlchemy applies them to update(T).returning(T).options(...):
// SelectInLoad (and RaiseLoad) load the relationships of the updated
// objects with one IN query per level, as lazy:selectin tags do. JoinedLoad,
// SubqueryLoad and ContainsEager need a SELECT to join and are an error
// before any SQL is sent (SQLAlchemy deprecates them on DML statements).
func (u *UpdateQuery[T]) Options(opts ...*LoadOption) *UpdateQuery[T] {
	if err := checkDMLLoads(u.table, opts); err != nil && u.err == nil {
		u.err = err
	}
	u.bulk.loads = append(u.bulk.loads, opts...)
	return u
}

// Options adds loader options applied to the objects All returns; see
// UpdateQuery.Options. The relationships of deleted rows are loaded after
// the DELETE: children the database deleted with the row (ON DELETE
// CASCADE) are gone.
func (d *DeleteQuery[T]) Options(opts ...*LoadOption) *DeleteQuery[T] {
	if err := checkDMLLoads(d.table, opts); err != nil && d.err == nil {
		d.err = err
	}
	d.bulk.loads = append(d.bulk.loads, opts...)
	return d
}

// checkDMLLoads refuses the loader options a DML statement cannot apply
// and relationships t does not have.
func checkDMLLoads(t *Table, opts []*LoadOption) error {
	if t == nil {
		return nil
	}
	for _, o := range opts {
		if o == nil || len(o.path) == 0 {
			return fmt.Errorf("orm: empty loader option")
		}
		path := strings.Join(o.path, ".")
		switch o.strategy {
		case LazyJoined, LazySubquery, lazyContainsEager:
			return fmt.Errorf("orm: the %s loader option is not compatible with INSERT, UPDATE and DELETE statements (SQLAlchemy deprecates it there): use SelectInLoad(%q)", strategyName(o.strategy), path)
		}
		r := t.Relation(o.path[0])
		if r == nil {
			return fmt.Errorf("orm: %s has no relationship %q (path %q)", t.model, o.path[0], path)
		}
		if err := dynamicLoadError(r); err != nil {
			return err
		}
	}
	return nil
}

// strategyName names a loader option's strategy as its constructor.
func strategyName(s LoadStrategy) string {
	switch s {
	case LazyJoined:
		return "JoinedLoad"
	case LazySubquery:
		return "SubqueryLoad"
	default:
		return "ContainsEager"
	}
}

// loadReturned runs the loader options (and lazy:selectin/joined tags) on
// the objects a bulk statement returned: the session's objects through
// the session, others (rows it did not hold, or outside a session)
// through a private identity map, as loader options on a *DB do.
func loadReturned[T any](ctx context.Context, q Querier, t *Table, out []*T, loads []*LoadOption) ([]*T, error) {
	if len(out) == 0 || len(loads) == 0 && !t.hasEagerRelations() {
		return out, nil
	}
	s, ok := q.(*Session)
	if !ok {
		return loadedObjects(ctx, q, t, out, loads)
	}
	var held []*objState
	var free []*T
	for _, o := range out {
		if st := s.byObj[any(o)]; st != nil {
			held = append(held, st)
		} else {
			free = append(free, o)
		}
	}
	if err := s.eagerLoad(ctx, t, held, loads); err != nil {
		return nil, err
	}
	if len(free) > 0 {
		priv := &Session{fix: s, identity: identityMap{}, byObj: map[any]*objState{}}
		if _, err := loadedObjects(ctx, priv, t, free, loads); err != nil {
			return nil, err
		}
	}
	return out, nil
}
