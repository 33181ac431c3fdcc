package migrate

// This file is the only place where package migrate depends on the ORM: it
// reuses the ORM's portable column types and their per-dialect Atlas types.

import (
	"database/sql"
	"fmt"

	"ariga.io/atlas/sql/schema"
	"github.com/flagon-go/flagon/orm/dialect"
	"github.com/flagon-go/flagon/orm/dialect/mysql"
	"github.com/flagon-go/flagon/orm/dialect/postgres"
	"github.com/flagon-go/flagon/orm/dialect/sqlite"
)

// Type is a dialect-neutral column type: the ORM's portable column type.
type Type = dialect.ColumnType

// Kind is a Type's family, such as integer or string.
type Kind = dialect.Kind

// The type kinds, re-exported from the ORM.
const (
	KindInteger      = dialect.Integer
	KindBigInteger   = dialect.BigInteger
	KindSmallInteger = dialect.SmallInteger
	KindString       = dialect.String
	KindText         = dialect.Text
	KindBoolean      = dialect.Boolean
	KindFloat        = dialect.Float
	KindNumeric      = dialect.Numeric
	KindDate         = dialect.Date
	KindDateTime     = dialect.DateTime
	KindTime         = dialect.Time
	KindInterval     = dialect.Interval
	KindBytes        = dialect.Bytes
	KindJSON         = dialect.JSON
	KindUUID         = dialect.UUID
	KindEnum         = dialect.Enum
	KindCustom       = dialect.Custom
)

// Dialect names accepted throughout the package.
const (
	SQLite     = "sqlite"
	PostgreSQL = "postgresql"
	MySQL      = "mysql"
)

// ormDialect returns the ORM dialect for a dialect name.
func ormDialect(name string) (dialect.Dialect, error) {
	switch name {
	case SQLite:
		return sqlite.New(), nil
	case PostgreSQL:
		return postgres.New(), nil
	case MySQL:
		return mysql.New(), nil
	}
	return nil, fmt.Errorf("migrate: unknown dialect %q (want sqlite, postgresql or mysql)", name)
}

// atlasType converts a neutral type to the dialect's Atlas type.
func atlasType(dialectName string, t Type, autoincrement bool) (schema.Type, []schema.Attr, error) {
	if t.Kind == dialect.Custom && t.DDL == nil {
		return nil, nil, fmt.Errorf("migrate: custom type without DDL")
	}
	d, err := ormDialect(dialectName)
	if err != nil {
		return nil, nil, err
	}
	return d.ColumnType(t, autoincrement)
}

// Raw returns a custom type whose DDL is the given text on every dialect.
func Raw(ddl string) Type {
	return Type{Kind: dialect.Custom, DDL: func(string) string { return ddl }}
}

// A DB is an opened database as the ORM provides it (*orm.DB satisfies it).
type DB interface {
	// SQL returns the connection pool.
	SQL() *sql.DB
	// Dialect returns the database's dialect.
	Dialect() dialect.Dialect
}
