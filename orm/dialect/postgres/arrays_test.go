package postgres

import (
	"fmt"
	"testing"

	"github.com/flagon-go/flagon/orm/dialect"
	"github.com/jackc/pgx/v5/pgtype"
)

func TestArrayValue(t *testing.T) {
	tests := []struct {
		name     string
		kind     dialect.Kind
		in       any
		wrapped  bool
		elements string
	}{
		{"strings of a text column", dialect.String, []string{"a", "b"}, true, "[a b]"},
		{"strings of a numeric column stay strings", dialect.Numeric, []string{"1.5"}, false, "[1.5]"},
		{"integers", dialect.BigInteger, []int64{1, -2}, true, "[1 -2]"},
		{"integers of a float column stay integers", dialect.Float, []int64{1}, false, "[1]"},
		{"floats", dialect.Float, []float64{1.5}, true, "[1.5]"},
		{"booleans", dialect.Boolean, []bool{true}, true, "[true]"},
		{"booleans of a text column stay booleans", dialect.Text, []bool{true}, false, "[true]"},
		{"values of other types unchanged", dialect.JSON, []any{"{}", nil}, false, "[{} <nil>]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := New().ArrayValue(tt.kind, tt.in)
			_, wrapped := got.(pgtype.ArrayGetter)
			if wrapped != tt.wrapped || fmt.Sprint(got) != tt.elements {
				t.Errorf("ArrayValue = %T %v (array getter %v), want %s (array getter %v)", got, got, wrapped, tt.elements, tt.wrapped)
			}
		})
	}
}

func TestArrayElementsEncodeWithoutBoxing(t *testing.T) {
	m := pgtype.NewMap()
	arrays := []struct {
		oid uint32
		v   any
	}{
		{pgtype.TextArrayOID, textArray{[]string{"a", "ü", ""}}},
		{pgtype.Int8ArrayOID, intArray{[]int64{1 << 40, -1}}},
		{pgtype.Float8ArrayOID, floatArray{[]float64{1.5, -0}}},
	}
	for _, a := range arrays {
		buf, err := m.Encode(a.oid, pgtype.BinaryFormatCode, a.v, nil)
		if err != nil || len(buf) == 0 {
			t.Fatalf("encode %T: %v", a.v, err)
		}
		allocs := testing.AllocsPerRun(50, func() { buf, _ = m.Encode(a.oid, pgtype.BinaryFormatCode, a.v, buf[:0]) })
		if allocs > 2 { // the dimensions slice, at most one buffer growth
			t.Errorf("encoding %T allocates %v times, want at most 2 for any length", a.v, allocs)
		}
	}
}
