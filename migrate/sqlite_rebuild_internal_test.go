package migrate

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// TestCopyRowsFailsOnLostRows runs a rebuild's copy into a new table whose
// trigger silently skips rows, as a faulty copy would, and expects an
// error naming the rows copied instead of a rebuilt table with fewer rows.
func TestCopyRowsFailsOnLostRows(t *testing.T) {
	const copyStmt = "INSERT INTO `new_item` (`id`) SELECT `id` FROM `item`"
	cases := []struct {
		name     string
		progress bool
		skip     string // the trigger's condition for skipping a row
		wantErr  string
	}{
		{"one statement, every row copied", false, "0", ""},
		{"one statement, rows lost", false, "NEW.id % 3 = 0", "copied 6667 of its 10000 rows"},
		{"batched, every row copied", true, "0", ""},
		{"batched, rows lost", true, "NEW.id % 3 = 0", "copied 6667 of its 10000 rows"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "t.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			for _, q := range []string{
				"CREATE TABLE item (id INTEGER PRIMARY KEY)",
				"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) INSERT INTO item SELECT i FROM n",
				"CREATE TABLE new_item (id INTEGER PRIMARY KEY)",
				"CREATE TRIGGER skip BEFORE INSERT ON new_item WHEN " + c.skip + " BEGIN SELECT RAISE(IGNORE); END",
			} {
				if _, err := db.Exec(q); err != nil {
					t.Fatal(err)
				}
			}
			tx, err := db.Begin()
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			r := &stepRunner{m: &Migrator{Dialect: SQLite}, tx: &sqlTx{tx}}
			if c.progress {
				r.prog = &progress{w: &strings.Builder{}, now: func() time.Time { return time.Time{} }}
			}
			err = r.execOne(ctx, copyStmt)
			if c.wantErr == "" && err != nil {
				t.Fatalf("copy: %v", err)
			}
			if c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)) {
				t.Fatalf("copy error = %v, want %q", err, c.wantErr)
			}
		})
	}
}
