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

versions/ is a Go package: one file per revision, <id>_<slug>.go, each
adding its revision to the package's registry in an init function, plus
revisions.go whose All function returns them. Pass versions.All to
migration.New (ext/migration) or as cli.Config.Revisions (migrate/cli), and
to migrate.UpgradeOnStart; rebuild the program after "db migrate" or
"db revision" adds a file (go run does). To drop a revision that was never
applied, delete its file.

    db migrate -m "message"   autogenerate a revision from the models
    db upgrade                apply revisions up to head
    db downgrade              undo the last revision
    db history / current      show revisions
`

// A genFile is a file that init writes.
type genFile struct {
	path string
	data []byte
}

// initCmd creates the migrations directory.
func (e *env) initCmd() *cobra.Command {
	var multidb bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Creates a new migration repository.",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return e.init(multidb) },
	}
	cmd.Flags().BoolVar(&multidb, "multidb", false, "Support multiple databases (the default one and each of Config.Binds)")
	return cmd
}

// init writes the directory, the versions package and the README (and
// the multi-database marker).
func (e *env) init(multidb bool) error {
	if entries, err := os.ReadDir(e.dir); err == nil && len(entries) > 0 {
		return alembicf("Directory %s already exists and is not empty", e.dir)
	}
	for _, d := range []string{e.dir, e.versionsDir()} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		fmt.Fprintf(e.cfg.Out, "Creating directory %s ...  done\n", d)
	}
	idx, err := script.RenderIndex("versions")
	if err != nil {
		return err
	}
	files := []genFile{
		{filepath.Join(e.versionsDir(), script.IndexFile), idx},
		{filepath.Join(e.dir, "README"), []byte(readme)},
	}
	if multidb {
		files = append(files, genFile{filepath.Join(e.dir, MultiDBMarker), []byte(multidbNote)})
	}
	for _, f := range files {
		if err := os.WriteFile(f.path, f.data, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(e.cfg.Out, "Generating %s ...  done\n", f.path)
	}
	fmt.Fprintf(e.cfg.Out, "%s\n", importHint(e.versionsDir()))
	return nil
}

// importHint tells what to do after init, in Go terms: the versions
// package must be imported and its All passed to the program's db
// commands, through ext/migration or migrate/cli.
func importHint(versionsDir string) string {
	return fmt.Sprintf("Please import the package in '%s' and pass versions.All to migration.New "+
		"(ext/migration) or as cli.Config.Revisions (migrate/cli), then rebuild, before proceeding.", versionsDir)
}
