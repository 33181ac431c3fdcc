package orm

import (
	"context"
	"database/sql"

	"github.com/flagon-go/flagon/orm/dialect"
)

// A Querier runs statements: *DB, *Tx and ORM sessions satisfy it. SQL
// passed to its methods uses the dialect's own placeholders.
type Querier interface {
	Dialect() dialect.Dialect
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}
