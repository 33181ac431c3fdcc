package orm_test

import (
	"database/sql/driver"
	"fmt"
	"strings"
)

// CaseInsensitive is a user type: CITEXT-like text compared in lower case,
// stored as TEXT (with a collation on MySQL).
type CaseInsensitive string

func (CaseInsensitive) ColumnDDL(dialect string) string {
	if dialect == "mysql" {
		return "varchar(100)"
	}
	return "text"
}

func (c CaseInsensitive) Value() (driver.Value, error) { return strings.ToLower(string(c)), nil }

func (c *CaseInsensitive) Scan(src any) error {
	switch v := src.(type) {
	case string:
		*c = CaseInsensitive(v)
	case []byte:
		*c = CaseInsensitive(v)
	default:
		return fmt.Errorf("cannot scan %T", src)
	}
	return nil
}
