package orm

import (
	"math"
	"testing"
)

func TestAsInteger(t *testing.T) {
	tests := []struct {
		name string
		v    any
		n    int64
		u    uint64
		ok   bool
	}{
		{"int8", int8(-8), -8, 0, true},
		{"int", -1, -1, 0, true},
		{"int64 bottom", int64(math.MinInt64), math.MinInt64, 0, true},
		{"uint8", uint8(255), 255, 0, true},
		{"uint16", uint16(65535), 65535, 0, true},
		{"uint32", uint32(math.MaxUint32), math.MaxUint32, 0, true},
		{"uint", uint(7), 7, 0, true},
		{"uintptr", uintptr(9), 9, 0, true},
		{"uint64 at int64 top", uint64(math.MaxInt64), math.MaxInt64, 0, true},
		{"uint64 past int64 top", uint64(math.MaxInt64) + 1, 0, math.MaxInt64 + 1, true},
		{"uint64 top", uint64(math.MaxUint64), 0, math.MaxUint64, true},
		{"string", "1", 0, 0, false},
		{"float", 1.0, 0, 0, false},
		{"nil", nil, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, u, ok := asInteger(tt.v)
			if n != tt.n || u != tt.u || ok != tt.ok {
				t.Errorf("asInteger(%v) = %d, %d, %v; want %d, %d, %v", tt.v, n, u, ok, tt.n, tt.u, tt.ok)
			}
		})
	}
}
