package orm

import (
	"context"
	"database/sql"
	"time"

	"github.com/flagon-go/flagon/orm/dialect"
)

// conn is what runs statements: *sql.DB, *sql.Tx or *sql.Conn.
type conn interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// runExec executes a statement, translating errors and emitting an event.
func runExec(ctx context.Context, db *DB, c conn, query string, args []any) (sql.Result, error) {
	start := time.Now()
	res, err := c.ExecContext(ctx, query, args...)
	err = translate(db.dialect, err)
	db.emitStatement(ctx, query, args, start, err)
	return res, err
}

// runQuery runs a query, translating errors and emitting an event. The
// duration covers the query up to its first row, not the reading of rows.
func runQuery(ctx context.Context, db *DB, c conn, query string, args []any) (*sql.Rows, error) {
	start := time.Now()
	rows, err := c.QueryContext(ctx, query, args...)
	err = translate(db.dialect, err)
	db.emitStatement(ctx, query, args, start, err)
	return rows, err
}

// translate maps a driver error to the orm's typed errors; nil stays nil
// without calling the dialect (whose errors.As target would escape).
func translate(d dialect.Dialect, err error) error {
	if err == nil {
		return nil
	}
	return d.TranslateError(err)
}
