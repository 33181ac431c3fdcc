package orm

import (
	"database/sql"
	"fmt"
	"reflect"
	"strings"
	"time"
	"unsafe"
)

// sqliteTimeLayouts are the text forms of times that SQLite's date and
// time functions return (always UTC, no zone) and that the sqlite driver
// stores ("2006-01-02 15:04:05.999999999-07:00"), most likely first.
var sqliteTimeLayouts = []string{
	"2006-01-02 15:04:05.999999999-07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999-07:00",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04:05.999999999Z07:00",
	"2006-01-02 15:04",
	"2006-01-02T15:04",
	time.DateOnly,
}

// parseTimeText parses a time SQLite returned as text; a time without a
// zone is UTC, as SQLite's functions compute in UTC.
func parseTimeText(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range sqliteTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("orm: cannot read %q as a time", s)
}

// textTime scans a time.Time from a time or from text: SQLite returns
// the results of date and time expressions (max(created), datetime(...),
// CURRENT_TIMESTAMP) as text, which database/sql does not convert.
type textTime struct{ p *time.Time }

// Scan implements sql.Scanner; NULL is an error, as database/sql's.
func (s textTime) Scan(src any) error {
	t, err := timeFrom(src)
	if err == nil && src == nil {
		err = fmt.Errorf("orm: cannot read NULL into time.Time (use *time.Time)")
	}
	*s.p = t
	return err
}

// nullTextTime is textTime for a *time.Time: NULL is nil.
type nullTextTime struct{ p **time.Time }

// Scan implements sql.Scanner.
func (s nullTextTime) Scan(src any) error {
	if src == nil {
		*s.p = nil
		return nil
	}
	t, err := timeFrom(src)
	*s.p = &t
	return err
}

// timeFrom converts a driver value to a time.
func timeFrom(src any) (time.Time, error) {
	switch v := src.(type) {
	case nil:
		return time.Time{}, nil
	case time.Time:
		return v, nil
	case string:
		return parseTimeText(v)
	case []byte:
		return parseTimeText(string(v))
	}
	return time.Time{}, fmt.Errorf("orm: cannot read %T into time.Time", src)
}

// intoDestAt is the Scan destination of a result value of codec c at p
// for Into: times also read from text.
func intoDestAt(c *codec, p unsafe.Pointer) any {
	switch c.typ {
	case reflect.TypeFor[time.Time]():
		return textTime{(*time.Time)(p)}
	case reflect.TypeFor[*time.Time]():
		return nullTextTime{(**time.Time)(p)}
	}
	return c.destAt(p)
}

// timeDest returns a text-reading destination when v is a *time.Time,
// for a Scalar result (whose NULL is reported by its Null wrapper).
func timeDest(v any) (sql.Scanner, bool) {
	if p, ok := v.(*time.Time); ok {
		return zeroTime{p}, true
	}
	return nil, false
}

// zeroTime is textTime reading NULL as the zero time.
type zeroTime struct{ p *time.Time }

// Scan implements sql.Scanner.
func (s zeroTime) Scan(src any) error {
	t, err := timeFrom(src)
	*s.p = t
	return err
}
