package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/script"
)

// describer formats revisions as Alembic does.
type describer struct {
	s       *migrate.Script
	current map[string]bool
	files   map[string]string
}

// newDescriber indexes the revision files for verbose output.
func (e *env) newDescriber(s *migrate.Script, current []string) *describer {
	d := &describer{s: s, current: map[string]bool{}, files: map[string]string{}}
	for _, c := range current {
		d.current[c] = true
	}
	if entries, err := script.Scan(e.versionsDir()); err == nil {
		for _, en := range entries {
			d.files[en.ID] = filepath.Join(e.versionsDir(), en.File)
		}
	}
	return d
}

// headOnly is Alembic's Script._head_only: "down (deps) -> id (labels)
// (head) (current) (branchpoint) (mergepoint), message", each part
// optional.
func (d *describer) headOnly(id string, branches, doc, parents, tree bool) string {
	g := d.s.Graph
	r := d.s.Revision(id)
	text := id
	if parents {
		if len(r.DependsOn) > 0 {
			text = orBase(r.Down) + " (" + strings.Join(r.DependsOn, ", ") + ") -> " + text
		} else {
			text = orBase(r.Down) + " -> " + text
		}
	}
	if l := g.BranchLabels(id); branches && len(l) > 0 {
		text += " (" + strings.Join(l, ", ") + ")"
	}
	if g.IsRealHead(id) {
		text += " (head)"
	} else if g.IsHead(id) {
		text += " (effective head)"
	}
	if d.current[id] {
		text += " (current)"
	}
	if tree {
		if len(g.Children(id)) > 1 {
			text += " (branchpoint)"
		}
		if g.IsMerge(id) {
			text += " (mergepoint)"
		}
	}
	if doc {
		text += ", " + r.Message
	}
	return text
}

// line is history's one-line form: "db531a47e319 -> 8825e31503db (head), add price column".
func (d *describer) line(id string) string { return d.headOnly(id, true, true, true, true) }

// short is the form of current: "8825e31503db (head)".
func (d *describer) short(id string) string { return d.headOnly(id, false, false, false, true) }

// verbose writes Alembic's log_entry, the form of history -v and show.
func (d *describer) verbose(w io.Writer, id string) {
	g := d.s.Graph
	r := d.s.Revision(id)
	tags := ""
	if g.IsHead(id) {
		tags += " (head)"
	}
	if len(g.Children(id)) > 1 {
		tags += " (branchpoint)"
	}
	if g.IsMerge(id) {
		tags += " (mergepoint)"
	}
	if d.current[id] {
		tags += " (current)"
	}
	fmt.Fprintf(w, "Rev: %s%s\n", id, tags)
	if len(r.Down) > 1 {
		fmt.Fprintf(w, "Merges: %s\n", strings.Join(r.Down, ", "))
	} else {
		fmt.Fprintf(w, "Parent: %s\n", orBase(r.Down))
	}
	if len(r.DependsOn) > 0 {
		fmt.Fprintf(w, "Also depends on: %s\n", strings.Join(r.DependsOn, ", "))
	}
	if c := g.Children(id); len(c) > 1 {
		fmt.Fprintf(w, "Branches into: %s\n", strings.Join(c, ", "))
	}
	if l := g.BranchLabels(id); len(l) > 0 {
		fmt.Fprintf(w, "Branch names: %s\n", strings.Join(l, ", "))
	}
	fmt.Fprintf(w, "Path: %s\n\n", d.files[id])
	fmt.Fprintf(w, "    %s\n    \n    Revision ID: %s\n    Revises: %s\n    Create Date: %s\n\n",
		r.Message, id, strings.Join(r.Down, ", "), r.Created.Format("2006-01-02 15:04:05.000000"))
}

// orBase names an empty revision list "<base>".
func orBase(ids []string) string {
	if len(ids) == 0 {
		return "<base>"
	}
	return strings.Join(ids, ", ")
}

// history writes revisions newest first between lower and upper specs, as
// Alembic's walk_revisions ("current" stands for the database's heads).
func (d *describer) history(w io.Writer, rng string, verbose bool, current []string) error {
	var lower, upper []string
	if rng != "" {
		lo, hi, ok := strings.Cut(strings.TrimSpace(rng), ":")
		if !ok || strings.Contains(hi, ":") {
			return alembicf("History range requires [start]:[end], [start]:, or :[end]")
		}
		lower, upper = bound(lo, current), bound(hi, current)
	}
	ids, err := d.s.Graph.WalkRevisions(lower, upper)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if verbose {
			d.verbose(w, id)
		} else {
			fmt.Fprintln(w, d.line(id))
		}
	}
	return nil
}

// bound is one end of a history range: nil when open, the database's
// heads for "current".
func bound(spec string, current []string) []string {
	switch spec {
	case "":
		return nil
	case "current":
		return current
	}
	return []string{spec}
}
