package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/flagon-go/flagon/migrate/script"
	"github.com/spf13/cobra"
)

// readme is written to the migrations directory by init.
const readme = `Database migrations for flagon, in Go (Alembic's layout).

versions/ is a Go package: one file per revision, <id>_<slug>.go, plus the
generated revisions.go whose All function lists them. Pass versions.All to
the db commands (and to migrate.UpgradeOnStart), and rebuild the program
after "db migrate" or "db revision" adds a file.

    db migrate -m "message"   autogenerate a revision from the models
    db upgrade                apply revisions up to head
    db downgrade              undo the last revision
    db history / current      show revisions
`

// initCmd creates the migrations directory.
func (e *env) initCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Creates a new migration repository.",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return e.init() },
	}
}

// init writes the directory, the versions package and the README.
func (e *env) init() error {
	if entries, err := os.ReadDir(e.dir); err == nil && len(entries) > 0 {
		return alembicf("Directory %s already exists and is not empty", e.dir)
	}
	for _, d := range []string{e.dir, e.versionsDir()} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		fmt.Fprintf(e.cfg.Out, "Creating directory %s ...  done\n", d)
	}
	idx, err := script.RenderIndex("versions", nil)
	if err != nil {
		return err
	}
	files := []struct {
		path string
		data []byte
	}{
		{filepath.Join(e.versionsDir(), script.IndexFile), idx},
		{filepath.Join(e.dir, "README"), []byte(readme)},
	}
	for _, f := range files {
		if err := os.WriteFile(f.path, f.data, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(e.cfg.Out, "Generating %s ...  done\n", f.path)
	}
	fmt.Fprintf(e.cfg.Out, "Please import the package in '%s' and pass versions.All to the db commands (Config.Revisions) before proceeding.\n", e.versionsDir())
	return nil
}
