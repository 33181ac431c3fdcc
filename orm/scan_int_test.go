package orm

import (
	"reflect"
	"strings"
	"testing"
)

type smallID int16

func TestIntScanner(t *testing.T) {
	tests := []struct {
		name    string
		src     any
		want    int64
		wantErr string
	}{
		{"int64", int64(-42), -42, ""},
		{"text bytes (MySQL text protocol)", []byte("300"), 300, ""},
		{"string", "7", 7, ""},
		{"max of int16", int64(32767), 32767, ""},
		{"out of range", int64(32768), 0, "out of range"},
		{"NULL", nil, 0, "NULL"},
		{"not a number", []byte("x1"), 0, "converting"},
		{"float", 1.5, 0, "unsupported Scan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var field smallID
			dest := newCodec(reflect.TypeFor[smallID](), 0).scanDest(reflect.ValueOf(&field).Elem())
			err := dest.(interface{ Scan(any) error }).Scan(tt.src)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Scan(%v) = %v, want error containing %q", tt.src, err, tt.wantErr)
				}
				return
			}
			if err != nil || int64(field) != tt.want {
				t.Fatalf("Scan(%v) = %d, %v; want %d", tt.src, field, err, tt.want)
			}
		})
	}
}

func TestIntScanDestKinds(t *testing.T) {
	scanInto := func(f reflect.Value, n int64) error {
		return newCodec(f.Type(), 0).scanDest(f).(interface{ Scan(any) error }).Scan(n)
	}
	var s struct {
		A int
		B int32
		C int16
		D int8
	}
	v := reflect.ValueOf(&s).Elem()
	for i := range v.NumField() {
		if err := scanInto(v.Field(i), int64(i+1)); err != nil {
			t.Fatal(err)
		}
	}
	if s.A != 1 || s.B != 2 || s.C != 3 || s.D != 4 {
		t.Errorf("fields = %+v, want 1 2 3 4", s)
	}
}

func TestScanAllocsPerRowInts(t *testing.T) {
	var id int
	c := newCodec(reflect.TypeFor[int](), 0)
	v := reflect.ValueOf(&id).Elem()
	allocs := testing.AllocsPerRun(100, func() {
		_ = c.scanDest(v).(interface{ Scan(any) error }).Scan(int64(123456))
	})
	if allocs != 0 || id != 123456 {
		t.Errorf("scanning an int: %v allocs, id %d; want 0 allocs, 123456", allocs, id)
	}
}
