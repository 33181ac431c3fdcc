package graph

import (
	"slices"
	"strings"
)

// IterOptions are the options of IterateRevisions, Alembic's
// iterate_revisions keyword arguments.
type IterOptions struct {
	// ImplicitBase also walks other branches down to base (upgrades), or
	// winds them back (downgrades).
	ImplicitBase bool
	// Inclusive includes the lower revisions themselves.
	Inclusive bool
	// NoAssertRelativeLength lets a relative step stop at the end of the
	// tree instead of failing (Alembic's assert_relative_length=False).
	NoAssertRelativeLength bool
	// SelectForDowngrade selects what a downgrade from upper to lower
	// removes instead of what an upgrade from lower to upper applies.
	SelectForDowngrade bool
}

// IterateRevisions is Alembic's RevisionMap.iterate_revisions: the
// revisions between upper and lower, newest first (every revision before
// what it revises or depends on). Each of upper and lower is a list of
// revision specs (one spec such as "heads", "ebranch@-2", "x@base" or an
// id; nil for none, which is base). An upgrade applies the result in
// reverse; a downgrade removes it in order.
func (g *Graph) IterateRevisions(upper, lower []string, o IterOptions) ([]string, error) {
	m := g.rm
	var revs revSet
	var heads []*arev
	var err error
	if o.SelectForDowngrade {
		revs, heads, err = m.collectDowngrade(upper, lower, o)
	} else {
		revs, heads, err = m.collectUpgrade(upper, lower, o)
	}
	if err != nil {
		return nil, err
	}
	return m.topoSort(revs, heads), nil
}

// collectDowngrade is Alembic's _collect_downgrade_revisions.
func (m *rmap) collectDowngrade(upper, lower []string, o IterOptions) (revSet, []*arev, error) {
	var target *string
	if len(lower) > 0 {
		target = &lower[0]
	}
	branch, tr, err := m.parseDowngradeTarget(upper, target, !o.NoAssertRelativeLength)
	if err != nil {
		return nil, nil, err
	}
	if tr == baseRev {
		tr = nil
	}
	var roots []*arev
	switch {
	case tr == nil:
		for _, id := range m.order {
			if m.revs[id].isBase {
				roots = append(roots, m.revs[id])
			}
		}
	case o.Inclusive:
		roots = []*arev{tr}
	default:
		if roots, err = m.revsOf(tr.next); err != nil {
			return nil, nil, err
		}
	}
	if branch != "" && len(roots) > 1 {
		br, err := m.resolveBranch(branch)
		if err != nil {
			return nil, nil, err
		}
		anc := setOf(m.ancestors([]*arev{br}, false))
		roots = slices.DeleteFunc(roots, func(r *arev) bool { return !anc[r] })
		if len(roots) == 0 {
			return nil, nil, revErr("Not a valid downgrade target from current heads")
		}
	}
	heads, err := m.getRevisionsAll(upper)
	if err != nil {
		return nil, nil, err
	}
	down := setOf(m.descendants(roots, true))
	active := setOf(m.ancestors(heads, true))
	for r := range down {
		if !active[r] {
			delete(down, r)
		}
	}
	if o.ImplicitBase {
		rootAnc := setOf(m.ancestors(roots, true))
		for r := range active {
			if !rootAnc[r] {
				down[r] = true
			}
		}
	}
	if tr != nil && len(down) == 0 && !slices.Contains(heads, tr) {
		return nil, nil, notAncestor("Nothing to drop", fmtRevs(upper))
	}
	return down, heads, nil
}

