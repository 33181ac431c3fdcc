package postgres

import (
	"fmt"
	"strconv"
	"time"

	atlas "ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/schema"
	"github.com/flagon-go/flagon/orm/dialect"
)

// ColumnType maps a portable type to PostgreSQL's; autoincrementing
// integers become SERIAL types, as SQLAlchemy emits.
func (Dialect) ColumnType(ct dialect.ColumnType, autoincrement bool) (schema.Type, []schema.Attr, error) {
	if autoincrement && ct.Kind.Integral() {
		return &atlas.SerialType{T: serials[ct.Kind]}, nil, nil
	}
	t, err := columnType(ct)
	return t, nil, err
}

var serials = map[dialect.Kind]string{
	dialect.Integer: "serial", dialect.BigInteger: "bigserial", dialect.SmallInteger: "smallserial",
}

// columnType maps non-serial kinds.
func columnType(ct dialect.ColumnType) (schema.Type, error) {
	switch ct.Kind {
	case dialect.Integer:
		return &schema.IntegerType{T: atlas.TypeInteger}, nil
	case dialect.BigInteger:
		return &schema.IntegerType{T: atlas.TypeBigInt}, nil
	case dialect.SmallInteger:
		return &schema.IntegerType{T: atlas.TypeSmallInt}, nil
	case dialect.String:
		if ct.Size == 0 {
			return &schema.StringType{T: atlas.TypeCharVar}, nil
		}
		return &schema.StringType{T: atlas.TypeCharVar, Size: ct.Size}, nil
	case dialect.Text:
		return &schema.StringType{T: atlas.TypeText}, nil
	case dialect.Boolean:
		return &schema.BoolType{T: atlas.TypeBoolean}, nil
	case dialect.Float:
		return &schema.FloatType{T: atlas.TypeDouble, Precision: 53}, nil
	case dialect.Numeric:
		return &schema.DecimalType{T: atlas.TypeNumeric, Precision: ct.Precision, Scale: ct.Scale}, nil
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
		if ct.TZ {
			return &schema.TimeType{T: atlas.TypeTimestampTZ, Precision: &p}, nil
		}
		return &schema.TimeType{T: atlas.TypeTimestamp, Precision: &p}, nil
	case dialect.Time:
		return &schema.TimeType{T: atlas.TypeTime, Precision: &p}, nil
	case dialect.Interval:
		return &atlas.IntervalType{T: atlas.TypeInterval, Precision: &p}, nil
	case dialect.Bytes:
		return &schema.BinaryType{T: atlas.TypeBytea}, nil
	case dialect.JSON:
		return &schema.JSONType{T: atlas.TypeJSON}, nil
	case dialect.UUID:
		return &schema.UUIDType{T: atlas.TypeUUID}, nil
	case dialect.Enum:
		return &schema.EnumType{T: ct.EnumName, Values: ct.EnumValues}, nil
	case dialect.Custom:
		return atlas.ParseType(ct.DDL("postgresql"))
	}
	return nil, fmt.Errorf("postgresql: unsupported column kind %s", ct.Kind)
}

// ColumnDDL renders a column type as in CREATE TABLE.
func (d Dialect) ColumnDDL(ct dialect.ColumnType, autoincrement bool) (string, error) {
	t, _, err := d.ColumnType(ct, autoincrement)
	if err != nil {
		return "", err
	}
	if e, ok := t.(*schema.EnumType); ok {
		return d.Quote(e.T), nil
	}
	return atlas.FormatType(t)
}

// BindValue sends durations as PostgreSQL interval literals in microseconds.
func (Dialect) BindValue(k dialect.Kind, v any) (any, error) {
	if d, ok := v.(time.Duration); ok && k == dialect.Interval {
		return strconv.FormatInt(d.Microseconds(), 10) + " microseconds", nil
	}
	return v, nil
}

// ArrayCast returns the array of the column's type without SERIAL, for
// multi-row inserts that bind each column as one array. Enum and user
// types go through text[]: their array types have OIDs that the driver
// cannot know in advance, while the text array converts on the server.
func (d Dialect) ArrayCast(ct dialect.ColumnType) (string, error) {
	s, err := d.ColumnDDL(ct, false)
	if ct.Kind == dialect.Enum || ct.Kind == dialect.Custom {
		return "text[]::" + s + "[]", err
	}
	return s + "[]", err
}
