package migrate_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
	mdbversions "github.com/flagon-go/flagon/migrate/internal/multidb/versions"
	"github.com/flagon-go/flagon/orm"
)

// seedRevision is a data migration that branches on op.Tag() and op.Bind().
var seedRevision = &migrate.Revision{ID: "seed01", Message: "seed",
	Upgrade: func(op *migrate.Op) error {
		op.CreateTable(migrate.Table{Name: "seen", Columns: []migrate.Column{{Name: "what", Type: migrate.String(50)}}})
		op.BulkInsert("seen", []map[string]any{{"what": "tag=" + op.Tag()}, {"what": "bind=" + op.Bind()}})
		if op.Tag() == "demo" {
			op.BulkInsert("seen", []map[string]any{{"what": "demo rows"}})
		}
		return nil
	},
	Downgrade: func(op *migrate.Op) error { op.DropTable("seen"); return nil },
}

// TestTagAndBindReachRevisions checks that Migrator.Tag and Migrator.Bind
// are what revisions see, on every dialect.
func TestTagAndBindReachRevisions(t *testing.T) {
	tests := []struct {
		name, tag, bind string
		want            []string
	}{
		{"no tag", "", "", []string{"bind=", "tag="}},
		{"demo tag", "demo", "", []string{"bind=", "demo rows", "tag=demo"}},
		{"other tag on a bind", "prod", "users", []string{"bind=users", "tag=prod"}},
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		sdb := open(t, db)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				m, _ := migrator(t, sdb, db.Name, []*migrate.Revision{seedRevision})
				m.Tag, m.Bind = tt.tag, tt.bind
				if err := m.Upgrade(context.Background(), "head"); err != nil {
					t.Fatal(err)
				}
				got := queryStrings(t, sdb, "SELECT what FROM seen ORDER BY what")
				if strings.Join(got, "|") != strings.Join(tt.want, "|") {
					t.Errorf("rows = %q, want %q", got, tt.want)
				}
				if err := m.Downgrade(context.Background(), "base"); err != nil {
					t.Fatal(err)
				}
			})
		}
	})
}

// queryStrings returns the first column of every row as strings.
func queryStrings(t testing.TB, sdb *sql.DB, q string) []string {
	t.Helper()
	rows, err := sdb.QueryContext(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

// TestRecordForChoosesTheBindsFunction checks which function a revision
// runs for each database.
func TestRecordForChoosesTheBindsFunction(t *testing.T) {
	drop := func(name string) func(*migrate.Op) error {
		return func(op *migrate.Op) error { op.DropTable(name); return nil }
	}
	perBind := &migrate.Revision{ID: "a",
		UpgradeBinds:   map[string]func(*migrate.Op) error{"": drop("main_up"), "users": drop("users_up")},
		DowngradeBinds: map[string]func(*migrate.Op) error{"users": drop("users_down")}}
	single := &migrate.Revision{ID: "b", Upgrade: func(op *migrate.Op) error { op.DropTable("t_" + op.Bind()); return nil }}
	tests := []struct {
		name string
		rev  *migrate.Revision
		bind string
		up   bool
		want string
	}{
		{"default bind's function", perBind, "", true, "drop table main_up"},
		{"named bind's function", perBind, "users", true, "drop table users_up"},
		{"bind without a function", perBind, "audit", true, ""},
		{"downgrade of a bind", perBind, "users", false, "drop table users_down"},
		{"downgrade missing for the default", perBind, "", false, ""},
		{"single function sees the bind", single, "users", true, "drop table t_users"},
		{"single function on the default", single, "", true, "drop table t_"},
		{"no downgrade at all", single, "users", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ops, err := tt.rev.RecordFor(migrate.OpContext{Dialect: migrate.SQLite, Bind: tt.bind}, tt.up)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range ops {
				got = append(got, o.Describe())
			}
			if strings.Join(got, ";") != tt.want {
				t.Errorf("recorded %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRevisionWithBothForms(t *testing.T) {
	noop := func(*migrate.Op) error { return nil }
	tests := []struct {
		name string
		rev  *migrate.Revision
		want string
	}{
		{"upgrade", &migrate.Revision{ID: "x", Upgrade: noop, UpgradeBinds: map[string]func(*migrate.Op) error{}}, "revision x sets both Upgrade and UpgradeBinds"},
		{"downgrade", &migrate.Revision{ID: "y", Downgrade: noop, DowngradeBinds: map[string]func(*migrate.Op) error{"": noop}}, "revision y sets both Downgrade and DowngradeBinds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := migrate.NewScript([]*migrate.Revision{tt.rev}); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("NewScript = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestUpgradeOnStartPerBind upgrades each database of the compiled
// multi-database revisions: each gets its own tables.
func TestUpgradeOnStartPerBind(t *testing.T) {
	tests := []struct {
		bind, want string
	}{
		{"", "product"},
		{"users", "account"},
		{"audit-log", ""},
	}
	for _, tt := range tests {
		t.Run("bind "+tt.bind, func(t *testing.T) {
			o, err := orm.Open(dbtest.SQLite(t).URL)
			if err != nil {
				t.Fatal(err)
			}
			defer o.Close()
			if err := migrate.UpgradeOnStart(context.Background(), o, mdbversions.All(), migrate.StartOptions{Bind: tt.bind}); err != nil {
				t.Fatal(err)
			}
			got := queryStrings(t, o.SQL(), "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'alembic_version' ORDER BY name")
			if strings.Join(got, ",") != tt.want {
				t.Errorf("tables = %q, want %q", got, tt.want)
			}
		})
	}
}
