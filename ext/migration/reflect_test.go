package migration_test

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/ext/migration"
	"github.com/flagon-go/flagon/flagontest"
	_ "modernc.org/sqlite"
)

// sqliteFile creates a SQLite file holding one statement's table.
func sqliteFile(t *testing.T, stmt string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "app.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(stmt); err != nil {
		t.Fatal(err)
	}
	return "sqlite:///" + path
}

// TestDBReflect runs "db reflect" through an app's command line, on the
// default database and on a bind.
func TestDBReflect(t *testing.T) {
	main := sqliteFile(t, "CREATE TABLE product (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)")
	users := sqliteFile(t, "CREATE TABLE account (id INTEGER PRIMARY KEY, email VARCHAR(120) UNIQUE)")
	factory := func() (*flagon.App, error) {
		app := flagon.New(flagon.WithConfig(map[string]any{"DATABASE_URL": main,
			"SQLALCHEMY_BINDS": map[string]any{"users": users}}))
		db, err := database.New(app)
		if err != nil {
			return nil, err
		}
		migration.New(app, db, nil, migration.Options{Directory: filepath.Join(t.TempDir(), "migrations")})
		return app, nil
	}
	tests := []struct {
		name      string
		args      []string
		code      int
		stdout    string
		errSubstr string
	}{
		{"default database", []string{"db", "reflect"}, 0, "Name string `orm:\"column:name;size:100\"`", ""},
		{"bind", []string{"db", "reflect", "--bind", "users"}, 0, "type Account struct", ""},
		{"unknown bind", []string{"db", "reflect", "--bind", "nope"}, 2, "", `Error: Invalid value for '--bind': no database named "nope" (binds: users).`},
		{"unknown table", []string{"db", "reflect", "--tables", "nope"}, 1, "", `no table "nope" in the database (it has: product)`},
		{"outfile and out", []string{"db", "reflect", "-o", "m.go", "--out", "models"}, 2, "", "Error: Options '--outfile' and '--out' cannot be used together."},
		{"missing option value", []string{"db", "reflect", "--tables"}, 2, "", "Error: Option '--tables' requires an argument."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := flagontest.RunCLI(t, factory, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.stdout) || !strings.Contains(errOut, tt.errSubstr) {
				t.Fatalf("exit %d\nstdout %q\nstderr %q\nwant %d, %q, %q", code, out, errOut, tt.code, tt.stdout, tt.errSubstr)
			}
		})
	}
}
