package orm_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

func TestOpenMemoryDatabaseIsSharedByThePool(t *testing.T) {
	for _, url := range []string{"sqlite://", "sqlite:///:memory:"} {
		t.Run(url, func(t *testing.T) {
			ctx := context.Background()
			db, err := orm.Open(url, orm.MaxOpenConns(10))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if err := newMetaData(t).CreateAll(ctx, db); err != nil {
				t.Fatal(err)
			}
			var wg sync.WaitGroup
			for i := range 8 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if err := orm.Insert(ctx, db, &Owner{Email: strings.Repeat("x", i+1)}); err != nil {
						t.Error(err)
					}
				}()
			}
			wg.Wait()
			if n, err := orm.Select[Owner](db).Count(ctx); err != nil || n != 8 {
				t.Errorf("rows seen by the pool = %d, %v; want 8", n, err)
			}
		})
	}
}

func TestOpenOptionsAndAccessors(t *testing.T) {
	db, err := orm.Open("sqlite:///"+t.TempDir()+"/x.db", orm.MaxOpenConns(3), orm.MaxIdleConns(2),
		orm.ConnMaxLifetime(time.Minute), orm.PrePing())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if db.SQL().Stats().MaxOpenConnections != 3 || db.Dialect().Name() != "sqlite" || db.URL().Dialect != "sqlite" {
		t.Errorf("options or accessors wrong: %+v", db.SQL().Stats())
	}
	var mode string
	if err := db.SQL().QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk int
	if err := db.SQL().QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v; want 1", fk, err)
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := orm.Open("oracle://u:pw@h/d"); err == nil || !strings.Contains(err.Error(), "oracle") {
		t.Errorf("unknown dialect err = %v", err)
	}
	_, err := orm.Open("postgresql://u:hunter2@127.0.0.1:1/d", orm.PrePing())
	if err == nil || strings.Contains(err.Error(), "hunter2") || !strings.Contains(err.Error(), "***") {
		t.Errorf("unreachable server err = %v, want a redacted connection error", err)
	}
	// pgx reads the options when the engine opens, not at the first query.
	_, err = orm.Open("postgresql://u:hunter2@127.0.0.1/d?sslmode=sometimes")
	if err == nil || strings.Contains(err.Error(), "hunter2") || !strings.Contains(err.Error(), "sslmode") {
		t.Errorf("bad sslmode err = %v, want it named, without the password", err)
	}
}

func TestEcho(t *testing.T) {
	var buf bytes.Buffer
	// Info level, as SQLAlchemy's echo=True: a logger at its default level
	// shows the statements.
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelInfo}))
	db, err := orm.Open("sqlite://", orm.Echo(logger))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := orm.Exec(context.Background(), db, "SELECT ?", 42); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`msg="SELECT ?"`, "args=[42]", "duration=", "engine_test.go:"} {
		if !strings.Contains(out, want) {
			t.Errorf("echo output lacks %q:\n%s", want, out)
		}
	}
}

// TestPoolDefaults checks Flask-SQLAlchemy's QueuePool defaults: at most
// pool_size 5 + max_overflow 10 connections.
func TestPoolDefaults(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		db, err := orm.Open(d.URL)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if got := db.SQL().Stats().MaxOpenConnections; got != orm.DefaultPoolSize+orm.DefaultMaxOverflow {
			t.Errorf("MaxOpenConnections = %d, want 15", got)
		}
	})
}

// TestPoolTimeout fills a one-connection pool with a transaction: the
// next transaction or statement waits the pool timeout, then fails with
// ErrPoolTimeout; once the transaction ends the pool serves again.
func TestPoolTimeout(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		ctx := context.Background()
		db, err := orm.Open(d.URL, orm.MaxOpenConns(1), orm.PoolTimeout(50*time.Millisecond))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		tx, err := db.Begin(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Begin(ctx, nil); !errors.Is(err, orm.ErrPoolTimeout) {
			t.Errorf("second Begin: err = %v, want ErrPoolTimeout", err)
		}
		if _, err := db.ExecContext(ctx, "SELECT 1"); !errors.Is(err, orm.ErrPoolTimeout) {
			t.Errorf("statement: err = %v, want ErrPoolTimeout", err)
		}
		if err := tx.Rollback(); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ExecContext(ctx, "SELECT 1"); err != nil {
			t.Errorf("after the rollback: %v", err)
		}
	})
}

// TestPoolSlotFreedWhenContextEnds: a transaction abandoned by a request
// whose context ends gives its pool slot back.
func TestPoolSlotFreedWhenContextEnds(t *testing.T) {
	db, err := orm.Open(dbtest.SQLite(t).URL, orm.MaxOpenConns(1), orm.PoolTimeout(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx, cancel := context.WithCancel(context.Background())
	if _, err := db.Begin(ctx, nil); err != nil {
		t.Fatal(err)
	}
	cancel()
	if _, err := db.ExecContext(context.Background(), "SELECT 1"); err != nil {
		t.Fatalf("after the context ended: %v", err)
	}
}

// TestSQLiteWritersQueue runs writers whose transactions outlast SQLite's
// busy timeout together (10 ms here, 5 s by default): they wait for each
// other in the engine instead of failing with "database is locked", and a
// read outside a transaction is not held up by an open writer (WAL).
func TestSQLiteWritersQueue(t *testing.T) {
	ctx := context.Background()
	db, err := orm.Open(dbtest.SQLite(t).URL+"?_pragma=busy_timeout(10)", orm.PoolTimeout(10*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)"); err != nil {
		t.Fatal(err)
	}
	const writers = 12
	var wg sync.WaitGroup
	for range writers {
		wg.Go(func() {
			err := db.Transaction(ctx, func(tx *orm.Tx) error {
				if _, err := tx.ExecContext(ctx, "INSERT INTO item (name) VALUES ('x')"); err != nil {
					return err
				}
				time.Sleep(20 * time.Millisecond)
				return nil
			})
			if err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	tx, err := db.Begin(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "INSERT INTO item (name) VALUES ('uncommitted')"); err != nil {
		t.Fatal(err)
	}
	readCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	var n int
	rows, err := db.QueryContext(readCtx, "SELECT count(*) FROM item")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if rows.Next() {
		err = rows.Scan(&n)
	}
	if err != nil || n != writers {
		t.Fatalf("read beside an open writer: %d rows, %v; want %d", n, err, writers)
	}
}
