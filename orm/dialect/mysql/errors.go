package mysql

import (
	"errors"

	"github.com/flagon-go/flagon/orm/dialect"
	driver "github.com/go-sql-driver/mysql"
)

// errorNumbers maps MySQL and MariaDB error numbers to violation kinds.
var errorNumbers = map[uint16]error{
	1062: dialect.ErrUniqueViolation,     // ER_DUP_ENTRY
	1586: dialect.ErrUniqueViolation,     // ER_DUP_ENTRY_WITH_KEY_NAME
	1451: dialect.ErrForeignKeyViolation, // ER_ROW_IS_REFERENCED_2
	1452: dialect.ErrForeignKeyViolation, // ER_NO_REFERENCED_ROW_2
	1216: dialect.ErrForeignKeyViolation, // ER_NO_REFERENCED_ROW
	1217: dialect.ErrForeignKeyViolation, // ER_ROW_IS_REFERENCED
	1048: dialect.ErrNotNullViolation,    // ER_BAD_NULL_ERROR
	1364: dialect.ErrNotNullViolation,    // ER_NO_DEFAULT_FOR_FIELD
	3819: dialect.ErrCheckViolation,      // ER_CHECK_CONSTRAINT_VIOLATED (MySQL)
	4025: dialect.ErrCheckViolation,      // ER_CONSTRAINT_FAILED (MariaDB)
}

// TranslateError classifies go-sql-driver errors by error number.
func (Dialect) TranslateError(err error) error {
	var me *driver.MySQLError
	if !errors.As(err, &me) {
		return err
	}
	return dialect.Violation(errorNumbers[me.Number], err)
}
