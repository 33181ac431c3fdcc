package orm

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/flagon-go/flagon/orm/dialect"
	_ "github.com/go-sql-driver/mysql" // "mysql" driver
	_ "github.com/jackc/pgx/v5/stdlib" // "pgx" driver
	_ "modernc.org/sqlite"             // "sqlite" driver
)

// A DB is an engine: a connection pool for one database URL with its
// dialect, statement events and SQL echo. It is safe for concurrent use.
type DB struct {
	sql     *sql.DB
	dialect dialect.Dialect
	url     *URL
	echo    *slog.Logger
	stmts   *stmtCache
	pool    *gate // a slot per connection MaxOpenConns allows
	writer  *gate // SQLite files: the one writer at a time, or nil

	mu        sync.RWMutex
	listeners []*listener

	version atomic.Pointer[string] // the server's SELECT VERSION(), once asked
}

// Open parses a SQLAlchemy URL and opens a pool for it. An in-memory SQLite
// database uses one connection so that every query sees the same database.
func Open(rawURL string, opts ...Option) (*DB, error) {
	u, err := ParseURL(rawURL)
	if err != nil {
		return nil, err
	}
	d, err := LookupDialect(u.Dialect)
	if err != nil {
		return nil, err
	}
	dsn, err := d.DSN(u.config())
	if err != nil {
		return nil, fmt.Errorf("orm: %s: %w", u, err)
	}
	sdb, err := openPool(d, dsn)
	if err != nil {
		return nil, fmt.Errorf("orm: open %s: %w", u, err)
	}
	db := &DB{sql: sdb, dialect: d, url: u}
	if err := db.configure(u, opts); err != nil {
		sdb.Close()
		return nil, err
	}
	return db, nil
}

// openPool opens the pool on the dialect's connector when it has one.
func openPool(d dialect.Dialect, dsn string) (*sql.DB, error) {
	if c, ok := d.(dialect.Connector); ok {
		conn, err := c.Connector(dsn)
		if err != nil {
			return nil, err
		}
		return sql.OpenDB(conn), nil
	}
	return sql.Open(d.DriverName(), dsn)
}

// switchToWAL opens one SQLite connection before any other can, so that
// the switch of a new file to WAL (an exclusive lock that SQLite does not
// wait for) never races with connections opened at the same moment. An
// error here (a missing directory, say) is left to the first real use.
func (db *DB) switchToWAL() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = db.sql.PingContext(ctx)
}

// configure applies options and the in-memory SQLite pool rule.
func (db *DB) configure(u *URL, opts []Option) error {
	o := options{}
	for _, opt := range opts {
		opt(&o)
	}
	o.apply(db.sql)
	db.echo = o.echo
	db.stmts = newStmtCache(db.sql, o.stmtCacheSize())
	db.stmts.driverCaches = db.dialect.Features().Has(dialect.DriverStmtCache)
	if u.IsMemory() {
		db.sql.SetMaxOpenConns(1)
		db.sql.SetMaxIdleConns(1)
		db.sql.SetConnMaxLifetime(0)
		db.sql.SetConnMaxIdleTime(0)
	} else if db.dialect.Name() == "sqlite" {
		db.switchToWAL()
		if !o.noWriteLock {
			db.writer = newGate(1, o.poolTimeoutOr(), "the SQLite write lock")
		}
	}
	db.pool = newGate(db.sql.Stats().MaxOpenConnections, o.poolTimeoutOr(), "the pool's connections")
	if o.prePing {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := db.sql.PingContext(ctx); err != nil {
			return fmt.Errorf("orm: connect %s: %w", u, err)
		}
	}
	return nil
}

// SQL returns the underlying database/sql pool.
func (db *DB) SQL() *sql.DB { return db.sql }

// Dialect returns the database's dialect.
func (db *DB) Dialect() dialect.Dialect { return db.dialect }

// URL returns the parsed URL the engine was opened with.
func (db *DB) URL() *URL { return db.url }

// Close closes the cached prepared statements and the pool.
func (db *DB) Close() error {
	db.stmts.close()
	return db.sql.Close()
}

// Ping verifies a connection to the database can be made.
func (db *DB) Ping(ctx context.Context) error { return db.sql.PingContext(ctx) }

// ExecContext runs a statement in the dialect's own placeholder syntax,
// emitting a statement event and translating constraint errors. It waits
// at most the pool timeout for a connection (and, on SQLite, for the
// write lock when the statement is not a SELECT).
func (db *DB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	w := db.writerFor(query)
	if err := db.checkout(ctx, w); err != nil {
		return nil, err
	}
	defer db.checkin(w)
	return runExec(ctx, db, db.stmts, query, args)
}

// QueryContext runs a query in the dialect's own placeholder syntax, with
// the waiting limits of ExecContext. The connection's slot is freed when
// the query returns; the rows keep the connection itself until closed.
func (db *DB) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	w := db.writerFor(query)
	if err := db.checkout(ctx, w); err != nil {
		return nil, err
	}
	defer db.checkin(w)
	return runQuery(ctx, db, db.stmts, query, args)
}
