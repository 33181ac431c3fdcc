package orm

import (
	"database/sql"
	"database/sql/driver"
)

// A Type is a user-defined column type. The Go type implementing it is
// stored in a column whose DDL ColumnDDL returns for the dialect name
// ("sqlite", "postgresql", "mysql"); values cross the driver through its
// own sql.Scanner (on the pointer) and driver.Valuer methods.
type Type interface {
	driver.Valuer
	ColumnDDL(dialect string) string
}

// An Enum is a string type with a fixed set of values. It is stored as a
// native ENUM on PostgreSQL (CREATE TYPE, named after the Go type in
// snake_case) and MySQL, and as VARCHAR with a CHECK constraint on SQLite.
type Enum interface {
	Values() []string
}

// Null is a value of T that may be NULL, like SQLAlchemy's Optional[T]
// annotation; it is database/sql's Null[T].
type Null[T any] = sql.Null[T]

// NullOf returns a valid Null holding v.
func NullOf[T any](v T) Null[T] { return Null[T]{V: v, Valid: true} }
