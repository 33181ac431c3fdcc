package sqlite

import (
	"fmt"

	"ariga.io/atlas/sql/schema"
	atlas "ariga.io/atlas/sql/sqlite"
	"github.com/flagon-go/flagon/orm/dialect"
)

// ColumnType maps a portable type to SQLite's declared types. An
// autoincrementing integer primary key of any size is INTEGER so that it
// aliases the rowid (SQLAlchemy's BIGINT would not autoincrement).
func (Dialect) ColumnType(ct dialect.ColumnType, autoincrement bool) (schema.Type, []schema.Attr, error) {
	if autoincrement && ct.Kind.Integral() {
		return &schema.IntegerType{T: atlas.TypeInteger}, nil, nil
	}
	t, err := columnType(ct)
	return t, nil, err
}

// columnType maps the numeric and string kinds.
func columnType(ct dialect.ColumnType) (schema.Type, error) {
	switch ct.Kind {
	case dialect.Integer:
		return &schema.IntegerType{T: atlas.TypeInteger}, nil
	case dialect.BigInteger:
		return &schema.IntegerType{T: "bigint"}, nil
	case dialect.SmallInteger:
		return &schema.IntegerType{T: "smallint"}, nil
	case dialect.String:
		return &schema.StringType{T: sized("varchar", ct.Size), Size: ct.Size}, nil
	case dialect.Text:
		return &schema.StringType{T: atlas.TypeText}, nil
	case dialect.Boolean:
		return &schema.BoolType{T: "boolean"}, nil
	case dialect.Float:
		return &schema.FloatType{T: atlas.TypeReal}, nil
	case dialect.Numeric:
		if ct.Precision == 0 {
			return &schema.DecimalType{T: "numeric"}, nil
		}
		t := fmt.Sprintf("numeric(%d, %d)", ct.Precision, ct.Scale)
		return &schema.DecimalType{T: t, Precision: ct.Precision, Scale: ct.Scale}, nil
	}
	return otherType(ct)
}

// otherType maps the time, binary and structured kinds.
func otherType(ct dialect.ColumnType) (schema.Type, error) {
	switch ct.Kind {
	case dialect.Date:
		return &schema.TimeType{T: "date"}, nil
	case dialect.DateTime:
		return &schema.TimeType{T: "datetime"}, nil
	case dialect.Time:
		return &schema.TimeType{T: "time"}, nil
	case dialect.Interval:
		return &schema.IntegerType{T: "bigint"}, nil
	case dialect.Bytes:
		return &schema.BinaryType{T: atlas.TypeBlob}, nil
	case dialect.JSON:
		return &schema.JSONType{T: "json"}, nil
	case dialect.UUID:
		return &schema.UUIDType{T: "uuid"}, nil
	case dialect.Enum:
		return &schema.StringType{T: sized("varchar", longest(ct.EnumValues)), Size: longest(ct.EnumValues)}, nil
	case dialect.Custom:
		return atlas.ParseType(ct.DDL("sqlite"))
	}
	return nil, fmt.Errorf("sqlite: unsupported column kind %s", ct.Kind)
}

// longest returns the length of the longest value, as SQLAlchemy sizes a
// non-native enum's VARCHAR.
func longest(values []string) int {
	n := 0
	for _, v := range values {
		n = max(n, len(v))
	}
	return n
}

// ColumnDDL renders a column type as in CREATE TABLE.
func (d Dialect) ColumnDDL(ct dialect.ColumnType, autoincrement bool) (string, error) {
	t, _, err := d.ColumnType(ct, autoincrement)
	if err != nil {
		return "", err
	}
	return atlas.FormatType(t)
}

// sized appends "(n)" to a type name when n > 0; Atlas's SQLite formatter
// prints only the name, so the size is kept in it as SQLAlchemy emits it.
func sized(name string, n int) string {
	if n <= 0 {
		return name
	}
	return fmt.Sprintf("%s(%d)", name, n)
}
