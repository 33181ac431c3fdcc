package migrate_test

import (
	"context"
	"slices"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate/internal/allops"
)

// TestEveryOperationRuns applies the generated revision that uses every
// operation kind on each database, then downgrades it.
func TestEveryOperationRuns(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		sdb := open(t, db)
		m, _ := migrator(t, sdb, db.Name, allops.All())
		if err := m.Upgrade(ctx, "head"); err != nil {
			t.Fatal(err)
		}
		if cur, _ := m.Current(ctx); !slices.Equal(cur, []string{"a11095a11095"}) {
			t.Errorf("Current() = %v", cur)
		}
		if tableExists(sdb, "category") || tableExists(sdb, "kind") {
			t.Error("the revision ends by renaming and dropping the table")
		}
		if err := m.Downgrade(ctx, "base"); err != nil {
			t.Fatal(err)
		}
	})
}
