package graph

import (
	"slices"
	"strconv"
	"strings"
)

// Lookup finds one revision by exact identifier, branch label or unique
// identifier prefix.
func (g *Graph) Lookup(ref string) (string, error) {
	if _, ok := g.byID[ref]; ok {
		return ref, nil
	}
	if id, ok := g.labels[ref]; ok {
		return id, nil
	}
	var found []string
	for _, n := range g.nodes {
		if strings.HasPrefix(n.ID, ref) {
			found = append(found, n.ID)
		}
	}
	switch len(found) {
	case 0:
		return "", &Error{Kind: ErrUnknown, Rev: ref, Msg: "Can't locate revision identified by '" + ref + "'"}
	case 1:
		return found[0], nil
	}
	slices.Sort(found)
	return "", &Error{Kind: ErrAmbiguous, Rev: ref, Msg: "Multiple revisions start with '" + ref + "': " + strings.Join(found, ", ")}
}

// Resolve turns a specification into the set of revisions it names, given
// the currently applied heads (used by relative specs such as "+1").
// "base" resolves to an empty list. It is a plain resolver with errors of
// its own kinds; the db commands resolve as Alembic does, through
// Revision, Revisions, UpgradeRevs, DowngradeRevs, WalkRevisions and Stamp.
func (g *Graph) Resolve(spec string, current []string) ([]string, error) {
	if _, ok := g.byID[spec]; ok {
		return []string{spec}, nil
	}
	sp, err := ParseSpec(spec)
	if err != nil {
		return nil, err
	}
	start, err := g.start(sp, current)
	if err != nil {
		return nil, err
	}
	if sp.Rel == 0 {
		return start, nil
	}
	if len(start) > 1 {
		return nil, multipleHeads(spec)
	}
	return g.step(spec, start, sp.Rel)
}

// ResolveOne resolves a spec that must name at most one revision; the
// empty string stands for base.
func (g *Graph) ResolveOne(spec string, current []string) (string, error) {
	ids, err := g.Resolve(spec, current)
	if err != nil {
		return "", err
	}
	if len(ids) > 1 {
		return "", multipleHeads(spec)
	}
	if len(ids) == 0 {
		return "", nil
	}
	return ids[0], nil
}

// start resolves the non-relative part of a spec.
func (g *Graph) start(sp Spec, current []string) ([]string, error) {
	scope, err := g.scope(sp.Branch)
	if err != nil {
		return nil, err
	}
	switch sp.Target {
	case TargetBase:
		return nil, nil
	case TargetHeads:
		return filter(g.Heads(), scope), nil
	case TargetHead:
		heads := filter(g.Heads(), scope)
		if len(heads) > 1 && sp.Rel == 0 {
			return nil, multipleHeads(sp.String())
		}
		return heads, nil
	case "":
		return filter(current, scope), nil
	}
	id, err := g.Lookup(sp.Target)
	if err != nil {
		return nil, err
	}
	return []string{id}, nil
}

// scope returns the revisions belonging to a branch (label or revision):
// its ancestors and descendants. A nil scope means everything.
func (g *Graph) scope(branch string) (map[string]bool, error) {
	if branch == "" {
		return nil, nil
	}
	id, err := g.Lookup(branch)
	if err != nil {
		return nil, err
	}
	set := g.Descendants(id)
	for a := range g.Ancestors(id) {
		set[a] = true
	}
	return set, nil
}

// filter keeps the ids inside scope (all of them for a nil scope).
func filter(ids []string, scope map[string]bool) []string {
	if scope == nil {
		return slices.Clone(ids)
	}
	var out []string
	for _, id := range ids {
		if scope[id] {
			out = append(out, id)
		}
	}
	return out
}

// step walks n revisions up (n > 0) or down (n < 0) from start (empty
// start means base), requiring an unambiguous path.
func (g *Graph) step(spec string, start []string, n int) ([]string, error) {
	cur := start
	for i := 0; i < abs(n); i++ {
		next, err := g.step1(cur, n > 0)
		if err != nil {
			return nil, relError(spec, n, err)
		}
		cur = next
	}
	return cur, nil
}

// step1 moves one revision up or down.
func (g *Graph) step1(cur []string, up bool) ([]string, error) {
	var next []string
	switch {
	case up && len(cur) == 0:
		next = g.Bases()
	case up:
		next = g.children[cur[0]]
	case len(cur) == 0:
		return nil, errString("already at base")
	default:
		next = g.byID[cur[0]].Down
	}
	if up && len(next) == 0 {
		return nil, errString("no further revisions")
	}
	if len(next) > 1 {
		return nil, errString("ambiguous walk through " + strings.Join(next, ", "))
	}
	return slices.Clone(next), nil
}

// relError reports a relative spec that cannot be followed.
func relError(spec string, n int, why error) error {
	sign := ""
	if n > 0 {
		sign = "+"
	}
	return &Error{Kind: ErrRelative, Rev: spec, Msg: "Relative revision " + sign + strconv.Itoa(n) + " didn't produce " + strconv.Itoa(abs(n)) + " migrations (" + spec + ": " + why.Error() + ")"}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
