package cli

import (
	"context"
	"fmt"

	"github.com/flagon-go/flagon/migrate"

	"github.com/spf13/cobra"
)

// currentCmd is "db current".
func (e *env) currentCmd() *cobra.Command {
	var verbose bool
	cmd := &cobra.Command{
		Use:   "current",
		Short: "Display the current revision for each database.",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return e.current(cmd.Context(), verbose) },
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "Use more verbose output")
	return cmd
}

// current prints each database's revisions, prefixed by the database's
// name in the multi-database layout.
func (e *env) current(ctx context.Context, verbose bool) error {
	prefix := ""
	return e.forEachBind(ctx, func(b Bind, m *migrate.Migrator) error {
		if e.multidb() {
			prefix = bindLabel(b.Name) + ": "
		}
		cur, err := m.Current(ctx)
		if err != nil {
			return err
		}
		d := e.newDescriber(m.Script, nil)
		for _, id := range cur {
			if m.Script.Revision(id) == nil {
				fmt.Fprintf(e.cfg.Out, "%s%s (unknown to this program)\n", prefix, id)
			} else if verbose {
				fmt.Fprint(e.cfg.Out, prefix)
				d.verbose(e.cfg.Out, id)
			} else {
				fmt.Fprintln(e.cfg.Out, prefix+d.short(id))
			}
		}
		return nil
	})
}

// historyCmd is "db history".
func (e *env) historyCmd() *cobra.Command {
	var rng string
	var verbose, indicate bool
	cmd := &cobra.Command{
		Use:   "history",
		Short: "List changeset scripts in chronological order.",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return e.history(cmd.Context(), rng, verbose, indicate)
		},
	}
	cmd.Flags().StringVarP(&rng, "rev-range", "r", "", "Specify a revision range; format is [start]:[end]")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "Use more verbose output")
	cmd.Flags().BoolVarP(&indicate, "indicate-current", "i", false, "Indicate current version (Alembic 0.9.9 or greater is required)")
	return cmd
}

// history prints the revisions, reading the database only for -i or a
// "current" bound.
func (e *env) history(ctx context.Context, rng string, verbose, indicate bool) error {
	s, err := e.script()
	if err != nil {
		return err
	}
	var cur []string
	if indicate {
		err := e.forEachBind(ctx, func(_ Bind, m *migrate.Migrator) error {
			c, err := m.Current(ctx)
			cur = append(cur, c...)
			return err
		})
		if err != nil {
			return err
		}
	}
	return e.newDescriber(s, cur).history(e.cfg.Out, rng, verbose, cur)
}

// headsCmd is "db heads".
func (e *env) headsCmd() *cobra.Command {
	return e.listCmd("heads", "Show current available heads in the script directory",
		func(s *migrate.Script, d *describer, verbose bool) {
			for _, id := range s.Graph.Heads() {
				d.describe(e.cfg.Out, id, verbose)
			}
		})
}

// branchesCmd is "db branches".
func (e *env) branchesCmd() *cobra.Command {
	return e.listCmd("branches", "Show current branch points",
		func(s *migrate.Script, d *describer, verbose bool) {
			for _, id := range s.Graph.BranchPoints() {
				d.describe(e.cfg.Out, id, verbose)
				for _, c := range s.Graph.Children(id) {
					fmt.Fprintf(e.cfg.Out, "%s -> %s%s, %s\n", "             ", c, d.tags(c), s.Revision(c).Message)
				}
			}
		})
}

// listCmd is a command without arguments that lists revisions of the
// script directory, with --verbose.
func (e *env) listCmd(use, short string, list func(s *migrate.Script, d *describer, verbose bool)) *cobra.Command {
	var verbose bool
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := e.script()
			if err != nil {
				return err
			}
			list(s, e.newDescriber(s, nil), verbose)
			return nil
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "Use more verbose output")
	return cmd
}

// showCmd is "db show".
func (e *env) showCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "show revision",
		Short: "Show the revision denoted by the given symbol.",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := e.script()
			if err != nil {
				return err
			}
			ids, err := s.Graph.Resolve(args[0], nil)
			if err != nil {
				return err
			}
			d := e.newDescriber(s, nil)
			for _, id := range ids {
				d.verbose(e.cfg.Out, id)
			}
			return nil
		},
	}
}
