package migration_test

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/examples/inventory/migrations/versions"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/ext/migration"
	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
	"github.com/spf13/cobra"
)

// serveOnce starts and stops a server of a new app on url, returning its
// log, its db group and its database.
func serveOnce(t *testing.T, url string) (string, *cobra.Command, *database.DB) {
	t.Helper()
	return serveWith(t, url, versions.All)
}

// serveWith is serveOnce with the program's revisions.
func serveWith(t *testing.T, url string, revisions func() []*migrate.Revision) (string, *cobra.Command, *database.DB) {
	t.Helper()
	var logs bytes.Buffer
	app := flagon.New(flagon.WithConfig(map[string]any{"DATABASE_URL": url}), flagon.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	db, err := database.New(app)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	group := migration.New(app, db, revisions, migration.Options{Directory: filepath.Join(t.TempDir(), "migrations")})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	app.BeforeServe(func(context.Context) error { cancel(); return nil }) // the last hook: shut down at once
	if err := app.Serve(ctx, &http.Server{Handler: app}, ln); err != nil {
		t.Fatal(err)
	}
	return logs.String(), group, db
}

// TestStartupWarnsWhenBehind: a server whose database lacks revisions
// warns at start-up; once upgraded it does not.
func TestStartupWarnsWhenBehind(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		const warning = `the database is not at the newest revision: run \"db upgrade\""`
		logs, group, db := serveOnce(t, d.URL)
		if !strings.Contains(logs, warning) || !strings.Contains(logs, "current=<base> head=6610a92e0c4b") {
			t.Fatalf("before upgrade, log = %q; want the warning", logs)
		}
		run(t, group, "upgrade")
		if logs, _, _ := serveOnce(t, d.URL); strings.Contains(logs, "level=WARN") {
			t.Errorf("after upgrade, log = %q; want no warning", logs)
		}
		if _, err := db.Engine().SQL().Exec("UPDATE alembic_version SET version_num = '0123456789ab'"); err != nil {
			t.Fatal(err)
		}
		if logs, _, _ := serveOnce(t, d.URL); !strings.Contains(logs, "a revision this program does not know") {
			t.Errorf("at an unknown revision, log = %q; want the warning", logs)
		}
	})
}

// TestStartupWithADependencyHead: a head that another revision depends on
// is not a row of the version table after "db upgrade" (Alembic's
// HeadMaintainer), so the server does not warn about it.
func TestStartupWithADependencyHead(t *testing.T) {
	revs := func() []*migrate.Revision {
		return []*migrate.Revision{
			{ID: "a1a1a1a1a1a1", Message: "lib"},
			{ID: "b1b1b1b1b1b1", Message: "app"},
			{ID: "b2b2b2b2b2b2", Down: []string{"b1b1b1b1b1b1"}, DependsOn: []string{"a1a1a1a1a1a1"}, Message: "app needs lib"},
		}
	}
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		_, group, db := serveWith(t, d.URL, revs)
		run(t, group, "upgrade", "heads")
		var rows []string
		r, err := db.Engine().SQL().Query("SELECT version_num FROM alembic_version")
		if err != nil {
			t.Fatal(err)
		}
		for r.Next() {
			var v string
			_ = r.Scan(&v)
			rows = append(rows, v)
		}
		r.Close()
		if strings.Join(rows, ",") != "b2b2b2b2b2b2" {
			t.Errorf("version table = %v, want [b2b2b2b2b2b2]", rows)
		}
		if logs, _, _ := serveWith(t, d.URL, revs); strings.Contains(logs, "level=WARN") {
			t.Errorf("after upgrade heads, log = %q; want no warning", logs)
		}
	})
}
