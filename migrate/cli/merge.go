package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"

	"github.com/flagon-go/flagon/migrate"

	"github.com/spf13/cobra"
)

// mergeCmd is "db merge".
func (e *env) mergeCmd() *cobra.Command {
	o := &revOpts{}
	cmd := &cobra.Command{
		Use:   "merge revisions...",
		Short: "Merge two revisions together, creating a new revision file",
		Args:  cobra.MinimumNArgs(1),
		RunE:  func(cmd *cobra.Command, args []string) error { return e.merge(cmd.Context(), o, args) },
	}
	f := cmd.Flags()
	f.StringVarP(&o.message, "message", "m", "", "Merge revision message")
	f.StringSliceVar(&o.branchLabels, "branch-label", nil, "Specify a branch label to apply to the new revision")
	f.StringVar(&o.revID, "rev-id", "", "Specify a hardcoded revision id instead of generating one")
	f.BoolVar(&o.splice, "splice", false, "Allow a non-head revision to be merged")
	return cmd
}

// merge creates a revision revising every given revision.
func (e *env) merge(ctx context.Context, o *revOpts, specs []string) error {
	s, err := e.script()
	if err != nil {
		return err
	}
	var n int
	for _, spec := range specs {
		ids, err := s.Graph.Revisions(spec)
		if err != nil {
			return err
		}
		n += len(ids)
	}
	if n < 2 {
		return errors.New("merge needs at least two revisions (e.g. 'heads')")
	}
	o.down = specs
	return e.revision(ctx, o)
}

// editCmd is "db edit".
func (e *env) editCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "edit [revision]",
		Short: "Edit current revision.",
		Args:  cobra.MaximumNArgs(1),
		RunE:  func(cmd *cobra.Command, args []string) error { return e.edit(cmd.Context(), argOr(args, "head")) },
	}
}

// edit opens the revision files spec names in $EDITOR ("current": the
// database's revisions).
func (e *env) edit(ctx context.Context, spec string) error {
	s, err := e.script()
	if err != nil {
		return err
	}
	var ids []string
	if spec == "current" {
		err = e.forEachBind(ctx, func(_ Bind, m *migrate.Migrator) error {
			cur, err := m.Current(ctx)
			ids = append(ids, cur...)
			return err
		})
		if err == nil && len(ids) == 0 {
			err = alembicf("No current revisions")
		}
	} else if ids, err = s.Graph.Revisions(spec); err == nil && len(ids) == 0 {
		err = alembicf("No revision files indicated by symbol '%s'", spec)
	}
	if err != nil {
		return err
	}
	files := e.newDescriber(s, nil).files
	for _, id := range ids {
		if err := e.openEditor(id, files[id]); err != nil {
			return err
		}
	}
	return nil
}

// openEditor runs $EDITOR on one revision file.
func (e *env) openEditor(id, path string) error {
	if path == "" {
		return fmt.Errorf("no file for revision %s in %s", id, e.versionsDir())
	}
	editor := os.Getenv("EDITOR")
	if editor == "" {
		return errors.New("set $EDITOR to edit revision files")
	}
	c := exec.Command(editor, path)
	c.Stdin, c.Stdout, c.Stderr = e.cfg.In, e.cfg.Out, e.cfg.Err
	if err := c.Run(); err != nil {
		return fmt.Errorf("%s %s: %w", editor, path, err)
	}
	return nil
}
