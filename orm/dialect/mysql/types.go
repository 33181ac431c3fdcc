package mysql

import (
	"fmt"
	"strings"

	atlas "ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/schema"
	"github.com/flagon-go/flagon/orm/dialect"
)

// ColumnType maps a portable type to MySQL's; autoincrementing integers
// carry the AUTO_INCREMENT attribute.
func (Dialect) ColumnType(ct dialect.ColumnType, autoincrement bool) (schema.Type, []schema.Attr, error) {
	t, err := columnType(ct)
	if autoincrement && ct.Kind.Integral() {
		return t, []schema.Attr{&atlas.AutoIncrement{}}, err
	}
	return t, nil, err
}

// columnType maps the numeric and string kinds.
func columnType(ct dialect.ColumnType) (schema.Type, error) {
	switch ct.Kind {
	case dialect.Integer:
		return &schema.IntegerType{T: atlas.TypeInt}, nil
	case dialect.BigInteger:
		return &schema.IntegerType{T: atlas.TypeBigInt}, nil
	case dialect.SmallInteger:
		return &schema.IntegerType{T: atlas.TypeSmallInt}, nil
	case dialect.String:
		size := ct.Size
		if size == 0 {
			size = 255
		}
		return &schema.StringType{T: atlas.TypeVarchar, Size: size}, nil
	case dialect.Text:
		return &schema.StringType{T: atlas.TypeLongText}, nil
	case dialect.Boolean:
		return &schema.BoolType{T: atlas.TypeBool}, nil
	case dialect.Float:
		return &schema.FloatType{T: atlas.TypeDouble}, nil
	case dialect.Numeric:
		if ct.Precision == 0 {
			return &schema.DecimalType{T: atlas.TypeDecimal, Precision: 65, Scale: 30}, nil
		}
		return &schema.DecimalType{T: atlas.TypeDecimal, Precision: ct.Precision, Scale: ct.Scale}, nil
	}
	return otherType(ct)
}

// otherType maps the time, binary and structured kinds.
func otherType(ct dialect.ColumnType) (schema.Type, error) {
	p := 6
	switch ct.Kind {
	case dialect.Date:
		return &schema.TimeType{T: atlas.TypeDate}, nil
	case dialect.DateTime:
		return &schema.TimeType{T: atlas.TypeDateTime, Precision: &p}, nil
	case dialect.Time:
		return &schema.TimeType{T: atlas.TypeTime, Precision: &p}, nil
	case dialect.Interval:
		return &schema.IntegerType{T: atlas.TypeBigInt}, nil
	case dialect.Bytes:
		return &schema.BinaryType{T: atlas.TypeLongBlob}, nil
	case dialect.JSON:
		return &schema.JSONType{T: atlas.TypeJSON}, nil
	case dialect.UUID:
		return &schema.StringType{T: atlas.TypeChar, Size: 36}, nil
	case dialect.Enum:
		return &schema.EnumType{T: atlas.TypeEnum, Values: escapeQuotes(ct.EnumValues)}, nil
	case dialect.Custom:
		return atlas.ParseType(ct.DDL("mysql"))
	}
	return nil, fmt.Errorf("mysql: unsupported column kind %s", ct.Kind)
}

// ColumnDDL renders a column type as in CREATE TABLE.
func (d Dialect) ColumnDDL(ct dialect.ColumnType, autoincrement bool) (string, error) {
	t, _, err := d.ColumnType(ct, autoincrement)
	if err != nil {
		return "", err
	}
	return atlas.FormatType(t)
}

// escapeQuotes doubles single quotes: Atlas's MySQL formatter writes enum
// values between quotes without escaping them.
func escapeQuotes(values []string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = strings.ReplaceAll(v, "'", "''")
	}
	return out
}
