package postgres

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgtype"
)

// TestDirectArraysMatchPgx checks that the direct encoders write exactly
// the bytes pgx's own array codec writes for the same elements.
func TestDirectArraysMatchPgx(t *testing.T) {
	tests := []struct {
		name  string
		oid   uint32
		value any // the column array
		plain any // the same elements as pgx encodes them itself
	}{
		{"text", pgtype.TextArrayOID, textArray{[]string{"a", "", "ü日本", "x\"y\\z{},", "NULL"}}, []string{"a", "", "ü日本", "x\"y\\z{},", "NULL"}},
		{"varchar", pgtype.VarcharArrayOID, textArray{[]string{"short", strings.Repeat("l", 300)}}, []string{"short", strings.Repeat("l", 300)}},
		{"one text", pgtype.TextArrayOID, textArray{[]string{"only"}}, []string{"only"}},
		{"empty text", pgtype.TextArrayOID, textArray{[]string{}}, []string{}},
		{"int2", pgtype.Int2ArrayOID, intArray{[]int64{math.MinInt16, -1, 0, math.MaxInt16}}, []int64{math.MinInt16, -1, 0, math.MaxInt16}},
		{"int4", pgtype.Int4ArrayOID, intArray{[]int64{math.MinInt32, 7, math.MaxInt32}}, []int64{math.MinInt32, 7, math.MaxInt32}},
		{"int8", pgtype.Int8ArrayOID, intArray{[]int64{math.MinInt64, 0, math.MaxInt64}}, []int64{math.MinInt64, 0, math.MaxInt64}},
		{"float8", pgtype.Float8ArrayOID, floatArray{[]float64{1.5, math.Copysign(0, -1), math.Inf(1), math.NaN(), math.MaxFloat64}}, []float64{1.5, math.Copysign(0, -1), math.Inf(1), math.NaN(), math.MaxFloat64}},
		{"float4", pgtype.Float4ArrayOID, floatArray{[]float64{1.25, -3}}, []float64{1.25, -3}},
		{"bool", pgtype.BoolArrayOID, boolArray{[]bool{true, false, true}}, []bool{true, false, true}},
	}
	direct := pgtype.NewMap()
	registerDirectArrays(direct)
	plain := pgtype.NewMap()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if directPlan(mustElem(t, direct, tt.oid), tt.value) == nil {
				t.Fatalf("no direct plan for %T into OID %d", tt.value, tt.oid)
			}
			got, err := direct.Encode(tt.oid, pgtype.BinaryFormatCode, tt.value, []byte("prefix"))
			if err != nil {
				t.Fatal(err)
			}
			want, err := plain.Encode(tt.oid, pgtype.BinaryFormatCode, tt.plain, []byte("prefix"))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("direct encoding\n%x\nwant pgx's\n%x", got, want)
			}
		})
	}
}

func mustElem(t *testing.T, m *pgtype.Map, oid uint32) uint32 {
	t.Helper()
	typ, ok := m.TypeForOID(oid)
	if !ok {
		t.Fatalf("no type for OID %d", oid)
	}
	return typ.Codec.(directArrayCodec).ElementType.OID
}

func TestDirectArraysRefuse(t *testing.T) {
	tests := []struct {
		name  string
		oid   uint32
		value any
		err   string
	}{
		{"int2 above its range", pgtype.Int2ArrayOID, intArray{[]int64{1, math.MaxInt16 + 1}}, "32768 is out of range for a 2-byte integer column"},
		{"int4 below its range", pgtype.Int4ArrayOID, intArray{[]int64{math.MinInt32 - 1}}, "-2147483649 is out of range for a 4-byte integer column"},
	}
	m := pgtype.NewMap()
	registerDirectArrays(m)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := m.Encode(tt.oid, pgtype.BinaryFormatCode, tt.value, nil)
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("err = %v, want it to say %q", err, tt.err)
			}
		})
	}
}

// TestDirectArraysLeaveOthersToPgx checks that values the direct encoders
// do not handle (mismatched element types, plain slices, text format) are
// encoded by pgx's codec as before.
func TestDirectArraysLeaveOthersToPgx(t *testing.T) {
	tests := []struct {
		name   string
		oid    uint32
		format int16
		value  any
	}{
		{"integers into a text array", pgtype.TextArrayOID, pgtype.BinaryFormatCode, intArray{[]int64{1}}},
		{"strings into an integer array", pgtype.Int8ArrayOID, pgtype.BinaryFormatCode, textArray{[]string{"12"}}},
		{"a plain slice", pgtype.TextArrayOID, pgtype.BinaryFormatCode, []string{"a"}},
		{"text format", pgtype.TextArrayOID, pgtype.TextFormatCode, textArray{[]string{"a", "b c"}}},
	}
	direct := pgtype.NewMap()
	registerDirectArrays(direct)
	plain := pgtype.NewMap()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, gotErr := direct.Encode(tt.oid, tt.format, tt.value, nil)
			want, wantErr := plain.Encode(tt.oid, tt.format, tt.value, nil)
			if !bytes.Equal(got, want) || (gotErr == nil) != (wantErr == nil) {
				t.Errorf("got %x, %v; want pgx's %x, %v", got, gotErr, want, wantErr)
			}
		})
	}
}

func BenchmarkArrayEncode(b *testing.B) {
	strs := make([]string, 100)
	for i := range strs {
		strs[i] = strings.Repeat("x", 20)
	}
	direct := pgtype.NewMap()
	registerDirectArrays(direct)
	for _, bc := range []struct {
		name string
		m    *pgtype.Map
	}{{"pgx", pgtype.NewMap()}, {"direct", direct}} {
		b.Run(bc.name, func(b *testing.B) {
			buf := make([]byte, 0, 4096)
			for b.Loop() {
				var err error
				if buf, err = bc.m.Encode(pgtype.TextArrayOID, pgtype.BinaryFormatCode, textArray{strs}, buf[:0]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