// collectUpgrade is Alembic's _collect_upgrade_revisions.
func (m *rmap) collectUpgrade(upper, lower []string, o IterOptions) (revSet, []*arev, error) {
	targets, err := m.parseUpgradeTarget(lower, upper, !o.NoAssertRelativeLength)
	if err != nil {
		return nil, nil, err
	}
	for _, t := range targets {
		if t == nil || t == baseRev {
			return nil, nil, revErr("Walked too far")
		}
	}
	if len(lower) == 1 && strings.Contains(lower[0], "@") {
		branch, _, _ := strings.Cut(lower[0], "@")
		br, err := m.getRevision(branch)
		if err != nil {
			return nil, nil, err
		}
		if br != nil && br.id == branch {
			for l := range br.labels {
				branch = l
			}
		}
		targets = slices.DeleteFunc(targets, func(t *arev) bool { return !t.labels[branch] })
	}
	reqList, err := m.relatedCheck(targets, (*arev).normDown, true)
	if err != nil {
		return nil, nil, err
	}
	required := setOf(reqList)
	for _, t := range targets {
		required[t] = true
	}
	current, err := m.getRevisionsAll(lower)
	if err != nil {
		return nil, nil, err
	}
	if !o.ImplicitBase {
		for _, c := range current {
			if c != nil && (c == baseRev || !required[c]) {
				return nil, nil, notAncestor(fmtRevs(lower), fmtRevs(upper))
			}
		}
	}
	if len(current) > 0 && current[0] == nil {
		var tgt *string
		if len(lower) > 0 {
			tgt = &lower[0]
		}
		_, r, err := m.parseDowngradeTarget(upper, tgt, !o.NoAssertRelativeLength)
		if err != nil {
			return nil, nil, err
		}
		if r == nil || r == baseRev {
			current, lower = nil, nil
		} else {
			current, lower = []*arev{r}, []string{r.id}
		}
	}
	curList, err := m.relatedCheck(current, (*arev).normDown, true)
	if err != nil {
		return nil, nil, err
	}
	curSet := setOf(curList)
	needs := revSet{}
	for r := range required {
		if !curSet[r] {
			needs[r] = true
		}
	}
	if o.Inclusive {
		low, err := m.getRevisionsAll(lower)
		if err != nil {
			return nil, nil, err
		}
		for r := range setOf(low) {
			needs[r] = true
		}
	}
	if len(current) > 0 && !o.ImplicitBase {
		descList, err := m.relatedCheck(current, func(r *arev) []string { return r.next }, true)
		if err != nil {
			return nil, nil, err
		}
		desc := setOf(descList)
		for r := range needs {
			if !desc[r] {
				delete(needs, r)
			}
		}
	}
	return needs, targets, nil
}

// notAncestor is Alembic's RangeNotAncestorError.
func notAncestor(lower, upper string) error {
	if lower == "" {
		lower = "base"
	}
	if upper == "" {
		upper = "base"
	}
	return &Error{Kind: ErrNotAncestor, Rev: lower, Msg: "Revision " + lower + " is not an ancestor of revision " + upper}
}

// fmtRevs formats a spec list as Alembic prints it ("" for none).
func fmtRevs(ids []string) string {
	switch len(ids) {
	case 0:
		return ""
	case 1:
		return ids[0]
	}
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = "'" + id + "'"
	}
	return "(" + strings.Join(q, ", ") + ")"
}

// topoSort is Alembic's _topological_sort: newest first, walking each
// branch down to where another branch still needs it, in input order.
func (m *rmap) topoSort(revs revSet, heads []*arev) []string {
	todo := map[string]bool{}
	for r := range revs {
		todo[r.id] = true
	}
	pos := map[string]int{}
	for i, id := range m.order {
		pos[id] = i
	}
	var cur []string
	for _, h := range heads {
		if h != nil && h != baseRev && todo[h.id] && !slices.Contains(cur, h.id) {
			cur = append(cur, h.id)
		}
	}
	slices.SortFunc(cur, func(a, b string) int { return pos[a] - pos[b] })
	anc := func(id string) map[string]bool {
		s := map[string]bool{}
		for _, r := range m.ancestors([]*arev{m.revs[id]}, true) {
			s[r.id] = true
		}
		return s
	}
	ancBy := make([]map[string]bool, len(cur))
	for i, id := range cur {
		ancBy[i] = anc(id)
	}
	var out []string
	idx := 0
	for len(cur) > 0 {
		cand := cur[idx]
		moved := false
		for j, a := range ancBy {
			if j != idx && a[cand] {
				idx, moved = j, true
				break
			}
		}
		if moved {
			continue
		}
		if todo[cand] {
			out = append(out, cand)
			delete(todo, cand)
		}
		r := m.revs[cand]
		var add []string
		for _, d := range r.normDown() {
			if todo[d] && !slices.Contains(cur, d) {
				add = append(add, d)
			}
		}
		switch {
		case len(add) == 0:
			cur = slices.Delete(cur, idx, idx+1)
			ancBy = slices.Delete(ancBy, idx, idx+1)
			idx = max(idx-1, 0)
		case len(r.normDeps) == 0 && len(r.down) == 1:
			cur[idx] = add[0]
			delete(ancBy[idx], cand)
		default:
			cur[idx] = add[0]
			cur = append(cur, add[1:]...)
			ancBy[idx] = anc(add[0])
			for _, h := range add[1:] {
				ancBy = append(ancBy, anc(h))
			}
		}
	}
	return out
}
