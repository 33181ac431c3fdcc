package graph

import (
	"strconv"
	"strings"
)

// resolveNumber is Alembic's _resolve_revision_number: it splits off a
// branch label and turns "heads", "head" and "base" into revision ids.
func (m *rmap) resolveNumber(id string) ([]string, string, error) {
	branch := ""
	if b, rest, ok := strings.Cut(id, "@"); ok {
		branch, id = b, rest
	}
	switch id {
	case TargetHeads:
		if branch != "" {
			ids, err := m.filterIDs(m.heads, branch, false)
			return ids, branch, err
		}
		return m.realHeads, branch, nil
	case TargetHead:
		h, err := m.currentHead(branch)
		if err != nil || h == "" {
			return nil, branch, err
		}
		return []string{h}, branch, nil
	case TargetBase, "":
		return nil, branch, nil
	}
	return []string{id}, branch, nil
}

// currentHead is Alembic's get_current_head.
func (m *rmap) currentHead(branch string) (string, error) {
	heads := m.heads
	if branch != "" {
		var err error
		if heads, err = m.filterIDs(heads, branch, false); err != nil {
			return "", err
		}
	}
	if len(heads) > 1 {
		arg := "head"
		if branch != "" {
			arg = branch + "@head"
		}
		return "", multipleHeadsFor(heads, arg)
	}
	if len(heads) == 0 {
		return "", nil
	}
	return heads[0], nil
}

