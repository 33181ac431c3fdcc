package migrate

import (
	"context"
	"fmt"
	"io"
	"strings"

	"ariga.io/atlas/sql/schema"

	"github.com/flagon-go/flagon/migrate/graph"
)

// UpgradeSQL writes the SQL script of an upgrade without touching a
// database (Alembic's offline "--sql" mode). rng is "target" (from base,
// creating the version table) or "start:target".
func (m *Migrator) UpgradeSQL(ctx context.Context, w io.Writer, rng string) error {
	return m.offline(ctx, w, rng, true)
}

// DowngradeSQL writes the SQL script of a downgrade; rng must be
// "start:target", since offline there is no database to read the start from.
func (m *Migrator) DowngradeSQL(ctx context.Context, w io.Writer, rng string) error {
	if !strings.Contains(rng, ":") {
		return fmt.Errorf("downgrade with --sql requires <fromrev>:<torev>")
	}
	return m.offline(ctx, w, rng, false)
}

// offline writes an offline script.
func (m *Migrator) offline(ctx context.Context, w io.Writer, rng string, up bool) error {
	start, end, fromBase := splitRange(rng)
	g := m.Script.Graph
	heads, err := startHeads(g, start)
	if err != nil {
		return err
	}
	path, err := m.path(end, heads, up)
	if err != nil {
		return err
	}
	state, err := m.replay(ctx, heads)
	if err != nil {
		return err
	}
	m.logf("Generating static SQL")
	o := &offlineWriter{m: m, w: w, state: state}
	return o.write(ctx, heads, path, fromBase && up, up)
}

// splitRange splits "start:end"; a bare target starts from base.
func splitRange(rng string) (start, end string, fromBase bool) {
	if i := strings.Index(rng, ":"); i >= 0 {
		start, end = rng[:i], rng[i+1:]
		return start, end, start == "base"
	}
	return "base", rng, true
}

// replay compiles the upgrades from base to heads to know the schema at
// the script's start.
func (m *Migrator) replay(ctx context.Context, heads []string) (*schema.Schema, error) {
	state := schema.New("")
	for _, st := range m.plan(nil, heads, true) {
		ops, err := st.rev.RecordFor(m.opContext(), true)
		if err != nil {
			return nil, err
		}
		if _, err := CompileSQL(ctx, m.Dialect, state, ops); err != nil {
			return nil, fmt.Errorf("replay revision %s: %w", st.rev.ID, err)
		}
	}
	return state, nil
}

// offlineWriter writes statements as Alembic does, each followed by ";"
// and a blank line.
type offlineWriter struct {
	m     *Migrator
	w     io.Writer
	state *schema.Schema
	err   error
}

// stmt writes one statement.
func (o *offlineWriter) stmt(s string) {
	if o.err == nil {
		_, o.err = fmt.Fprintf(o.w, "%s;\n\n", s)
	}
}

// line writes a comment or raw line.
func (o *offlineWriter) line(s string) {
	if o.err == nil {
		_, o.err = fmt.Fprintf(o.w, "%s\n\n", s)
	}
}

// write emits the whole script.
func (o *offlineWriter) write(ctx context.Context, heads, path []string, createTable, up bool) error {
	m := o.m
	if m.Dialect == PostgreSQL {
		o.stmt("BEGIN")
	}
	if createTable {
		o.stmt(m.versionTableSQL())
	}
	for _, id := range path {
		next, err := o.step(ctx, step{rev: m.Script.Revision(id), up: up}, heads)
		if err != nil {
			return err
		}
		heads = next
	}
	if m.Dialect == PostgreSQL {
		o.stmt("COMMIT")
	}
	return o.err
}

// step writes one revision's statements and version change.
func (o *offlineWriter) step(ctx context.Context, st step, heads []string) ([]string, error) {
	m := o.m
	m.logf("Running %s", stepLine(st))
	// The message stays out: a comma or a line break in it would cut
	// the comment short or leave its rest as SQL.
	o.line("-- Running " + stepShort(st))
	ops, err := st.rev.RecordFor(m.opContext(), st.up)
	if err != nil {
		return nil, err
	}
	for _, op := range ops {
		if _, ok := op.(*RunGo); ok {
			o.line("-- revision " + st.rev.ID + " runs Go code here, which offline mode cannot include")
			continue
		}
		stmts, err := CompileSQL(ctx, m.Dialect, o.state, []Operation{op})
		if err != nil {
			return nil, fmt.Errorf("revision %s: %w", st.rev.ID, err)
		}
		for _, s := range stmts {
			o.stmt(s)
		}
	}
	next, stmts := m.nextHeads(st, heads)
	for _, q := range stmts {
		o.stmt(q)
	}
	return next, nil
}

// StampSQL writes the SQL script of a stamp (Alembic's "stamp --sql"):
// the version table moves from start ("" or "base" for an empty table,
// created by the script) to targets.
func (m *Migrator) StampSQL(w io.Writer, start string, targets []string) error {
	var heads []string
	if start != "" && start != "base" {
		var err error
		if heads, err = startHeads(m.Script.Graph, start); err != nil {
			return err
		}
	}
	_, changes, err := m.Script.Graph.Stamp(targets, heads)
	if err != nil {
		return err
	}
	o := &offlineWriter{m: m, w: w}
	if m.Dialect == PostgreSQL {
		o.stmt("BEGIN")
	}
	if len(heads) == 0 && len(changes) > 0 {
		o.stmt(m.versionTableSQL())
	}
	for _, q := range m.changeSQL(changes) {
		o.stmt(q)
	}
	if m.Dialect == PostgreSQL {
		o.stmt("COMMIT")
	}
	return o.err
}

// startHeads resolves the start of an offline range as Alembic's
// MigrationContext does: one revision (get_revision), none for base.
func startHeads(g *graph.Graph, start string) ([]string, error) {
	if start == "" || start == "base" {
		return nil, nil
	}
	id, err := g.Revision(start)
	if err != nil || id == "" {
		return nil, err
	}
	return []string{id}, nil
}
