package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"

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
	return cmd
}

// merge creates a revision revising every given revision.
func (e *env) merge(ctx context.Context, o *revOpts, specs []string) error {
	s, err := e.script()
	if err != nil {
		return err
	}
	var down []string
	for _, spec := range specs {
		ids, err := s.Graph.Resolve(spec, nil)
		if err != nil {
			return err
		}
		down = append(down, ids...)
	}
	if len(down) < 2 {
		return errors.New("merge needs at least two revisions (e.g. 'heads')")
	}
	o.down = down
	return e.revision(ctx, o)
}

// editCmd is "db edit".
func (e *env) editCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "edit [revision]",
		Short: "Edit current revision.",
		Args:  cobra.MaximumNArgs(1),
		RunE:  func(cmd *cobra.Command, args []string) error { return e.edit(argOr(args, "head")) },
	}
}

// edit opens the revision file in $EDITOR.
func (e *env) edit(spec string) error {
	s, err := e.script()
	if err != nil {
		return err
	}
	id, err := s.Graph.ResolveOne(spec, nil)
	if err != nil {
		return err
	}
	path := e.newDescriber(s, nil).files[id]
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
