package orm

import (
	"reflect"
	"testing"
	"time"

	"github.com/flagon-go/flagon/orm/dialect"
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
	Money Decimal `orm:"type:numeric(10,2)"`
	Maybe Null[int64]
	destAudit
}

// TestScanDestinations checks the destination each field scans through
// and that it writes to that very field, embedded fields included.
func TestScanDestinations(t *testing.T) {
	want := map[string]any{
		"S": (*string)(nil), "I": intScanner[int]{}, "I32": intScanner[int32]{}, "I16": intScanner[int16]{},
		"I8": intScanner[int8]{}, "I64": (*int64)(nil), "B": (*bool)(nil), "F": (*float64)(nil),
		"Raw": (*[]byte)(nil), "At": (*time.Time)(nil), "PS": (**string)(nil), "PI": (**int64)(nil),
		"PAt": (**time.Time)(nil), "Span": durationScanner{}, "PSpan": nullDurationScanner{},
		"Named": (*destLabel)(nil), "Dec": (*Decimal)(nil), "Money": scaledDecimal{}, "Maybe": (*Null[int64])(nil),
		"Note": (*string)(nil), "Changed": (*time.Time)(nil),
	}
	var obj destSample
	v := reflect.ValueOf(&obj).Elem()
	tbl, err := tableOf[destSample]()
	if err != nil {
		t.Fatal(err)
	}
	if len(tbl.Columns) != len(want) {
		t.Fatalf("%d columns, want %d", len(tbl.Columns), len(want))
	}
	for _, c := range tbl.Columns {
		t.Run(c.Field, func(t *testing.T) {
			field := fieldByIndex(v, c.index)
			got := c.codec.scanDest(field)
			if reflect.TypeOf(got) != reflect.TypeOf(want[c.Field]) {
				t.Fatalf("destination %T, want %T", got, want[c.Field])
			}
			if p := destPointer(got); p != field.Addr().Pointer() {
				t.Errorf("destination writes to %#x, the field is at %#x", p, field.Addr().Pointer())
			}
		})
	}
}

// TestIntervalDestinationsScan checks that INTERVAL durations scan
// through their scanners (a bare *time.Duration would refuse the text form).
func TestIntervalDestinationsScan(t *testing.T) {
	var d time.Duration
	var pd *time.Duration
	cd := newCodec(reflect.TypeFor[time.Duration](), dialect.Interval)
	cpd := newCodec(reflect.TypeFor[*time.Duration](), dialect.Interval)
	if err := cd.scanDest(reflect.ValueOf(&d).Elem()).(interface{ Scan(any) error }).Scan("00:00:01.5"); err != nil || d != 1500*time.Millisecond {
		t.Errorf("duration from PostgreSQL's text = %v, %v; want 1.5s", d, err)
	}
	if err := cpd.scanDest(reflect.ValueOf(&pd).Elem()).(interface{ Scan(any) error }).Scan(nil); err != nil || pd != nil {
		t.Errorf("NULL duration = %v, %v; want nil", pd, err)
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
