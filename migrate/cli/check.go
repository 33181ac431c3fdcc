package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// checkCmd is "db check".
func (e *env) checkCmd() *cobra.Command {
	o := &revOpts{noInput: true}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check if there are any new operations to migrate",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return e.check(cmd.Context(), o) },
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.renames, "rename", nil, "Treat a removed table or column as renamed: old:new (repeatable)")
	f.BoolVar(&o.dropUnknown, "drop-unknown-tables", false, "Count tables that no model describes as to be dropped")
	return cmd
}

// check fails when the models differ from the database.
func (e *env) check(ctx context.Context, o *revOpts) error {
	s, err := e.script()
	if err != nil {
		return err
	}
	if e.cfg.MetaData == nil {
		return errors.New("check needs the models: set Config.MetaData")
	}
	m, closeDB, err := e.migrator(ctx)
	if err != nil {
		return err
	}
	defer closeDB()
	if err := upToDate(ctx, m, s.Graph); err != nil {
		return err
	}
	res, err := e.compare(ctx, m, o)
	if err != nil {
		return err
	}
	if res.Empty() {
		fmt.Fprintln(e.cfg.Out, "No new upgrade operations detected.")
		return nil
	}
	ops := make([]string, len(res.Upgrade))
	for i, op := range res.Upgrade {
		ops[i] = op.Describe()
	}
	return alembicf("New upgrade operations detected: %s", strings.Join(ops, "; "))
}
