package orm

import (
	"reflect"
	"time"
	"unsafe"

	"github.com/flagon-go/flagon/orm/dialect"
)

// destAt returns the function that makes the Scan destination of a field
// of type t from its address: rows of a model query are scanned at the
// columns' fixed offsets, without walking each field's index path by
// reflection per row. Durations of INTERVAL columns, small integers and
// Decimals of NUMERIC columns with a declared scale (which they keep) get
// scanners; the common types a typed pointer; others a pointer made by
// reflection.
func destAt(t reflect.Type, c *codec) func(p unsafe.Pointer) any {
	switch {
	case c.kind == dialect.Interval && t == reflect.TypeFor[time.Duration]():
		return func(p unsafe.Pointer) any { return durationScanner{(*time.Duration)(p)} }
	case c.kind == dialect.Interval && t == reflect.TypeFor[*time.Duration]():
		return func(p unsafe.Pointer) any { return nullDurationScanner{(**time.Duration)(p)} }
	case c.intScan:
		return intDestAt(t.Kind())
	case c.kind == dialect.Numeric && c.scale != noScale && isDecimalField(t):
		return func(p unsafe.Pointer) any {
			d, _ := decimalDest(reflect.NewAt(t, p).Interface(), c.scale)
			return d
		}
	}
	if f := basicDestAt(t); f != nil {
		return f
	}
	return func(p unsafe.Pointer) any { return reflect.NewAt(t, p).Interface() }
}

// isDecimalField reports a Decimal, *Decimal or Null[Decimal] field,
// which scans with its column's scale.
func isDecimalField(t reflect.Type) bool {
	_, ok := decimalDest(reflect.New(t).Interface(), noScale)
	return ok
}

// intDestAt returns intScanners for int, int32, int16 and int8 fields.
func intDestAt(k reflect.Kind) func(p unsafe.Pointer) any {
	switch k {
	case reflect.Int:
		return func(p unsafe.Pointer) any { return intScanner[int]{(*int)(p)} }
	case reflect.Int32:
		return func(p unsafe.Pointer) any { return intScanner[int32]{(*int32)(p)} }
	case reflect.Int16:
		return func(p unsafe.Pointer) any { return intScanner[int16]{(*int16)(p)} }
	}
	return func(p unsafe.Pointer) any { return intScanner[int8]{(*int8)(p)} }
}

// basicDestAt returns typed pointers for the most common field types
// (exactly these types, not named ones), or nil.
func basicDestAt(t reflect.Type) func(p unsafe.Pointer) any {
	switch t {
	case reflect.TypeFor[string]():
		return func(p unsafe.Pointer) any { return (*string)(p) }
	case reflect.TypeFor[int64]():
		return func(p unsafe.Pointer) any { return (*int64)(p) }
	case reflect.TypeFor[bool]():
		return func(p unsafe.Pointer) any { return (*bool)(p) }
	case reflect.TypeFor[float64]():
		return func(p unsafe.Pointer) any { return (*float64)(p) }
	case reflect.TypeFor[[]byte]():
		return func(p unsafe.Pointer) any { return (*[]byte)(p) }
	case reflect.TypeFor[time.Time]():
		return func(p unsafe.Pointer) any { return (*time.Time)(p) }
	case reflect.TypeFor[*string]():
		return func(p unsafe.Pointer) any { return (**string)(p) }
	case reflect.TypeFor[*int64]():
		return func(p unsafe.Pointer) any { return (**int64)(p) }
	case reflect.TypeFor[*time.Time]():
		return func(p unsafe.Pointer) any { return (**time.Time)(p) }
	}
	return nil
}
