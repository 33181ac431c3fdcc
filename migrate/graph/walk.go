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

// checkCycles reports a cycle through down revisions or dependencies.
func (g *Graph) checkCycles() error {
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
			i := slices.Index(path, id)
			return &Error{Kind: ErrCycle, Rev: id, Msg: "Cycle is detected in revisions (" + strings.Join(path[i:], ", ") + ")"}
		case black:
			return nil
		}
		color[id] = grey
		path = append(path, id)
		for _, p := range g.parents(id) {
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
