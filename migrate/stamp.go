package migrate

import (
	"context"
	"slices"
)

// Current returns the revisions recorded in the version table (none when
// the table does not exist yet).
func (m *Migrator) Current(ctx context.Context) ([]string, error) {
	ok, err := m.hasVersionTable(ctx, m.DB)
	if err != nil || !ok {
		return nil, err
	}
	return m.readHeads(ctx, m.DB)
}

// Stamp sets the version table to target without running any revision.
// Heads on unrelated branches stay unless purge is set, which first
// empties the table (useful when it names unknown revisions).
func (m *Migrator) Stamp(ctx context.Context, target string, purge bool) error {
	return m.StampRevisions(ctx, []string{target}, purge)
}

// StampRevisions is Stamp with several targets (Alembic's "stamp a b").
func (m *Migrator) StampRevisions(ctx context.Context, targets []string, purge bool) error {
	s, err := m.openSession(ctx)
	if err != nil {
		return err
	}
	defer s.close()
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	if err := m.stamp(ctx, s, tx, targets, purge); err != nil {
		_ = tx.rollback()
		return err
	}
	return tx.commit()
}

// stamp computes and writes the stamped heads inside tx.
func (m *Migrator) stamp(ctx context.Context, s *session, tx stepTx, targets []string, purge bool) error {
	heads, err := s.prepare(ctx, tx)
	if err != nil {
		return err
	}
	if purge {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+m.table()); err != nil {
			return err
		}
		heads = nil
	} else if err := m.checkKnown(heads); err != nil {
		return err
	}
	next, changes, err := m.Script.Graph.Stamp(targets, heads)
	if err != nil {
		return err
	}
	for _, q := range m.changeSQL(changes) {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if len(changes) > 0 {
		m.logf("Running stamp_revision %s -> %s", join(moved(heads, next)), join(moved(next, heads)))
	}
	return nil
}

// moved returns the ids of a that b lacks.
func moved(a, b []string) []string {
	var out []string
	for _, id := range a {
		if !slices.Contains(b, id) {
			out = append(out, id)
		}
	}
	return out
}