// getRevisions is Alembic's get_revisions for one identifier; the result
// may hold nil (nothing) or baseRev (walked below base).
func (m *rmap) getRevisions(id string) ([]*arev, error) {
	ids, branch, err := m.resolveNumber(id)
	if err != nil {
		return nil, err
	}
	if len(ids) == 1 {
		if n, err := strconv.Atoi(ids[0]); err == nil && n < 0 {
			heads, _ := m.getRevisions(TargetHeads)
			var out []*arev
			for _, h := range heads {
				if branch != "" && !h.labels[branch] {
					continue
				}
				w, err := m.walk(h, n, "", true)
				if err != nil {
					return nil, err
				}
				out = append(out, w)
			}
			return out, nil
		}
	}
	out := make([]*arev, 0, len(ids))
	for _, x := range ids {
		r, err := m.forIdent(x, branch)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// getRevisionsAll resolves each identifier and concatenates the results.
func (m *rmap) getRevisionsAll(ids []string) ([]*arev, error) {
	var out []*arev
	for _, id := range ids {
		r, err := m.getRevisions(id)
		if err != nil {
			return nil, err
		}
		out = append(out, r...)
	}
	return out, nil
}

// getRevision is Alembic's get_revision: at most one revision.
func (m *rmap) getRevision(id string) (*arev, error) {
	ids, branch, err := m.resolveNumber(id)
	if err != nil {
		return nil, err
	}
	if len(ids) > 1 {
		return nil, multipleHeadsFor(ids, id)
	}
	x := ""
	if len(ids) == 1 {
		x = ids[0]
	}
	return m.forIdent(x, branch)
}

// lookupKey finds a revision by id or branch label.
func (m *rmap) lookupKey(key string) *arev {
	if r, ok := m.revs[key]; ok {
		return r
	}
	if id, ok := m.labels[key]; ok {
		return m.revs[id]
	}
	return nil
}

// resolveBranch is Alembic's _resolve_branch.
func (m *rmap) resolveBranch(label string) (*arev, error) {
	if r := m.lookupKey(label); r != nil {
		return r, nil
	}
	r, err := m.forIdent(label, "")
	if err != nil {
		return nil, &Error{Kind: ErrUnknown, Rev: label, Msg: "No such branch: '" + label + "'"}
	}
	return r, nil
}

// keys lists the revision ids in input order, then the branch labels.
func (m *rmap) keys() []string {
	out := append([]string(nil), m.order...)
	for _, id := range m.order {
		for l, lid := range m.labels {
			if lid == id {
				out = append(out, l)
			}
		}
	}
	return out
}

// forIdent is Alembic's _revision_for_ident: an id, a label or a prefix
// of at least four characters, checked against a branch when given.
func (m *rmap) forIdent(id, branch string) (*arev, error) {
	var branchRev *arev
	if branch != "" {
		var err error
		if branchRev, err = m.resolveBranch(branch); err != nil {
			return nil, err
		}
	}
	if id == "" {
		return nil, nil
	}
	r := m.lookupKey(id)
	if r == nil {
		var found []string
		for _, k := range m.keys() {
			if len(k) > 3 && strings.HasPrefix(k, id) {
				found = append(found, k)
			}
		}
		if branchRev != nil {
			var err error
			if found, err = m.filterIDs(found, branch, false); err != nil {
				return nil, err
			}
		}
		switch {
		case len(found) == 0:
			hint := ""
			if len(id) < 4 {
				hint = "; please ensure at least four characters are present for partial revision identifier matches"
			}
			return nil, &Error{Kind: ErrUnknown, Rev: id, Msg: "No such revision or branch '" + id + "'" + hint}
		case len(found) > 1:
			q := make([]string, 0, 3)
			for _, f := range found[:min(3, len(found))] {
				q = append(q, "'"+f+"'")
			}
			return nil, &Error{Kind: ErrAmbiguous, Rev: id, Msg: "Multiple revisions start with '" + id + "': " + strings.Join(q, ", ") + "..."}
		}
		r = m.lookupKey(found[0])
	}
	if branchRev != nil && !m.sharesLineage(r, []*arev{branchRev}, false) {
		return nil, &Error{Kind: ErrUnknown, Rev: id, Msg: "Revision " + r.id + " is not a member of branch '" + branch + "'"}
	}
	return r, nil
}

// filterIDs is filter_for_lineage over revision ids.
func (m *rmap) filterIDs(ids []string, against string, deps bool) ([]string, error) {
	revs := make([]*arev, 0, len(ids))
	for _, id := range ids {
		r, err := m.forIdent(id, "")
		if err != nil {
			return nil, err
		}
		revs = append(revs, r)
	}
	kept, err := m.filterForLineage(revs, against, deps)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(kept))
	for i, r := range kept {
		out[i] = r.id
	}
	return out, nil
}

// filterForLineage keeps the targets that share a lineage with the
// revisions (and branch) against names, as Alembic's filter_for_lineage.
func (m *rmap) filterForLineage(targets []*arev, against string, deps bool) ([]*arev, error) {
	if len(targets) == 0 {
		return nil, nil
	}
	ids, branch, err := m.resolveNumber(against)
	if err != nil {
		return nil, err
	}
	var shares []*arev
	if branch != "" {
		ids = append([]string{branch}, ids...)
	}
	for _, id := range ids {
		r, err := m.forIdent(id, "")
		if err != nil {
			return nil, err
		}
		shares = append(shares, r)
	}
	var out []*arev
	for _, t := range targets {
		if m.sharesLineage(t, shares, deps) {
			out = append(out, t)
		}
	}
	return out, nil
}

// sharesLineage reports whether target is an ancestor or descendant of
// one of against (always true when against is empty).
func (m *rmap) sharesLineage(target *arev, against []*arev, deps bool) bool {
	if len(against) == 0 {
		return true
	}
	if target == nil || target == baseRev {
		return false
	}
	line := setOf(m.descendants([]*arev{target}, deps))
	for r := range setOf(m.ancestors([]*arev{target}, deps)) {
		line[r] = true
	}
	for _, a := range against {
		if line[a] {
			return true
		}
	}
	return false
}

// multipleHeadsFor is Alembic's MultipleHeads error.
func multipleHeadsFor(heads []string, arg string) error {
	return &Error{Kind: ErrMultipleHeads, Rev: arg, Msg: "Multiple heads are present for given argument '" + arg + "'; " + strings.Join(heads, ", ")}
}
