package orm

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/flagon-go/flagon/orm/dialect"
)

// Errors returned by queries. Constraint violations wrap the driver error;
// test them with errors.Is.
var (
	// ErrNoRows is returned by First, One and Get when nothing matches; it
	// also matches database/sql's sql.ErrNoRows with errors.Is.
	ErrNoRows = fmt.Errorf("orm: %w", sql.ErrNoRows)
	// ErrMultipleRows is returned by One when more than one row matches.
	ErrMultipleRows = errors.New("orm: multiple rows in result set")

	// ErrUniqueViolation matches unique and primary key violations.
	ErrUniqueViolation = dialect.ErrUniqueViolation
	// ErrForeignKeyViolation matches foreign key violations.
	ErrForeignKeyViolation = dialect.ErrForeignKeyViolation
	// ErrNotNullViolation matches NULLs written to NOT NULL columns.
	ErrNotNullViolation = dialect.ErrNotNullViolation
	// ErrCheckViolation matches CHECK constraint violations.
	ErrCheckViolation = dialect.ErrCheckViolation
)

// A ConstraintError is a constraint violation reported by the database; its
// Kind is one of the Err*Violation errors and Err the driver's error.
type ConstraintError = dialect.ConstraintError
