package migration

import (
	"context"
	"slices"
	"strings"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/migrate"
)

// warnBehind returns the start-up hook that warns when the default
// database is not at the newest revisions, which would make pages fail
// on missing tables or columns. It runs among the app's BeforeServe hooks
// in registration order: register an upgrade at start-up
// (migrate.UpgradeOnStart) before calling New.
func warnBehind(app *flagon.App, db *database.DB, revisions func() []*migrate.Revision, versionTable string) func(context.Context) error {
	return func(ctx context.Context) error {
		if revisions == nil {
			return nil
		}
		eng := db.Engine()
		m, err := migrate.NewMigrator(eng.SQL(), eng.Dialect().Name(), revisions())
		if err != nil {
			app.Logger.Warn("cannot check the database's revision", "error", err)
			return nil
		}
		m.VersionTable = versionTable
		current, err := m.Current(ctx)
		if err != nil {
			app.Logger.Warn("cannot check the database's revision", "error", err)
			return nil
		}
		// what "db upgrade heads" leaves in the version table: the heads
		// no other revision depends on (Alembic's get_revisions("heads"))
		heads, err := m.Script.Graph.Revisions("heads")
		if err != nil {
			app.Logger.Warn("cannot check the database's revision", "error", err)
			return nil
		}
		slices.Sort(current)
		slices.Sort(heads)
		if unknown := slices.DeleteFunc(slices.Clone(current), func(id string) bool { return m.Script.Revision(id) != nil }); len(unknown) > 0 {
			app.Logger.Warn("the database is at a revision this program does not know: is it an older build?",
				"current", names(current), "head", names(heads))
			return nil
		}
		if !slices.Equal(current, heads) {
			app.Logger.Warn("the database is not at the newest revision: run \"db upgrade\"",
				"current", names(current), "head", names(heads))
		}
		return nil
	}
}

// names lists revision ids for a log line ("<base>" for none).
func names(ids []string) string {
	if len(ids) == 0 {
		return "<base>"
	}
	return strings.Join(ids, ",")
}
