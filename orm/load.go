package orm

import (
	"context"
	"fmt"
	"reflect"
	"strings"
)

// eagerLoad runs a query's loader options and the relationships declared
// lazy:"selectin" or lazy:"joined" for the loaded states.
func (s *Session) eagerLoad(ctx context.Context, t *Table, states []*objState, opts []*LoadOption) error {
	return s.loadLevel(ctx, t, states, opts, 0)
}

// loadLevel applies the options' path segment at level, then recurses.
func (s *Session) loadLevel(ctx context.Context, t *Table, states []*objState, opts []*LoadOption, level int) error {
	if len(states) == 0 {
		return nil
	}
	done := map[*Relation]bool{}
	for _, o := range opts {
		if level >= len(o.path) {
			continue
		}
		r := t.Relation(o.path[level])
		if r == nil {
			return fmt.Errorf("orm: %s has no relationship %q (path %q)", t.model, o.path[level], strings.Join(o.path, "."))
		}
		if err := dynamicLoadError(r); err != nil {
			return err
		}
		if done[r] {
			continue
		}
		done[r] = true
		if err := s.loadOption(ctx, r, states, optionsUnder(opts, o.path[:level+1]), level); err != nil {
			return err
		}
	}
	return s.loadDefaults(ctx, t, states, done)
}

// loadOption loads one relationship named by options at this level.
func (s *Session) loadOption(ctx context.Context, r *Relation, states []*objState, sub []*LoadOption, level int) error {
	var last *LoadOption
	for _, o := range sub {
		if len(o.path) == level+1 {
			last = o
		}
	}
	if last == nil {
		last = passingSubquery(sub, level)
	}
	if last != nil && last.strategy == LazyRaise {
		for _, st := range states {
			if !st.relLoaded(r) {
				st.rel(r).raise = true
			}
		}
		return nil
	}
	if err := s.loadWith(ctx, r, states, last, level); err != nil {
		return err
	}
	tt, _ := r.Target()
	if !deeper(sub, level) && !tt.hasEagerRelations() {
		return nil
	}
	return s.loadLevel(ctx, tt, s.targetsOf(r, states), sub, level+1)
}

// loadWith loads r for states with the strategy of opt (the option that
// ends at this level, if any): a SubqueryLoad of a query re-runs it as a
// subquery, anything else loads with selectin (what a JoinedLoad or
// ContainsEager could not join).
func (s *Session) loadWith(ctx context.Context, r *Relation, states []*objState, opt *LoadOption, level int) error {
	if opt != nil && opt.strategy == LazySubquery && opt.src != nil {
		return s.loadSubquery(ctx, r, states, opt, level)
	}
	_, err := s.loadRel(ctx, r, states, opt)
	return err
}

// passingSubquery returns, for a level that no option ends at, the
// SubqueryLoad whose path passes through it, cut at the level (without
// its Where and OrderBy, which belong to the last segment), or nil.
func passingSubquery(opts []*LoadOption, level int) *LoadOption {
	for _, o := range opts {
		if o.strategy == LazySubquery && len(o.path) > level+1 {
			return &LoadOption{path: o.path[:level+1], strategy: LazySubquery, src: o.src}
		}
	}
	return nil
}

// deeper reports whether any option goes past level.
func deeper(opts []*LoadOption, level int) bool {
	for _, o := range opts {
		if len(o.path) > level+1 {
			return true
		}
	}
	return false
}

// optionsUnder returns the options whose path starts with prefix.
func optionsUnder(opts []*LoadOption, prefix []string) []*LoadOption {
	var out []*LoadOption
	for _, o := range opts {
		if len(o.path) >= len(prefix) && strings.Join(o.path[:len(prefix)], ".") == strings.Join(prefix, ".") {
			out = append(out, o)
		}
	}
	return out
}

// loadDefaults loads relationships declared eager that no option named,
// recursing only into objects whose relationship was not loaded before.
func (s *Session) loadDefaults(ctx context.Context, t *Table, states []*objState, done map[*Relation]bool) error {
	for _, r := range t.relations {
		if done[r] || (r.Lazy != LazySelectIn && r.Lazy != LazyJoined) {
			continue
		}
		var todo []*objState
		for _, st := range states {
			if !st.relLoaded(r) {
				todo = append(todo, st)
			}
		}
		if len(todo) == 0 {
			continue
		}
		if _, err := s.loadRel(ctx, r, todo, nil); err != nil {
			return err
		}
		if tt, _ := r.Target(); tt.hasEagerRelations() {
			if err := s.loadLevel(ctx, tt, s.targetsOf(r, todo), nil, 0); err != nil {
				return err
			}
		}
	}
	return nil
}

// Load loads relationship paths ("Posts", "Author.Posts.Tags") of one
// session object with a query per unloaded level: SQLAlchemy's lazy load,
// made explicit. Relationships already loaded cost nothing. In raise mode
// an unloaded relationship is a *RaiseLoadError instead.
func Load(ctx context.Context, s *Session, obj any, paths ...string) error {
	s = s.routeObj(obj)
	st := s.byObj[obj]
	if st == nil || st.status != statusPersistent && st.status != statusPending {
		return fmt.Errorf("orm: Load: %T is not in the session", obj)
	}
	for _, p := range paths {
		if err := s.lazyPath(ctx, []*objState{st}, strings.Split(p, ".")); err != nil {
			return err
		}
	}
	return nil
}

