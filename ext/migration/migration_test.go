package migration_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/examples/inventory/migrations/versions"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/ext/migration"
	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/spf13/cobra"
)

type Product struct {
	ID    int
	Name  string `orm:"size:100"`
	Price *int
}

func run(t *testing.T, group *cobra.Command, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	group.SetOut(&out)
	group.SetErr(&out)
	group.SetArgs(args)
	if err := group.ExecuteContext(context.Background()); err != nil {
		t.Fatalf("db %s: %v\n%s", strings.Join(args, " "), err, out.String())
	}
	return out.String()
}

func TestDBCommandGroup(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		app := flagon.New(flagon.WithConfig(map[string]any{"DATABASE_URL": d.URL}))
		db, err := database.New(app)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.Register(Product{}); err != nil {
			t.Fatal(err)
		}
		group := migration.New(app, db, versions.All, migration.Options{Directory: filepath.Join(t.TempDir(), "migrations")})
		if !slices.Contains(app.Commands(), group) {
			t.Fatal("the db group is not registered on the app")
		}
		var names []string
		for _, c := range group.Commands() {
			names = append(names, c.Name())
		}
		for _, want := range []string{"init", "migrate", "upgrade", "downgrade", "current", "history", "create-all", "drop-all", "shell"} {
			if !slices.Contains(names, want) {
				t.Errorf("db %s is missing (%v)", want, names)
			}
		}
		out := run(t, group, "upgrade")
		if !strings.Contains(out, "Running upgrade  -> 0aacf62733fd, initial migration") || !strings.Contains(out, "add price column") {
			t.Fatalf("upgrade: %s", out)
		}
		if out := run(t, group, "current"); !strings.Contains(out, "6610a92e0c4b (head)") {
			t.Fatalf("current: %s", out)
		}
		if out := run(t, group, "check"); !strings.Contains(out, "No new upgrade operations detected") {
			t.Fatalf("check: %s", out)
		}
	})
}

type Account struct {
	ID    int
	Email string `orm:"size:200"`
}

// TestMultiDBThroughTheExtension checks that the app's binds reach the db
// commands: with a --multidb layout, db migrate writes one function pair
// per database, each from that database's models.
func TestMultiDBThroughTheExtension(t *testing.T) {
	main, users := dbtest.SQLite(t), dbtest.SQLite(t)
	app := flagon.New(flagon.WithConfig(map[string]any{
		"DATABASE_URL": main.URL, "SQLALCHEMY_BINDS": map[string]any{"users": users.URL},
	}))
	db, err := database.New(app)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Register(Product{}); err != nil {
		t.Fatal(err)
	}
	if err := db.RegisterBind("users", Account{}); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "migrations")
	group := migration.New(app, db, nil, migration.Options{Directory: dir})
	run(t, group, "init", "--multidb")
	out := run(t, group, "migrate", "-m", "first")
	if !strings.Contains(out, "Detected added table 'product'") || !strings.Contains(out, "Detected added table 'account'") {
		t.Fatalf("migrate: %s", out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "versions", "*_first.go"))
	if len(files) != 1 {
		t.Fatalf("revision files: %v", files)
	}
	src, _ := os.ReadFile(files[0])
	for _, want := range []string{`"users":`, `op.CreateTable(migrate.Table{`, `Name: "account"`, `Name: "product"`} {
		if !strings.Contains(string(src), want) {
			t.Errorf("revision lacks %s:\n%s", want, src)
		}
	}
}
