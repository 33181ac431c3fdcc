package orm

import "fmt"

// A ColumnError is an error about one column's value, naming the table
// and column: a value the column's type cannot take on insert, or a
// default or onupdate value that does not fit the field. Match it with
// errors.As; Err is the cause.
type ColumnError struct {
	Op     string // what was being done: "insert", "default", "onupdate"
	Table  string
	Column string
	Err    error
}

// Error names the operation, the column and the cause.
func (e *ColumnError) Error() string {
	return fmt.Sprintf("orm: %s %s.%s: %v", e.Op, e.Table, e.Column, e.Err)
}

// Unwrap returns the cause.
func (e *ColumnError) Unwrap() error { return e.Err }
