package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/graph"
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

// tags returns " (head)", " (branchpoint)", " (mergepoint)", " (current)".
func (d *describer) tags(id string) string {
	g := d.s.Graph
	var t []string
	if g.IsHead(id) {
		t = append(t, "head")
	}
	if len(g.Children(id)) > 1 {
		t = append(t, "branchpoint")
	}
	if g.IsMerge(id) {
		t = append(t, "mergepoint")
	}
	if d.current[id] {
		t = append(t, "current")
	}
	if len(t) == 0 {
		return ""
	}
	return " (" + strings.Join(t, ") (") + ")"
}

// line is the one-line form: "db531a47e319 -> 8825e31503db (head), add price column".
func (d *describer) line(id string) string {
	r := d.s.Revision(id)
	down := "<base>"
	if len(r.Down) > 0 {
		down = strings.Join(r.Down, ", ")
	}
	return fmt.Sprintf("%s -> %s%s, %s", down, id, d.tags(id), r.Message)
}

// short is the form of current and heads: "8825e31503db (head)".
func (d *describer) short(id string) string { return id + d.tags(id) }

// describe writes id's short line, or its verbose block.
func (d *describer) describe(w io.Writer, id string, verbose bool) {
	if verbose {
		d.verbose(w, id)
		return
	}
	fmt.Fprintln(w, d.short(id))
}

// verbose writes the multi-line form of history -v and show.
func (d *describer) verbose(w io.Writer, id string) {
	r := d.s.Revision(id)
	fmt.Fprintf(w, "Rev: %s%s\n", id, d.tags(id))
	if len(r.Down) > 1 {
		fmt.Fprintf(w, "Merges: %s\n", strings.Join(r.Down, ", "))
	} else {
		fmt.Fprintf(w, "Parent: %s\n", orBase(r.Down))
	}
	if c := d.s.Graph.Children(id); len(c) > 1 {
		fmt.Fprintf(w, "Branches into: %s\n", strings.Join(c, ", "))
	}
	if len(r.BranchLabels) > 0 {
		fmt.Fprintf(w, "Branch names: %s\n", strings.Join(r.BranchLabels, ", "))
	}
	if len(r.DependsOn) > 0 {
		fmt.Fprintf(w, "Also depends on: %s\n", strings.Join(r.DependsOn, ", "))
	}
	fmt.Fprintf(w, "Path: %s\n\n", d.files[id])
	fmt.Fprintf(w, "    %s\n\n    Revision ID: %s\n    Revises: %s\n    Create Date: %s\n\n",
		r.Message, id, strings.Join(r.Down, ", "), r.Created.Format("2006-01-02 15:04:05.000000"))
}

// orBase names an empty revision list "<base>".
func orBase(ids []string) string {
	if len(ids) == 0 {
		return "<base>"
	}
	return strings.Join(ids, ", ")
}

// history writes revisions newest first between lower and upper specs.
func (d *describer) history(w io.Writer, rng string, verbose bool, current []string) error {
	g := d.s.Graph
	var lower, upper []string
	if rng != "" {
		lo, hi, ok := strings.Cut(rng, ":")
		if !ok {
			return alembicf("History range requires [start]:[end], [start]:, or :[end]")
		}
		var err error
		if lower, err = resolveBound(g, lo, current); err != nil {
			return err
		}
		if upper, err = resolveBound(g, hi, current); err != nil {
			return err
		}
	}
	for _, id := range g.Between(lower, upper) {
		if verbose {
			d.verbose(w, id)
		} else {
			fmt.Fprintln(w, d.line(id))
		}
	}
	return nil
}

// resolveBound resolves one end of a history range ("" and base mean open).
func resolveBound(g *graph.Graph, spec string, current []string) ([]string, error) {
	switch spec {
	case "", "base", "heads":
		return nil, nil
	case "current":
		return current, nil
	}
	return g.Resolve(spec, current)
}
