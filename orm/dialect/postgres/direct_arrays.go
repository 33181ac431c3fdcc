package postgres

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"

	"github.com/jackc/pgx/v5/pgtype"
)

// directArrayOIDs are the array types whose codec registerDirectArrays
// replaces: the arrays that multi-row inserts bind for basic columns.
var directArrayOIDs = []uint32{
	pgtype.TextArrayOID, pgtype.VarcharArrayOID, pgtype.BoolArrayOID,
	pgtype.Int2ArrayOID, pgtype.Int4ArrayOID, pgtype.Int8ArrayOID,
	pgtype.Float4ArrayOID, pgtype.Float8ArrayOID,
}

// registerDirectArrays gives the connection's type map array codecs that
// write this package's column arrays (textArray, intArray, floatArray,
// boolArray) in PostgreSQL's binary array format in one pass. pgx's own
// array codec encodes element by element through interfaces and a plan
// lookup, which was most of the client's time in a multi-row insert.
// Every other value goes to pgx's codec unchanged.
func registerDirectArrays(m *pgtype.Map) {
	for _, oid := range directArrayOIDs {
		t, ok := m.TypeForOID(oid)
		if !ok {
			continue
		}
		if ac, ok := t.Codec.(*pgtype.ArrayCodec); ok {
			m.RegisterType(&pgtype.Type{Name: t.Name, OID: t.OID, Codec: directArrayCodec{ac}})
		}
	}
}

// directArrayCodec is pgx's array codec with a direct binary encoder for
// the column arrays.
type directArrayCodec struct{ *pgtype.ArrayCodec }

// PlanEncode returns the direct encoder when the value is a column array
// whose elements the array's element type can hold as they are, otherwise
// pgx's plan.
func (c directArrayCodec) PlanEncode(m *pgtype.Map, oid uint32, format int16, value any) pgtype.EncodePlan {
	if format == pgtype.BinaryFormatCode {
		if p := directPlan(c.ElementType.OID, value); p != nil {
			return p
		}
	}
	return c.ArrayCodec.PlanEncode(m, oid, format, value)
}

// directPlan returns the encoder of value's array type for elements of
// type elem, or nil.
func directPlan(elem uint32, value any) pgtype.EncodePlan {
	switch value.(type) {
	case textArray:
		if elem == pgtype.TextOID || elem == pgtype.VarcharOID {
			return textArrayPlan{elem}
		}
	case intArray:
		switch elem {
		case pgtype.Int2OID:
			return intArrayPlan{elem, 2, math.MinInt16, math.MaxInt16}
		case pgtype.Int4OID:
			return intArrayPlan{elem, 4, math.MinInt32, math.MaxInt32}
		case pgtype.Int8OID:
			return intArrayPlan{elem, 8, math.MinInt64, math.MaxInt64}
		}
	case floatArray:
		if elem == pgtype.Float4OID || elem == pgtype.Float8OID {
			return floatArrayPlan{elem}
		}
	case boolArray:
		if elem == pgtype.BoolOID {
			return boolArrayPlan{}
		}
	}
	return nil
}

// appendArrayHeader writes the header of a one-dimensional array of n
// elements of type elem without NULLs (as pgx does, also for n = 0).
func appendArrayHeader(buf []byte, elem uint32, n int) []byte {
	buf = binary.BigEndian.AppendUint32(buf, 1) // dimensions
	buf = binary.BigEndian.AppendUint32(buf, 0) // no NULL elements
	buf = binary.BigEndian.AppendUint32(buf, elem)
	buf = binary.BigEndian.AppendUint32(buf, uint32(n))
	return binary.BigEndian.AppendUint32(buf, 1) // lower bound
}

// arrayHeaderSize is the size of appendArrayHeader's output.
const arrayHeaderSize = 20

type textArrayPlan struct{ elem uint32 }

func (p textArrayPlan) Encode(value any, buf []byte) ([]byte, error) {
	a := value.(textArray).v
	size := arrayHeaderSize + 4*len(a)
	for _, s := range a {
		if len(s) > math.MaxInt32 {
			return nil, fmt.Errorf("postgresql: a text of %d bytes is too long", len(s))
		}
		size += len(s)
	}
	buf = appendArrayHeader(slices.Grow(buf, size), p.elem, len(a))
	for _, s := range a {
		buf = binary.BigEndian.AppendUint32(buf, uint32(len(s)))
		buf = append(buf, s...)
	}
	return buf, nil
}

// intArrayPlan writes integers of width bytes, refusing those outside
// [lo, hi] as pgx does.
type intArrayPlan struct {
	elem   uint32
	width  int
	lo, hi int64
}

func (p intArrayPlan) Encode(value any, buf []byte) ([]byte, error) {
	a := value.(intArray).v
	buf = appendArrayHeader(slices.Grow(buf, arrayHeaderSize+(4+p.width)*len(a)), p.elem, len(a))
	for _, v := range a {
		if v < p.lo || v > p.hi {
			return nil, fmt.Errorf("postgresql: %d is out of range for a %d-byte integer column", v, p.width)
		}
		buf = binary.BigEndian.AppendUint32(buf, uint32(p.width))
		switch p.width {
		case 2:
			buf = binary.BigEndian.AppendUint16(buf, uint16(v))
		case 4:
			buf = binary.BigEndian.AppendUint32(buf, uint32(v))
		default:
			buf = binary.BigEndian.AppendUint64(buf, uint64(v))
		}
	}
	return buf, nil
}

type floatArrayPlan struct{ elem uint32 }

func (p floatArrayPlan) Encode(value any, buf []byte) ([]byte, error) {
	a := value.(floatArray).v
	buf = appendArrayHeader(slices.Grow(buf, arrayHeaderSize+12*len(a)), p.elem, len(a))
	for _, v := range a {
		if p.elem == pgtype.Float4OID {
			buf = binary.BigEndian.AppendUint32(buf, 4)
			buf = binary.BigEndian.AppendUint32(buf, math.Float32bits(float32(v)))
			continue
		}
		buf = binary.BigEndian.AppendUint32(buf, 8)
		buf = binary.BigEndian.AppendUint64(buf, math.Float64bits(v))
	}
	return buf, nil
}

type boolArrayPlan struct{}

func (boolArrayPlan) Encode(value any, buf []byte) ([]byte, error) {
	a := value.(boolArray).v
	buf = appendArrayHeader(slices.Grow(buf, arrayHeaderSize+5*len(a)), pgtype.BoolOID, len(a))
	for _, v := range a {
		b := byte(0)
		if v {
			b = 1
		}
		buf = append(binary.BigEndian.AppendUint32(buf, 1), b)
	}
	return buf, nil
}
