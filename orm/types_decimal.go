package orm

import (
	"database/sql/driver"
	"fmt"
	"math/big"
	"strings"
)

// A Decimal is an exact decimal number for NUMERIC columns. It keeps the
// textual form the database returned, so no precision is lost; the zero
// value is 0.
type Decimal struct {
	s string
}

// ParseDecimal parses a decimal literal such as "-12.5000" or "1e3".
func ParseDecimal(s string) (Decimal, error) {
	s = strings.TrimSpace(s)
	if _, ok := new(big.Rat).SetString(s); !ok || strings.ContainsAny(s, "/") {
		return Decimal{}, fmt.Errorf("orm: invalid decimal %q", s)
	}
	return Decimal{s: s}, nil
}

// MustDecimal is ParseDecimal that panics on a malformed literal; use it
// for constants.
func MustDecimal(s string) Decimal {
	d, err := ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

// String returns the decimal as text ("0" for the zero value).
func (d Decimal) String() string {
	if d.s == "" {
		return "0"
	}
	return d.s
}

// Rat returns the exact value as a big.Rat.
func (d Decimal) Rat() *big.Rat {
	r, _ := new(big.Rat).SetString(d.String())
	return r
}

// Cmp compares two decimals numerically: -1, 0 or +1.
func (d Decimal) Cmp(o Decimal) int { return d.Rat().Cmp(o.Rat()) }

// Equal reports whether two decimals are numerically equal ("1.50" == "1.5").
func (d Decimal) Equal(o Decimal) bool { return d.s == o.s || d.Cmp(o) == 0 }

// Value sends the decimal as text.
func (d Decimal) Value() (driver.Value, error) { return d.String(), nil }

// Scan reads a decimal from text, bytes, an integer or a float; a float,
// which is inexact, is rounded to 10 decimal places (SQLAlchemy's default
// decimal return scale). Columns and expressions of a Numeric type with a
// declared scale are rounded to that scale instead (see scanScaled).
func (d *Decimal) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Decimal{}
		return nil
	case string:
		return d.set(v)
	case []byte:
		return d.set(string(v))
	case int64:
		d.s = fmt.Sprint(v)
		return nil
	case float64:
		return d.scanScaled(v, noScale)
	}
	return fmt.Errorf("orm: cannot scan %T into Decimal", src)
}

func (d *Decimal) set(s string) error {
	v, err := ParseDecimal(s)
	*d = v
	return err
}

// MarshalText returns the decimal's text.
func (d Decimal) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses the decimal's text.
func (d *Decimal) UnmarshalText(b []byte) error { return d.set(string(b)) }
