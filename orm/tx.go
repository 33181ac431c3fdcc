package orm

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/flagon-go/flagon/orm/dialect"
)

// ErrTxDone is returned when a finished transaction or savepoint is used.
var ErrTxDone = sql.ErrTxDone

// A Tx is a database transaction, or a savepoint inside one when created by
// Tx.Begin. Statements run through it emit events like the engine's.
type Tx struct {
	db      *DB
	conn    *sql.Conn   // the connection the transaction runs on (outer only)
	unwatch func() bool // stops returning conn to the pool when ctx ends
	checkin func()      // frees the pool slot and write lock (once)
	tx      *sql.Tx
	parent  *Tx
	name    string // savepoint name; empty for the outer transaction
	stmts   *txStmts

	mu    sync.Mutex
	depth int
	done  bool
}

// Begin starts a transaction; opts may set the isolation level and
// read-only mode, and may be nil. It waits at most the pool timeout for a
// connection and, on SQLite, where every transaction takes the write lock
// (BEGIN IMMEDIATE), for the engine's write lock: writers queue for each
// other instead of failing with "database is locked".
func (db *DB) Begin(ctx context.Context, opts *sql.TxOptions) (*Tx, error) {
	start := time.Now()
	conn, tx, err := db.beginOnConn(ctx, opts)
	for retry := 0; retry < maxBadConnRetries && errors.Is(err, driver.ErrBadConn); retry++ {
		conn, tx, err = db.beginOnConn(ctx, opts)
	}
	db.emitStatement(ctx, "BEGIN", nil, start, err)
	if err != nil {
		return nil, fmt.Errorf("orm: begin: %w", err)
	}
	checkin := sync.OnceFunc(func() { db.checkin(db.writer) })
	// When ctx ends, database/sql rolls the transaction back; the
	// connection then goes back to the pool even if Commit or Rollback is
	// never called (Close waits for the rollback to release it).
	unwatch := context.AfterFunc(ctx, func() { conn.Close(); checkin() })
	return &Tx{db: db, conn: conn, unwatch: unwatch, checkin: checkin, tx: tx, stmts: newTxStmts(tx, db.stmts)}, nil
}

// maxBadConnRetries is how many more times Begin tries when the driver
// reports a bad connection, as database/sql's own BeginTx retries. Begin
// pins a connection (sql.Conn) first and begins on it, which database/sql
// does not retry: a pooled connection that broke after its last check (a
// server restart, a connection the driver closed after a cancelled query)
// would otherwise fail the request. Nothing has run on the connection yet,
// so beginning again on another is safe.
const maxBadConnRetries = 3

// beginOnConn pins a connection and begins a transaction on it; on error
// the connection and the pool slot are given back.
func (db *DB) beginOnConn(ctx context.Context, opts *sql.TxOptions) (*sql.Conn, *sql.Tx, error) {
	conn, err := db.beginConn(ctx)
	if err != nil {
		return nil, nil, err
	}
	tx, err := conn.BeginTx(ctx, opts)
	if err != nil {
		conn.Close()
		db.checkin(db.writer)
		return nil, nil, err
	}
	return conn, tx, nil
}

// beginConn takes the write lock (SQLite), a pool slot and a connection.
func (db *DB) beginConn(ctx context.Context) (*sql.Conn, error) {
	if err := db.checkout(ctx, db.writer); err != nil {
		return nil, err
	}
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		db.checkin(db.writer)
	}
	return conn, err
}

// release returns the outer transaction's connection to the pool.
func (tx *Tx) release() {
	tx.unwatch()
	tx.conn.Close()
	tx.checkin()
}

// Begin starts a nested transaction as a SAVEPOINT; committing it releases
// the savepoint and rolling it back rolls back to it.
func (tx *Tx) Begin(ctx context.Context) (*Tx, error) {
	if err := tx.check(); err != nil {
		return nil, err
	}
	root := tx.root()
	root.mu.Lock()
	root.depth++
	name := fmt.Sprintf("sp_%d", root.depth)
	root.mu.Unlock()
	if _, err := tx.ExecContext(ctx, "SAVEPOINT "+name); err != nil {
		return nil, err
	}
	return &Tx{db: tx.db, tx: tx.tx, parent: tx, name: name, stmts: tx.stmts}, nil
}

