package graph

import (
	"regexp"
	"strconv"
	"strings"
)

// relDest is Alembic's _relative_destination: [branch@][symbol]+N or -N.
var relDest = regexp.MustCompile(`^(?:(.+?)@)?(\w+)?((?:\+|-)\d+)`)

// relMatch is a parsed relative destination.
type relMatch struct {
	branch, symbol, relStr string
	rel                    int
}

// matchRel parses a relative destination; ok is false for absolute ones.
func matchRel(target string) (relMatch, bool) {
	sm := relDest.FindStringSubmatch(target)
	if sm == nil {
		return relMatch{}, false
	}
	n, err := strconv.Atoi(sm[3])
	if err != nil {
		return relMatch{}, false
	}
	return relMatch{branch: sm[1], symbol: sm[2], relStr: sm[3], rel: n}, true
}

// didntProduce is Alembic's "Relative revision X didn't produce N migrations".
func didntProduce(rel string, n int) error {
	if n < 0 {
		n = -n
	}
	return &Error{Kind: ErrRelative, Rev: rel, Msg: "Relative revision " + rel + " didn't produce " + strconv.Itoa(n) + " migrations"}
}

// walk is Alembic's _walk: steps up (> 0) or down (< 0) from start (nil
// means below every base); nil is returned when the walk leaves the tree
// and noOverwalk is set.
func (m *rmap) walk(start *arev, steps int, branch string, noOverwalk bool) (*arev, error) {
	initial := start
	for i := 0; i < abs(steps); i++ {
		var children []*arev
		var err error
		if steps > 0 {
			ids := m.bases
			if initial != nil {
				ids = initial.next
			}
			if children, err = m.revsOf(ids); err != nil {
				return nil, err
			}
			if branch != "" {
				if children, err = m.filterForLineage(children, branch, false); err != nil {
					return nil, err
				}
			}
		} else if initial != baseRev {
			ids := m.heads
			if initial != nil {
				ids = initial.down
			}
			if children, err = m.revsOf(ids); err != nil {
				return nil, err
			}
			if len(children) == 0 {
				children = []*arev{baseRev}
			}
		}
		if len(children) == 0 {
			if noOverwalk {
				return nil, nil
			}
			return initial, nil
		}
		if len(children) > 1 {
			return nil, revErr("Ambiguous walk")
		}
		initial = children[0]
	}
	return initial, nil
}

// revsOf looks up exact revision ids.
func (m *rmap) revsOf(ids []string) ([]*arev, error) {
	return m.getRevisionsAll(ids)
}

// startFor resolves symbol, or branch@symbol, for a walk.
func (m *rmap) startFor(branch, symbol string) (*arev, error) {
	if branch == "" {
		return m.getRevision(symbol)
	}
	return m.getRevision(branch + "@" + symbol)
}

// parseDowngradeTarget is Alembic's _parse_downgrade_target: the branch
// the target names, and the target revision (nil for base).
func (m *rmap) parseDowngradeTarget(current []string, target *string, assertRel bool) (string, *arev, error) {
	if target == nil {
		return "", nil, nil
	}
	rm, ok := matchRel(*target)
	if !ok {
		branch, symbol := "", *target
		if i := strings.LastIndexByte(*target, '@'); i >= 0 {
			branch, symbol = (*target)[:i], (*target)[i+1:]
		}
		r, err := m.getRevision(symbol)
		return branch, r, err
	}
	if rm.rel >= 0 {
		if rm.symbol == "" {
			return "", nil, didntProduce(rm.relStr, rm.rel)
		}
		s, err := m.getRevision(rm.symbol)
		if err != nil {
			return "", nil, err
		}
		r, err := m.walk(s, rm.rel, rm.branch, assertRel)
		if err != nil {
			return "", nil, err
		}
		if r == nil {
			return "", nil, revErr("Walked too far")
		}
		return rm.branch, r, nil
	}
	branch, symbol := rm.branch, rm.symbol
	relative := symbol == ""
	if relative {
		if branch != "" {
			list, err := m.filterIDs(current, branch, false)
			if err != nil {
				return "", nil, err
			}
			if len(list) == 0 {
				all, err := m.allCurrent(current)
				if err != nil {
					return "", nil, err
				}
				kept, err := m.filterForLineage(all, branch, false)
				if err != nil {
					return "", nil, err
				}
				list = ids(kept)
			}
			if len(list) != 1 {
				return "", nil, revErr("Relative revision " + rm.relStr + " is ambiguous on branch '" + branch + "'")
			}
			symbol = list[0]
		} else {
			if len(current) == 0 {
				return "", nil, didntProduce(rm.relStr, rm.rel)
			}
			symbol = current[0]
			branch = symbol
		}
	}
	s, err := m.startFor(branch, symbol)
	if err != nil {
		return "", nil, err
	}
	r, err := m.walk(s, rm.rel, "", assertRel)
	if err != nil {
		return "", nil, err
	}
	if r == nil {
		if relative {
			return "", nil, didntProduce(rm.relStr, rm.rel)
		}
		return "", nil, revErr("Walked too far")
	}
	return branch, r, nil
}

