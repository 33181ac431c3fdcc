package cli

import (
	"context"

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
			return e.upgrade(cmd.Context(), argOr(args, "head"), sql, true)
		},
	}
	cmd.Flags().BoolVar(&sql, "sql", false, "Don't emit SQL to database - dump to standard output instead")
	cmd.Flags().StringVar(&tag, "tag", "", "Arbitrary \"tag\" name (accepted for compatibility; unused)")
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
			return e.upgrade(cmd.Context(), argOr(args, "-1"), sql, false)
		},
	}
	cmd.Flags().BoolVar(&sql, "sql", false, "Don't emit SQL to database - dump to standard output instead")
	cmd.Flags().StringVar(&tag, "tag", "", "Arbitrary \"tag\" name (accepted for compatibility; unused)")
	return cmd
}

// argOr returns the first argument or a default.
func argOr(args []string, def string) string {
	if len(args) > 0 {
		return args[0]
	}
	return def
}

// upgrade runs an upgrade or downgrade, online or as an SQL script.
func (e *env) upgrade(ctx context.Context, target string, sql, up bool) error {
	if sql {
		m, err := e.offlineMigrator()
		if err != nil {
			return err
		}
		if up {
			return m.UpgradeSQL(ctx, e.cfg.Out, target)
		}
		return m.DowngradeSQL(ctx, e.cfg.Out, target)
	}
	m, closeDB, err := e.migrator(ctx)
	if err != nil {
		return err
	}
	defer closeDB()
	if up {
		return m.Upgrade(ctx, target)
	}
	return m.Downgrade(ctx, target)
}

// stampCmd is "db stamp".
func (e *env) stampCmd() *cobra.Command {
	var purge bool
	cmd := &cobra.Command{
		Use:   "stamp revision",
		Short: "'stamp' the revision table with the given revision; don't run any migrations",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, closeDB, err := e.migrator(cmd.Context())
			if err != nil {
				return err
			}
			defer closeDB()
			return m.Stamp(cmd.Context(), args[0], purge)
		},
	}
	cmd.Flags().BoolVar(&purge, "purge", false, "Delete the version in the alembic_version table before stamping")
	return cmd
}
