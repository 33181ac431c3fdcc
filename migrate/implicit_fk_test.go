package migrate_test

import (
	"context"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
)

// TestSQLiteRebuildOfImplicitForeignKey: a SQLite table whose foreign key
// has no column list ("REFERENCES parent", the parent's primary key) is
// rebuilt by an upgrade with its key, which still references the parent's
// primary key.
func TestSQLiteRebuildOfImplicitForeignKey(t *testing.T) {
	ctx := context.Background()
	sdb := open(t, dbtest.SQLite(t))
	revs := []*migrate.Revision{
		{ID: "r1", Message: "create", Upgrade: func(op *migrate.Op) error {
			op.Execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
			op.Execute("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent, name VARCHAR(50) NOT NULL)")
			op.Execute("INSERT INTO parent (id) VALUES (1)")
			op.Execute("INSERT INTO child (id, parent_id, name) VALUES (1, 1, 'a')")
			return nil
		}},
		{ID: "r2", Down: []string{"r1"}, Message: "rebuild", Upgrade: func(op *migrate.Op) error {
			op.AlterColumn(migrate.AlterColumn{Table: "child", Name: "name", Nullable: migrate.Ptr(true), Existing: migrate.Column{Name: "name", Type: migrate.String(50)}})
			return nil
		}},
	}
	m, _ := migrator(t, sdb, migrate.SQLite, revs)
	if err := m.Upgrade(ctx, "r2"); err != nil {
		t.Fatal(err)
	}
	if n := queryInts(t, sdb, `SELECT count(*) FROM pragma_foreign_key_list('child') WHERE "table" = 'parent' AND "from" = 'parent_id' AND "to" = 'id'`); n[0] != 1 {
		t.Errorf("foreign keys of child to parent.id after the rebuild: %d, want 1", n[0])
	}
	if n := queryInts(t, sdb, "SELECT count(*) FROM child WHERE parent_id = 1"); n[0] != 1 {
		t.Errorf("rows kept: %d, want 1", n[0])
	}
}

// TestSQLiteUnresolvableImplicitForeignKey: when the parent has no
// primary key to stand for the missing column list, the upgrade fails
// with an error naming the table (Atlas alone failed on the NULL column
// and left the connection impossible to close).
func TestSQLiteUnresolvableImplicitForeignKey(t *testing.T) {
	ctx := context.Background()
	sdb := open(t, dbtest.SQLite(t))
	// Created outside a revision: the revision's foreign key check would
	// refuse the mismatch.
	for _, s := range []string{"CREATE TABLE parent (code TEXT)",
		"CREATE TABLE child (id INTEGER PRIMARY KEY, parent_code TEXT REFERENCES parent, name VARCHAR(50) NOT NULL)"} {
		if _, err := sdb.ExecContext(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	revs := []*migrate.Revision{
		{ID: "r1", Message: "rebuild", Upgrade: func(op *migrate.Op) error {
			op.AlterColumn(migrate.AlterColumn{Table: "child", Name: "name", Nullable: migrate.Ptr(true), Existing: migrate.Column{Name: "name", Type: migrate.String(50)}})
			return nil
		}},
	}
	m, _ := migrator(t, sdb, migrate.SQLite, revs)
	err := m.Upgrade(ctx, "r1")
	want := `table "child": a foreign key declares REFERENCES parent without columns, and table "parent" has no primary key`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("error %v, want one containing %q", err, want)
	}
}
