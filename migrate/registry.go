package migrate

import (
	"slices"
	"strings"
	"sync"

	"github.com/flagon-go/flagon/migrate/graph"
)

// A Registry collects the revisions of one versions package. Each revision
// file adds its own revision from an init function (as goose's
// AddMigration), so that deleting a revision file removes the revision
// without editing another file; the package's All returns Registry.All.
type Registry struct {
	mu   sync.Mutex
	revs []*Revision
}

// Add registers r and returns it.
func (g *Registry) Add(r *Revision) *Revision {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.revs = append(g.revs, r)
	return r
}

// All returns the registered revisions, oldest first: in the order of
// their Down and DependsOn links, then of their IDs, so that the order
// never depends on file names or on the order of the init functions.
// When the links do not form a valid graph the revisions are returned by
// ID, and NewScript reports the problem.
func (g *Registry) All() []*Revision {
	g.mu.Lock()
	revs := slices.Clone(g.revs)
	g.mu.Unlock()
	if slices.Contains(revs, nil) {
		return revs // NewScript names the nil revision
	}
	slices.SortFunc(revs, func(a, b *Revision) int { return strings.Compare(a.ID, b.ID) })
	nodes := make([]graph.Node, len(revs))
	byID := make(map[string]*Revision, len(revs))
	for i, r := range revs {
		nodes[i] = r.node()
		byID[r.ID] = r
	}
	gr, err := buildGraph(nodes)
	if err != nil {
		return revs
	}
	out := make([]*Revision, 0, len(revs))
	for _, id := range gr.Topo(gr.Ancestors(gr.IDs()...)) {
		out = append(out, byID[id])
	}
	return out
}
