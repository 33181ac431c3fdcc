package orm

import (
	"context"
	"errors"
	"fmt"
	"reflect"
)

// A merger is one Merge call: SQLAlchemy's _recursive and
// _resolve_conflict_map. It follows relationships with the merge cascade
// from the given object to the objects they hold, merging each one once.
type merger struct {
	ctx  context.Context
	s    *Session
	done map[any]any         // source object -> the session's object
	keys map[identityKey]any // key -> the session's object merged for it
	via  map[mergeVia]bool   // a source object reached through a relationship
	keep []func()            // restores the sessions' autoflush settings
}

// mergeVia is a source object and the relationship it was merged
// through, so that its reverse relationship is not merged back.
type mergeVia struct {
	src any
	rel *Relation
}

// mergeCascade merges obj and, through relationships with the merge
// cascade, the objects its loaded relationship fields hold. cols are the
// columns of obj to copy; rels is false for MergeFields, which copies
// columns only. As SQLAlchemy's merge, the session autoflushes first (so
// that objects added earlier are found by their keys) and not again
// while merging, so that half-merged objects are not written.
func mergeCascade[T any](ctx context.Context, s *Session, t *Table, obj *T, cols []*Column, rels bool) (*T, error) {
	if _, err := s.prepareQuery(ctx); err != nil {
		return nil, err
	}
	m := &merger{ctx: ctx, s: s, done: map[any]any{}, keys: map[identityKey]any{}, via: map[mergeVia]bool{}}
	defer m.restore()
	get := func(pk []any) (any, error) {
		cur, err := Get[T](ctx, s, pk...)
		if cur == nil {
			return nil, err
		}
		return cur, err
	}
	out, err := m.merge(t, obj, cols, rels, get)
	if err != nil {
		return nil, err
	}
	return out.(*T), nil
}

// restore turns autoflush back on in the sessions merge turned it off in.
func (m *merger) restore() {
	for _, f := range m.keep {
		f()
	}
}

// session returns the session handling table t, autoflush off.
func (m *merger) session(t *Table) *Session {
	s := m.s.routeType(t.model)
	if !s.opts.noAutoflush {
		s.opts.noAutoflush = true
		m.keep = append(m.keep, func() { s.opts.noAutoflush = false })
	}
	return s
}

// merge returns the session's object for src's row (loading it, or
// adding a new pending copy when there is none, or when src has no key),
// with cols of src copied onto it and, when rels is set, its
// relationships with the merge cascade merged. An object already in the
// session is its own result, unchanged.
func (m *merger) merge(t *Table, src any, cols []*Column, rels bool, get func([]any) (any, error)) (any, error) {
	if d, ok := m.done[src]; ok {
		return d, nil
	}
	s := m.session(t)
	if s.byObj[src] != nil {
		m.done[src] = src
		return src, nil
	}
	v := reflect.ValueOf(src).Elem()
	var cur any
	k, keyed := rowKey(t, v)
	if keyed {
		cur = m.keys[k] // another source object of this row, merged already
	}
	if keyed && cur == nil {
		var err error
		if cur, err = get(colValues(v, t.pkColumns())); err != nil && !errors.Is(err, ErrNoRows) {
			return nil, err
		}
	}
	add := cur == nil
	if add {
		cur = reflect.New(t.model).Interface()
	}
	if add {
		copyCols(cols, reflect.ValueOf(cur).Elem(), v)
	} else {
		if err := checkMergeVersion(t, v, reflect.ValueOf(cur).Elem()); err != nil {
			return nil, err
		}
		copyCols(withoutVersion(t, cols), reflect.ValueOf(cur).Elem(), v)
	}
	if add {
		if err := s.Add(cur); err != nil {
			return nil, err
		}
	}
	m.done[src] = cur
	if keyed {
		m.keys[k] = cur
	}
	if !rels {
		return cur, nil
	}
	return cur, m.mergeRelations(s, t, src, cur)
}

// mergeRelations merges the loaded, assigned relationship fields of src
// with the merge cascade into cur's: each object they hold is merged and
// cur's field set to the results. A persistent cur's unloaded
// relationship is loaded first, so that the objects that leave it are
// known (a delete-orphan collection deletes them). A relationship
// reached back from the object src was merged through is skipped, as in
// SQLAlchemy.
func (m *merger) mergeRelations(s *Session, t *Table, src, cur any) error {
	sv := reflect.ValueOf(src).Elem()
	st := s.byObj[cur]
	for _, r := range t.relations {
		if r.dynamic || r.Cascade&CascadeMerge == 0 {
			continue
		}
		if back := r.backRef(); back != nil && m.via[mergeVia{src, back}] {
			continue
		}
		f := fieldByIndex(sv, r.index).Addr().Interface().(relField)
		if ns, ok := f.(interface{ neverSet() bool }); !f.isLoaded() || ok && ns.neverSet() {
			continue
		}
		target, err := r.Target()
		if err != nil {
			return err
		}
		if st.status == statusPersistent && !st.relLoaded(r) {
			if err := s.loadRelation(m.ctx, r, []*objState{st}, nil); err != nil {
				return err
			}
		}
		var out []any
		for _, it := range f.relItems() {
			m.via[mergeVia{it, r}] = true
			mo, err := m.merge(target, it, target.Columns, true, func(pk []any) (any, error) {
				return m.get(target, pk)
			})
			if err != nil {
				return err
			}
			out = append(out, mo)
		}
		st.setRelItems(r, out)
	}
	return nil
}

// get returns the session's object of table t with primary key pk, from
// the identity map or the database; nil when there is no such row.
func (m *merger) get(t *Table, pk []any) (any, error) {
	s := m.session(t)
	if obj, found, err := s.getIdentity(t, pk); found || err != nil {
		return obj, err
	}
	if t.inherit != nil {
		return nil, fmt.Errorf("orm: Merge cannot follow a relationship to %s, a model with inheritance: merge its objects with their own Merge call", t.Name)
	}
	b := NewBuilder(s.Dialect())
	keys := t.pkColumns()
	renderSelectIn(b, t, t, keys, [][]any{pk}, nil, nil)
	q, err := s.readConn(m.ctx, b.String())
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(m.ctx, b.String(), b.Args()...)
	if err != nil {
		return nil, err
	}
	found, err := s.scanFound(m.ctx, q, t, t, rows, keys)
	if err != nil || len(found) == 0 {
		return nil, err
	}
	return found[0].st.obj, nil
}
