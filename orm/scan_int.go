package orm

import (
	"fmt"
	"strconv"
)

// signed is the integer field types that database/sql scans only through
// a string conversion (it converts int64 directly into *int64 alone).
type signed interface{ ~int | ~int32 | ~int16 | ~int8 }

// intScanner scans an integer column straight into an int, int32, int16
// or int8 field. It is a single pointer, so passing it to Scan allocates
// nothing, where database/sql would format and parse each value.
type intScanner[I signed] struct{ p *I }

// Scan stores src, rejecting NULL and values out of the field's range as
// database/sql does.
func (s intScanner[I]) Scan(src any) error {
	var n int64
	switch v := src.(type) {
	case int64:
		n = v
	case []byte:
		return s.parse(string(v))
	case string:
		return s.parse(v)
	case nil:
		return fmt.Errorf("converting NULL to %T is unsupported", *s.p)
	default:
		return fmt.Errorf("unsupported Scan, storing driver.Value type %T into type %T", src, s.p)
	}
	return s.set(n)
}

// parse stores the decimal integer text v.
func (s intScanner[I]) parse(v string) error {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return fmt.Errorf("converting driver.Value type string (%q) to a %T: %w", v, *s.p, err)
	}
	return s.set(n)
}

// set stores n when it fits the field.
func (s intScanner[I]) set(n int64) error {
	if int64(I(n)) != n {
		return fmt.Errorf("converting %d to a %T: value out of range", n, *s.p)
	}
	*s.p = I(n)
	return nil
}
