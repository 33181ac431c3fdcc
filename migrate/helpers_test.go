package migrate_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/orm"
)

// open opens a test database and closes it at the end of the test.
func open(t testing.TB, db dbtest.DB) *sql.DB {
	t.Helper()
	o, err := orm.Open(db.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	return o.SQL()
}

// syncBuffer is a goroutine-safe log buffer.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// migrator builds a migrator logging into a buffer.
func migrator(t testing.TB, sdb *sql.DB, dialectName string, revs []*migrate.Revision) (*migrate.Migrator, *syncBuffer) {
	t.Helper()
	m, err := migrate.NewMigrator(sdb, dialectName, revs)
	if err != nil {
		t.Fatal(err)
	}
	log := &syncBuffer{}
	m.Log = log
	return m, log
}

// queryInts returns the first column of every row as int64.
func queryInts(t testing.TB, sdb *sql.DB, q string) []int64 {
	t.Helper()
	rows, err := sdb.QueryContext(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

// columns returns the column names of a table.
func columns(t testing.TB, sdb *sql.DB, table string) []string {
	t.Helper()
	// A distinct text per call: pgx caches statements, and a cached
	// "SELECT *" fails once the table's columns change.
	rows, err := sdb.Query(fmt.Sprintf("SELECT * FROM %s WHERE 1 = 0 -- %d", table, queryN.Add(1)))
	if err != nil {
		t.Fatalf("select from %s: %v", table, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	return cols
}

// tableExists reports whether a query on the table succeeds.
func tableExists(sdb *sql.DB, table string) bool {
	rows, err := sdb.Query(fmt.Sprintf("SELECT * FROM %s WHERE 1 = 0 -- %d", table, queryN.Add(1)))
	if err != nil {
		return false
	}
	rows.Close()
	return true
}

var queryN atomic.Int64
