// Package dialect describes what differs between the SQL databases flagon's
// ORM speaks to: identifier quoting, bind parameters, column types, DDL
// planning and the classification of driver errors.
//
// One subpackage per database (sqlite, postgres, mysql) implements Dialect,
// each with the same file set. Optional capabilities are extra interfaces
// found by a type assertion with a fallback, as in database/sql/driver.
package dialect

import (
	"context"
	"database/sql/driver"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/schema"
)

// A Dialect is the behaviour of one SQL database family.
type Dialect interface {
	// Name returns the SQLAlchemy dialect name: "sqlite", "postgresql" or "mysql".
	Name() string
	// DriverName returns the database/sql driver name to open.
	DriverName() string
	// DSN builds the driver's data source name from a parsed URL.
	DSN(cfg Config) (string, error)
	// Quote quotes an identifier.
	Quote(ident string) string
	// Placeholder returns the bind parameter for the i-th argument (from 1).
	Placeholder(i int) string
	// Rebind rewrites the '?' placeholders of query to the dialect's form.
	Rebind(query string) string
	// Features reports the optional SQL features the database supports.
	Features() Feature
	// ColumnType converts a portable column type to Atlas's schema type for
	// this database, given whether the column autoincrements, with any
	// column attributes the database needs (e.g. MySQL AUTO_INCREMENT).
	ColumnType(ct ColumnType, autoincrement bool) (schema.Type, []schema.Attr, error)
	// ColumnDDL renders a column type as it appears in CREATE TABLE.
	ColumnDDL(ct ColumnType, autoincrement bool) (string, error)
	// Planner returns the Atlas planner that turns schema changes into DDL.
	Planner() migrate.PlanApplier
	// ListTablesSQL returns a query listing the table names of the current
	// database or schema, one per row.
	ListTablesSQL() string
	// TranslateError classifies a driver error into a *ConstraintError
	// when it is a constraint violation, and returns it unchanged otherwise.
	TranslateError(err error) error
}

// A Feature is a set of optional SQL features as bit flags.
type Feature uint32

// The optional features a Dialect may report.
const (
	// Returning is INSERT/UPDATE/DELETE ... RETURNING.
	Returning Feature = 1 << iota
	// OnConflict is INSERT ... ON CONFLICT (...) DO UPDATE.
	OnConflict
	// OnDuplicateKey is INSERT ... ON DUPLICATE KEY UPDATE.
	OnDuplicateKey
	// TransactionalDDL means DDL statements can be rolled back.
	TransactionalDDL
	// Savepoints is SAVEPOINT / ROLLBACK TO SAVEPOINT.
	Savepoints
	// NativeEnum is a database enum type (CREATE TYPE or ENUM(...)).
	NativeEnum
	// LastInsertID means sql.Result.LastInsertId reports generated keys.
	LastInsertID
	// DropIfExists is DROP TABLE IF EXISTS.
	DropIfExists
	// CreateTypeEnum means enums are named types created before tables.
	CreateTypeEnum
	// DriverStmtCache means the driver prepares and caches statements per
	// connection by itself (pgx's statement cache), so a transaction runs
	// its statements by text instead of preparing them again on its
	// connection.
	DriverStmtCache
	// SizedIntegers means INTEGER holds 32 bits and SMALLINT 16 (SQLite's
	// hold 64): a larger Go integer written to one is an error.
	SizedIntegers
	// InferredParamTypes means the server types a placeholder after the
	// column it is compared with (PostgreSQL), so a Go integer beyond that
	// column's range cannot even be sent: comparisons cast such values to
	// a wider type and the server compares them as psycopg's typed
	// parameters are.
	InferredParamTypes
)

// Has reports whether all features in f2 are in f.
func (f Feature) Has(f2 Feature) bool { return f&f2 == f2 }

// An EnumLister is an optional Dialect capability for databases whose
// enums are named types: it lists the enum type names of the current schema.
type EnumLister interface {
	ListEnumsSQL() string
}

// A Converter is an optional Dialect capability that changes how values of a
// kind are bound and scanned (e.g. PostgreSQL intervals). Without it values
// are passed to the driver unchanged.
type Converter interface {
	// BindValue converts a Go value of the kind before it is sent.
	BindValue(k Kind, v any) (any, error)
}

// A Connector is an optional Dialect capability for drivers that need
// setup on every new connection: the engine opens its pool on the returned
// connector instead of sql.Open(DriverName(), dsn).
type Connector interface {
	// Connector returns a connector for the data source name that DSN built.
	Connector(dsn string) (driver.Connector, error)
}

// An ArrayBinder is an optional Dialect capability for databases that can
// bind a whole column of rows as one array parameter and expand it with
// unnest (PostgreSQL): a multi-row insert then sends one parameter per
// column, and its statement text is the same for any number of rows.
type ArrayBinder interface {
	// ArrayCast returns the array type that a column of type ct is bound as.
	ArrayCast(ct ColumnType) (string, error)
	// ArrayValue returns the driver argument for a column of kind k given
	// as a typed slice ([]string, []int64, []bool, []float64) or as []any.
	ArrayValue(k Kind, elems any) any
}

// A Copier is an optional Dialect capability for databases with a bulk-load
// protocol (PostgreSQL's COPY FROM STDIN).
type Copier interface {
	// CopyFrom loads rows into table's columns over driverConn, the raw
	// driver connection from sql.Conn.Raw, and returns the rows copied.
	// enums names the enum types among the columns, which the driver must
	// know before it can encode them.
	CopyFrom(ctx context.Context, driverConn any, table string, columns []string, enums []string, rows [][]any) (int64, error)
}

// A RowReader is an optional Dialect capability: running a query on the raw
// driver connection (from sql.Conn.Raw) and scanning its rows directly,
// without database/sql's conversions per row. The ORM uses it to read the
// keys that a multi-row insert returns.
type RowReader interface {
	// ReadRows runs query and calls row for each result row with the
	// function that scans it into dest pointers.
	ReadRows(ctx context.Context, driverConn any, query string, args []any, row func(scan func(dest ...any) error) error) error
}
