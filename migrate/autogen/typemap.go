package autogen

import (
	"strings"

	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
	"github.com/flagon-go/flagon/migrate"
)

// neutralType converts a dialect's Atlas type back to a neutral type, and
// reports whether it is an autoincrementing (serial) type.
func neutralType(dialectName string, t schema.Type) (migrate.Type, bool) {
	switch t := t.(type) {
	case *postgres.SerialType:
		k := migrate.KindInteger
		switch strings.ToLower(t.T) {
		case "bigserial", "serial8":
			k = migrate.KindBigInteger
		case "smallserial", "serial2":
			k = migrate.KindSmallInteger
		}
		return migrate.Type{Kind: k}, true
	case *schema.IntegerType:
		return integerType(t.T), false
	case *schema.StringType:
		return stringType(t), false
	case *schema.BoolType:
		return migrate.Boolean(), false
	case *schema.FloatType:
		return migrate.Float(), false
	case *schema.DecimalType:
		return migrate.Numeric(t.Precision, t.Scale), false
	}
	return otherType(dialectName, t), false
}

// integerType maps integer type names.
func integerType(name string) migrate.Type {
	n := strings.ToLower(name)
	switch {
	case strings.HasPrefix(n, "bigint"), n == "int8":
		return migrate.BigInteger()
	case strings.HasPrefix(n, "smallint"), n == "int2", strings.HasPrefix(n, "tinyint"):
		return migrate.SmallInteger()
	}
	return migrate.Integer()
}

// stringType maps varchar and text types.
func stringType(t *schema.StringType) migrate.Type {
	n := strings.ToLower(t.T)
	if strings.Contains(n, "text") || n == "clob" {
		return migrate.Text()
	}
	return migrate.String(t.Size)
}

// otherType maps time, binary and structured types; anything else is
// kept verbatim as a raw type.
func otherType(dialectName string, t schema.Type) migrate.Type {
	switch t := t.(type) {
	case *schema.TimeType:
		return timeType(t.T)
	case *schema.BinaryType:
		return migrate.Bytes()
	case *schema.JSONType:
		return migrate.JSON()
	case *schema.UUIDType:
		return migrate.UUID()
	case *schema.EnumType:
		return migrate.Enum(t.T, t.Values...)
	}
	return migrate.Raw(formatType(dialectName, t))
}

// timeType maps date and time type names.
func timeType(name string) migrate.Type {
	n := strings.ToLower(name)
	switch {
	case n == "date":
		return migrate.Date()
	case strings.Contains(n, "with time zone"), n == "timestamptz":
		return migrate.DateTime(true)
	case strings.HasPrefix(n, "time") && !strings.HasPrefix(n, "timestamp"):
		return migrate.Time()
	}
	return migrate.DateTime(false)
}

// formatType prints a type as the dialect writes it ("unknown" when it
// cannot).
func formatType(dialectName string, t schema.Type) string {
	if s := FormatType(dialectName, t); s != "" {
		return s
	}
	return "unknown"
}

// FormatType prints an inspected type as the dialect declares it: an
// unsupported type's own text, or "" when the dialect cannot print it.
func FormatType(dialectName string, t schema.Type) string {
	var s string
	var err error
	switch dialectName {
	case migrate.PostgreSQL:
		s, err = postgres.FormatType(t)
	case migrate.MySQL:
		s, err = mysql.FormatType(t)
	default:
		s, err = sqlite.FormatType(t)
	}
	if err != nil {
		if u, ok := t.(*schema.UnsupportedType); ok {
			return u.T
		}
		return ""
	}
	return s
}
