package sqlite

import (
	"errors"

	"github.com/flagon-go/flagon/orm/dialect"
	driver "modernc.org/sqlite"
	lib "modernc.org/sqlite/lib"
)

// resultCodes maps SQLite extended result codes to violation kinds.
var resultCodes = map[int]error{
	lib.SQLITE_CONSTRAINT_UNIQUE:     dialect.ErrUniqueViolation,
	lib.SQLITE_CONSTRAINT_PRIMARYKEY: dialect.ErrUniqueViolation,
	lib.SQLITE_CONSTRAINT_FOREIGNKEY: dialect.ErrForeignKeyViolation,
	lib.SQLITE_CONSTRAINT_NOTNULL:    dialect.ErrNotNullViolation,
	lib.SQLITE_CONSTRAINT_CHECK:      dialect.ErrCheckViolation,
}

// TranslateError classifies modernc errors by extended result code.
func (Dialect) TranslateError(err error) error {
	var se *driver.Error
	if !errors.As(err, &se) {
		return err
	}
	return dialect.Violation(resultCodes[se.Code()], err)
}
