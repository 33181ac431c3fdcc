package orm

import (
	"context"
	"database/sql"
)

// selectInBatch is how many keys one IN query carries, as in SQLAlchemy.
const selectInBatch = 500

// loadRelation loads r for the states that have not loaded it, with one
// query per 500 keys.
func (s *Session) loadRelation(ctx context.Context, r *Relation, owners []*objState, opt *LoadOption) error {
	_, err := s.loadRel(ctx, r, owners, opt)
	return err
}

// loadRel is loadRelation; the related states are found with targetsOf
// when a deeper level needs them.
func (s *Session) loadRel(ctx context.Context, r *Relation, owners []*objState, opt *LoadOption) ([]*objState, error) {
	j, err := r.join()
	if err != nil {
		return nil, err
	}
	todo := unloaded(r, owners, opt)
	if len(todo) > 0 {
		if j.kind == ManyToOne {
			err = s.loadToOne(ctx, r, j, todo, opt, nil)
		} else {
			err = s.loadToMany(ctx, r, j, todo, opt, nil)
		}
		if err != nil {
			return nil, err
		}
	}
	return nil, nil
}

// unloaded returns the owners whose relationship r a loader must load:
// those that have not loaded it, or all of them for a filtered or sorted
// option (except a joined one, which the owners' statement loaded).
func unloaded(r *Relation, owners []*objState, opt *LoadOption) []*objState {
	reload := opt != nil && (opt.where != nil || opt.orderBy != nil) &&
		opt.strategy != LazyJoined && opt.strategy != lazyContainsEager
	var todo []*objState
	for _, st := range owners {
		if reload || !st.relLoaded(r) {
			todo = append(todo, st)
		}
	}
	return todo
}

// A fetchFunc runs a loader statement for the owners' keys and returns
// the related rows, each with the key of the owner it belongs to.
type fetchFunc func(keys [][]any) ([]foundRow, error)

