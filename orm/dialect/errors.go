package dialect

import (
	"errors"
	"fmt"
)

// Sentinel errors for constraint violations; test with errors.Is.
var (
	// ErrUniqueViolation is a unique or primary key violation.
	ErrUniqueViolation = errors.New("unique constraint violation")
	// ErrForeignKeyViolation is a foreign key violation.
	ErrForeignKeyViolation = errors.New("foreign key constraint violation")
	// ErrNotNullViolation is a NULL in a NOT NULL column.
	ErrNotNullViolation = errors.New("not null constraint violation")
	// ErrCheckViolation is a CHECK constraint violation.
	ErrCheckViolation = errors.New("check constraint violation")
)

// A ConstraintError is a driver error classified as a constraint violation.
// errors.Is matches both its Kind sentinel and the wrapped driver error.
type ConstraintError struct {
	// Kind is one of the Err*Violation sentinels.
	Kind error
	// Err is the original driver error.
	Err error
}

// Error returns the kind followed by the driver's message.
func (e *ConstraintError) Error() string { return fmt.Sprintf("%v: %v", e.Kind, e.Err) }

// Unwrap returns the kind sentinel and the driver error.
func (e *ConstraintError) Unwrap() []error { return []error{e.Kind, e.Err} }

// Violation wraps err as a ConstraintError of the given kind; nil kind
// returns err unchanged.
func Violation(kind, err error) error {
	if kind == nil {
		return err
	}
	return &ConstraintError{Kind: kind, Err: err}
}
