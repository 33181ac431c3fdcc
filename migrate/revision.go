package migrate

import (
	"fmt"
	"time"

	"github.com/flagon-go/flagon/migrate/graph"
)

// A Revision is one migration script: its place in the graph and the Go
// functions recording its upgrade and downgrade operations.
type Revision struct {
	// ID is the revision identifier, e.g. "db531a47e319".
	ID string
	// Down lists the revisions this one revises; empty for a base, two or
	// more for a merge.
	Down []string
	// BranchLabels names branches starting at this revision.
	BranchLabels []string
	// DependsOn lists revisions or branch labels applied before this one.
	DependsOn []string
	// Message is the revision message given to "revision -m".
	Message string
	// Created is when the revision file was generated.
	Created time.Time
	// Upgrade records the operations that apply the revision.
	Upgrade func(op *Op) error
	// Downgrade records the operations that undo the revision.
	Downgrade func(op *Op) error
}

// node returns the revision's graph node.
func (r *Revision) node() graph.Node {
	return graph.Node{ID: r.ID, Down: r.Down, BranchLabels: r.BranchLabels, DependsOn: r.DependsOn}
}

// A Script is a validated set of revisions with their graph.
type Script struct {
	// Graph is the revision graph.
	Graph *graph.Graph
	byID  map[string]*Revision
}

// NewScript validates revisions and builds their graph.
func NewScript(revs []*Revision) (*Script, error) {
	nodes := make([]graph.Node, 0, len(revs))
	byID := map[string]*Revision{}
	for i, r := range revs {
		if r == nil {
			return nil, fmt.Errorf("migrate: revision %d is nil", i)
		}
		nodes = append(nodes, r.node())
		byID[r.ID] = r
	}
	g, err := graph.New(nodes)
	if err != nil {
		return nil, err
	}
	return &Script{Graph: g, byID: byID}, nil
}

// Revision returns the revision with this exact identifier.
func (s *Script) Revision(id string) *Revision { return s.byID[id] }

// Record runs a revision's Upgrade (up) or Downgrade function and returns
// the operations it recorded.
func (r *Revision) Record(dialectName string, up bool) ([]Operation, error) {
	fn := r.Downgrade
	if up {
		fn = r.Upgrade
	}
	op := NewOp(dialectName)
	if fn == nil {
		return nil, nil
	}
	if err := fn(op); err != nil {
		return nil, fmt.Errorf("revision %s: %w", r.ID, err)
	}
	return op.ops, nil
}
