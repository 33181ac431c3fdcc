package orm

import (
	"database/sql"
	"fmt"
	"reflect"
	"time"

	"github.com/flagon-go/flagon/orm/dialect"
)

var (
	typeTime      = reflect.TypeFor[time.Time]()
	typeDuration  = reflect.TypeFor[time.Duration]()
	typeBytes     = reflect.TypeFor[[]byte]()
	typeDecimal   = reflect.TypeFor[Decimal]()
	typeDate      = reflect.TypeFor[Date]()
	typeTimeOfDay = reflect.TypeFor[TimeOfDay]()
	typeUUID      = reflect.TypeFor[UUID]()
	typeEnum      = reflect.TypeFor[Enum]()
	typeUserType  = reflect.TypeFor[Type]()
	typeJSONish   = reflect.TypeFor[interface{ jsonColumn() }]()
)

// nullTypes are database/sql's Null* wrappers and the value type they hold.
var nullTypes = map[reflect.Type]reflect.Type{
	reflect.TypeFor[sql.NullString]():  reflect.TypeFor[string](),
	reflect.TypeFor[sql.NullInt64]():   reflect.TypeFor[int64](),
	reflect.TypeFor[sql.NullInt32]():   reflect.TypeFor[int32](),
	reflect.TypeFor[sql.NullInt16]():   reflect.TypeFor[int16](),
	reflect.TypeFor[sql.NullBool]():    reflect.TypeFor[bool](),
	reflect.TypeFor[sql.NullFloat64](): reflect.TypeFor[float64](),
	reflect.TypeFor[sql.NullTime]():    typeTime,
	reflect.TypeFor[sql.NullByte]():    reflect.TypeFor[int16](),
}

// unwrapNullable returns the value type of a nullable Go type (pointer,
// orm.Null[T] or sql.Null*) and whether t was nullable.
func unwrapNullable(t reflect.Type) (reflect.Type, bool) {
	if t.Kind() == reflect.Pointer {
		return t.Elem(), true
	}
	if v, ok := nullTypes[t]; ok {
		return v, true
	}
	if isNullWrapper(t) {
		return t.Field(0).Type, true
	}
	return t, false
}

// kindOf maps a non-nullable Go type to a portable column type.
func kindOf(t reflect.Type) (ColumnType, error) {
	if ct, ok := specialKind(t); ok {
		return ct, nil
	}
	switch t.Kind() {
	case reflect.Bool:
		return ColumnType{Kind: dialect.Boolean}, nil
	case reflect.Int, reflect.Int32, reflect.Uint16, reflect.Uint8:
		return ColumnType{Kind: dialect.Integer}, nil
	case reflect.Int64, reflect.Uint32, reflect.Uint, reflect.Uint64:
		return ColumnType{Kind: dialect.BigInteger}, nil
	case reflect.Int16, reflect.Int8:
		return ColumnType{Kind: dialect.SmallInteger}, nil
	case reflect.Float32, reflect.Float64:
		return ColumnType{Kind: dialect.Float}, nil
	case reflect.String:
		return ColumnType{Kind: dialect.String}, nil
	}
	return ColumnType{}, fmt.Errorf("unsupported Go type %s", t)
}

// specialKind maps the library's and user types, checked before kinds.
func specialKind(t reflect.Type) (ColumnType, bool) {
	switch {
	case t.Implements(typeUserType) || reflect.PointerTo(t).Implements(typeUserType):
		return userType(t), true
	case t.Implements(typeEnum):
		values := reflect.Zero(t).Interface().(Enum).Values()
		return ColumnType{Kind: dialect.Enum, EnumName: SnakeCase(t.Name()), EnumValues: values}, true
	case t.Implements(typeJSONish):
		return ColumnType{Kind: dialect.JSON}, true
	}
	kinds := map[reflect.Type]dialect.Kind{
		typeTime: dialect.DateTime, typeDuration: dialect.Interval, typeBytes: dialect.Bytes,
		typeDecimal: dialect.Numeric, typeDate: dialect.Date, typeTimeOfDay: dialect.Time, typeUUID: dialect.UUID,
	}
	k, ok := kinds[t]
	return ColumnType{Kind: k}, ok
}

// userType builds a Custom column type from an orm.Type implementation.
func userType(t reflect.Type) ColumnType {
	v := reflect.New(t).Elem().Interface()
	if _, ok := v.(Type); !ok {
		v = reflect.New(t).Interface()
	}
	u := v.(Type)
	return ColumnType{Kind: dialect.Custom, DDL: u.ColumnDDL}
}
