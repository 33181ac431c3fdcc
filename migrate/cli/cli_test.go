package cli_test

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"ariga.io/atlas/sql/schema"
	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/cli"
	"github.com/flagon-go/flagon/migrate/internal/tutorial/versions"
	"github.com/flagon-go/flagon/orm"
)

// The tutorial's models: stage 1 and stage 2 (with a price).
type product struct {
	ID   int    `orm:"pk"`
	Name string `orm:"size:100"`
}

type productWithPrice struct {
	ID    int    `orm:"pk"`
	Name  string `orm:"size:100"`
	Price *int
}

func (productWithPrice) TableName() string { return "product" }

// models lets a test swap the application's models between commands.
type models struct{ md *orm.MetaData }

func (m *models) ToAtlas(d string) (*schema.Schema, error) { return m.md.ToAtlas(d) }

func (m *models) set(t *testing.T, model any) {
	m.md = orm.NewMetaData()
	if err := m.md.Register(model); err != nil {
		t.Fatal(err)
	}
}

// app is a program with the db commands, as a user would build it.
type app struct {
	t        *testing.T
	dir      string
	url      string
	revs     []*migrate.Revision
	models   models
	ids      []string
	times    []time.Time
	out, err bytes.Buffer
}

func newApp(t *testing.T, db dbtest.DB) *app {
	created := time.Date(2026, 11, 21, 5, 34, 42, 766866000, time.UTC)
	return &app{t: t, dir: filepath.Join(t.TempDir(), "migrations"), url: db.URL,
		ids: []string{"db531a47e319", "8825e31503db"}, times: []time.Time{created.Add(-time.Minute), created}}
}

// run runs one db command and returns its output and error.
func (a *app) run(args ...string) (string, error) {
	a.out.Reset()
	a.err.Reset()
	cmd := cli.Command(cli.Config{
		Revisions: func() []*migrate.Revision { return a.revs },
		MetaData:  &a.models,
		URL:       a.url,
		Out:       &a.out, Err: &a.err, In: strings.NewReader(""),
		NewID: func() string { id := a.ids[0]; a.ids = a.ids[1:]; return id },
		Now:   func() time.Time { t := a.times[0]; a.times = a.times[1:]; return t },
	})
	cmd.SetArgs(withDir(args, a.dir))
	cmd.SetOut(&a.out)
	cmd.SetErr(&a.err)
	err := cmd.ExecuteContext(context.Background())
	return a.out.String() + a.err.String(), err
}

