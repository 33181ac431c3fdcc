package graph

import (
	"slices"
	"strings"
)

// parents returns the down revisions and dependencies of id.
func (g *Graph) parents(id string) []string {
	n := g.byID[id]
	out := slices.Clone(n.Down)
	return append(out, g.deps[id]...)
}

// dependents returns the revisions that revise or depend on id.
func (g *Graph) dependents(id string) []string {
	out := slices.Clone(g.children[id])
	for _, n := range g.nodes {
		if slices.Contains(g.deps[n.ID], id) {
			out = append(out, n.ID)
		}
	}
	return out
}

// Ancestors returns ids and every revision they revise or depend on,
// directly or not.
func (g *Graph) Ancestors(ids ...string) map[string]bool {
	return g.closure(ids, g.parents)
}

// Descendants returns ids and every revision that revises or depends on
// them, directly or not.
func (g *Graph) Descendants(ids ...string) map[string]bool {
	return g.closure(ids, g.dependents)
}

// closure collects everything reachable from ids through next.
func (g *Graph) closure(ids []string, next func(string) []string) map[string]bool {
	seen := map[string]bool{}
	stack := slices.Clone(ids)
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[id] {
			continue
		}
		if _, ok := g.byID[id]; !ok {
			continue
		}
		seen[id] = true
		stack = append(stack, next(id)...)
	}
	return seen
}

// checkCycles reports loops and cycles as Alembic does: a revision that
// revises (or depends on) itself is a "Self-loop" ("Dependency
// self-loop"); revisions that are not both below a head and above a base
// form a "Cycle" ("Dependency cycle" when dependencies close it); a
// depth-first search then reports, with the same messages, the cycles
// Alembic's check lets through.
func (g *Graph) checkCycles() error {
	for _, n := range g.nodes {
		if slices.Contains(n.Down, n.ID) {
			return cycleErr("Self-loop", []string{n.ID})
		}
		if slices.Contains(n.DependsOn, n.ID) {
			return cycleErr("Dependency self-loop", []string{n.ID})
		}
	}
	if len(g.nodes) == 0 {
		return nil
	}
	down := func(id string) []string { return g.byID[id].Down }
	next := func(id string) []string { return g.children[id] }
	if err := g.checkSpace("Cycle", down, next); err != nil {
		return err
	}
	if err := g.checkSpace("Dependency cycle", g.parents, g.dependents); err != nil {
		return err
	}
	// Alembic's check misses a cycle that every revision is both below a
	// head and above a base of (a cycle between a head and a base): a
	// depth-first search finds it.
	if err := g.findCycle("Cycle", down); err != nil {
		return err
	}
	return g.findCycle("Dependency cycle", g.parents)
}

// findCycle searches the graph depth-first through down for a cycle and
// reports the revisions on it, sorted.
func (g *Graph) findCycle(kind string, down func(string) []string) error {
	const (
		white = iota
		grey
		black
	)
	color := map[string]int{}
	var path []string
	var visit func(id string) error
	visit = func(id string) error {
		switch color[id] {
		case grey:
			ids := slices.Clone(path[slices.Index(path, id):])
			slices.Sort(ids)
			return cycleErr(kind, ids)
		case black:
			return nil
		}
		color[id] = grey
		path = append(path, id)
		for _, p := range down(id) {
			if err := visit(p); err != nil {
				return err
			}
		}
		path = path[:len(path)-1]
		color[id] = black
		return nil
	}
	for _, n := range g.nodes {
		if err := visit(n.ID); err != nil {
			return err
		}
	}
	return nil
}

// checkSpace reports the revisions not reachable both down from a head
// and up from a base, heads and bases being taken through down and up.
func (g *Graph) checkSpace(kind string, down, up func(string) []string) error {
	var heads, bases []string
	for _, n := range g.nodes {
		if len(up(n.ID)) == 0 {
			heads = append(heads, n.ID)
		}
		if len(down(n.ID)) == 0 {
			bases = append(bases, n.ID)
		}
	}
	if len(heads) == 0 || len(bases) == 0 {
		return cycleErr(kind, g.IDs())
	}
	fromHeads, fromBases := g.closure(heads, down), g.closure(bases, up)
	var lost []string
	for _, n := range g.nodes {
		if !fromHeads[n.ID] || !fromBases[n.ID] {
			lost = append(lost, n.ID)
		}
	}
	if len(lost) > 0 {
		slices.Sort(lost)
		return cycleErr(kind, lost)
	}
	return nil
}

// cycleErr is Alembic's CycleDetected family of errors.
func cycleErr(kind string, ids []string) error {
	return &Error{Kind: ErrCycle, Rev: ids[0], Msg: kind + " is detected in revisions (" + strings.Join(ids, ", ") + ")"}
}

// Topo returns the revisions of set ordered so that every revision comes
// after what it revises or depends on; ties keep input order.
func (g *Graph) Topo(set map[string]bool) []string {
	var out []string
	done := map[string]bool{}
	var visit func(id string)
	visit = func(id string) {
		if done[id] || !set[id] {
			return
		}
		done[id] = true
		for _, p := range g.parents(id) {
			visit(p)
		}
		out = append(out, id)
	}
	for _, n := range g.nodes {
		visit(n.ID)
	}
	return out
}

// UpgradePath returns, in application order, the revisions to apply to go
// from the applied heads current to the target revisions.
func (g *Graph) UpgradePath(current, target []string) []string {
	applied := g.Ancestors(current...)
	want := g.Ancestors(target...)
	for id := range applied {
		delete(want, id)
	}
	return g.Topo(want)
}

// DowngradePath returns, in removal order, the revisions to unapply to go
// from the applied heads current down to target (nil target means base).
// Only revisions that descend from the target are removed, so unrelated
// branches stay applied.
func (g *Graph) DowngradePath(current, target []string) []string {
	applied := g.Ancestors(current...)
	remove := map[string]bool{}
	if len(target) == 0 {
		remove = applied
	} else {
		keep := g.Ancestors(target...)
		for id := range g.Descendants(target...) {
			if applied[id] && !keep[id] {
				remove[id] = true
			}
		}
	}
	out := g.Topo(remove)
	slices.Reverse(out)
	return out
}

// HeadsOf returns the maximal revisions of the set: those no revision in
// the set revises. These are the rows of the version table.
func (g *Graph) HeadsOf(set map[string]bool) []string {
	var out []string
	for _, n := range g.nodes {
		if !set[n.ID] {
			continue
		}
		top := true
		for _, c := range g.children[n.ID] {
			if set[c] {
				top = false
			}
		}
		if top {
			out = append(out, n.ID)
		}
	}
	return out
}

// Between returns, newest first, the revisions that descend from lower
// (inclusive) and are ancestors of upper (inclusive); an empty lower means
// base and an empty upper means every head. It is used by history -r.
func (g *Graph) Between(lower, upper []string) []string {
	set := g.Ancestors(upper...)
	if len(upper) == 0 {
		set = g.Ancestors(g.Heads()...)
	}
	if len(lower) > 0 {
		below := g.Descendants(lower...)
		for id := range set {
			if !below[id] {
				delete(set, id)
			}
		}
	}
	out := g.Topo(set)
	slices.Reverse(out)
	return out
}