// allCurrent is Alembic's _get_all_current: the branch heads of the
// current revisions and their ancestors.
func (m *rmap) allCurrent(current []string) ([]*arev, error) {
	top, err := m.getRevisionsAll(current)
	if err != nil {
		return nil, err
	}
	set := setOf(top)
	for _, a := range m.ancestors(top, true) {
		set[a] = true
	}
	var out []*arev
	for _, id := range m.order {
		r := m.revs[id]
		if !set[r] {
			continue
		}
		under := false
		for _, d := range m.descendants([]*arev{r}, false) {
			if d != r && set[d] {
				under = true
			}
		}
		if !under {
			out = append(out, r)
		}
	}
	return out, nil
}

// ids returns the identifiers of revisions (none for nil and base).
func ids(revs []*arev) []string {
	out := make([]string, 0, len(revs))
	for _, r := range revs {
		if r != nil && r != baseRev {
			out = append(out, r.id)
		}
	}
	return out
}

// parseUpgradeTarget is Alembic's _parse_upgrade_target.
func (m *rmap) parseUpgradeTarget(current []string, target []string, assertRel bool) ([]*arev, error) {
	if len(target) != 1 {
		return m.getRevisionsAll(target)
	}
	rm, ok := matchRel(target[0])
	if !ok {
		return m.getRevisions(target[0])
	}
	if rm.rel <= 0 {
		if rm.symbol == "" {
			return nil, didntProduce(rm.relStr, rm.rel)
		}
		s, err := m.startFor(rm.branch, rm.symbol)
		if err != nil {
			return nil, err
		}
		r, err := m.walk(s, rm.rel, "", assertRel)
		return m.walked(r, rm, err)
	}
	if rm.symbol != "" {
		s, err := m.getRevision(rm.symbol)
		if err != nil {
			return nil, err
		}
		r, err := m.walk(s, rm.rel, rm.branch, assertRel)
		return m.walked(r, rm, err)
	}
	start, err := m.upgradeStarts(current, rm.branch)
	if err != nil {
		return nil, err
	}
	if len(start) > 1 {
		return nil, revErr("Ambiguous upgrade from multiple current revisions")
	}
	r, err := m.walk(start[0], rm.rel, rm.branch, assertRel)
	return m.walked(r, rm, err)
}

// walked wraps a walk's result, nil meaning the walk left the tree.
func (m *rmap) walked(r *arev, rm relMatch, err error) ([]*arev, error) {
	if err != nil {
		return nil, err
	}
	if r == nil {
		return nil, didntProduce(rm.relStr, rm.rel)
	}
	return []*arev{r}, nil
}

// upgradeStarts finds where "+N" starts: the current revisions, narrowed
// to a branch (backtracking to the branch's tip when it is not current).
func (m *rmap) upgradeStarts(current []string, branch string) ([]*arev, error) {
	if branch == "" {
		switch len(current) {
		case 0:
			return []*arev{nil}, nil
		case 1:
			r, err := m.getRevision(current[0])
			return []*arev{r}, err
		}
		return make([]*arev, len(current)), nil
	}
	cur, err := m.getRevisionsAll(current)
	if err != nil {
		return nil, err
	}
	start, err := m.filterForLineage(cur, branch, false)
	if err != nil || len(start) > 0 {
		return start, err
	}
	active, err := m.filterForLineage(m.ancestors(cur, true), branch, false)
	if err != nil {
		return nil, err
	}
	downs := map[string]bool{}
	for _, r := range active {
		for _, d := range r.normDown() {
			downs[d] = true
		}
	}
	for _, r := range active {
		if !downs[r.id] {
			start = append(start, r)
		}
	}
	if len(start) == 0 {
		start = []*arev{nil}
	}
	return start, nil
}
