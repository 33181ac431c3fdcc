// Package migration is Flask-Migrate for flagon: it registers the "db"
// command group (init, migrate, upgrade, downgrade, ... from package
// migrate/cli, plus create-all, drop-all and shell from ext/database) on an
// app's command line, with the app's models and database.
//
//	db, _ := database.New(app)
//	db.Register(Product{})
//	migration.New(app, db, versions.All)
package migration

import (
	"context"
	"database/sql"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/internal/usage"
	"github.com/flagon-go/flagon/migrate"
	migratecli "github.com/flagon-go/flagon/migrate/cli"
	"github.com/flagon-go/flagon/orm"
	"github.com/spf13/cobra"
)

// Options configure the migration extension.
type Options struct {
	// Directory is the migrations folder ("migrations", or the
	// MIGRATIONS_DIRECTORY config key).
	Directory string
	// VersionTable names the version table ("alembic_version").
	VersionTable string
}

// New registers the db command group on app for the default database of
// db. revisions is the versions package's All (nil before "db init").
// When the server starts, New's hook warns if the default database is not
// at the newest revision; it runs after the BeforeServe hooks registered
// before New, such as an upgrade at start-up.
func New(app *flagon.App, db *database.DB, revisions func() []*migrate.Revision, opts ...Options) *cobra.Command {
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	if o.Directory == "" {
		o.Directory = app.Config.StringOr("MIGRATIONS_DIRECTORY", "migrations")
	}
	group := migratecli.Command(migratecli.Config{
		Revisions:    revisions,
		MetaData:     db.MetaData(),
		Open:         opener(db, ""),
		Binds:        binds(db),
		Directory:    o.Directory,
		VersionTable: o.VersionTable,
	})
	group.AddCommand(db.Commands()...)
	usage.Apply(group)
	app.Command(group)
	app.BeforeServe(warnBehind(app, db, revisions, o.VersionTable))
	return group
}

// binds describes the app's SQLALCHEMY_BINDS databases for "db init
// --multidb" layouts; a single-database layout ignores them.
func binds(db *database.DB) []migratecli.Bind {
	var out []migratecli.Bind
	for _, name := range db.Binds() {
		if name != "" {
			out = append(out, migratecli.Bind{Name: name, MetaData: db.MetaData(name), Open: opener(db, name)})
		}
	}
	return out
}

// opener opens a new pool on one bind for each command (the commands
// close what they open).
func opener(db *database.DB, bind string) func(ctx context.Context) (*sql.DB, string, error) {
	return func(ctx context.Context) (*sql.DB, string, error) {
		eng, err := orm.Open(db.Engine(bind).URL().RenderWithPassword())
		if err != nil {
			return nil, "", err
		}
		return eng.SQL(), eng.Dialect().Name(), nil
	}
}
