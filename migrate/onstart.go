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
	m.VersionTable, m.Log = opts.VersionTable, opts.Log
	target := opts.Target
	if target == "" {
		target = "heads"
	}
	return m.Upgrade(ctx, target)
}
