package orm

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
)

// openCached opens url with a statement cache of size n.
func openCached(t *testing.T, url string, n int) *DB {
	t.Helper()
	db, err := Open(url, StmtCacheSize(n))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// mustExec runs statements on db, failing the test on error.
func mustExec(t *testing.T, q Querier, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		if _, err := q.ExecContext(context.Background(), s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// countRows runs query and returns its number of result columns.
func resultColumns(t *testing.T, q Querier, query string) int {
	t.Helper()
	rows, err := q.QueryContext(context.Background(), query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	return len(cols)
}

func TestCacheable(t *testing.T) {
	tests := []struct {
		query string
		want  bool
	}{
		{"SELECT 1", true},
		{"  select * from t", true},
		{"(SELECT 1) UNION (SELECT 2)", true},
		{"INSERT INTO t VALUES (1)", true},
		{"update t set a = 1", true},
		{"DELETE FROM t", true},
		{"DELETE FROM t;", true},
		{"INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)", false},
		{"CREATE TABLE t (a int)", false},
		{"SAVEPOINT sp_1", false},
		{"BEGIN", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if got := cacheable(tt.query); got != tt.want {
				t.Errorf("cacheable(%q) = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}

func TestStmtCacheBound(t *testing.T) {
	tests := []struct {
		name    string
		size    int
		queries int
		want    int
	}{
		{"under the bound", 4, 3, 3},
		{"evicts least recently used", 2, 5, 2},
		{"disabled", 0, 3, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openCached(t, "sqlite://", tt.size)
			for i := range tt.queries {
				if got := resultColumns(t, db, fmt.Sprintf("SELECT %d", i)); got != 1 {
					t.Fatalf("columns = %d", got)
				}
			}
			if got := db.stmts.len(); got != tt.want {
				t.Errorf("cached statements = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestStmtCacheKeepsRecentlyUsed(t *testing.T) {
	db := openCached(t, "sqlite://", 2)
	resultColumns(t, db, "SELECT 1")
	resultColumns(t, db, "SELECT 2")
	resultColumns(t, db, "SELECT 1") // now the most recent
	resultColumns(t, db, "SELECT 3") // evicts SELECT 2
	if db.stmts.peek("SELECT 1") == nil || db.stmts.peek("SELECT 2") != nil {
		t.Errorf("after SELECT 1, 2, 1, 3 with room for 2: want SELECT 1 kept and SELECT 2 evicted")
	}
}

func TestStmtCacheEvictionWhileRowsOpen(t *testing.T) {
	db := openCached(t, "sqlite:///"+t.TempDir()+"/t.db", 1)
	ctx := context.Background()
	rows, err := db.QueryContext(ctx, "SELECT 1 UNION ALL SELECT 2")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	resultColumns(t, db, "SELECT 3") // evicts and closes the open statement
	n := 0
	for rows.Next() {
		n++
	}
	if err := rows.Err(); err != nil || n != 2 {
		t.Errorf("rows of an evicted statement: %d rows, err %v; want 2, nil", n, err)
	}
}

func TestStmtCacheConcurrent(t *testing.T) {
	db := openCached(t, "sqlite:///"+t.TempDir()+"/t.db", 3)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				var n int
				q := fmt.Sprintf("SELECT %d", (g+i)%5)
				rows, err := db.QueryContext(context.Background(), q)
				if err == nil {
					for rows.Next() {
						err = rows.Scan(&n)
					}
					rows.Close()
				}
				if err != nil || n != (g+i)%5 {
					errs <- fmt.Errorf("%s = %d, %v", q, n, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestStmtCacheClosedWithDB(t *testing.T) {
	db, err := Open("sqlite://")
	if err != nil {
		t.Fatal(err)
	}
	resultColumns(t, db, "SELECT 1")
	if db.stmts.len() != 1 {
		t.Fatalf("cached statements = %d, want 1", db.stmts.len())
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if n := db.stmts.len(); n != 0 {
		t.Errorf("cached statements after Close = %d, want 0", n)
	}
	if _, err := db.QueryContext(context.Background(), "SELECT 1"); err == nil {
		t.Error("query after Close: want an error")
	}
}

// TestStmtCacheAfterDDL checks that a cached SELECT * sees a new column:
// PostgreSQL refuses the old plan ("cached plan must not change result
// type"), and the statement is prepared again.
func TestStmtCacheAfterDDL(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, tdb dbtest.DB) {
		db := openCached(t, tdb.URL, 8)
		mustExec(t, db, "CREATE TABLE stale_plan (a INTEGER)", "INSERT INTO stale_plan VALUES (1)")
		if got := resultColumns(t, db, "SELECT * FROM stale_plan"); got != 1 {
			t.Fatalf("columns = %d, want 1", got)
		}
		before := db.stmts.peek("SELECT * FROM stale_plan")
		mustExec(t, db, "ALTER TABLE stale_plan ADD COLUMN b INTEGER")
		if got := resultColumns(t, db, "SELECT * FROM stale_plan"); got != 2 {
			t.Errorf("columns after ADD COLUMN = %d, want 2", got)
		}
		reprepared := db.stmts.peek("SELECT * FROM stale_plan") != before
		if want := tdb.Name == "postgresql"; reprepared != want {
			t.Errorf("statement prepared again = %v, want %v", reprepared, want)
		}
	})
}

func TestTxStatements(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, tdb dbtest.DB) {
		ctx := context.Background()
		db := openCached(t, tdb.URL, 8)
		mustExec(t, db, "CREATE TABLE tx_stmt (a INTEGER)")
		insert := "INSERT INTO tx_stmt (a) VALUES (" + db.Dialect().Placeholder(1) + ")"
		mustExecArgs(t, db, insert, 0) // cached on the engine, re-bound in the tx
		err := db.Transaction(ctx, func(tx *Tx) error {
			for i := 1; i <= 3; i++ {
				if _, err := tx.ExecContext(ctx, insert, i); err != nil {
					return err
				}
			}
			return tx.Transaction(ctx, func(sp *Tx) error {
				_, err := sp.ExecContext(ctx, insert, 4)
				return err
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		var n int
		rows, err := db.QueryContext(ctx, "SELECT count(*) FROM tx_stmt")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			rows.Scan(&n)
		}
		rows.Close()
		if n != 5 {
			t.Errorf("rows = %d, want 5", n)
		}
	})
}

// TestTxStatementsOneConnection checks that a transaction on in-memory
// SQLite, whose pool has one connection, prepares in the transaction
// instead of waiting for a second connection.
func TestTxStatementsOneConnection(t *testing.T) {
	ctx := context.Background()
	db := openCached(t, "sqlite://", 8)
	mustExec(t, db, "CREATE TABLE one_conn (a INTEGER)")
	err := db.Transaction(ctx, func(tx *Tx) error {
		mustExecArgs(t, tx, "INSERT INTO one_conn (a) VALUES (?)", 1)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := resultColumns(t, db, "SELECT * FROM one_conn"); got != 1 {
		t.Errorf("columns = %d, want 1", got)
	}
}

// mustExecArgs runs one statement with arguments.
func mustExecArgs(t *testing.T, q Querier, query string, args ...any) {
	t.Helper()
	if _, err := q.ExecContext(context.Background(), query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

// TestScriptNotPrepared checks that a script of several statements still
// runs whole: it bypasses the statement cache (PostgreSQL cannot prepare
// it; MySQL connections do not allow multi-statements at all).
func TestScriptNotPrepared(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, tdb dbtest.DB) {
		if tdb.Name == "mysql" {
			t.Skip("multi-statements are off on MySQL connections")
		}
		db := openCached(t, tdb.URL, 8)
		mustExec(t, db, "CREATE TABLE script (a INTEGER)",
			"INSERT INTO script VALUES (1); INSERT INTO script VALUES (2)")
		var n int
		rows, err := db.QueryContext(context.Background(), "SELECT count(*) FROM script")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			rows.Scan(&n)
		}
		rows.Close()
		if n != 2 || db.stmts.peek("INSERT INTO script VALUES (1); INSERT INTO script VALUES (2)") != nil {
			t.Errorf("script inserted %d rows (want 2) or was cached", n)
		}
	})
}
