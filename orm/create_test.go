package orm_test

import (
	"context"
	"slices"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// tableNames lists the tables present in the database.
func tableNames(t *testing.T, e *orm.DB) []string {
	t.Helper()
	rows, err := e.QueryContext(context.Background(), e.Dialect().ListTablesSQL())
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func TestCreateAllDropAll(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := openDB(t, db)
		md := newMetaData(t)
		if err := md.CreateAll(ctx, e); err != nil {
			t.Fatalf("CreateAll: %v", err)
		}
		want := []string{"membership", "owner", "product"}
		if got := tableNames(t, e); !slices.Equal(got, want) {
			t.Fatalf("tables after CreateAll = %v, want %v", got, want)
		}
		if err := md.CreateAll(ctx, e); err != nil {
			t.Fatalf("second CreateAll must create only what is missing: %v", err)
		}
		if err := md.DropAll(ctx, e); err != nil {
			t.Fatalf("DropAll: %v", err)
		}
		if got := tableNames(t, e); len(got) != 0 {
			t.Fatalf("tables after DropAll = %v, want none", got)
		}
		if err := md.DropAll(ctx, e); err != nil {
			t.Fatalf("second DropAll must drop only what exists: %v", err)
		}
	})
}
