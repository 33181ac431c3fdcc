package migrate_test

import (
	"context"
	"database/sql"
	"flag"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
)

// benchRows is the size of the rebuilt table: a million rows, as the
// issue asks (go test -bench SQLiteRebuild -rebuild-rows=N for another).
var benchRows = flag.Int("rebuild-rows", 1_000_000, "rows in the table BenchmarkSQLiteRebuild rebuilds")

// filledTable makes a SQLite database with a parent table of benchRows rows.
func filledTable(b *testing.B) (*sql.DB, []*migrate.Revision) {
	b.Helper()
	sdb := open(b, dbtest.SQLite(b))
	revs := []*migrate.Revision{
		{ID: "t1", Message: "table", Upgrade: func(op *migrate.Op) error {
			op.CreateTable(migrate.Table{Name: "item", Columns: []migrate.Column{
				{Name: "id", Type: migrate.Integer(), Autoincrement: true},
				{Name: "name", Type: migrate.String(50)},
				{Name: "qty", Type: migrate.Integer()},
			}, PrimaryKey: []string{"id"}, Indexes: []migrate.Index{{Name: "ix_item_name", Columns: []string{"name"}}}})
			return nil
		}},
		{ID: "t2", Down: []string{"t1"}, Message: "rebuild", Upgrade: func(op *migrate.Op) error {
			op.AlterColumn(migrate.AlterColumn{Table: "item", Name: "name", Nullable: migrate.Ptr(true), Existing: migrate.Column{Name: "name", Type: migrate.String(50)}})
			return nil
		}},
	}
	m, _ := migrator(b, sdb, migrate.SQLite, revs)
	if err := m.Upgrade(context.Background(), "t1"); err != nil {
		b.Fatal(err)
	}
	fill := `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
		INSERT INTO item (name, qty) SELECT 'n' || i, i FROM n`
	if _, err := sdb.Exec(fill, *benchRows); err != nil {
		b.Fatal(err)
	}
	return sdb, revs
}

// BenchmarkSQLiteRebuild times a table rebuild (NOT NULL -> NULL) through
// the migrator, beside the same rebuild written by hand.
func BenchmarkSQLiteRebuild(b *testing.B) {
	b.Run("migrator", func(b *testing.B) {
		for range b.N {
			b.StopTimer()
			sdb, revs := filledTable(b)
			m, _ := migrator(b, sdb, migrate.SQLite, revs)
			b.StartTimer()
			if err := m.Upgrade(context.Background(), "t2"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("hand-written INSERT SELECT", func(b *testing.B) {
		stmts := []string{
			"CREATE TABLE new_item (id integer NOT NULL, name varchar(50) NULL, qty integer NOT NULL, PRIMARY KEY (id))",
			"INSERT INTO new_item (id, name, qty) SELECT id, name, qty FROM item",
			"DROP TABLE item",
			"ALTER TABLE new_item RENAME TO item",
			"CREATE INDEX ix_item_name ON item (name)",
		}
		for range b.N {
			b.StopTimer()
			sdb, _ := filledTable(b)
			b.StartTimer()
			tx, _ := sdb.Begin()
			for _, s := range stmts {
				if _, err := tx.Exec(s); err != nil {
					b.Fatal(err)
				}
			}
			if err := tx.Commit(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
