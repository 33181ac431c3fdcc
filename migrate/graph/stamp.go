package graph

import "slices"

// stampStep is Alembic's StampStep: from the heads in from to to.
type stampStep struct {
	from, to   []string
	up, branch bool
}

// Stamp is Alembic's stamp: the version table's heads after stamping
// revisions (specs such as "head", "heads", "base", "shop@head", an id)
// over the current heads, and the changes that take the table there. Heads
// on other branches stay; stamping a descendant or an ancestor of current
// heads moves them, stamping "base" (or a branch's base) deletes them.
func (g *Graph) Stamp(revisions, heads []string) ([]string, []VersionChange, error) {
	steps, err := g.rm.stampRevs(revisions, heads)
	if err != nil {
		return nil, nil, commandMultiple(err, "Multiple heads are present; please specify a single target revision")
	}
	h := &headMover{m: g.rm, heads: slices.Clone(heads)}
	for _, st := range steps {
		if err := h.stampStep(st); err != nil {
			return nil, nil, err
		}
	}
	return h.heads, h.changes, nil
}

// commandMultiple is commandError with a message of its own for several heads.
func commandMultiple(err error, multiple string) error {
	err = commandError(err, "", "")
	if e, ok := err.(*Error); ok && e.Kind == ErrMultipleHeads {
		return &Error{Kind: ErrMultipleHeads, Rev: e.Rev, Msg: multiple}
	}
	return err
}

// stampRevs is Alembic's ScriptDirectory._stamp_revs.
func (m *rmap) stampRevs(revisions, heads []string) ([]stampStep, error) {
	headRevs, err := m.getRevisionsAll(heads)
	if err != nil {
		return nil, err
	}
	if len(revisions) == 0 {
		revisions = []string{TargetBase}
	}
	var filtered []*arev
	for _, rev := range revisions {
		if rev == "" {
			continue
		}
		kept, err := m.filterForLineage(headRevs, rev, true)
		if err != nil {
			return nil, err
		}
		for _, k := range kept {
			if !slices.Contains(filtered, k) {
				filtered = append(filtered, k)
			}
		}
	}
	dests, err := m.getRevisionsAll(revisions)
	if err != nil {
		return nil, err
	}
	if len(dests) == 0 {
		dests = []*arev{nil}
	}
	var steps []stampStep
	for _, dest := range dests {
		switch {
		case dest == nil || dest == baseRev:
			for _, h := range filtered {
				steps = append(steps, stampStep{from: []string{h.id}, branch: true})
			}
		case slices.Contains(filtered, dest):
		case overlaps(m.descendants([]*arev{dest}, true), filtered):
			steps = append(steps, stampStep{from: ids(filtered), to: []string{dest.id}})
		case overlaps(m.ancestors([]*arev{dest}, true), filtered):
			steps = append(steps, stampStep{from: ids(filtered), to: []string{dest.id}, up: true})
		default:
			steps = append(steps, stampStep{to: []string{dest.id}, up: true, branch: true})
		}
	}
	return steps, nil
}

// overlaps reports whether a and b share a revision.
func overlaps(a, b []*arev) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// stampStep is HeadMaintainer.update_to_step for a stamp step.
func (h *headMover) stampStep(st stampStep) error {
	switch {
	case !st.up && st.branch:
		return h.remove(st.from[0])
	case st.up && (st.branch || len(h.missing(st.from)) > 0) && len(h.missing(st.to)) > 0:
		return h.insert(st.to[0])
	case len(st.from) > 1:
		for _, f := range st.from[:len(st.from)-1] {
			if err := h.remove(f); err != nil {
				return err
			}
		}
		return h.update(st.from[len(st.from)-1], st.to[0])
	}
	if len(st.from) != 1 || len(st.to) != 1 {
		return revErr("Can't stamp from " + fmtRevs(st.from) + " to " + fmtRevs(st.to))
	}
	return h.update(st.from[0], st.to[0])
}

// missing returns the ids that are not current heads.
func (h *headMover) missing(ids []string) []string {
	var out []string
	for _, id := range ids {
		if !slices.Contains(h.heads, id) {
			out = append(out, id)
		}
	}
	return out
}
