package cli

import (
	"context"
	"fmt"
	"net/url"
	"strings"

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
		if verbose {
			fmt.Fprintf(e.cfg.Out, "%sCurrent revision(s) for %s:\n", prefix, obfuscateURL(b.URL))
		}
		d := e.newDescriber(m.Script, nil)
		shown, unknown := allCurrent(m.Script, cur)
		for _, id := range unknown {
			fmt.Fprintf(e.cfg.Out, "%s%s (unknown to this program)\n", prefix, id)
		}
		for _, id := range shown {
			if verbose {
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
	if indicate || strings.Contains(rng, "current") {
		err := e.forEachBind(ctx, func(_ Bind, m *migrate.Migrator) error {
			c, err := m.Current(ctx)
			cur = append(cur, c...)
			return err
		})
		if err != nil {
			return err
		}
	}
	shown := cur
	if !indicate {
		shown = nil
	}
	return e.newDescriber(s, shown).history(e.cfg.Out, rng, verbose, cur)
}

// headsCmd is "db heads": Alembic's heads, each with its branch labels;
// with --resolve-dependencies, a head another revision depends on is not
// one.
func (e *env) headsCmd() *cobra.Command {
	var resolve bool
	cmd := e.listCmd("heads", "Show current available heads in the script directory",
		func(s *migrate.Script, d *describer, verbose bool) error {
			heads := s.Graph.Heads()
			if resolve {
				var err error
				if heads, err = s.Graph.Revisions("heads"); err != nil {
					return err
				}
			}
			for _, id := range heads {
				if verbose {
					d.verbose(e.cfg.Out, id)
				} else {
					fmt.Fprintln(e.cfg.Out, d.headOnly(id, true, false, false, false))
				}
			}
			return nil
		})
	cmd.Flags().BoolVar(&resolve, "resolve-dependencies", false, "Treat dependency versions as down revisions")
	return cmd
}

// branchesCmd is "db branches": each branch point, newest first, then the
// revisions it branches into, and a blank line.
func (e *env) branchesCmd() *cobra.Command {
	return e.listCmd("branches", "Show current branch points",
		func(s *migrate.Script, d *describer, verbose bool) error {
			ids, err := s.Graph.WalkRevisions(nil, nil)
			if err != nil {
				return err
			}
			for _, id := range ids {
				children := s.Graph.Children(id)
				if len(children) < 2 {
					continue
				}
				if verbose {
					d.verbose(e.cfg.Out, id)
				} else {
					fmt.Fprintln(e.cfg.Out, d.headOnly(id, true, false, false, true))
				}
				for _, c := range children {
					fmt.Fprintf(e.cfg.Out, "%s -> %s\n", strings.Repeat(" ", len(id)), d.headOnly(c, true, verbose, false, true))
				}
				fmt.Fprintln(e.cfg.Out)
			}
			return nil
		})
}

// listCmd is a command without arguments that lists revisions of the
// script directory, with --verbose.
func (e *env) listCmd(use, short string, list func(s *migrate.Script, d *describer, verbose bool) error) *cobra.Command {
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
			return list(s, e.newDescriber(s, nil), verbose)
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "Use more verbose output")
	return cmd
}

// showCmd is "db show [REVISION]" (default "head"; "current" shows the
// database's revisions).
func (e *env) showCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "show [revision]",
		Short: "Show the revision denoted by the given symbol.",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			rev := "head"
			if len(args) == 1 {
				rev = args[0]
			}
			if rev == "current" {
				return e.forEachBind(cmd.Context(), func(_ Bind, m *migrate.Migrator) error {
					cur, err := m.Current(cmd.Context())
					if err != nil {
						return err
					}
					d := e.newDescriber(m.Script, nil)
					for _, id := range cur {
						if m.Script.Revision(id) != nil {
							d.verbose(e.cfg.Out, id)
						}
					}
					return nil
				})
			}
			s, err := e.script()
			if err != nil {
				return err
			}
			ids, err := s.Graph.Revisions(rev)
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

// allCurrent splits the database's revisions into what "current" shows
// (Alembic's get_all_current) and those the program does not know.
func allCurrent(s *migrate.Script, cur []string) (shown, unknown []string) {
	var known []string
	for _, id := range cur {
		if s.Revision(id) == nil {
			unknown = append(unknown, id)
		} else {
			known = append(known, id)
		}
	}
	shown, err := s.Graph.AllCurrent(known)
	if err != nil {
		shown = known
	}
	return shown, unknown
}

// obfuscateURL hides a URL's password as SQLAlchemy does ("***").
func obfuscateURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "***")
		return strings.Replace(u.String(), "%2A%2A%2A", "***", 1)
	}
	return raw
}
