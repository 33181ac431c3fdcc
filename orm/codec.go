package orm

import (
	"database/sql"
	"reflect"
	"time"
	"unsafe"

	"github.com/flagon-go/flagon/orm/dialect"
)

// A codec moves one struct field's value to and from the driver.
type codec struct {
	typ     reflect.Type // the field's type
	kind    dialect.Kind
	pointer bool // the field is *T
	deep    bool // a snapshot must copy the field's memory (*T, []byte)
	intScan bool // scan through intScanner (int, int32, int16, int8 fields)

	// destAt returns the Scan destination of the field at an address
	// (codec_dest.go).
	destAt func(p unsafe.Pointer) any
}

// newCodec describes the Go field type t holding a column of kind k.
func newCodec(t reflect.Type, k dialect.Kind) *codec {
	deep := t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8
	c := &codec{typ: t, kind: k, pointer: t.Kind() == reflect.Pointer, deep: deep}
	switch t.Kind() {
	case reflect.Int, reflect.Int32, reflect.Int16, reflect.Int8:
		c.intScan = !reflect.PointerTo(t).Implements(reflect.TypeFor[sql.Scanner]())
	}
	c.destAt = destAt(t, c)
	return c
}

// bind returns the driver argument for field value v.
func (c *codec) bind(v reflect.Value) any {
	if c.pointer {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	if c.kind == dialect.Bytes && v.Kind() == reflect.Slice && v.IsNil() {
		return []byte{} // a nil slice would be NULL
	}
	return v.Interface()
}

// scanDest returns a Scan destination writing into the addressable v: the
// field itself, or a *T holder of a joined row's nullable column, which
// scans as database/sql scans pointers (nil for NULL).
func (c *codec) scanDest(v reflect.Value) any {
	if v.Type() == c.typ {
		return c.destAt(v.Addr().UnsafePointer())
	}
	if d, ok := v.Addr().Interface().(**time.Duration); ok && c.kind == dialect.Interval {
		return nullDurationScanner{d}
	}
	return v.Addr().Interface()
}

// bindArg converts a Go value through the dialect's optional Converter.
func bindArg(d dialect.Dialect, k dialect.Kind, v any) (any, error) {
	if conv, ok := d.(dialect.Converter); ok && v != nil {
		return conv.BindValue(k, v)
	}
	return v, nil
}
