package migrate

import "context"

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
	s, err := m.openSession(ctx)
	if err != nil {
		return err
	}
	defer s.close()
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	if err := m.stamp(ctx, s, tx, target, purge); err != nil {
		_ = tx.rollback()
		return err
	}
	return tx.commit()
}

// stamp computes and writes the stamped heads inside tx.
func (m *Migrator) stamp(ctx context.Context, s *session, tx stepTx, target string, purge bool) error {
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
	targets, err := m.Script.Graph.Resolve(target, heads)
	if err != nil {
		return err
	}
	next := m.stampedHeads(heads, targets)
	for _, q := range m.versionSQL(heads, next) {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	m.logf("Stamping %s -> %s", headsText(heads), headsText(next))
	return nil
}

// stampedHeads keeps heads unrelated to the targets and adds the targets.
func (m *Migrator) stampedHeads(heads, targets []string) []string {
	if len(targets) == 0 {
		return nil
	}
	g := m.Script.Graph
	related := g.Ancestors(targets...)
	for id := range g.Descendants(targets...) {
		related[id] = true
	}
	set := g.Ancestors(targets...)
	for _, h := range heads {
		if !related[h] {
			for id := range g.Ancestors(h) {
				set[id] = true
			}
		}
	}
	return g.HeadsOf(set)
}
