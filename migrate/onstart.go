package migrate

import (
	"context"
	"io"
)

// StartOptions configure UpgradeOnStart.
type StartOptions struct {
	// Target is the revision to upgrade to; "heads" when empty.
	Target string
	// VersionTable names the version table; DefaultVersionTable when empty.
	VersionTable string
	// Tag is passed to revisions as op.Tag().
	Tag string
	// Bind names the database in a multi-database layout ("" for the
	// default one): call UpgradeOnStart once per database.
	Bind string
	// Log receives the "Running upgrade ..." lines; nil discards them.
	Log io.Writer
}

// UpgradeOnStart upgrades db to the newest revisions when a program
// starts, under the same lock as the upgrade command, so that several
// instances starting at once apply each revision exactly once.
func UpgradeOnStart(ctx context.Context, db DB, revs []*Revision, opts StartOptions) error {
	m, err := NewMigrator(db.SQL(), db.Dialect().Name(), revs)
	if err != nil {
		return err
	}
	m.VersionTable, m.Log, m.Tag, m.Bind = opts.VersionTable, opts.Log, opts.Tag, opts.Bind
	target := opts.Target
	if target == "" {
		target = "heads"
	}
	return m.Upgrade(ctx, target)
}
