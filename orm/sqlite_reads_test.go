package orm_test

import (
	"context"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// TestSQLiteReadsBesideAnOpenWriter runs reads that are not plain SELECTs
// (a CTE, EXPLAIN, a PRAGMA) while a transaction holds SQLite's write
// lock: through the engine and through a session that has not written,
// they run at once outside a transaction instead of queueing for the lock.
func TestSQLiteReadsBesideAnOpenWriter(t *testing.T) {
	ctx := context.Background()
	db, err := orm.Open(dbtest.SQLite(t).URL, orm.PoolTimeout(30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)"); err != nil {
		t.Fatal(err)
	}
	tx, err := db.Begin(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "INSERT INTO item (name) VALUES ('uncommitted')"); err != nil {
		t.Fatal(err)
	}
	reads := []struct{ name, query string }{
		{"cte", "WITH c AS (SELECT count(*) AS n FROM item) SELECT n FROM c"},
		{"comments first", "/* count */ -- rows\n SELECT count(*) FROM item"},
		{"values", "VALUES (1), (2)"},
		{"explain", "EXPLAIN QUERY PLAN SELECT * FROM item"},
		{"pragma", "PRAGMA table_info(item)"},
	}
	for _, r := range reads {
		for _, via := range []string{"engine", "session"} {
			t.Run(r.name+" via "+via, func(t *testing.T) {
				readCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
				defer cancel()
				var q orm.Querier = db
				if via == "session" {
					s := orm.NewSession(db)
					defer s.Close(ctx)
					q = s
				}
				rows, err := q.QueryContext(readCtx, r.query)
				if err != nil {
					t.Fatalf("read beside an open writer: %v", err)
				}
				rows.Close()
			})
		}
	}
}
