package orm

import (
	"database/sql/driver"
	"fmt"
	"strings"
	"time"
)

// A Date is a calendar date without time or zone, for DATE columns.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate parses "2006-01-02".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("orm: invalid date %q", s)
	}
	return DateOf(t), nil
}

// String returns the date as "2006-01-02".
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// Valid reports whether d is a real calendar date (the zero Date is not).
func (d Date) Valid() bool {
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	return d.Year > 0 && DateOf(t) == d
}

// Value sends the date as "2006-01-02"; an invalid date (such as the zero
// Date) is an error: use *Date or Null[Date] for a missing date.
func (d Date) Value() (driver.Value, error) {
	if !d.Valid() {
		return nil, fmt.Errorf("orm: invalid date %s", d)
	}
	return d.String(), nil
}

// Scan reads a date from a time.Time or text.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case time.Time:
		*d = DateOf(v)
		return nil
	case string:
		return d.parse(v)
	case []byte:
		return d.parse(string(v))
	}
	return fmt.Errorf("orm: cannot scan %T into Date", src)
}

func (d *Date) parse(s string) error {
	if len(s) > 10 {
		s = s[:10]
	}
	v, err := ParseDate(s)
	*d = v
	return err
}

// A TimeOfDay is a wall-clock time without date or zone, for TIME columns.
type TimeOfDay struct {
	Hour, Minute, Second, Nanosecond int
}

// String returns "15:04:05" with a fraction when non-zero.
func (t TimeOfDay) String() string {
	s := fmt.Sprintf("%02d:%02d:%02d", t.Hour, t.Minute, t.Second)
	if t.Nanosecond != 0 {
		s += strings.TrimRight(fmt.Sprintf(".%09d", t.Nanosecond), "0")
	}
	return s
}

// ParseTimeOfDay parses "15:04:05" with an optional fraction.
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	v, err := time.Parse("15:04:05.999999999", s)
	if err != nil {
		return TimeOfDay{}, fmt.Errorf("orm: invalid time of day %q", s)
	}
	return TimeOfDay{v.Hour(), v.Minute(), v.Second(), v.Nanosecond()}, nil
}

// Value sends the time as text.
func (t TimeOfDay) Value() (driver.Value, error) { return t.String(), nil }

// Scan reads a time of day from text or a time.Time.
func (t *TimeOfDay) Scan(src any) error {
	switch v := src.(type) {
	case time.Time:
		*t = TimeOfDay{v.Hour(), v.Minute(), v.Second(), v.Nanosecond()}
		return nil
	case string:
		return t.parse(v)
	case []byte:
		return t.parse(string(v))
	}
	return fmt.Errorf("orm: cannot scan %T into TimeOfDay", src)
}

func (t *TimeOfDay) parse(s string) error {
	v, err := ParseTimeOfDay(s)
	*t = v
	return err
}
