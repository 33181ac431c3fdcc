package graph

import "slices"

// A VersionKind is the kind of one change of the version table.
type VersionKind int

// Version table changes, as Alembic's HeadMaintainer makes them.
const (
	VersionInsert VersionKind = iota + 1
	VersionDelete
	VersionUpdate
)

// A VersionChange is one INSERT, DELETE or UPDATE of the version table:
// an insert has To, a delete From, an update both.
type VersionChange struct {
	Kind     VersionKind
	From, To string
}

// headMover applies steps to a set of heads as Alembic's HeadMaintainer.
type headMover struct {
	m       *rmap
	heads   []string
	changes []VersionChange
}

// StepHeads returns the version table's heads after applying (up) or
// removing (!up) revision id from heads, and the changes that take the
// table there, as Alembic's HeadMaintainer.update_to_step: a base
// upgraded or a revision whose down revisions are not current inserts a
// row, a merge deletes all but one of its parents' rows and updates the
// last, a downgrade to a revision implied by another head deletes the row,
// and an unmerge inserts rows.
func (g *Graph) StepHeads(heads []string, id string, up bool) ([]string, []VersionChange, error) {
	r := g.rm.revs[id]
	if r == nil {
		return nil, nil, &Error{Kind: ErrUnknown, Rev: id, Msg: "Can't locate revision identified by '" + id + "'"}
	}
	h := &headMover{m: g.rm, heads: slices.Clone(heads)}
	if err := h.step(r, up); err != nil {
		return nil, nil, err
	}
	return h.heads, h.changes, nil
}

// step is HeadMaintainer.update_to_step for a revision step.
func (h *headMover) step(r *arev, up bool) error {
	down := r.normDown()
	in := slices.Contains(h.heads, r.id)
	switch {
	case !up && in && (len(down) == 0 || len(h.unmergeTo(r)) == 0):
		return h.remove(r.id)
	case up && (len(down) == 0 || len(h.inHeads(down)) == 0):
		return h.insert(r.id)
	case up && len(down) > 1 && len(h.inHeads(down)) > 1:
		from := h.minusAncestorsOfOthers(down, down)
		if len(from) == 0 {
			return revErr("Can't do an UPDATE because downrevision is ambiguous")
		}
		for _, d := range from[:len(from)-1] {
			if err := h.remove(d); err != nil {
				return err
			}
		}
		return h.update(from[len(from)-1], r.id)
	case !up && in && len(down) > 1:
		to := h.unmergeTo(r)
		for _, t := range to[:len(to)-1] {
			if err := h.insert(t); err != nil {
				return err
			}
		}
		return h.update(r.id, to[len(to)-1])
	}
	if len(down) == 0 {
		// A base downgraded while it is not a head: no row to delete.
		return revErr("Version " + r.id + " is not a head")
	}
	d := down[0]
	if len(down) != 1 {
		cur := h.inHeads(down)
		if len(cur) != 1 {
			return revErr("Can't do an UPDATE because downrevision is ambiguous")
		}
		d = cur[0]
	}
	if up {
		return h.update(d, r.id)
	}
	return h.update(r.id, d)
}

// inHeads returns the ids that are current heads.
func (h *headMover) inHeads(ids []string) []string {
	var out []string
	for _, id := range ids {
		if slices.Contains(h.heads, id) {
			out = append(out, id)
		}
	}
	return out
}

// minusAncestorsOfOthers removes from ids the ancestors of the heads not
// in exclude.
func (h *headMover) minusAncestorsOfOthers(ids, exclude []string) []string {
	var others []*arev
	for _, x := range h.heads {
		if !slices.Contains(exclude, x) {
			others = append(others, h.m.revs[x])
		}
	}
	anc := setOf(h.m.ancestors(others, true))
	var out []string
	for _, id := range ids {
		if !anc[h.m.revs[id]] {
			out = append(out, id)
		}
	}
	return out
}

// unmergeTo is RevisionStep._unmerge_to_revisions: the down revisions a
// downgrade of r must leave as heads.
func (h *headMover) unmergeTo(r *arev) []string {
	to := r.normDown()
	if len(h.heads) > 1 || (len(h.heads) == 1 && h.heads[0] != r.id) {
		return h.minusAncestorsOfOthers(to, []string{r.id})
	}
	anc := revSet{}
	for _, t := range to {
		for _, a := range h.m.ancestors([]*arev{h.m.revs[t]}, true) {
			if a.id != t {
				anc[a] = true
			}
		}
	}
	var out []string
	for _, t := range to {
		if !anc[h.m.revs[t]] {
			out = append(out, t)
		}
	}
	return out
}

func (h *headMover) insert(id string) error {
	if slices.Contains(h.heads, id) {
		return revErr("Version " + id + " is already a head")
	}
	h.heads = append(h.heads, id)
	h.changes = append(h.changes, VersionChange{Kind: VersionInsert, To: id})
	return nil
}

func (h *headMover) remove(id string) error {
	i := slices.Index(h.heads, id)
	if i < 0 {
		return revErr("Version " + id + " is not a head")
	}
	h.heads = slices.Delete(h.heads, i, i+1)
	h.changes = append(h.changes, VersionChange{Kind: VersionDelete, From: id})
	return nil
}

func (h *headMover) update(from, to string) error {
	i := slices.Index(h.heads, from)
	if i < 0 || slices.Contains(h.heads, to) {
		return revErr("Can't update version " + from + " to " + to)
	}
	h.heads[i] = to
	h.changes = append(h.changes, VersionChange{Kind: VersionUpdate, From: from, To: to})
	return nil
}