// must runs a command that must succeed.
func (a *app) must(args ...string) string {
	a.t.Helper()
	out, err := a.run(args...)
	if err != nil {
		a.t.Fatalf("db %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// stdout runs a command that must succeed and returns its standard output.
func (a *app) stdout(args ...string) string {
	a.t.Helper()
	a.must(args...)
	return a.out.String()
}

// sameFile asserts a generated revision equals the compiled tutorial one.
func (a *app) sameFile(name string) {
	a.t.Helper()
	got, err := os.ReadFile(filepath.Join(a.dir, "versions", name))
	if err != nil {
		a.t.Fatal(err)
	}
	want, _ := os.ReadFile(filepath.Join("..", "internal", "tutorial", "versions", name))
	if !bytes.Equal(got, want) {
		a.t.Errorf("generated %s differs from the tutorial's:\n%s", name, got)
	}
}

func contains(t *testing.T, out, want string) {
	t.Helper()
	if !strings.Contains(out, want) {
		t.Errorf("output %q does not contain %q", out, want)
	}
}

// TestTutorial replays the recorded Flask-Migrate run through the commands.
func TestTutorial(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		a := newApp(t, db)
		out := a.must("init")
		contains(t, out, "Creating directory "+a.dir+" ...  done")
		contains(t, out, "Generating "+filepath.Join(a.dir, "versions", "revisions.go")+" ...  done")

		a.models.set(t, product{})
		out = a.must("migrate", "-m", "initial migration")
		contains(t, out, "Detected added table 'product'")
		contains(t, out, "Generating "+filepath.Join(a.dir, "versions", "db531a47e319_initial_migration.go")+" ...  done")
		a.sameFile("db531a47e319_initial_migration.go")

		_, err := a.run("upgrade")
		if err == nil || err.Error() != filepath.Join(a.dir, "versions")+" has revisions this program was not built with: db531a47e319; rebuild and run again" {
			t.Fatalf("upgrade with a stale program: %v", err)
		}
		a.revs = versions.All()[:1] // "rebuild"
		contains(t, a.must("upgrade"), "Running upgrade  -> db531a47e319, initial migration")

		sdb := a.open()
		for _, n := range []string{"Chair", "Table", "Lamp"} {
			if _, err := sdb.Exec("INSERT INTO product (name) VALUES ('" + n + "')"); err != nil {
				t.Fatal(err)
			}
		}
		contains(t, a.must("migrate", "-m", "nothing changed"), "No changes in schema detected.")

		a.models.set(t, productWithPrice{})
		out = a.must("migrate", "-m", "add price column")
		contains(t, out, "Detected added column 'product.price'")
		a.sameFile("8825e31503db_add_price_column.go")
		a.sameFile("revisions.go")
		a.revs = versions.All()
		contains(t, a.must("upgrade"), "Running upgrade db531a47e319 -> 8825e31503db, add price column")
		a.rows(sdb, "1|Chair|NULL", "2|Table|NULL", "3|Lamp|NULL")

		if got := a.must("history"); got != "db531a47e319 -> 8825e31503db (head), add price column\n<base> -> db531a47e319, initial migration\n" {
			t.Errorf("history = %q", got)
		}
		if got := a.stdout("current"); got != "8825e31503db (head)\n" {
			t.Errorf("current = %q", got)
		}
		if got := a.must("heads"); got != "8825e31503db (head)\n" {
			t.Errorf("heads = %q", got)
		}
		contains(t, a.must("downgrade"), "Running downgrade 8825e31503db -> db531a47e319, add price column")
		a.rows(sdb, "1|Chair", "2|Table", "3|Lamp")
		out = a.must("upgrade", "--sql")
		contains(t, out, "-- Running upgrade db531a47e319 -> 8825e31503db")
		contains(t, out, "UPDATE alembic_version SET version_num='8825e31503db' WHERE alembic_version.version_num = 'db531a47e319';")
		contains(t, a.must("upgrade"), "Running upgrade db531a47e319 -> 8825e31503db, add price column")
		out = a.must("downgrade", "base")
		contains(t, out, "Running downgrade 8825e31503db -> db531a47e319, add price column")
		contains(t, out, "Running downgrade db531a47e319 -> , initial migration")
	})
}

// open opens the app's database for direct checks.
func (a *app) open() *sql.DB {
	o, err := orm.Open(a.url)
	if err != nil {
		a.t.Fatal(err)
	}
	a.t.Cleanup(func() { o.Close() })
	return o.SQL()
}

// rows asserts the product rows, as "id|name[|price]".
func (a *app) rows(sdb *sql.DB, want ...string) {
	a.t.Helper()
	rows, err := sdb.Query("SELECT * FROM product ORDER BY id -- " + time.Now().String())
	if err != nil {
		a.t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var got []string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			a.t.Fatal(err)
		}
		var parts []string
		for _, v := range vals {
			if v.Valid {
				parts = append(parts, v.String)
			} else {
				parts = append(parts, "NULL")
			}
		}
		got = append(got, strings.Join(parts, "|"))
	}
	if !slices.Equal(got, want) {
		a.t.Errorf("product rows = %v, want %v", got, want)
	}
}

// withDir adds "-d dir" to a command line, before a "--" if there is one.
func withDir(args []string, dir string) []string {
	i := slices.Index(args, "--")
	if i < 0 {
		i = len(args)
	}
	return append(append(slices.Clone(args[:i]), "-d", dir), args[i:]...)
}
