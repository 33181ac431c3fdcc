package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/flagon-go/flagon/migrate"

	"github.com/spf13/cobra"
)

// upgradeCmd is "db upgrade".
func (e *env) upgradeCmd() *cobra.Command {
	var sql bool
	var tag string
	cmd := &cobra.Command{
		Use:   "upgrade [revision]",
		Short: "Upgrade to a later version",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return e.upgrade(cmd.Context(), argOr(args, "head"), runOpts{sql: sql, tag: tag, up: true})
		},
	}
	cmd.Flags().BoolVar(&sql, "sql", false, "Don't emit SQL to database - dump to standard output instead")
	cmd.Flags().StringVar(&tag, "tag", "", "Arbitrary \"tag\" name, passed to the revisions as op.Tag()")
	return cmd
}

// downgradeCmd is "db downgrade".
func (e *env) downgradeCmd() *cobra.Command {
	var sql bool
	var tag string
	cmd := &cobra.Command{
		Use:   "downgrade [revision]",
		Short: "Revert to a previous version",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return e.upgrade(cmd.Context(), argOr(args, "-1"), runOpts{sql: sql, tag: tag})
		},
	}
	cmd.Flags().BoolVar(&sql, "sql", false, "Don't emit SQL to database - dump to standard output instead")
	cmd.Flags().StringVar(&tag, "tag", "", "Arbitrary \"tag\" name, passed to the revisions as op.Tag()")
	return cmd
}

// argOr returns the first argument or a default.
func argOr(args []string, def string) string {
	if len(args) > 0 {
		return args[0]
	}
	return def
}

// runOpts are the options of upgrade and downgrade.
type runOpts struct {
	sql, up bool
	tag     string
}

// upgrade runs an upgrade or downgrade on every database, online or as
// an SQL script.
func (e *env) upgrade(ctx context.Context, target string, o runOpts) error {
	if o.sql {
		return e.offline(ctx, target, o)
	}
	return e.forEachBind(ctx, func(_ Bind, m *migrate.Migrator) error {
		m.Tag = o.tag
		if o.up {
			return m.Upgrade(ctx, target)
		}
		return m.Downgrade(ctx, target)
	})
}

// offline writes the SQL script of every database, each headed by a
// comment naming it in the multi-database layout.
func (e *env) offline(ctx context.Context, target string, o runOpts) error {
	return e.forEachOfflineBind(func(b Bind, revs []*migrate.Revision) error {
		return e.offlineBind(ctx, b, revs, target, o)
	})
}

// forEachOfflineBind runs fn for each database in turn, its script headed
// by a comment naming it in the multi-database layout.
func (e *env) forEachOfflineBind(fn func(b Bind, revs []*migrate.Revision) error) error {
	revs, err := e.revisions()
	if err != nil {
		return err
	}
	binds, err := e.binds()
	if err != nil {
		return err
	}
	for _, b := range binds {
		if e.multidb() {
			fmt.Fprintf(e.cfg.Out, "-- Migrating database %s\n\n", bindLabel(b.Name))
		}
		if err := fn(b, revs); err != nil {
			return bindError(e.multidb(), b.Name, err)
		}
	}
	return nil
}

// offlineBind writes one database's SQL script.
func (e *env) offlineBind(ctx context.Context, b Bind, revs []*migrate.Revision, target string, o runOpts) error {
	m, err := e.offlineMigrator(b, revs)
	if err != nil {
		return err
	}
	m.Tag = o.tag
	if o.up {
		return m.UpgradeSQL(ctx, e.cfg.Out, target)
	}
	return m.DowngradeSQL(ctx, e.cfg.Out, target)
}

// stampCmd is "db stamp [REVISION...]" (default "head"; Flask-Migrate
// takes one revision, Alembic several). With --sql, each revision may be
// "start:revision", all with the same start.
func (e *env) stampCmd() *cobra.Command {
	var purge, sql bool
	var tag string
	cmd := &cobra.Command{
		Use:   "stamp [revision...]",
		Short: "'stamp' the revision table with the given revision; don't run any migrations",
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"head"}
			}
			if sql {
				if purge {
					return alembicf("Can't use --purge with --sql mode")
				}
				return e.stampSQL(args)
			}
			return e.forEachBind(cmd.Context(), func(_ Bind, m *migrate.Migrator) error {
				m.Tag = tag
				return m.StampRevisions(cmd.Context(), args, purge)
			})
		},
	}
	cmd.Flags().BoolVar(&sql, "sql", false, "Don't emit SQL to database - dump to standard output instead")
	cmd.Flags().StringVar(&tag, "tag", "", "Arbitrary \"tag\" name, passed to the revisions as op.Tag()")
	cmd.Flags().BoolVar(&purge, "purge", false, "Delete the version in the alembic_version table before stamping")
	return cmd
}

// stampSQL writes the stamp script of every database.
func (e *env) stampSQL(args []string) error {
	start, started := "", false
	var targets []string
	for _, a := range args {
		s, t, ok := strings.Cut(a, ":")
		if ok {
			if started && s != start {
				return alembicf("Stamp operation with --sql only supports a single starting revision at a time")
			}
			start, a, started = s, t, true
		}
		targets = append(targets, a)
	}
	return e.forEachOfflineBind(func(b Bind, revs []*migrate.Revision) error {
		m, err := e.offlineMigrator(b, revs)
		if err != nil {
			return err
		}
		return m.StampSQL(e.cfg.Out, start, targets)
	})
}
