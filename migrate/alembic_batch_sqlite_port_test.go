package migrate_test

import (
	"context"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
)

// sqliteRichTable is a table written by hand with what SQLite's CREATE
// TABLE can say and Atlas's inspection does not all keep: a collation, a
// deferrable foreign key, a named column CHECK, an expression default, a
// generated column, AUTOINCREMENT and an inline UNIQUE.
const sqliteRichTable = `CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT,
 pid INTEGER REFERENCES p(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
 y INTEGER CONSTRAINT ck1 CHECK (y > 5), name TEXT COLLATE NOCASE NOT NULL DEFAULT 'x',
 made TEXT DEFAULT (datetime('now')), up TEXT GENERATED ALWAYS AS (upper(name)) VIRTUAL,
 junk INTEGER, u INTEGER UNIQUE, CHECK (length(name) < 10))`

// TestAlembicBatchMoveAndCopyKeepsSQLiteTableOptions follows Alembic's
// batch "move and copy" promise (tests/test_batch.py BatchRoundTripTest,
// whose reflected table keeps collations, deferrable keys, checks and
// defaults) for a table flagon did not create: two rebuilds in one
// revision keep every property, checked by what the database then does.
func TestAlembicBatchMoveAndCopyKeepsSQLiteTableOptions(t *testing.T) {
	db := dbtest.SQLite(t)
	sdb := open(t, db)
	for _, q := range []string{
		"CREATE TABLE p (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT)", sqliteRichTable,
		"INSERT INTO p (name) VALUES ('a')", "INSERT INTO t (pid, y, name, junk, u) VALUES (1, 6, 'Ab', 1, 1)",
		"INSERT INTO t (pid, y, name, junk, u) VALUES (1, 7, 'cd', 1, 2)", "DELETE FROM t WHERE id = 2",
	} {
		mustExec(t, sdb, q)
	}
	m, _ := migrator(t, sdb, db.Name, []*migrate.Revision{{ID: "a", Message: "rebuild twice", Upgrade: func(op *migrate.Op) error {
		op.DropColumn("t", "junk")
		op.AlterColumn(migrate.AlterColumn{Table: "t", Name: "y", Nullable: migrate.Ptr(false), Existing: migrate.Column{Name: "y", Type: migrate.Integer(), Nullable: true}})
		return nil
	}}})
	if err := m.Upgrade(context.Background(), "head"); err != nil {
		t.Fatal(err)
	}
	wantStrs(t, sdb, "SELECT count(*) FROM t WHERE name = 'AB'", "1")          // COLLATE NOCASE
	wantStrs(t, sdb, "SELECT up FROM t", "AB")                                 // generated column
	mustFail(t, sdb, "INSERT INTO t (pid, y, name) VALUES (1, 1, 'q')", "ck1") // named column CHECK
	mustFail(t, sdb, "INSERT INTO t (pid, y, name) VALUES (1, 8, 'qqqqqqqqqqqq')", "the table CHECK is lost")
	mustFail(t, sdb, "INSERT INTO t (pid, y, name, u) VALUES (1, 8, 'q', 1)", "the inline UNIQUE is lost")
	mustExec(t, sdb, "INSERT INTO t (pid, y, name) VALUES (1, 8, 'new')")
	wantStrs(t, sdb, "SELECT id FROM t WHERE name = 'new'", "3") // AUTOINCREMENT: id 2 is not reused
	wantStrs(t, sdb, "SELECT count(*) FROM t WHERE made IS NOT NULL AND name = 'new'", "1")

	// The deferred key accepts a child before its parent within a transaction.
	tx, err := sdb.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for _, q := range []string{"INSERT INTO t (pid, y, name) VALUES (99, 9, 'late')", "INSERT INTO p (id, name) VALUES (99, 'z')"} {
		if _, err := tx.Exec(q); err != nil {
			t.Fatalf("%s: %v (the key is no longer DEFERRABLE INITIALLY DEFERRED)", q, err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	mustFail(t, sdb, "INSERT INTO t (pid, y, name) VALUES (98, 9, 'orphan')", "the foreign key is no longer enforced")
	mustExec(t, sdb, "DELETE FROM p WHERE id = 99")
	wantStrs(t, sdb, "SELECT count(*) FROM t WHERE name = 'late'", "0") // ON DELETE CASCADE
}
