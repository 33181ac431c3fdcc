package migrate

import (
	"fmt"

	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/schema"
)

// PostgreSQL converts a column to a new type by itself only where an
// assignment cast exists (between numbers, from anything to text, between
// dates and timestamps); otherwise ALTER COLUMN ... TYPE needs USING.

// castFamily groups types that PostgreSQL converts into one another.
type castFamily int

const (
	familyOther castFamily = iota
	familyNumber
	familyText
	familyTime
	familyBool
)

// kindFamily returns a neutral kind's family.
func kindFamily(k Kind) castFamily {
	switch k {
	case KindInteger, KindBigInteger, KindSmallInteger, KindNumeric, KindFloat:
		return familyNumber
	case KindString, KindText, KindEnum:
		return familyText
	case KindDate, KindDateTime, KindTime:
		return familyTime
	case KindBoolean:
		return familyBool
	}
	return familyOther
}

// atlasFamily returns an Atlas type's family.
func atlasFamily(t schema.Type) castFamily {
	switch t.(type) {
	case *schema.IntegerType, *schema.DecimalType, *schema.FloatType, *postgres.SerialType:
		return familyNumber
	case *schema.StringType, *schema.EnumType:
		return familyText
	case *schema.TimeType:
		return familyTime
	case *schema.BoolType:
		return familyBool
	}
	return familyOther
}

// needsCast reports whether changing from one family to another needs an
// explicit cast: anything but text, between different families.
func needsCast(from, to castFamily) bool {
	return from != to && to != familyText
}

// CastUsing returns the PostgreSQL USING expression, such as
// "code"::integer, that converts a column from one type to another when
// the change needs a cast, and "" when PostgreSQL converts by itself.
func CastUsing(column string, from, to Type) string {
	if from.Kind == 0 || to.Kind == KindEnum || !needsCast(kindFamily(from.Kind), kindFamily(to.Kind)) {
		return ""
	}
	t, _, err := atlasType(PostgreSQL, to, false)
	if err != nil {
		return ""
	}
	s, err := postgres.FormatType(t)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%q::%s", column, s)
}

// pgUsing returns the USING clause of a PostgreSQL type change: the
// operation's own, else a cast when the change needs one.
func pgUsing(o *AlterColumn, column string, from, to schema.Type) *postgres.ConvertUsing {
	if o.Using != "" {
		return &postgres.ConvertUsing{X: o.Using}
	}
	if _, ok := to.(*schema.EnumType); ok || !needsCast(atlasFamily(from), atlasFamily(to)) {
		return nil
	}
	s, err := postgres.FormatType(to)
	if err != nil {
		return nil
	}
	return &postgres.ConvertUsing{X: fmt.Sprintf("%q::%s", column, s)}
}
