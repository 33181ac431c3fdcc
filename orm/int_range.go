package orm

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/flagon-go/flagon/orm/dialect"
)

// ErrOutOfRange matches a RangeError with errors.Is.
var ErrOutOfRange = errors.New("orm: value out of the column's range")

// A RangeError is a Go integer written to a column whose database type
// cannot hold it, such as 2147483648 for an INTEGER column on PostgreSQL
// or MySQL, or an unsigned value past math.MaxInt64 for any integer column.
// Column and Field name the column and its Go struct field, so that a web
// handler can answer 400 naming the field.
type RangeError struct {
	Column, Field string
	Type          dialect.Kind
	// Value is the value written; an unsigned value past math.MaxInt64,
	// which it cannot hold, is in Unsigned instead (Value is then 0).
	Value    int64
	Unsigned uint64
}

// Error names the value, the column and its type.
func (e *RangeError) Error() string {
	v := strconv.FormatInt(e.Value, 10)
	if e.Unsigned != 0 {
		v = strconv.FormatUint(e.Unsigned, 10)
	}
	return fmt.Sprintf("orm: %s is out of range for column %s (%s)", v, e.Column, e.Type)
}

// Is reports whether target is ErrOutOfRange.
func (e *RangeError) Is(target error) bool { return target == ErrOutOfRange }

// intRange returns the values column kind k holds in dialect d; ok is
// false when it holds any int64.
func intRange(d dialect.Dialect, k dialect.Kind) (lo, hi int64, ok bool) {
	if !d.Features().Has(dialect.SizedIntegers) {
		return 0, 0, false
	}
	switch k {
	case dialect.Integer:
		return math.MinInt32, math.MaxInt32, true
	case dialect.SmallInteger:
		return math.MinInt16, math.MaxInt16, true
	}
	return 0, 0, false
}

// checkIntArg fails with a RangeError when arg is an integer, signed or
// unsigned, that column c cannot hold in dialect d: no integer column
// holds an unsigned value past math.MaxInt64.
func checkIntArg(d dialect.Dialect, c *Column, arg any) error {
	n, u, ok := asInteger(arg)
	switch {
	case !ok:
		return nil
	case u != 0:
		if c.Type.Kind.Integral() {
			return &RangeError{Column: c.Name, Field: c.Field, Type: c.Type.Kind, Unsigned: u}
		}
		return nil
	}
	if lo, hi, sized := intRange(d, c.Type.Kind); sized && (n < lo || n > hi) {
		return &RangeError{Column: c.Name, Field: c.Field, Type: c.Type.Kind, Value: n}
	}
	return nil
}

// checkInts is checkIntArg for a column's values of many rows.
func checkInts(d dialect.Dialect, c *Column, ints []int64) error {
	lo, hi, sized := intRange(d, c.Type.Kind)
	if !sized {
		return nil
	}
	for _, n := range ints {
		if n < lo || n > hi {
			return &RangeError{Column: c.Name, Field: c.Field, Type: c.Type.Kind, Value: n}
		}
	}
	return nil
}

// intArg is the driver argument of an integer field of column c.
func intArg(q Querier, c *Column, n int64) (any, error) {
	if err := checkIntArg(q.Dialect(), c, n); err != nil {
		return nil, err
	}
	return n, nil
}

// asInt64 returns a signed integer argument as an int64.
func asInt64(v any) (int64, bool) {
	switch n := v.(type) {
	case int64:
		return n, true
	case int:
		return int64(n), true
	case int32:
		return int64(n), true
	case int16:
		return int64(n), true
	case int8:
		return int64(n), true
	}
	return 0, false
}

// asInteger returns an integer argument of any Go integer type: as n when
// it fits an int64, else (an unsigned value past math.MaxInt64) as u.
func asInteger(v any) (n int64, u uint64, ok bool) {
	if n, ok := asInt64(v); ok {
		return n, 0, true
	}
	big, ok := asUint64(v)
	switch {
	case !ok:
		return 0, 0, false
	case big > math.MaxInt64:
		return 0, big, true
	}
	return int64(big), 0, true
}

// wideIntCast returns the cast a comparison needs for v on a dialect with
// InferredParamTypes: "::bigint" for an integer beyond 32 bits,
// "::numeric" for an unsigned one beyond 63, or "".
func wideIntCast(v any) string {
	switch n := v.(type) {
	case int, int64:
		if i, _ := asInt64(n); i < math.MinInt32 || i > math.MaxInt32 {
			return "::bigint"
		}
	case uint, uint64, uint32, uintptr:
		u, _ := asUint64(n)
		switch {
		case u > math.MaxInt64:
			return "::numeric"
		case u > math.MaxInt32:
			return "::bigint"
		}
	}
	return ""
}

// asUint64 returns an unsigned integer argument as a uint64.
func asUint64(v any) (uint64, bool) {
	switch n := v.(type) {
	case uint:
		return uint64(n), true
	case uint64:
		return n, true
	case uint32:
		return uint64(n), true
	case uint16:
		return uint64(n), true
	case uint8:
		return uint64(n), true
	case uintptr:
		return uint64(n), true
	}
	return 0, false
}

// wideInts reports whether any of vals needs a cast in comparisons on d.
func wideInts(d dialect.Dialect, vals []any) bool {
	if !d.Features().Has(dialect.InferredParamTypes) {
		return false
	}
	for _, v := range vals {
		if wideIntCast(v) != "" {
			return true
		}
	}
	return false
}

// compared appends a value compared with a column: a bound argument,
// cast when the dialect would otherwise type it after a narrower column.
func (b *Builder) compared(v any) {
	if b.d.Features().Has(dialect.InferredParamTypes) {
		if cast := wideIntCast(v); cast != "" {
			b.bind(v)
			b.WriteString(cast)
			return
		}
	}
	b.Arg(v)
}
