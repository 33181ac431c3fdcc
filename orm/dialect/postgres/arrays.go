package postgres

import (
	"fmt"

	"github.com/flagon-go/flagon/orm/dialect"
	"github.com/jackc/pgx/v5/pgtype"
)

// ArrayValue wraps a column of strings (text kinds), integers (integer
// kinds), floats or booleans so that it is encoded in one pass on
// connections opened by Connector (see registerDirectArrays), and without
// boxing each element elsewhere: pgx's own slice encoder turns every
// element into an interface value, an allocation per string. Other columns
// are returned unchanged.
func (Dialect) ArrayValue(k dialect.Kind, elems any) any {
	switch a := elems.(type) {
	case []string:
		if k == dialect.String || k == dialect.Text {
			return textArray{a}
		}
	case []int64:
		if k.Integral() {
			return intArray{a}
		}
	case []float64:
		if k == dialect.Float {
			return floatArray{a}
		}
	case []bool:
		if k == dialect.Boolean {
			return boolArray{a}
		}
	}
	return elems
}

// The arrays' Index returns a pointer to the element as a type that pgx
// reads through its valuer interfaces: a pointer fits in an interface value
// without allocating.
type (
	textArray  struct{ v []string }
	intArray   struct{ v []int64 }
	floatArray struct{ v []float64 }
	boolArray  struct{ v []bool }

	textElem  string
	intElem   int64
	floatElem float64
	boolElem  bool
)

func (a textArray) Dimensions() []pgtype.ArrayDimension  { return dims(len(a.v)) }
func (a intArray) Dimensions() []pgtype.ArrayDimension   { return dims(len(a.v)) }
func (a floatArray) Dimensions() []pgtype.ArrayDimension { return dims(len(a.v)) }
func (a boolArray) Dimensions() []pgtype.ArrayDimension  { return dims(len(a.v)) }

func (a textArray) Index(i int) any  { return (*textElem)(&a.v[i]) }
func (a intArray) Index(i int) any   { return (*intElem)(&a.v[i]) }
func (a floatArray) Index(i int) any { return (*floatElem)(&a.v[i]) }
func (a boolArray) Index(i int) any  { return (*boolElem)(&a.v[i]) }

func (textArray) IndexType() any  { return new(textElem) }
func (intArray) IndexType() any   { return new(intElem) }
func (floatArray) IndexType() any { return new(floatElem) }
func (boolArray) IndexType() any  { return new(boolElem) }

// String formats the elements as a slice does (for statement logs).
func (a textArray) String() string  { return fmt.Sprint(a.v) }
func (a intArray) String() string   { return fmt.Sprint(a.v) }
func (a floatArray) String() string { return fmt.Sprint(a.v) }
func (a boolArray) String() string  { return fmt.Sprint(a.v) }

func (e *textElem) TextValue() (pgtype.Text, error) {
	return pgtype.Text{String: string(*e), Valid: true}, nil
}

func (e *intElem) Int64Value() (pgtype.Int8, error) {
	return pgtype.Int8{Int64: int64(*e), Valid: true}, nil
}

func (e *floatElem) Float64Value() (pgtype.Float8, error) {
	return pgtype.Float8{Float64: float64(*e), Valid: true}, nil
}

func (e *boolElem) BoolValue() (pgtype.Bool, error) {
	return pgtype.Bool{Bool: bool(*e), Valid: true}, nil
}

// dims describes a one-dimensional array of n elements.
func dims(n int) []pgtype.ArrayDimension {
	return []pgtype.ArrayDimension{{Length: int32(n), LowerBound: 1}}
}
