package migrate_test

import (
	"context"
	"slices"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
)

// TestSQLiteRebuildKeepsTriggersAndViews rebuilds a table that a trigger
// and a view use: both must exist and work afterwards.
func TestSQLiteRebuildKeepsTriggersAndViews(t *testing.T) {
	ctx := context.Background()
	sdb := open(t, dbtest.SQLite(t))
	revs := parentChildRevisions()
	m, _ := migrator(t, sdb, migrate.SQLite, revs)
	if err := m.Upgrade(ctx, "p1"); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"CREATE TABLE audit (msg TEXT)",
		"CREATE TRIGGER parent_ins AFTER INSERT ON parent BEGIN INSERT INTO audit (msg) VALUES (NEW.name); END",
		"CREATE VIEW parent_names AS SELECT id, name FROM parent",
		"INSERT INTO parent (name) VALUES ('a')",
	} {
		if _, err := sdb.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.Upgrade(ctx, "head"); err != nil {
		t.Fatal(err)
	}
	if _, err := sdb.Exec("INSERT INTO parent (name) VALUES ('b')"); err != nil {
		t.Fatal(err)
	}
	if got := queryInts(t, sdb, "SELECT count(*) FROM audit"); !slices.Equal(got, []int64{2}) {
		t.Errorf("audit rows = %v, want 2 (the trigger must survive the rebuild)", got)
	}
	if got := queryInts(t, sdb, "SELECT id FROM parent_names ORDER BY id"); !slices.Equal(got, []int64{1, 2}) {
		t.Errorf("view rows = %v, want [1 2]", got)
	}
}
