package graph

import (
	"slices"
	"strings"
)

// arev is one revision as Alembic's RevisionMap sees it: its down
// revisions, resolved and normalised dependencies, the revisions that
// follow it and the branch labels it carries (its own and those inherited
// along its branch).
type arev struct {
	id       string
	down     []string        // versioned down revisions
	deps     []string        // resolved dependencies
	normDeps []string        // dependencies no ancestor already depends on
	next     []string        // revisions listing this one in down
	allNext  []string        // revisions listing this one in down or deps
	labels   map[string]bool // branch labels, propagated
	isBase   bool            // no down revision
}

// baseRev stands for Alembic's "base" walk result (below every base).
var baseRev = &arev{id: "base", labels: map[string]bool{}}

// allDown is down followed by the resolved dependencies, deduplicated.
func (r *arev) allDown() []string { return dedupe(append(slices.Clone(r.down), r.deps...)) }

// normDown is down followed by the normalised dependencies, deduplicated.
func (r *arev) normDown() []string { return dedupe(append(slices.Clone(r.down), r.normDeps...)) }

// rmap is the Alembic view of a graph: revisions in input order, branch
// labels, and the heads and bases Alembic computes.
type rmap struct {
	order     []string
	revs      map[string]*arev
	labels    map[string]string // label -> revision id
	heads     []string          // not a down revision of any revision
	realHeads []string          // neither a down revision nor a dependency
	bases     []string          // without down revisions
}

// buildRMap computes the Alembic view of a validated graph.
func (g *Graph) buildRMap() *rmap {
	m := &rmap{revs: map[string]*arev{}, labels: g.labels}
	for _, n := range g.nodes {
		m.order = append(m.order, n.ID)
		m.revs[n.ID] = &arev{id: n.ID, down: n.Down, deps: g.deps[n.ID], labels: map[string]bool{}, isBase: len(n.Down) == 0}
	}
	for _, id := range m.order {
		r := m.revs[id]
		for _, d := range r.allDown() {
			p := m.revs[d]
			p.allNext = appendNew(p.allNext, id)
			if slices.Contains(r.down, d) {
				p.next = appendNew(p.next, id)
			}
		}
	}
	for _, id := range m.order {
		r := m.revs[id]
		if len(r.next) == 0 {
			m.heads = append(m.heads, id)
		}
		if len(r.allNext) == 0 {
			m.realHeads = append(m.realHeads, id)
		}
		if r.isBase {
			m.bases = append(m.bases, id)
		}
	}
	m.normalizeDeps()
	m.addBranches(g)
	return m
}

// normalizeDeps drops the dependencies that an ancestor already has.
func (m *rmap) normalizeDeps() {
	for _, id := range m.order {
		r := m.revs[id]
		if len(r.deps) == 0 {
			continue
		}
		keep := slices.Clone(r.deps)
		for _, a := range m.related([]*arev{r}, func(x *arev) []string { return x.down }) {
			if a != r {
				keep = slices.DeleteFunc(keep, func(d string) bool { return slices.Contains(a.deps, d) })
			}
		}
		r.normDeps = dedupe(keep)
	}
}

// addBranches gives every revision the labels of the labelled revisions
// it descends from, and the labels to the revisions below a label up to
// the nearest branch or merge point.
func (m *rmap) addBranches(g *Graph) {
	for _, id := range m.order {
		own := g.byID[id].BranchLabels
		if len(own) == 0 {
			continue
		}
		r := m.revs[id]
		var last *arev
		for _, d := range m.related([]*arev{r}, func(x *arev) []string { return x.next }) {
			for _, l := range own {
				d.labels[l] = true
			}
			last = d
		}
		for p := last; p != nil && len(p.allNext) <= 1 && len(p.down) <= 1; {
			for _, l := range own {
				p.labels[l] = true
			}
			if len(p.down) == 0 {
				break
			}
			p = m.revs[p.down[0]]
		}
	}
}

// related walks from targets through fn depth first, as Alembic's
// _iterate_related_revisions, returning each revision once in visiting
// order.
func (m *rmap) related(targets []*arev, fn func(*arev) []string) []*arev {
	out, _ := m.relatedCheck(targets, fn, false)
	return out
}

// relatedCheck is related that, with check, fails when a target is reached
// from another target.
func (m *rmap) relatedCheck(targets []*arev, fn func(*arev) []string, check bool) ([]*arev, error) {
	seen := map[*arev]bool{}
	var out []*arev
	for _, t := range targets {
		if t == nil || t == baseRev {
			continue
		}
		per := map[*arev]bool{}
		todo := []*arev{t}
		for len(todo) > 0 {
			r := todo[len(todo)-1]
			todo = todo[:len(todo)-1]
			per[r] = true
			if seen[r] {
				continue
			}
			seen[r] = true
			for _, id := range fn(r) {
				todo = append(todo, m.revs[id])
			}
			out = append(out, r)
		}
		if check {
			var over []string
			for _, o := range targets {
				if o != t && o != nil && per[o] && !slices.Contains(over, o.id) {
					over = append(over, o.id)
				}
			}
			if len(over) > 0 {
				return nil, revErr("Requested revision " + t.id + " overlaps with other requested revisions " + strings.Join(over, ", "))
			}
		}
	}
	return out, nil
}

// ancestors returns targets and what they revise (and, with deps, depend on).
func (m *rmap) ancestors(targets []*arev, deps bool) []*arev {
	if deps {
		return m.related(targets, (*arev).normDown)
	}
	return m.related(targets, func(r *arev) []string { return r.down })
}

// descendants returns targets and what revises (and, with deps, depends on) them.
func (m *rmap) descendants(targets []*arev, deps bool) []*arev {
	if deps {
		return m.related(targets, func(r *arev) []string { return r.allNext })
	}
	return m.related(targets, func(r *arev) []string { return r.next })
}

// dedupe removes repeated strings, keeping the first of each.
func dedupe(ids []string) []string {
	var out []string
	for _, id := range ids {
		out = appendNew(out, id)
	}
	return out
}

// appendNew appends id unless present.
func appendNew(ids []string, id string) []string {
	if slices.Contains(ids, id) {
		return ids
	}
	return append(ids, id)
}

// revSet is a set of revisions.
type revSet map[*arev]bool

// setOf builds a set.
func setOf(revs []*arev) revSet {
	s := revSet{}
	for _, r := range revs {
		if r != nil && r != baseRev {
			s[r] = true
		}
	}
	return s
}

// revErr is Alembic's RevisionError.
func revErr(msg string) error { return &Error{Kind: ErrRevision, Msg: msg} }
