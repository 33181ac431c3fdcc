package cli_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/cli"
	mdbversions "github.com/flagon-go/flagon/migrate/internal/multidb/versions"
	"github.com/flagon-go/flagon/orm"
)

// The models of the "users" database.
type account struct {
	ID    int    `orm:"pk"`
	Email string `orm:"size:200"`
}

type accountNamed struct {
	ID    int    `orm:"pk"`
	Email string `orm:"size:200"`
	Name  *string
}

func (accountNamed) TableName() string { return "account" }

// multiApp is a program with three databases: the default one, "users"
// and "audit-log" (which has no models).
type multiApp struct {
	app
	urls  map[string]string
	binds []cli.Bind
	users models
}

func newMultiApp(t *testing.T, users dbtest.DB) *multiApp {
	a := &multiApp{app: *newApp(t, dbtest.SQLite(t))}
	a.ids = []string{"5f1c2a3b4d6e"}
	a.times = []time.Time{time.Date(2026, 11, 21, 6, 0, 0, 0, time.UTC)}
	audit := dbtest.SQLite(t)
	a.urls = map[string]string{"": a.url, "users": users.URL, "audit-log": audit.URL}
	a.binds = []cli.Bind{
		{Name: "users", MetaData: &a.users, URL: users.URL},
		{Name: "audit-log", MetaData: orm.NewMetaData(), URL: audit.URL},
	}
	return a
}

// run runs one db command with the binds configured.
func (a *multiApp) run(args ...string) (string, error) {
	a.out.Reset()
	a.err.Reset()
	cmd := cli.Command(cli.Config{
		Revisions: func() []*migrate.Revision { return a.revs },
		MetaData:  &a.models,
		URL:       a.url,
		Binds:     a.binds,
		Out:       &a.out, Err: &a.err, In: strings.NewReader(""),
		NewID: func() string { id := a.ids[0]; a.ids = a.ids[1:]; return id },
		Now:   func() time.Time { t := a.times[0]; a.times = a.times[1:]; return t },
	})
	cmd.SetArgs(append(args, "-d", a.dir))
	err := cmd.ExecuteContext(context.Background())
	return a.out.String() + a.err.String(), err
}

func (a *multiApp) must(args ...string) string {
	a.t.Helper()
	out, err := a.run(args...)
	if err != nil {
		a.t.Fatalf("db %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// tableQueries list a database's tables per dialect.
var tableQueries = map[string]string{
	"sqlite":     "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
	"postgresql": "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1",
	"mysql":      "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1",
}

// tables lists a database's tables, the version table included.
func (a *multiApp) tables(bind string) []string {
	a.t.Helper()
	o, err := orm.Open(a.urls[bind])
	if err != nil {
		a.t.Fatal(err)
	}
	defer o.Close()
	rows, err := o.SQL().Query(tableQueries[o.Dialect().Name()])
	if err != nil {
		a.t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			a.t.Fatal(err)
		}
		out = append(out, n)
	}
	return out
}

// TestMultiDB runs the tutorial on three databases, "users" being each
// available dialect in turn.
func TestMultiDB(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, users dbtest.DB) {
		a := newMultiApp(t, users)
		out := a.must("init", "--multidb")
		contains(t, out, "Generating "+filepath.Join(a.dir, cli.MultiDBMarker)+" ...  done")
		a.models.set(t, product{})
		a.users.set(t, account{})
		out = a.must("migrate", "-m", "initial migration")
		contains(t, out, "Migrating database <default>\nContext impl SQLiteImpl.")
		contains(t, out, "Detected added table 'product'")
		contains(t, out, "Migrating database users\n")
		contains(t, out, "Detected added table 'account'")
		contains(t, out, "Migrating database audit-log\n")
		a.sameMultiFile("5f1c2a3b4d6e_initial_migration.go")
		a.revs = mdbversions.All()

		out = a.must("upgrade")
		contains(t, out, "Migrating database users\n")
		if strings.Count(out, "Running upgrade  -> 5f1c2a3b4d6e, initial migration") != 3 {
			t.Errorf("upgrade did not run on the three databases:\n%s", out)
		}
		a.wantTables(map[string]string{"": "product", "users": "account", "audit-log": ""})
		wantCurrent := "<default>: 5f1c2a3b4d6e (head)\nusers: 5f1c2a3b4d6e (head)\naudit-log: 5f1c2a3b4d6e (head)\n"
		if a.must("current"); a.out.String() != wantCurrent {
			t.Errorf("current = %q, want %q", a.out.String(), wantCurrent)
		}
		contains(t, a.must("check"), "No new upgrade operations detected.")

		a.users.set(t, accountNamed{})
		_, err := a.run("check")
		if err == nil || err.Error() != "New upgrade operations detected: [users] add column account.name" {
			t.Errorf("check with a changed users model: %v", err)
		}
		a.users.set(t, account{})

		contains(t, a.must("downgrade", "base"), "Running downgrade 5f1c2a3b4d6e -> , initial migration")
		a.wantTables(map[string]string{"": "", "users": "", "audit-log": ""})
		if a.must("current"); a.out.String() != "" {
			t.Errorf("current after downgrade = %q", a.out.String())
		}
		contains(t, a.must("stamp", "head"), "Running stamp_revision  -> 5f1c2a3b4d6e")
		if a.must("current"); a.out.String() != wantCurrent {
			t.Errorf("current after stamp = %q", a.out.String())
		}
		out = a.must("upgrade", "--sql")
		contains(t, out, "-- Migrating database users\n")
		contains(t, out, "CREATE TABLE")
		contains(t, out, "account")
	})
}

