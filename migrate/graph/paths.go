package graph

import (
	"errors"
	"slices"
)

// UpgradeRevs is Alembic's ScriptDirectory._upgrade_revs: the revisions to
// apply, in order, to go from the current heads to destination ("head",
// "heads", "+2", "ae1f+1", "branch@head", an id...). Errors carry
// Alembic's command messages ("Destination x is not a valid upgrade target
// from current head(s)", "Multiple head revisions are present for given
// argument 'head'; ...", "Can't locate revision identified by 'x'").
func (g *Graph) UpgradeRevs(destination string, current []string) ([]string, error) {
	revs, err := g.IterateRevisions([]string{destination}, current, IterOptions{ImplicitBase: true})
	if err != nil {
		return nil, commandError(err, "Destination "+destination+" is not a valid upgrade target from current head(s)", destination)
	}
	slices.Reverse(revs)
	return revs, nil
}

// DowngradeRevs is Alembic's ScriptDirectory._downgrade_revs: the
// revisions to remove, in order, to go from the current heads down to
// destination ("-1", "base", an id, "branch@base", "ae1f-1"...; "" is base).
func (g *Graph) DowngradeRevs(destination string, current []string) ([]string, error) {
	var lower []string
	if destination != "" {
		lower = []string{destination}
	}
	revs, err := g.IterateRevisions(current, lower, IterOptions{SelectForDowngrade: true})
	if err != nil {
		return nil, commandError(err, "Destination "+destination+" is not a valid downgrade target from current head(s)", destination)
	}
	return revs, nil
}

// MultipleHeadRevisions is Alembic's command message when a spec needs one
// head and several exist; arg is the spec ("head", "shop@head").
func MultipleHeadRevisions(arg string) string {
	return "Multiple head revisions are present for given argument '" + arg + "'; please specify a specific target revision, '<branchname>@" + arg + "' to narrow to a specific head, or 'heads' for all heads"
}

// commandError turns revision map errors into Alembic's command errors
// (ScriptDirectory._catch_revision_errors).
func commandError(err error, ancestor, end string) error {
	var e *Error
	if !errors.As(err, &e) {
		return err
	}
	switch e.Kind {
	case ErrNotAncestor:
		return &Error{Kind: ErrNotAncestor, Rev: end, Msg: ancestor}
	case ErrMultipleHeads:
		arg := end
		if arg == "" {
			arg = e.Rev
		}
		return &Error{Kind: ErrMultipleHeads, Rev: arg, Msg: MultipleHeadRevisions(arg)}
	case ErrUnknown, ErrAmbiguous:
		return &Error{Kind: e.Kind, Rev: e.Rev, Msg: "Can't locate revision identified by '" + e.Rev + "'"}
	}
	return e
}

// Revisions is what Alembic's ScriptDirectory.get_revisions gives a
// command for one spec, with Alembic's command errors.
func (g *Graph) Revisions(spec string) ([]string, error) {
	revs, err := g.GetRevisions(spec)
	if err != nil {
		return nil, commandError(err, "", "")
	}
	return revs, nil
}

// Revision is what Alembic's ScriptDirectory.get_revision gives a command:
// the one revision spec names ("" for base), with Alembic's command errors.
func (g *Graph) Revision(spec string) (string, error) {
	id, err := g.GetRevision(spec)
	if err != nil {
		return "", commandError(err, "", "")
	}
	return id, nil
}
