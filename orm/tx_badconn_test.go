package orm

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"path/filepath"
	"sync/atomic"
	"testing"
)

// badBeginConnector opens SQLite connections whose next failBegins
// BeginTx calls report driver.ErrBadConn, as a pooled PostgreSQL
// connection that the driver closed after its last check does.
type badBeginConnector struct {
	base       driver.Driver
	dsn        string
	failBegins *atomic.Int32
}

func (c badBeginConnector) Connect(context.Context) (driver.Conn, error) {
	cn, err := c.base.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	return &badBeginConn{Conn: cn, fail: c.failBegins}, nil
}

func (c badBeginConnector) Driver() driver.Driver { return c.base }

type badBeginConn struct {
	driver.Conn
	fail *atomic.Int32
}

func (c *badBeginConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if c.fail.Add(-1) >= 0 {
		return nil, driver.ErrBadConn
	}
	return c.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

// TestBeginRetriesBadConnection checks that Begin, which pins a
// connection before it begins, retries a bad connection as database/sql's
// BeginTx does, gives up with driver.ErrBadConn after maxBadConnRetries,
// and leaks no pool slot either way.
func TestBeginRetriesBadConnection(t *testing.T) {
	tests := []struct {
		name       string
		failBegins int32
		wantErr    bool
	}{
		{"no failure", 0, false},
		{"one bad connection", 1, false},
		{"as many as the retries", maxBadConnRetries, false},
		{"more than the retries", maxBadConnRetries + 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := badBeginDB(t, tt.failBegins)
			tx, err := db.Begin(context.Background(), nil)
			if tt.wantErr {
				if !errors.Is(err, driver.ErrBadConn) {
					t.Fatalf("Begin: %v, want driver.ErrBadConn", err)
				}
			} else {
				if err != nil {
					t.Fatalf("Begin: %v", err)
				}
				if err := tx.Commit(); err != nil {
					t.Fatal(err)
				}
			}
			if n := len(db.pool.slots); n != 0 {
				t.Errorf("%d pool slots still taken", n)
			}
		})
	}
}

func badBeginDB(t *testing.T, failBegins int32) *DB {
	t.Helper()
	probe, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	base := probe.Driver()
	probe.Close()
	fail := &atomic.Int32{}
	fail.Store(failBegins)
	u, err := ParseURL("sqlite:///" + filepath.Join(t.TempDir(), "bad.db"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := LookupDialect("sqlite")
	if err != nil {
		t.Fatal(err)
	}
	sdb := sql.OpenDB(badBeginConnector{base: base, dsn: u.Database, failBegins: fail})
	db := &DB{sql: sdb, dialect: d, url: u}
	if err := db.configure(u, nil); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
