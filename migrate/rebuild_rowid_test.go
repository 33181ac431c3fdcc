package migrate_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
)

// shadowedRowidRevs creates ritem with the given definition and fills it
// with rows rows whose shadowing columns hold NULL on every fifth row and
// descending values on odd ones (so a copy batched on them loses rows),
// then drops those columns and makes name nullable, which SQLite does by
// rebuilding the table.
func shadowedRowidRevs(createSQL string, shadows []string, rows int) []*migrate.Revision {
	cols, vals := "id, name", "i, 'n' || i"
	for _, c := range shadows {
		cols += ", " + c
		vals += ", CASE WHEN i % 5 = 0 THEN NULL ELSE " + strconv.Itoa(rows) + " - i END"
	}
	return []*migrate.Revision{
		{ID: "r1", Message: "create", Upgrade: func(op *migrate.Op) error {
			op.Execute(createSQL)
			op.Execute(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ` + strconv.Itoa(rows) + `)
				INSERT INTO ritem (` + cols + `) SELECT ` + vals + ` FROM n`)
			return nil
		}},
		{ID: "r2", Down: []string{"r1"}, Message: "rebuild", Upgrade: func(op *migrate.Op) error {
			for _, c := range shadows {
				op.DropColumn("ritem", c)
			}
			op.AlterColumn(migrate.AlterColumn{Table: "ritem", Name: "name", Nullable: migrate.Ptr(true), Existing: migrate.Column{Name: "name", Type: migrate.String(50)}})
			return nil
		}},
	}
}

func TestSQLiteRebuildCopiesEveryRowWithProgress(t *testing.T) {
	rows := 2*migrate.CopyBatch + 500
	cases := []struct {
		name    string
		create  string
		shadows []string // columns named like the rowid, dropped by the rebuild
		batched bool     // the first copy runs in batches, drawing the rows copied so far
	}{
		{"column named rowid dropped", "CREATE TABLE ritem (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, rowid INTEGER)", []string{"rowid"}, true},
		{"columns rowid and _rowid_ dropped", "CREATE TABLE ritem (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, rowid INTEGER, _rowid_ INTEGER)", []string{"rowid", "_rowid_"}, true},
		{"every rowid name shadowed", "CREATE TABLE ritem (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, rowid INTEGER, _rowid_ INTEGER, oid INTEGER)", []string{"rowid", "_rowid_", "oid"}, false},
		{"text primary key and column named oid", "CREATE TABLE ritem (id TEXT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, oid INTEGER)", []string{"oid"}, true},
		{"without rowid", "CREATE TABLE ritem (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL) WITHOUT ROWID", nil, false},
		{"without rowid with a column named rowid", "CREATE TABLE ritem (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, rowid INTEGER) WITHOUT ROWID", []string{"rowid"}, false},
		{"plain rowid table", "CREATE TABLE ritem (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL)", nil, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			sdb := open(t, dbtest.SQLite(t))
			m, _ := migrator(t, sdb, migrate.SQLite, shadowedRowidRevs(c.create, c.shadows, rows))
			if err := m.Upgrade(ctx, "r1"); err != nil {
				t.Fatal(err)
			}
			term := newFakeTerminal()
			m.Progress = term
			migrate.SetProgressClock(m, steppingClock(time.Second), time.Hour)
			if err := m.Upgrade(ctx, "r2"); err != nil {
				t.Fatal(err)
			}
			if n := queryInts(t, sdb, "SELECT count(*) FROM ritem"); n[0] != int64(rows) {
				t.Errorf("rows after rebuild = %d, want %d", n[0], rows)
			}
			if n := queryInts(t, sdb, "SELECT count(*) FROM ritem WHERE name = 'n' || id"); n[0] != int64(rows) {
				t.Errorf("rows with their own name after rebuild = %d, want %d", n[0], rows)
			}
			first := strings.Split(strings.TrimPrefix(term.String(), "\r\x1b[K"), "\r\x1b[K")[0]
			if batched := strings.Contains(first, ": 0/"); batched != c.batched {
				t.Errorf("first copy's first line %q: batched %v, want %v", first, batched, c.batched)
			}
			for _, col := range columns(t, sdb, "ritem") {
				for _, s := range c.shadows {
					if col == s {
						t.Errorf("column %s still present", col)
					}
				}
			}
		})
	}
}
