package migrate

import (
	"fmt"
	"slices"
	"strings"
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
	// Upgrade records the operations that apply the revision. In a
	// multi-database layout it runs once per database; op.Bind() names it.
	Upgrade func(op *Op) error
	// Downgrade records the operations that undo the revision.
	Downgrade func(op *Op) error
	// UpgradeBinds and DowngradeBinds are the multi-database form, written
	// by "db revision" in a layout made by "db init --multidb" (Alembic's
	// upgrade_<engine> functions): one function per database name, ""
	// being the default database. A database without an entry has nothing
	// to do in this revision. A revision sets Upgrade or UpgradeBinds, not
	// both (likewise for downgrades).
	UpgradeBinds   map[string]func(op *Op) error
	DowngradeBinds map[string]func(op *Op) error
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
		if err := r.validate(); err != nil {
			return nil, err
		}
		nodes = append(nodes, r.node())
		byID[r.ID] = r
	}
	// Alembic reads revision files sorted by name, which starts with the
	// id: the graph takes that order, which breaks ties in its output
	// (the order of heads, of branches in history and upgrades).
	slices.SortStableFunc(nodes, func(a, b graph.Node) int { return strings.Compare(a.ID, b.ID) })
	g, err := buildGraph(nodes)
	if err != nil {
		return nil, err
	}
	return &Script{Graph: g, byID: byID}, nil
}

// Revision returns the revision with this exact identifier.
func (s *Script) Revision(id string) *Revision { return s.byID[id] }

// validate rejects a revision with both forms of a function.
func (r *Revision) validate() error {
	if r.Upgrade != nil && r.UpgradeBinds != nil {
		return fmt.Errorf("migrate: revision %s sets both Upgrade and UpgradeBinds; keep one", r.ID)
	}
	if r.Downgrade != nil && r.DowngradeBinds != nil {
		return fmt.Errorf("migrate: revision %s sets both Downgrade and DowngradeBinds; keep one", r.ID)
	}
	return nil
}

// Record runs a revision's Upgrade (up) or Downgrade function for the
// default database and returns the operations it recorded.
func (r *Revision) Record(dialectName string, up bool) ([]Operation, error) {
	return r.RecordFor(OpContext{Dialect: dialectName}, up)
}

// RecordFor runs the revision's upgrade (up) or downgrade function for
// the database c.Bind and returns the operations it recorded.
func (r *Revision) RecordFor(c OpContext, up bool) ([]Operation, error) {
	fn := r.function(c.Bind, up)
	if fn == nil {
		return nil, nil
	}
	op := NewOpFor(c)
	if err := fn(op); err != nil {
		return nil, fmt.Errorf("revision %s: %w", r.ID, err)
	}
	return op.ops, nil
}

// function returns the function recording a direction for a bind.
func (r *Revision) function(bind string, up bool) func(op *Op) error {
	single, binds := r.Downgrade, r.DowngradeBinds
	if up {
		single, binds = r.Upgrade, r.UpgradeBinds
	}
	if binds != nil {
		return binds[bind]
	}
	return single
}