// root returns the outermost transaction.
func (tx *Tx) root() *Tx {
	for tx.parent != nil {
		tx = tx.parent
	}
	return tx
}

// check fails if the transaction or a parent is finished.
func (tx *Tx) check() error {
	for t := tx; t != nil; t = t.parent {
		t.mu.Lock()
		done := t.done
		t.mu.Unlock()
		if done {
			return ErrTxDone
		}
	}
	return nil
}

// finish marks the transaction done, failing if it already was.
func (tx *Tx) finish() error {
	if err := tx.check(); err != nil {
		return err
	}
	tx.mu.Lock()
	tx.done = true
	tx.mu.Unlock()
	return nil
}

// Commit commits the transaction or releases the savepoint.
func (tx *Tx) Commit() error {
	if err := tx.finish(); err != nil {
		return err
	}
	if tx.name != "" {
		_, err := tx.exec(context.Background(), releaseSQL(tx.db.dialect, tx.name))
		return err
	}
	start := time.Now()
	err := tx.tx.Commit()
	tx.db.emitStatement(context.Background(), "COMMIT", nil, start, err)
	tx.release()
	return err
}

// Rollback aborts the transaction or rolls back to the savepoint.
func (tx *Tx) Rollback() error {
	if err := tx.finish(); err != nil {
		return err
	}
	if tx.name != "" {
		_, err := tx.exec(context.Background(), "ROLLBACK TO SAVEPOINT "+tx.name)
		return err
	}
	start := time.Now()
	err := tx.tx.Rollback()
	tx.db.emitStatement(context.Background(), "ROLLBACK", nil, start, err)
	tx.release()
	return err
}

// releaseSQL returns the statement that releases a savepoint.
func releaseSQL(_ dialect.Dialect, name string) string { return "RELEASE SAVEPOINT " + name }

// exec runs a statement without the done check (used while finishing).
func (tx *Tx) exec(ctx context.Context, query string) (sql.Result, error) {
	return runExec(ctx, tx.db, tx.tx, query, nil)
}

// ExecContext runs a statement in the transaction.
func (tx *Tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if err := tx.check(); err != nil {
		return nil, err
	}
	return runExec(ctx, tx.db, tx.stmts, query, args)
}

// QueryContext runs a query in the transaction.
func (tx *Tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if err := tx.check(); err != nil {
		return nil, err
	}
	return runQuery(ctx, tx.db, tx.stmts, query, args)
}

// Dialect returns the database's dialect.
func (tx *Tx) Dialect() dialect.Dialect { return tx.db.dialect }

// SQL returns the underlying database/sql transaction.
func (tx *Tx) SQL() *sql.Tx { return tx.tx }

// Transaction runs fn in a transaction, committing if fn returns nil and
// rolling back if it returns an error or panics (the panic is re-raised).
func (db *DB) Transaction(ctx context.Context, fn func(tx *Tx) error) error {
	tx, err := db.Begin(ctx, nil)
	if err != nil {
		return err
	}
	return runInTx(tx, fn)
}

// Transaction runs fn in a savepoint of tx, like DB.Transaction.
func (tx *Tx) Transaction(ctx context.Context, fn func(tx *Tx) error) error {
	sp, err := tx.Begin(ctx)
	if err != nil {
		return err
	}
	return runInTx(sp, fn)
}

// runInTx calls fn and commits or rolls back tx.
func runInTx(tx *Tx, fn func(tx *Tx) error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
	}()
	if err := fn(tx); err != nil {
		if rbErr := tx.Rollback(); rbErr != nil && !errors.Is(rbErr, ErrTxDone) {
			return errors.Join(err, fmt.Errorf("orm: rollback: %w", rbErr))
		}
		return err
	}
	return tx.Commit()
}