// LoadAll loads relationship paths of many objects with selectin: one
// query per level (per 500 keys), whatever the number of objects.
func LoadAll[T any](ctx context.Context, s *Session, objs []*T, paths ...string) error {
	s = routeSession[T](s)
	states := make([]*objState, 0, len(objs))
	for _, o := range objs {
		if st := s.byObj[any(o)]; st != nil {
			states = append(states, st)
		}
	}
	t, err := tableOf[T]()
	if err != nil {
		return err
	}
	opts := make([]*LoadOption, len(paths))
	for i, p := range paths {
		opts[i] = SelectInLoad(p)
	}
	if _, err := s.prepareQuery(ctx); err != nil {
		return err
	}
	return s.loadLevel(ctx, t, states, opts, 0)
}

// lazyPath loads path for states, refusing in raise mode; pending
// changes are flushed first so that they are not overwritten.
func (s *Session) lazyPath(ctx context.Context, states []*objState, path []string) error {
	if _, err := s.prepareQuery(ctx); err != nil {
		return err
	}
	for _, name := range path {
		if len(states) == 0 {
			return nil
		}
		t := states[0].table
		r := t.Relation(name)
		if r == nil {
			return fmt.Errorf("orm: %s has no relationship %q", t.model, name)
		}
		if err := dynamicLoadError(r); err != nil {
			return err
		}
		if err := s.checkRaise(r, states); err != nil {
			return err
		}
		s.noteLazyLoad(r, states)
		if _, err := s.loadRel(ctx, r, states, nil); err != nil {
			return err
		}
		states = s.targetsOf(r, states)
	}
	return nil
}

// noteLazyLoad counts loads of r for one persistent object; with the
// engine's Echo logger set (debug mode), the second one in a session logs
// a warning once, as the nplusone tool does for SQLAlchemy: loading a
// relationship object by object in a loop runs one query per object.
func (s *Session) noteLazyLoad(r *Relation, states []*objState) {
	if s.db == nil || s.db.echo == nil || len(states) != 1 || states[0].status != statusPersistent || states[0].relLoaded(r) {
		return
	}
	if s.lazyLoads == nil {
		s.lazyLoads = map[*Relation]int{}
	}
	s.lazyLoads[r]++
	if s.lazyLoads[r] != 2 {
		return
	}
	name := r.owner.model.Name() + "." + r.Name
	s.db.echo.Warn(fmt.Sprintf("orm: potential N+1 queries on %s: it is loaded object by object; "+
		"load it for all objects in the query with .Options(orm.%s(%q)), or with orm.LoadAll", name, loaderFor(r), r.Name),
		"relationship", name)
}

// loaderFor names the loader option that suits r: JoinedLoad for a
// to-one, SelectInLoad for a collection.
func loaderFor(r *Relation) string {
	if r.many {
		return "SelectInLoad"
	}
	return "JoinedLoad"
}

// checkRaise fails if an unloaded relationship may not be lazy loaded.
func (s *Session) checkRaise(r *Relation, states []*objState) error {
	for _, st := range states {
		if st.relLoaded(r) || st.status == statusPending {
			continue
		}
		if s.opts.raiseLoad || r.Lazy == LazyRaise || (st.getRel(r) != nil && st.getRel(r).raise) {
			return &RaiseLoadError{Model: r.owner.model.Name(), Relation: r.Name}
		}
	}
	return nil
}

// Load loads the relationship field pointed to by field, a pointer to a
// relationship field of a session object: s.Load(ctx, &user.Posts).
func (s *Session) Load(ctx context.Context, field any) error {
	s = s.routeField(field)
	st, r := s.ownerOf(field)
	if r == nil {
		return fmt.Errorf("orm: Load: %T is not a relationship field of an object in the session", field)
	}
	return s.lazyPath(ctx, []*objState{st}, []string{r.Name})
}

// ownerOf finds the object and relationship whose field is at ptr.
func (s *Session) ownerOf(field any) (*objState, *Relation) {
	pv := reflect.ValueOf(field)
	if pv.Kind() != reflect.Pointer || pv.IsNil() {
		return nil, nil
	}
	addr := pv.Pointer()
	for _, st := range s.byObj {
		base := st.val().Addr().Pointer()
		if addr < base || addr >= base+st.val().Type().Size() {
			continue
		}
		for _, r := range st.table.relations {
			f := st.relValue(r)
			if f.Addr().Pointer() == addr && f.Type() == pv.Type().Elem() {
				return st, r
			}
		}
	}
	return nil, nil
}

// IsLoaded reports whether relationship name of obj has been loaded (or
// written by a flush of a new object).
func (s *Session) IsLoaded(obj any, name string) bool {
	st := s.byObj[obj]
	if st == nil {
		return false
	}
	r := st.table.Relation(name)
	return r != nil && st.relLoaded(r)
}
