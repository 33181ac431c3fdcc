package migrate_test

import (
	"context"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/orm"
)

// TestStartupBuildsEachGraphOnce runs what a program does at start-up (an
// upgrade on start, then the revision check of ext/migration), each step
// calling the versions package's All and building a Migrator: the graph
// of a revision set is built once per order (Registry.All's and the
// script's), not once per call, and a changed set is built anew.
func TestStartupBuildsEachGraphOnce(t *testing.T) {
	ctx := context.Background()
	db, err := orm.Open(dbtest.SQLite(t).URL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var reg migrate.Registry
	// IDs whose order is not the revisions' order: Registry.All (by ID)
	// and the script (by ID too, Alembic's file order) share one graph.
	reg.Add(&migrate.Revision{ID: "gc_a", Down: []string{"gc_b"}, Message: "second"})
	reg.Add(&migrate.Revision{ID: "gc_b", Message: "first"})
	startup := func() {
		if err := migrate.UpgradeOnStart(ctx, db, reg.All(), migrate.StartOptions{}); err != nil {
			t.Fatal(err)
		}
		m, err := migrate.NewMigrator(db.SQL(), db.Dialect().Name(), reg.All())
		if err != nil {
			t.Fatal(err)
		}
		if cur, err := m.Current(ctx); err != nil || len(cur) != 1 || cur[0] != m.Script.Graph.Heads()[0] {
			t.Fatalf("current = %v, %v; want the head %v", cur, err, m.Script.Graph.Heads())
		}
	}
	steps := []struct {
		name   string
		change func()
		builds int64
	}{
		{"first start", func() {}, 1},
		{"second start", func() {}, 0},
		{"after a revision is added", func() { reg.Add(&migrate.Revision{ID: "gc_0", Down: []string{"gc_a"}}) }, 1},
	}
	for _, s := range steps {
		s.change()
		before := migrate.GraphBuilds()
		startup()
		if got := migrate.GraphBuilds() - before; got != s.builds {
			t.Errorf("%s: %d graphs built, want %d", s.name, got, s.builds)
		}
	}
}
