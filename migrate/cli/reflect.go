package cli

import (
	"context"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"strings"

	"github.com/flagon-go/flagon/internal/usage"
	"github.com/flagon-go/flagon/migrate/modelgen"
	"github.com/spf13/cobra"
)

// reflectOpts are the options of "db reflect", named after sqlacodegen's.
type reflectOpts struct {
	tables  []string
	schema  string
	outfile string
	outDir  string
	pkg     string
	bind    string
	noViews bool
}

// reflectCmd is "db reflect", flagon's sqlacodegen.
func (e *env) reflectCmd() *cobra.Command {
	o := &reflectOpts{}
	cmd := &cobra.Command{
		Use:   "reflect",
		Short: "Write Go models of the tables of an existing database",
		Long: "Inspect the database and write one model struct per table (column types, nullability, keys, " +
			"indexes, defaults, foreign keys as relationships), so that \"db migrate\" on these models finds no change.",
		// The options are checked with the arguments, so that the app's
		// command line reports them as usage errors (exit status 2).
		Args: func(cmd *cobra.Command, args []string) error {
			if err := cobra.NoArgs(cmd, args); err != nil {
				return err
			}
			return e.checkReflectOpts(o)
		},
		RunE: func(cmd *cobra.Command, _ []string) error { return e.reflect(cmd.Context(), o) },
	}
	f := cmd.Flags()
	f.StringSliceVar(&o.tables, "tables", nil, "Tables to process (comma-delimited, default: all)")
	f.StringVar(&o.schema, "schema", "", "Database schema to read (default: the connection's)")
	f.StringVarP(&o.outfile, "outfile", "o", "", "File to write output to (default: stdout)")
	f.StringVar(&o.outDir, "out", "", "Directory to write models.go to")
	f.StringVar(&o.pkg, "package", "", "Package name of the generated file (default: the output directory's name, or models)")
	f.StringVar(&o.bind, "bind", "", "Name of the bind (database of Config.Binds) to read (default: the default database)")
	f.BoolVar(&o.noViews, "noviews", false, "Ignore views, as sqlacodegen's --noviews; accepted and has no effect: views are never reflected (a model of a view would make db migrate create a table)")
	return cmd
}

// checkReflectOpts refuses conflicting options and an unknown bind.
func (e *env) checkReflectOpts(o *reflectOpts) error {
	if o.outfile != "" && o.outDir != "" {
		return &usage.Error{Msg: "Options '--outfile' and '--out' cannot be used together."}
	}
	_, err := e.reflectBind(o.bind)
	return err
}

// reflect inspects the database and writes the models.
func (e *env) reflect(ctx context.Context, o *reflectOpts) error {
	b, err := e.reflectBind(o.bind)
	if err != nil {
		return err
	}
	path := o.outfile
	if o.outDir != "" {
		path = filepath.Join(o.outDir, "models.go")
	}
	db, dialectName, err := openBind(ctx, b)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := modelgen.Generate(ctx, db, modelgen.Options{Dialect: dialectName, Schema: o.schema, Tables: o.tables,
		Package: packageName(o.pkg, path), VersionTable: e.cfg.VersionTable, Command: "flagon db reflect"})
	if err != nil {
		return err
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(e.cfg.Err, "WARNING: %s\n", w)
	}
	if path == "" {
		_, err = e.cfg.Out.Write(res.Source)
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(path, res.Source, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(e.cfg.Err, "Generating %s ...  done\n", path)
	return nil
}

// reflectBind returns the database named by --bind.
func (e *env) reflectBind(name string) (Bind, error) {
	if name == "" {
		return e.defaultBind(), nil
	}
	var names []string
	for _, b := range e.cfg.Binds {
		if b.Name == name {
			return b, nil
		}
		if b.Name != "" {
			names = append(names, b.Name)
		}
	}
	known := "there are no binds"
	if len(names) > 0 {
		known = "binds: " + strings.Join(names, ", ")
	}
	return Bind{}, &usage.Error{Msg: fmt.Sprintf("Invalid value for '--bind': no database named %q (%s).", name, known)}
}

// packageName is --package, else the output directory's name when it is
// a Go identifier, else "models".
func packageName(flag, path string) string {
	if flag != "" {
		return flag
	}
	if path != "" {
		dir := filepath.Base(filepath.Dir(path))
		if abs, err := filepath.Abs(filepath.Dir(path)); err == nil {
			dir = filepath.Base(abs)
		}
		if isIdent(dir) {
			return dir
		}
	}
	return "models"
}

// isIdent reports whether s is a lower-case Go identifier.
func isIdent(s string) bool {
	for i, r := range s {
		if !(r >= 'a' && r <= 'z' || r == '_' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return s != "" && !token.IsKeyword(s) // package type would not compile
}
