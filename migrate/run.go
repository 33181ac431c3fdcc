package migrate

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/flagon-go/flagon/migrate/graph"
)

// Upgrade applies revisions up to target ("head", "heads", "+1", an id,
// "branch@head", ...), each revision in its own transaction where the
// database allows it, under a lock that serialises concurrent runs.
func (m *Migrator) Upgrade(ctx context.Context, target string) error {
	return m.run(ctx, target, true)
}

// Downgrade removes revisions down to target ("-1", "base", an id, ...).
func (m *Migrator) Downgrade(ctx context.Context, target string) error {
	return m.run(ctx, target, false)
}

// run computes Alembic's path once (ScriptDirectory._upgrade_revs or
// _downgrade_revs from the heads read in the first transaction), then
// applies one step per transaction, re-reading the version table each time
// so that revisions applied by a concurrent run are never applied twice.
func (m *Migrator) run(ctx context.Context, target string, up bool) error {
	s, err := m.openSession(ctx)
	if err != nil {
		return err
	}
	defer s.close()
	var path []string
	for first := true; ; first = false {
		done, err := s.oneStep(ctx, func(heads []string) ([]step, error) {
			if first {
				if path, err = m.path(target, heads, up); err != nil {
					return nil, err
				}
			}
			return m.remaining(path, heads, up), nil
		})
		if err != nil || done {
			return err
		}
	}
}

// path resolves a target spec against the current heads into the
// revisions to apply or remove, in order, as Alembic does.
func (m *Migrator) path(target string, heads []string, up bool) ([]string, error) {
	if target == "" {
		target = "head"
		if !up {
			target = "-1"
		}
	}
	if err := m.checkKnown(heads); err != nil {
		return nil, err
	}
	if up {
		return m.Script.Graph.UpgradeRevs(target, heads)
	}
	if len(heads) > 1 && strings.HasPrefix(target, "-") {
		m.logf("UserWarning: downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release.")
	}
	return m.Script.Graph.DowngradeRevs(target, heads)
}

// remaining returns the steps of path not yet done at heads (a concurrent
// run may have done some).
func (m *Migrator) remaining(path, heads []string, up bool) []step {
	applied := m.Script.Graph.Ancestors(heads...)
	var steps []step
	for _, id := range path {
		if applied[id] != up {
			steps = append(steps, step{rev: m.Script.Revision(id), up: up})
		}
	}
	return steps
}

// checkKnown fails when the database is at revisions the program lacks.
func (m *Migrator) checkKnown(heads []string) error {
	for _, h := range heads {
		if _, ok := m.Script.Graph.Get(h); !ok {
			return &graph.Error{Kind: graph.ErrUnknown, Rev: h, Msg: "Can't locate revision identified by '" + h + "': the database is at a revision this program does not know; rebuild with the revision or stamp the database"}
		}
	}
	return nil
}

// plan returns the steps from heads to targets (resolved revisions) in a
// topological order; replaying a schema needs no more.
func (m *Migrator) plan(heads, targets []string, up bool) []step {
	g := m.Script.Graph
	ids := g.DowngradePath(heads, targets)
	if up {
		ids = g.UpgradePath(heads, targets)
	}
	steps := make([]step, len(ids))
	for i, id := range ids {
		steps[i] = step{rev: m.Script.Revision(id), up: up}
	}
	return steps
}

// oneStep runs the first planned step in a transaction; done reports that
// nothing was left to do.
func (s *session) oneStep(ctx context.Context, planFn func(heads []string) ([]step, error)) (done bool, err error) {
	tx, err := s.begin(ctx)
	if err != nil {
		return false, err
	}
	heads, err := s.prepare(ctx, tx)
	if err == nil {
		var steps []step
		if steps, err = planFn(heads); err == nil && len(steps) == 0 {
			return true, tx.commit()
		} else if err == nil {
			return false, s.apply(ctx, tx, steps[0], heads)
		}
	}
	_ = tx.rollback()
	return false, err
}

// prepare creates the version table if needed and reads the heads.
func (s *session) prepare(ctx context.Context, tx stepTx) ([]string, error) {
	ok, err := s.m.hasVersionTable(ctx, tx)
	if err != nil || ok {
		if err == nil {
			return s.m.readHeads(ctx, tx)
		}
		return nil, fmt.Errorf("migrate: inspect version table: %w", err)
	}
	if _, err := tx.ExecContext(ctx, s.m.versionTableSQL()); err != nil {
		return nil, fmt.Errorf("migrate: create version table: %w", err)
	}
	return nil, nil
}

// apply runs one step and commits it, reporting the outcome.
func (s *session) apply(ctx context.Context, tx stepTx, st step, heads []string) error {
	m := s.m
	start := time.Now()
	_, err := m.applyStep(ctx, tx, st, heads)
	if err == nil {
		err = tx.commit()
	}
	if err != nil {
		rbErr := tx.rollback()
		return m.describeFailure(err, st, heads, m.Dialect != MySQL && rbErr == nil)
	}
	m.logf("Running %s (%s)", stepLine(st), time.Since(start).Round(time.Microsecond))
	return nil
}

// describeFailure completes a RevisionError.
func (m *Migrator) describeFailure(err error, st step, heads []string, rolledBack bool) error {
	re, ok := err.(*RevisionError)
	if !ok {
		re = &RevisionError{Err: err}
	}
	re.Revision, re.Message, re.Up = st.rev.ID, st.rev.Message, st.up
	re.Heads, re.RolledBack = heads, rolledBack
	return re
}

// stepLine is Alembic's "upgrade a -> b, message" text.
func stepLine(st step) string {
	return stepShort(st) + ", " + st.rev.Message
}

// stepShort describes a step without its message (Alembic's
// MigrationStep.short_log), as offline scripts name it.
func stepShort(st step) string {
	from := join(st.rev.Down)
	if st.up {
		return "upgrade " + from + " -> " + st.rev.ID
	}
	return "downgrade " + st.rev.ID + " -> " + from
}

// join joins revision ids with ", ".
func join(ids []string) string { return strings.Join(ids, ", ") }