// targetsOf returns the distinct states r references from owners.
func (s *Session) targetsOf(r *Relation, owners []*objState) []*objState {
	seen := map[*objState]bool{}
	var out []*objState
	for _, st := range owners {
		for _, it := range st.relItems(r) {
			if t := s.byObj[it]; t != nil && !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}

// loadToOne loads many-to-one targets by key, skipping rows already in
// the identity map; fetch, when set, replaces the selectin statement.
func (s *Session) loadToOne(ctx context.Context, r *Relation, j *relationJoin, owners []*objState, opt *LoadOption, fetch fetchFunc) error {
	if fetch == nil {
		fetch = func(keys [][]any) ([]foundRow, error) { return s.selectIn(ctx, j.target, j.remote, keys, opt, nil) }
	}
	byPK := sameCols(j.remote, j.target.pkColumns())
	var keys [][]any
	seen := map[identityKey]bool{}
	for _, st := range owners {
		k, ok := keyFields(j.target, st.val(), j.local)
		if !ok || seen[k] || (byPK && s.identity.get(k) != nil && !s.identity.get(k).expired && opt == nil) {
			continue
		}
		seen[k] = true
		keys = append(keys, colValues(st.val(), j.local))
	}
	found, err := fetch(keys)
	if err != nil {
		return err
	}
	byKey := map[identityKey]*objState{}
	for _, f := range found {
		byKey[f.key] = f.st
	}
	for _, st := range owners {
		k, ok := keyFields(j.target, st.val(), j.local)
		t := byKey[k]
		if t == nil && ok && byPK {
			t = s.identity.get(k)
		}
		var items []any
		if ok && t != nil {
			items = []any{t.obj}
		}
		s.setLoaded(st, r, items)
	}
	return nil
}

// loadToMany loads one-to-many, one-to-one and many-to-many targets;
// fetch, when set, replaces the selectin statement.
func (s *Session) loadToMany(ctx context.Context, r *Relation, j *relationJoin, owners []*objState, opt *LoadOption, fetch fetchFunc) error {
	var keys [][]any
	group := newKeyIndex(len(owners)) // owner key -> group
	ownerGroup := make([]int, len(owners))
	for i, st := range owners {
		k, ok := keyFields(j.target, st.val(), j.local)
		if !ok {
			ownerGroup[i] = -1
			continue
		}
		g, seen := group.get(k)
		if !seen {
			g = len(keys)
			group.put(k, g)
			keys = append(keys, colValues(st.val(), j.local))
		}
		ownerGroup[i] = g
	}
	keyCols, via := j.remote, (*relationJoin)(nil)
	if j.kind == ManyToMany {
		keyCols, via = j.secLocal, j
	}
	if fetch == nil {
		fetch = func(keys [][]any) ([]foundRow, error) {
			return s.selectIn(ctx, j.target, keyCols, keys, s.withOrder(r, opt), via)
		}
	}
	found, err := fetch(keys)
	if err != nil {
		return err
	}
	groups, rowGroup := groupFound(found, group, len(keys))
	ownerItems := make([][]any, len(keys)) // shared: item lists are never modified in place
	for i, st := range owners {
		var items []any
		if g := ownerGroup[i]; g >= 0 {
			items = groups[g]
			if ownerItems[g] == nil {
				ownerItems[g] = []any{st.obj}
			}
		}
		s.setLoaded(st, r, items)
	}
	if back := r.backRef(); back != nil && j.kind != ManyToMany {
		for i, f := range found {
			if g := rowGroup[i]; g >= 0 {
				s.setLoaded(f.st, back, ownerItems[g])
			}
		}
	}
	return nil
}

// groupFound splits found rows by owner group, in row order, with one
// backing array; rowGroup gives each row's group (-1 for none).
func groupFound(found []foundRow, group keyIndex, n int) (groups [][]any, rowGroup []int) {
	counts := make([]int, n)
	idx := make([]int, len(found))
	for i, f := range found {
		g, ok := group.get(f.key)
		if !ok {
			idx[i] = -1
			continue
		}
		idx[i] = g
		counts[g]++
	}
	backing := make([]any, 0, len(found))
	out := make([][]any, n)
	for g, c := range counts {
		out[g] = backing[len(backing) : len(backing) : len(backing)+c]
		backing = backing[:len(backing)+c]
	}
	for i, f := range found {
		if g := idx[i]; g >= 0 {
			out[g] = append(out[g], f.st.obj)
		}
	}
	return out, idx
}

// withOrder adds the relationship's default order_by to opt.
func (s *Session) withOrder(r *Relation, opt *LoadOption) *LoadOption {
	if len(r.OrderBy) == 0 || (opt != nil && len(opt.orderBy) > 0) {
		return opt
	}
	o := &LoadOption{}
	if opt != nil {
		*o = *opt
	}
	for _, k := range r.OrderBy {
		o.orderBy = append(o.orderBy, k)
	}
	return o
}

// setLoaded assigns a loaded relationship and records it as loaded.
func (s *Session) setLoaded(st *objState, r *Relation, items []any) {
	if r.many && items == nil {
		items = []any{}
	}
	st.setRelItems(r, items)
	rs := st.rel(r)
	rs.loaded, rs.raise = true, false
	rs.items = items // never modified in place
	if rs.committed == nil {
		rs.committed = rs.items
	}
}

// foundRow is one loaded related row and the join key it matched.
type foundRow struct {
	st  *objState
	key identityKey // labelled with the loaded table
}

// selectIn runs SELECT target.* WHERE keyCols IN keys (through the
// association table when via is set), in batches, and maps the rows
// through the identity map.
func (s *Session) selectIn(ctx context.Context, t *Table, keyCols []*Column, keys [][]any, opt *LoadOption, via *relationJoin) ([]foundRow, error) {
	if len(keys) <= selectInBatch {
		return s.selectInBatch(ctx, t, keyCols, keys, opt, via)
	}
	var out []foundRow
	for start := 0; start < len(keys); start += selectInBatch {
		batch := keys[start:min(start+selectInBatch, len(keys))]
		rows, err := s.selectInBatch(ctx, t, keyCols, batch, opt, via)
		if err != nil {
			return nil, err
		}
		out = append(out, rows...)
	}
	return out, nil
}

// selectInBatch runs one IN query.
func (s *Session) selectInBatch(ctx context.Context, t *Table, keyCols []*Column, keys [][]any, opt *LoadOption, via *relationJoin) ([]foundRow, error) {
	b := NewBuilder(s.Dialect())
	keyTable := t
	if via != nil {
		keyTable = via.sec
	}
	renderSelectIn(b, t, keyTable, keyCols, keys, opt, via)
	q, rows, err := s.queryBuilt(ctx, b)
	if err != nil {
		return nil, err
	}
	return s.scanFound(ctx, q, t, keyTable, rows, keyCols)
}

// queryBuilt runs the statement built in b on the session's read
// connection, returning the connection with the rows (their scan may load
// further through it).
func (s *Session) queryBuilt(ctx context.Context, b *Builder) (Querier, *sql.Rows, error) {
	if b.Err() != nil {
		return nil, nil, b.Err()
	}
	q, err := s.readConn(ctx, b.String())
	if err != nil {
		return nil, nil, err
	}
	rows, err := q.QueryContext(ctx, b.String(), b.Args()...)
	if err != nil {
		return nil, nil, err
	}
	return q, rows, nil
}

// A keyIndex maps row keys to small integers, with integer keys in their
// own map (hashing a whole identityKey is much slower).
type keyIndex struct {
	ints map[int64]int
	strs map[string]int
}

// newKeyIndex returns an index sized for n keys.
func newKeyIndex(n int) keyIndex {
	return keyIndex{ints: make(map[int64]int, n), strs: map[string]int{}}
}

// get returns k's index.
func (x keyIndex) get(k identityKey) (int, bool) {
	if k.str {
		i, ok := x.strs[k.s]
		return i, ok
	}
	i, ok := x.ints[k.n]
	return i, ok
}

// put sets k's index.
func (x keyIndex) put(k identityKey, i int) {
	if k.str {
		x.strs[k.s] = i
	} else {
		x.ints[k.n] = i
	}
}
