package orm

import (
	"reflect"
	"testing"
	"time"
	"unsafe"
)

type destLabel string

// destAudit is embedded by value: its fields sit at an offset within it.
type destAudit struct {
	Note    string
	Changed time.Time
}

// destSample has a field of each kind of scan destination.
type destSample struct {
	S     string
	I     int
	I32   int32
	I16   smallID
	I8    int8
	I64   int64
	B     bool
	F     float64
	Raw   []byte
	At    time.Time
	PS    *string
	PI    *int64
	PAt   *time.Time
	Span  time.Duration
	PSpan *time.Duration
	Named destLabel
	Dec   Decimal
	Maybe Null[int64]
	destAudit
}

// TestDestAtMatchesScanDest checks that the destination made from a
// field's address is the one scanDest makes from the reflect.Value: the
// same type, pointing at the same field.
func TestDestAtMatchesScanDest(t *testing.T) {
	var obj destSample
	v := reflect.ValueOf(&obj).Elem()
	tbl, err := tableOf[destSample]()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range tbl.Columns {
		t.Run(c.Field, func(t *testing.T) {
			want := c.codec.scanDest(fieldByIndex(v, c.index))
			got := c.codec.destAt(unsafe.Add(unsafe.Pointer(&obj), c.offset))
			if reflect.TypeOf(got) != reflect.TypeOf(want) {
				t.Fatalf("destAt gives %T, scanDest %T", got, want)
			}
			if gp, wp := destPointer(got), destPointer(want); gp != wp {
				t.Errorf("destAt points at %#x, scanDest at %#x", gp, wp)
			}
		})
	}
}

// destPointer returns the address a destination writes to: the pointer
// itself, or the one pointer field of a scanner wrapper.
func destPointer(d any) uintptr {
	v := reflect.ValueOf(d)
	if v.Kind() == reflect.Struct {
		v = v.Field(0)
	}
	return v.Pointer()
}
