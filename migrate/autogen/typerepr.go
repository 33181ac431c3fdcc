package autogen

import (
	"fmt"
	"strings"

	"github.com/flagon-go/flagon/migrate"
)

// modelRepr writes a model's type as SQLAlchemy's repr of its generic
// type, as Alembic's "Detected type change" shows it: String(length=10),
// Integer(), Numeric(precision=10, scale=2), DateTime(timezone=True).
func modelRepr(t migrate.Type) string {
	switch t.Kind {
	case migrate.KindString:
		return sized("String", t.Size)
	case migrate.KindNumeric:
		return fmt.Sprintf("Numeric(precision=%d, scale=%d)", t.Precision, t.Scale)
	case migrate.KindDateTime:
		return tzRepr("DateTime", t.TZ)
	case migrate.KindEnum:
		return "Enum(" + enumArgs(t, true) + ")"
	case migrate.KindCustom:
		return t.DDL("")
	}
	return map[migrate.Kind]string{
		migrate.KindInteger: "Integer()", migrate.KindBigInteger: "BigInteger()", migrate.KindSmallInteger: "SmallInteger()",
		migrate.KindText: "Text()", migrate.KindBoolean: "Boolean()", migrate.KindFloat: "Float()", migrate.KindDate: "Date()",
		migrate.KindTime: "Time()", migrate.KindInterval: "Interval()", migrate.KindBytes: "LargeBinary()",
		migrate.KindJSON: "JSON()", migrate.KindUUID: "Uuid()",
	}[t.Kind]
}

// dbRepr writes a database column's type as SQLAlchemy's repr of the type
// it reflects on that dialect: VARCHAR(length=128), INTEGER(),
// TIMESTAMP(timezone=True), TINYINT(display_width=1).
func dbRepr(t migrate.Type, dialectName string) string {
	pg, my := dialectName == migrate.PostgreSQL, dialectName == migrate.MySQL
	switch t.Kind {
	case migrate.KindString:
		return sized("VARCHAR", t.Size)
	case migrate.KindNumeric:
		name := "NUMERIC"
		if my {
			name = "DECIMAL"
		}
		return fmt.Sprintf("%s(precision=%d, scale=%d)", name, t.Precision, t.Scale)
	case migrate.KindDateTime:
		if pg {
			return tzRepr("TIMESTAMP", t.TZ)
		}
		return "DATETIME()"
	case migrate.KindBoolean:
		if my {
			return "TINYINT(display_width=1)"
		}
		return "BOOLEAN()"
	case migrate.KindFloat:
		if pg {
			return "DOUBLE_PRECISION(precision=53)"
		}
		return "FLOAT()"
	case migrate.KindBytes:
		if pg {
			return "BYTEA()"
		}
		return "BLOB()"
	case migrate.KindUUID:
		if my {
			return "CHAR(length=36)"
		}
		return "UUID()"
	case migrate.KindEnum:
		if pg || my {
			return "ENUM(" + enumArgs(t, pg) + ")"
		}
		return sized("VARCHAR", longest(t.EnumValues))
	case migrate.KindCustom:
		return strings.ToUpper(t.DDL(dialectName)) + "()"
	}
	return map[migrate.Kind]string{
		migrate.KindInteger: "INTEGER()", migrate.KindBigInteger: "BIGINT()", migrate.KindSmallInteger: "SMALLINT()",
		migrate.KindText: "TEXT()", migrate.KindDate: "DATE()", migrate.KindTime: "TIME()", migrate.KindInterval: "INTERVAL()",
		migrate.KindJSON: "JSON()",
	}[t.Kind]
}

// sized is "NAME(length=n)", or "NAME()" without a length.
func sized(name string, n int) string {
	if n == 0 {
		return name + "()"
	}
	return fmt.Sprintf("%s(length=%d)", name, n)
}

// tzRepr is "NAME()" or "NAME(timezone=True)".
func tzRepr(name string, tz bool) string {
	if tz {
		return name + "(timezone=True)"
	}
	return name + "()"
}

// enumArgs lists an enum's values, quoted, then its name when named.
func enumArgs(t migrate.Type, named bool) string {
	parts := make([]string, 0, len(t.EnumValues)+1)
	for _, v := range t.EnumValues {
		parts = append(parts, "'"+strings.ReplaceAll(v, "'", "\\'")+"'")
	}
	if named && t.EnumName != "" {
		parts = append(parts, "name='"+t.EnumName+"'")
	}
	return strings.Join(parts, ", ")
}

// longest is the length of the longest value.
func longest(vals []string) int {
	n := 0
	for _, v := range vals {
		n = max(n, len(v))
	}
	return n
}