// sameMultiFile asserts a generated revision equals the compiled one.
func (a *multiApp) sameMultiFile(name string) {
	a.t.Helper()
	got, err := os.ReadFile(filepath.Join(a.dir, "versions", name))
	if err != nil {
		a.t.Fatal(err)
	}
	want, _ := os.ReadFile(filepath.Join("..", "internal", "multidb", "versions", name))
	if !bytes.Equal(got, want) {
		a.t.Errorf("generated %s differs from the compiled one:\n%s", name, got)
	}
}

// wantTables asserts each database's tables ("" for none).
func (a *multiApp) wantTables(want map[string]string) {
	a.t.Helper()
	for bind, w := range want {
		var got []string
		for _, n := range a.tables(bind) {
			if n != "alembic_version" {
				got = append(got, n)
			}
		}
		if strings.Join(got, ",") != w {
			a.t.Errorf("tables of %q = %q, want %q", bind, got, w)
		}
	}
}

// TestMultiDBRevisionAndErrors checks hand-written revisions and the
// errors of the multi-database layout.
func TestMultiDBRevisionAndErrors(t *testing.T) {
	a := newMultiApp(t, dbtest.SQLite(t))
	a.ids = []string{"0123456789ab"}
	a.must("init", "--multidb")
	a.must("revision", "-m", "by hand")
	src, err := os.ReadFile(filepath.Join(a.dir, "versions", "0123456789ab_by_hand.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"":          upgrade0123456789ab,`, `"users":     upgrade0123456789ab_users,`, `"audit-log": downgrade0123456789ab_audit_log,`, "func upgrade0123456789ab_audit_log(op *migrate.Op) error {"} {
		contains(t, string(src), want)
	}
	a.app.rebuild()
	// In order: the failed upgrade leaves the default database at head,
	// which check then needs.
	tests := []struct {
		name  string
		binds []cli.Bind
		args  []string
		want  string
	}{
		{"bind listed twice", []cli.Bind{{Name: "users", URL: a.urls["users"]}, {Name: "users", URL: a.urls["users"]}}, []string{"current"}, "database users is listed twice in Config.Binds"},
		{"bind without database", []cli.Bind{{Name: "users"}}, []string{"current"}, "database users: no database configured: set the bind's URL or Open"},
		{"bind that cannot open", []cli.Bind{{Name: "users", Open: func(context.Context) (*sql.DB, string, error) { return nil, "", errors.New("refused") }}}, []string{"upgrade"}, "database users: refused"},
		{"bind without models", []cli.Bind{{Name: "users", URL: a.urls["users"]}}, []string{"check"}, "database users: check needs the models of this database: set its Bind.MetaData"},
	}
	a.models.set(t, product{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a.binds = tt.binds
			_, err := a.run(tt.args...)
			if err == nil || err.Error() != tt.want {
				t.Errorf("db %v: %v, want %q", tt.args, err, tt.want)
			}
		})
	}
}

// TestSingleLayoutIgnoresBinds checks that without --multidb only the
// default database is migrated, as with Flask-Migrate.
func TestSingleLayoutIgnoresBinds(t *testing.T) {
	a := newMultiApp(t, dbtest.SQLite(t))
	a.ids = []string{"db531a47e319"}
	a.must("init")
	a.models.set(t, product{})
	a.users.set(t, account{})
	out := a.must("migrate", "-m", "initial migration")
	if strings.Contains(out, "account") || strings.Contains(out, "Migrating database") {
		t.Errorf("single layout compared the binds:\n%s", out)
	}
	a.app.rebuild()
	a.must("upgrade")
	if got := a.tables("users"); len(got) != 0 {
		t.Errorf("single layout touched the users database: %v", got)
	}
	if got := a.tables(""); !slices.Contains(got, "alembic_version") {
		t.Errorf("single layout did not upgrade the default database: %v", got)
	}
}
