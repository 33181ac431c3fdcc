// Package graph is a pure revision graph, with no database: it knows heads,
// bases, branch points, merges and dependencies, walks paths between
// revisions and resolves revision specifications such as "head", "+2",
// "ae1f" or "shop@head". It ports Alembic's script/revision.py
// (RevisionMap: IterateRevisions, GetRevision, FilterForLineage), the
// paths of ScriptDirectory (UpgradeRevs, DowngradeRevs, WalkRevisions,
// Stamp) and the version table moves of HeadMaintainer (StepHeads), with
// Alembic's error messages.
package graph

import (
	"slices"
	"strings"
)

// A Node is one revision as the graph sees it.
type Node struct {
	// ID is the revision identifier.
	ID string
	// Down lists the revisions this one revises (two or more for a merge).
	Down []string
	// BranchLabels names branches that start at (or pass through) this revision.
	BranchLabels []string
	// DependsOn lists revisions (or branch labels) that must be applied first
	// without being parents.
	DependsOn []string
}

// A Graph is an immutable, validated set of revisions.
type Graph struct {
	nodes    []*Node
	byID     map[string]*Node
	labels   map[string]string   // branch label -> revision id
	children map[string][]string // down-revision children
	deps     map[string][]string // resolved depends_on ids
	order    map[string]int      // input position, for stable output
	rm       *rmap               // Alembic's view, for IterateRevisions
}

// New builds and validates a graph. It reports duplicate identifiers,
// missing down revisions or dependencies, duplicate branch labels and cycles.
func New(nodes []Node) (*Graph, error) {
	g := &Graph{
		byID:     map[string]*Node{},
		labels:   map[string]string{},
		children: map[string][]string{},
		deps:     map[string][]string{},
		order:    map[string]int{},
	}
	if err := g.index(nodes); err != nil {
		return nil, err
	}
	if err := g.link(); err != nil {
		return nil, err
	}
	if err := g.checkCycles(); err != nil {
		return nil, err
	}
	g.rm = g.buildRMap()
	return g, nil
}

// index records nodes by id and label.
func (g *Graph) index(nodes []Node) error {
	for i := range nodes {
		n := nodes[i]
		if err := checkID(n.ID); err != nil {
			return err
		}
		if _, dup := g.byID[n.ID]; dup {
			return &Error{Kind: ErrDuplicate, Rev: n.ID, Msg: "Revision " + n.ID + " is present more than once"}
		}
		g.byID[n.ID] = &n
		g.order[n.ID] = i
		g.nodes = append(g.nodes, &n)
	}
	for _, n := range g.nodes {
		for _, l := range n.BranchLabels {
			if err := g.addLabel(l, n.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkID rejects identifiers that would break spec parsing.
func checkID(id string) error {
	if id == "" || strings.ContainsAny(id, " \t\n") || id == "head" || id == "heads" || id == "base" {
		return &Error{Kind: ErrInvalid, Rev: id, Msg: "Invalid revision identifier '" + id + "'"}
	}
	var bad []string
	for _, c := range []string{"+", "-", ":", "@"} {
		if strings.Contains(id, c) {
			bad = append(bad, c)
		}
	}
	if len(bad) > 0 {
		return &Error{Kind: ErrInvalid, Rev: id, Msg: "Character(s) '" + strings.Join(bad, ", ") + "' not allowed in revision identifier '" + id + "'"}
	}
	return nil
}

// addLabel registers a branch label.
func (g *Graph) addLabel(label, id string) error {
	if prev, ok := g.labels[label]; ok {
		return &Error{Kind: ErrDuplicate, Rev: id, Msg: "Branch name '" + label + "' in revision " + id + " already used by revision " + prev}
	}
	if _, ok := g.byID[label]; ok {
		return &Error{Kind: ErrDuplicate, Rev: id, Msg: "Branch name '" + label + "' in revision " + id + " is also a revision identifier"}
	}
	g.labels[label] = id
	return nil
}

// link resolves down revisions and dependencies.
func (g *Graph) link() error {
	for _, n := range g.nodes {
		for _, d := range n.Down {
			if _, ok := g.byID[d]; !ok {
				return &Error{Kind: ErrMissing, Rev: d, Msg: "Revision " + d + " referenced from " + d + " -> " + n.ID + " is not present"}
			}
			g.children[d] = append(g.children[d], n.ID)
		}
		for _, d := range n.DependsOn {
			id, ok := g.byID[d]
			if !ok {
				lid, isLabel := g.labels[d]
				if !isLabel {
					return &Error{Kind: ErrMissing, Rev: d, Msg: "Revision " + d + " (dependency of " + n.ID + ") is not present"}
				}
				id = g.byID[lid]
			}
			g.deps[n.ID] = append(g.deps[n.ID], id.ID)
		}
	}
	return nil
}

// Len returns the number of revisions.
func (g *Graph) Len() int { return len(g.nodes) }

// Get returns the revision with exactly this identifier, as a copy:
// changing it leaves the graph unchanged (graphs are shared).
func (g *Graph) Get(id string) (Node, bool) {
	n, ok := g.byID[id]
	if !ok {
		return Node{}, false
	}
	return Node{ID: n.ID, Down: slices.Clone(n.Down), BranchLabels: slices.Clone(n.BranchLabels), DependsOn: slices.Clone(n.DependsOn)}, true
}

// Heads returns the revisions that no other revision revises, in input order.
func (g *Graph) Heads() []string {
	var out []string
	for _, n := range g.nodes {
		if len(g.children[n.ID]) == 0 {
			out = append(out, n.ID)
		}
	}
	return out
}

// Bases returns the revisions that revise nothing, in input order.
func (g *Graph) Bases() []string {
	var out []string
	for _, n := range g.nodes {
		if len(n.Down) == 0 {
			out = append(out, n.ID)
		}
	}
	return out
}

// BranchPoints returns revisions revised by more than one revision.
func (g *Graph) BranchPoints() []string {
	var out []string
	for _, n := range g.nodes {
		if len(g.children[n.ID]) > 1 {
			out = append(out, n.ID)
		}
	}
	return out
}

// Children returns the revisions that list id as a down revision.
func (g *Graph) Children(id string) []string {
	return slices.Clone(g.children[id])
}

// IsMerge reports whether the revision has more than one down revision.
func (g *Graph) IsMerge(id string) bool {
	n, ok := g.byID[id]
	return ok && len(n.Down) > 1
}

// IsHead reports whether no revision revises id.
func (g *Graph) IsHead(id string) bool {
	_, ok := g.byID[id]
	return ok && len(g.children[id]) == 0
}

// IDs returns every revision identifier in input order.
func (g *Graph) IDs() []string {
	out := make([]string, len(g.nodes))
	for i, n := range g.nodes {
		out[i] = n.ID
	}
	return out
}
