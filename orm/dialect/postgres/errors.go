package postgres

import (
	"errors"

	"github.com/flagon-go/flagon/orm/dialect"
	"github.com/jackc/pgx/v5/pgconn"
)

// sqlStates maps PostgreSQL SQLSTATE codes to violation kinds.
var sqlStates = map[string]error{
	"23505": dialect.ErrUniqueViolation,
	"23503": dialect.ErrForeignKeyViolation,
	"23502": dialect.ErrNotNullViolation,
	"23514": dialect.ErrCheckViolation,
}

// TranslateError classifies pgx errors by SQLSTATE.
func (Dialect) TranslateError(err error) error {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return err
	}
	return dialect.Violation(sqlStates[pe.Code], err)
}
