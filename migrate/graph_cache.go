package migrate

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/flagon-go/flagon/migrate/graph"
)

// graphCacheSize bounds the graphs kept by buildGraph: a program has one
// set of revisions per database, met in one or two orders.
const graphCacheSize = 8

// graphCache holds the graphs already built, by graphKey. A program that
// upgrades at start-up and then checks the database's revision passes
// the same revisions to Registry.All, UpgradeOnStart and NewMigrator
// several times; each revision set is validated and built once.
var graphCache struct {
	mu     sync.Mutex
	graphs map[string]*graph.Graph
}

// graphBuilds counts the graphs built (not found in graphCache).
var graphBuilds atomic.Int64

// buildGraph returns the graph of nodes, built once per distinct list of
// nodes (order included, as it orders the graph's output). Graphs are
// immutable, so one is shared; errors are not kept.
func buildGraph(nodes []graph.Node) (*graph.Graph, error) {
	key := graphKey(nodes)
	graphCache.mu.Lock()
	g := graphCache.graphs[key]
	graphCache.mu.Unlock()
	if g != nil {
		return g, nil
	}
	graphBuilds.Add(1)
	g, err := graph.New(ownNodes(nodes))
	if err != nil {
		return nil, err
	}
	graphCache.mu.Lock()
	defer graphCache.mu.Unlock()
	if graphCache.graphs == nil || len(graphCache.graphs) >= graphCacheSize {
		graphCache.graphs = map[string]*graph.Graph{}
	}
	graphCache.graphs[key] = g
	return g, nil
}

// ownNodes deep-copies nodes, so that a shared graph never aliases the
// slices of a caller's revisions.
func ownNodes(nodes []graph.Node) []graph.Node {
	out := make([]graph.Node, len(nodes))
	for i, n := range nodes {
		out[i] = graph.Node{ID: n.ID, Down: slices.Clone(n.Down), BranchLabels: slices.Clone(n.BranchLabels), DependsOn: slices.Clone(n.DependsOn)}
	}
	return out
}

// graphKey is the content of nodes as one string, every list and string
// prefixed by its length so that distinct lists never share a key.
func graphKey(nodes []graph.Node) string {
	var b strings.Builder
	count := func(n int) { b.WriteString(strconv.Itoa(n)); b.WriteByte(':') }
	str := func(s string) { count(len(s)); b.WriteString(s) }
	count(len(nodes))
	for _, n := range nodes {
		str(n.ID)
		for _, list := range [][]string{n.Down, n.BranchLabels, n.DependsOn} {
			count(len(list))
			for _, s := range list {
				str(s)
			}
		}
	}
	return b.String()
}
