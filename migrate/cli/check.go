package cli

import (
	"context"
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

// check fails when the models differ from any database.
func (e *env) check(ctx context.Context, o *revOpts) error {
	s, err := e.script()
	if err != nil {
		return err
	}
	results, err := e.compareAll(ctx, s.Graph, o, "check")
	if err != nil {
		return err
	}
	var ops []string
	for _, r := range results {
		for _, op := range r.res.Upgrade {
			ops = append(ops, r.prefix+op.Describe())
		}
	}
	if len(ops) == 0 {
		fmt.Fprintln(e.cfg.Out, "No new upgrade operations detected.")
		return nil
	}
	return alembicf("New upgrade operations detected: %s", strings.Join(ops, "; "))
}
