// Package cli builds flagon's "db" command group (Flask-Migrate's
// "flask db"): init, revision, migrate, upgrade, downgrade, current,
// history, heads, branches, merge, show, stamp, check and edit, and
// reflect (sqlacodegen: models from an existing database). The web
// CLI plugs the group in with Command(Config{...}).
package cli

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/flagon-go/flagon/internal/usage"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/autogen"
	"github.com/flagon-go/flagon/migrate/script"
	"github.com/spf13/cobra"
)

// Config wires the db commands to an application.
type Config struct {
	// Revisions returns the revisions compiled into the program, normally
	// the versions package's All. Nil before "db init".
	Revisions func() []*migrate.Revision
	// MetaData describes the models, for autogenerate (*orm.MetaData).
	MetaData autogen.Models
	// URL is the database URL (SQLAlchemy style), used when Open is nil.
	URL string
	// Open opens the database and names its dialect; it overrides URL.
	// Each command closes the pool it returns, so return a new one.
	Open func(ctx context.Context) (db *sql.DB, dialectName string, err error)
	// Binds lists the other databases of a multi-database application
	// (Flask-SQLAlchemy's SQLALCHEMY_BINDS). They are migrated only in the
	// layout made by "db init --multidb"; a Bind named "" replaces
	// MetaData, URL and Open as the default database.
	Binds []Bind
	// Directory is the migrations directory; "migrations" when empty.
	Directory string
	// VersionTable names the version table; "alembic_version" when empty.
	VersionTable string
	// Out receives command output, Err progress lines and questions;
	// In answers questions. They default to the process's streams.
	Out, Err io.Writer
	In       io.Reader
	// Now and NewID make generated revisions reproducible in tests.
	Now   func() time.Time
	NewID func() string
}

// env is the state shared by the commands of one invocation.
type env struct {
	cfg Config
	dir string
}

// Command returns the "db" command group.
func Command(cfg Config) *cobra.Command {
	e := &env{cfg: cfg}
	streams := cfg.Out == nil && cfg.Err == nil && cfg.In == nil
	e.defaults()
	root := &cobra.Command{
		Use:           "db",
		Short:         "Perform database migrations.",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	if streams {
		// Without explicit streams, write where the command line says
		// (cobra's SetOut/SetErr/SetIn, the process's by default).
		root.PersistentPreRun = func(cmd *cobra.Command, _ []string) {
			e.cfg.Out, e.cfg.Err, e.cfg.In = cmd.OutOrStdout(), cmd.ErrOrStderr(), cmd.InOrStdin()
		}
	}
	root.PersistentFlags().StringVarP(&e.dir, "directory", "d", e.cfg.Directory, "Migration script directory")
	root.AddCommand(e.initCmd(), e.revisionCmd(), e.migrateCmd(), e.upgradeCmd(), e.downgradeCmd(),
		e.currentCmd(), e.historyCmd(), e.headsCmd(), e.branchesCmd(), e.mergeCmd(), e.showCmd(),
		e.stampCmd(), e.checkCmd(), e.editCmd(), e.reflectCmd())
	usage.Apply(root)
	return root
}

// defaults fills unset configuration.
func (e *env) defaults() {
	c := &e.cfg
	if c.Directory == "" {
		c.Directory = "migrations"
	}
	if c.Out == nil {
		c.Out = os.Stdout
	}
	if c.Err == nil {
		c.Err = os.Stderr
	}
	if c.In == nil {
		c.In = os.Stdin
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.NewID == nil {
		c.NewID = script.NewID
	}
}

// versionsDir returns the revision files' directory.
func (e *env) versionsDir() string { return filepath.Join(e.dir, "versions") }

// revisions returns the compiled revisions after checking that the
// versions directory holds no revision the program lacks.
func (e *env) revisions() ([]*migrate.Revision, error) {
	var revs []*migrate.Revision
	if e.cfg.Revisions != nil {
		revs = e.cfg.Revisions()
	}
	if !script.Exists(e.versionsDir()) {
		return revs, nil
	}
	disk, err := script.Scan(e.versionsDir())
	if err != nil {
		return nil, err
	}
	return revs, script.CheckBuilt(e.versionsDir(), revs, disk)
}

// script returns the validated revision graph.
func (e *env) script() (*migrate.Script, error) {
	revs, err := e.revisions()
	if err != nil {
		return nil, err
	}
	return migrate.NewScript(revs)
}

// offlineMigrator returns a migrator without a database, for --sql.
func (e *env) offlineMigrator(b Bind, revs []*migrate.Revision) (*migrate.Migrator, error) {
	dialectName, err := bindDialect(b)
	if err != nil {
		return nil, err
	}
	m, err := migrate.NewMigrator(nil, dialectName, revs)
	if err != nil {
		return nil, err
	}
	m.VersionTable, m.Log, m.Bind = e.cfg.VersionTable, e.cfg.Err, b.Name
	e.context(dialectName)
	return m, nil
}

// implNames are Alembic's names of the dialect implementations.
var implNames = map[string]string{migrate.SQLite: "SQLiteImpl", migrate.PostgreSQL: "PostgresqlImpl", migrate.MySQL: "MySQLImpl"}

// context reports the dialect and transaction mode, as Alembic's first
// two log lines do.
func (e *env) context(dialectName string) {
	fmt.Fprintf(e.cfg.Err, "Context impl %s.\n", implNames[dialectName])
	if dialectName == migrate.MySQL {
		fmt.Fprintln(e.cfg.Err, "Will assume non-transactional DDL.")
	} else {
		fmt.Fprintln(e.cfg.Err, "Will assume transactional DDL (one transaction per revision).")
	}
}
