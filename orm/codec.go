package orm

import (
	"database/sql"
	"database/sql/driver"
	"reflect"
	"time"
	"unsafe"

	"github.com/flagon-go/flagon/orm/dialect"
)

// A codec moves one struct field's value to and from the driver.
type codec struct {
	typ      reflect.Type // the field's type
	kind     dialect.Kind
	pointer  bool // the field is *T
	nullWrap bool // the field is a sql.Null-like wrapper (Null[T], sql.NullString, ...)
	deep     bool // a snapshot must copy the field's memory (*T, []byte)
	intScan  bool // scan through intScanner (int, int32, int16, int8 fields)
	scale    int  // fractional digits of Numeric results, noScale when unknown

	// destAt returns the Scan destination of the field at an address
	// (codec_dest.go).
	destAt func(p unsafe.Pointer) any
}

// newCodec describes the Go field type t holding a column of kind k.
func newCodec(t reflect.Type, k dialect.Kind) *codec { return newScaledCodec(t, k, noScale) }

// newScaledCodec is newCodec for a column whose Numeric results have
// scale (noScale when unknown).
func newScaledCodec(t reflect.Type, k dialect.Kind, scale int) *codec {
	deep := t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8
	c := &codec{typ: t, kind: k, pointer: t.Kind() == reflect.Pointer, deep: deep, scale: scale}
	_, wrapped := unwrapNullable(t)
	c.nullWrap = wrapped && !c.pointer
	switch t.Kind() {
	case reflect.Int, reflect.Int32, reflect.Int16, reflect.Int8:
		c.intScan = !reflect.PointerTo(t).Implements(reflect.TypeFor[sql.Scanner]())
	}
	c.destAt = destAt(t, c)
	return c
}

// nullable reports whether the field can hold NULL: a pointer or a
// sql.Null-like wrapper.
func (c *codec) nullable() bool { return c.pointer || c.nullWrap }

// isNull reports whether field value v holds NULL.
func (c *codec) isNull(v reflect.Value) bool {
	switch {
	case c.pointer:
		return v.IsNil()
	case !c.nullWrap:
		return false
	}
	if vr, ok := v.Interface().(driver.Valuer); ok {
		val, err := vr.Value()
		return err == nil && val == nil
	}
	return v.IsZero()
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
	if d, ok := decimalDest(v.Addr().Interface(), c.scale); ok && c.kind == dialect.Numeric && c.scale != noScale {
		return d
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
