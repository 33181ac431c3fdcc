package graph

import "slices"

// GetRevision is Alembic's RevisionMap.get_revision: the one revision a
// spec names ("head", "ebranch@head", "abranch@some", a label, an id or a
// prefix of four characters or more); "" for base. Several heads are an
// ErrMultipleHeads error ("Multiple heads are present for given argument
// 'head'; c1, c2").
func (g *Graph) GetRevision(spec string) (string, error) {
	r, err := g.rm.getRevision(spec)
	if err != nil || r == nil || r == baseRev {
		return "", err
	}
	return r.id, nil
}

// GetRevisions is Alembic's RevisionMap.get_revisions for one spec: "heads"
// and "branch@heads" give every head, "base" none, "-1" the revision below
// each head.
func (g *Graph) GetRevisions(spec string) ([]string, error) {
	revs, err := g.rm.getRevisions(spec)
	return ids(revs), err
}

// BaseRevisions returns the bases sharing a lineage with spec (Alembic's
// _get_base_revisions: "somelongername@base" gives that branch's base).
func (g *Graph) BaseRevisions(spec string) ([]string, error) {
	return g.rm.filterIDs(g.rm.bases, spec, false)
}

// FilterForLineage keeps the revisions of ids that are ancestors or
// descendants of what spec names (Alembic's filter_for_lineage).
func (g *Graph) FilterForLineage(ids []string, spec string) ([]string, error) {
	return g.rm.filterIDs(ids, spec, false)
}

// BranchLabels returns the branch labels Alembic gives a revision: its
// own, those of the labelled revisions it descends from and those of the
// labelled revision above it down to the nearest branch point, sorted.
func (g *Graph) BranchLabels(id string) []string {
	r := g.rm.revs[id]
	if r == nil {
		return nil
	}
	out := make([]string, 0, len(r.labels))
	for l := range r.labels {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// IsRealHead reports whether no revision revises or depends on id; a head
// that another revision depends on is an "effective head" in Alembic.
func (g *Graph) IsRealHead(id string) bool {
	r := g.rm.revs[id]
	return r != nil && len(r.allNext) == 0
}

// AllCurrent is Alembic's get_all_current: the branch heads of the
// current revisions and of everything they depend on, which is what
// "current" shows (a revision that a current one depends on is listed
// although the version table does not name it).
func (g *Graph) AllCurrent(current []string) ([]string, error) {
	revs, err := g.rm.allCurrent(current)
	if err != nil {
		return nil, commandError(err, "", "")
	}
	return ids(revs), nil
}

// WalkRevisions is Alembic's ScriptDirectory.walk_revisions, what history
// lists: the revisions from head (default "heads") down to base (default
// "base"), both included, newest first; a relative step past the end of
// the tree stops there.
func (g *Graph) WalkRevisions(base, head []string) ([]string, error) {
	if len(base) == 0 {
		base = []string{TargetBase}
	}
	if len(head) == 0 {
		head = []string{TargetHeads}
	}
	revs, err := g.IterateRevisions(head, base, IterOptions{Inclusive: true, NoAssertRelativeLength: true})
	if err != nil {
		start, end := fmtRevs(base), fmtRevs(head)
		return nil, commandError(err, "Requested range "+start+":"+end+" does not refer to ancestor/descendant revisions along the same branch", end)
	}
	return revs, nil
}
