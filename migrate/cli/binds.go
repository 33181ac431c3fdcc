package cli

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/autogen"
)

// A Bind is one database of a multi-database application (a
// Flask-SQLAlchemy bind): its name, its models and how to open it.
type Bind struct {
	// Name is the bind's name; "" is the default database, which otherwise
	// comes from Config.MetaData, Config.URL and Config.Open.
	Name string
	// MetaData describes the bind's models, for autogenerate.
	MetaData autogen.Models
	// URL is the database URL (SQLAlchemy style), used when Open is nil.
	URL string
	// Open opens the database and names its dialect; it overrides URL.
	// Each command closes the pool it returns, so return a new one.
	Open func(ctx context.Context) (db *sql.DB, dialectName string, err error)
}

// MultiDBMarker is the file that "db init --multidb" writes in the
// migrations directory; its presence selects the multi-database layout,
// in which every command acts on every database of Config.Binds.
const MultiDBMarker = "multidb.txt"

// multidbNote is the marker file's content.
const multidbNote = `This migrations directory uses flagon's multi-database layout ("db init
--multidb"). Every db command acts on the default database and on each
database listed in cli.Config.Binds, each with its own version table, and
revision files carry one upgrade and one downgrade function per database
(Revision.UpgradeBinds and DowngradeBinds). Delete this file to return to
the single-database layout.
`

// multidb reports whether the migrations directory uses the
// multi-database layout.
func (e *env) multidb() bool {
	_, err := os.Stat(filepath.Join(e.dir, MultiDBMarker))
	return err == nil
}

// defaultBind returns the default database: Config.Binds' entry named ""
// or the database described by Config's own fields.
func (e *env) defaultBind() Bind {
	for _, b := range e.cfg.Binds {
		if b.Name == "" {
			return b
		}
	}
	return Bind{MetaData: e.cfg.MetaData, URL: e.cfg.URL, Open: e.cfg.Open}
}

// binds returns the databases the commands act on: the default one, plus
// the other binds in the multi-database layout.
func (e *env) binds() ([]Bind, error) {
	out := []Bind{e.defaultBind()}
	seen := map[string]int{}
	for _, b := range e.cfg.Binds {
		if seen[b.Name]++; seen[b.Name] > 1 {
			return nil, fmt.Errorf("database %s is listed twice in Config.Binds", bindLabel(b.Name))
		}
		if b.Name != "" && e.multidb() {
			out = append(out, b)
		}
	}
	return out, nil
}

// bindLabel names a bind in messages, as Flask-Migrate does.
func bindLabel(name string) string {
	if name == "" {
		return "<default>"
	}
	return name
}

// forEachBind runs fn with a migrator on each database in turn, saying
// which one ("Migrating database users") in the multi-database layout.
func (e *env) forEachBind(ctx context.Context, fn func(b Bind, m *migrate.Migrator) error) error {
	revs, err := e.revisions()
	if err != nil {
		return err
	}
	binds, err := e.binds()
	if err != nil {
		return err
	}
	multi := e.multidb()
	for _, b := range binds {
		if multi {
			fmt.Fprintf(e.cfg.Err, "Migrating database %s\n", bindLabel(b.Name))
		}
		if err := e.withMigrator(ctx, b, revs, fn); err != nil {
			return bindError(multi, b.Name, err)
		}
	}
	return nil
}

// withMigrator opens one bind, runs fn and closes the database.
func (e *env) withMigrator(ctx context.Context, b Bind, revs []*migrate.Revision, fn func(Bind, *migrate.Migrator) error) error {
	db, dialectName, err := openBind(ctx, b)
	if err != nil {
		return err
	}
	defer db.Close()
	m, err := migrate.NewMigrator(db, dialectName, revs)
	if err != nil {
		return err
	}
	m.VersionTable, m.Log, m.Bind = e.cfg.VersionTable, e.cfg.Err, b.Name
	m.Progress = e.cfg.Err // shown only when it is a terminal
	e.context(dialectName)
	return fn(b, m)
}

// A BindError is a command's failure on one database of a multi-database
// layout.
type BindError struct {
	// Bind names the database ("" for the default one).
	Bind string
	// Err is the failure.
	Err error
}

// Error names the database and the failure.
func (e *BindError) Error() string { return "database " + bindLabel(e.Bind) + ": " + e.Err.Error() }

// Unwrap returns the failure.
func (e *BindError) Unwrap() error { return e.Err }

// bindError names the database of a failure in the multi-database layout.
func bindError(multi bool, name string, err error) error {
	var be *BindError
	if !multi || errors.As(err, &be) {
		return err
	}
	return &BindError{Bind: name, Err: err}
}
