package migrate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// An Operation is one dialect-neutral migration step recorded by a
// revision's Upgrade or Downgrade function. Operations are plain data:
// autogenerate produces them, the renderer turns them into Go source and the
// runner compiles them into SQL for a dialect through Atlas.
type Operation interface {
	// Reverse returns the operation that undoes this one. Operations that
	// drop something need their prior state (recorded by autogenerate) to
	// be reversed; raw SQL and Go code cannot be reversed.
	Reverse() (Operation, error)
	// Describe returns a one-line description, as in "add column product.price".
	Describe() string
}

// ErrIrreversible is returned by Reverse for operations that cannot be undone.
var ErrIrreversible = errors.New("migrate: operation cannot be reversed")

// irreversible wraps ErrIrreversible with a reason.
func irreversible(o Operation, why string) error {
	return fmt.Errorf("%w: %s (%s)", ErrIrreversible, o.Describe(), why)
}

// Execute runs raw SQL. When PerDialect has an entry for the database's
// dialect, that SQL is used instead of SQL; an empty result skips the step.
type Execute struct {
	// SQL is the statement for every dialect.
	SQL string
	// PerDialect maps dialect names to their statements.
	PerDialect map[string]string
}

// Reverse reports that raw SQL cannot be reversed.
func (o *Execute) Reverse() (Operation, error) { return nil, irreversible(o, "raw SQL") }

// Describe describes the operation.
func (o *Execute) Describe() string { return "execute SQL" }

// sqlFor returns the statement for a dialect.
func (o *Execute) sqlFor(dialectName string) string {
	if s, ok := o.PerDialect[dialectName]; ok {
		return s
	}
	return o.SQL
}

// BulkInsert inserts rows (column name to value) into a table.
type BulkInsert struct {
	// Table is the table; Rows map column names to values.
	Table string
	Rows  []map[string]any
}

// Reverse reports that inserted rows cannot be reversed automatically.
func (o *BulkInsert) Reverse() (Operation, error) { return nil, irreversible(o, "data") }

// Describe describes the operation.
func (o *BulkInsert) Describe() string { return "bulk insert into " + o.Table }

// A Querier is what Go data migrations receive: the migration's
// transaction (or connection where DDL is not transactional).
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// RunGo runs Go code, typically a data migration, at its place in the
// revision.
type RunGo struct {
	// Func is called with the revision's transaction.
	Func func(ctx context.Context, q Querier) error
}

// Reverse reports that Go code cannot be reversed.
func (o *RunGo) Reverse() (Operation, error) { return nil, irreversible(o, "Go code") }

// Describe describes the operation.
func (o *RunGo) Describe() string { return "run Go function" }
