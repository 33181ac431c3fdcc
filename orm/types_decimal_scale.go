package orm

import (
	"database/sql"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/flagon-go/flagon/orm/dialect"
)

// defaultDecimalScale is the number of fractional digits kept of a float
// read into a Decimal when no Numeric scale is known (SQLAlchemy's
// Numeric._default_decimal_return_scale).
const defaultDecimalScale = 10

// noScale marks a result whose Numeric scale is unknown.
const noScale = -1

// numericScale is the declared scale of a Numeric column type: known when
// the type has a precision (numeric(10) has scale 0, as in its DDL),
// noScale for a plain numeric and for other kinds.
func numericScale(ct ColumnType) int {
	if ct.Kind != dialect.Numeric || ct.Precision == 0 && ct.Scale == 0 {
		return noScale
	}
	return ct.Scale
}

// scanScaled is Scan for a result of a Numeric with scale (noScale when
// unknown), as SQLAlchemy's Numeric result processor reads databases that
// return no decimals: a float, which is inexact, is rounded to the scale
// (defaultDecimalScale when unknown), and with a known scale an integer
// gets it too, so that SQLite's sum of 0.2 and 19.99 in a numeric(10,2)
// column reads 20.19, and 3 reads 3.00. Text (PostgreSQL's and MySQL's
// exact decimals) is kept as it is.
func (d *Decimal) scanScaled(src any, scale int) error {
	switch v := src.(type) {
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("orm: cannot scan %v into Decimal", v)
		}
		if scale < 0 {
			scale = defaultDecimalScale
		}
		d.s = strconv.FormatFloat(v, 'f', scale, 64)
		return nil
	case int64:
		if scale > 0 {
			d.s = strconv.FormatInt(v, 10) + "." + strings.Repeat("0", scale)
			return nil
		}
	}
	return d.Scan(src)
}

// scaledDecimal scans a Numeric result with its scale into a Decimal.
type scaledDecimal struct {
	d     *Decimal
	scale int
}

// Scan implements sql.Scanner.
func (s scaledDecimal) Scan(src any) error { return s.d.scanScaled(src, s.scale) }

// scaledDecimalPtr scans a Numeric result with its scale into a *Decimal,
// nil for NULL.
type scaledDecimalPtr struct {
	p     **Decimal
	scale int
}

// Scan implements sql.Scanner.
func (s scaledDecimalPtr) Scan(src any) error {
	if src == nil {
		*s.p = nil
		return nil
	}
	d := new(Decimal)
	if err := d.scanScaled(src, s.scale); err != nil {
		return err
	}
	*s.p = d
	return nil
}

// scaledNullDecimal scans a Numeric result with its scale into a
// Null[Decimal].
type scaledNullDecimal struct {
	n     *Null[Decimal]
	scale int
}

// Scan implements sql.Scanner.
func (s scaledNullDecimal) Scan(src any) error {
	s.n.Valid = src != nil
	return s.n.V.scanScaled(src, s.scale)
}

// decimalDest returns the scaled Scan destination of p when it points to
// a Decimal, *Decimal or Null[Decimal]; ok is false otherwise.
func decimalDest(p any, scale int) (dest sql.Scanner, ok bool) {
	switch p := p.(type) {
	case *Decimal:
		return scaledDecimal{p, scale}, true
	case **Decimal:
		return scaledDecimalPtr{p, scale}, true
	case *Null[Decimal]:
		return scaledNullDecimal{p, scale}, true
	}
	return nil, false
}
