package orm

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// durationScanner scans an INTERVAL (PostgreSQL text form) or a BIGINT of
// nanoseconds into a time.Duration.
type durationScanner struct{ d *time.Duration }

// Scan implements sql.Scanner.
func (s durationScanner) Scan(src any) error {
	switch v := src.(type) {
	case int64:
		*s.d = time.Duration(v)
		return nil
	case string:
		return s.parse(v)
	case []byte:
		return s.parse(string(v))
	}
	return fmt.Errorf("orm: cannot scan %T into time.Duration", src)
}

func (s durationScanner) parse(v string) error {
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		*s.d = time.Duration(n)
		return nil
	}
	d, err := ParseInterval(v)
	*s.d = d
	return err
}

// nullDurationScanner scans a nullable duration into a **time.Duration.
type nullDurationScanner struct{ p **time.Duration }

// Scan implements sql.Scanner.
func (s nullDurationScanner) Scan(src any) error {
	if src == nil {
		*s.p = nil
		return nil
	}
	d := new(time.Duration)
	*s.p = d
	return durationScanner{d}.Scan(src)
}

var intervalUnits = map[string]time.Duration{
	"day": 24 * time.Hour, "days": 24 * time.Hour,
	"mon": 30 * 24 * time.Hour, "mons": 30 * 24 * time.Hour,
	"year": 365 * 24 * time.Hour, "years": 365 * 24 * time.Hour,
}

// ParseInterval parses PostgreSQL's default interval output such as
// "1 day -02:03:04.5" or "3 mons 00:00:01". Months count as 30 days and
// years as 365 days.
func ParseInterval(s string) (time.Duration, error) {
	f := strings.Fields(s)
	var total time.Duration
	for i := 0; i < len(f); i++ {
		if strings.Contains(f[i], ":") {
			d, err := parseClock(f[i])
			if err != nil {
				return 0, fmt.Errorf("orm: invalid interval %q", s)
			}
			total += d
			continue
		}
		n, err := strconv.ParseInt(f[i], 10, 64)
		if err != nil || i+1 >= len(f) || intervalUnits[f[i+1]] == 0 {
			return 0, fmt.Errorf("orm: invalid interval %q", s)
		}
		total += time.Duration(n) * intervalUnits[f[i+1]]
		i++
	}
	return total, nil
}

// parseClock parses [-]HH:MM:SS[.ffffff].
func parseClock(s string) (time.Duration, error) {
	neg := strings.HasPrefix(s, "-")
	p := strings.Split(strings.TrimLeft(s, "+-"), ":")
	if len(p) != 3 {
		return 0, fmt.Errorf("bad clock")
	}
	whole, frac, _ := strings.Cut(p[2], ".")
	h, err1 := strconv.ParseInt(p[0], 10, 64)
	m, err2 := strconv.ParseInt(p[1], 10, 64)
	ws, err3 := strconv.ParseInt(whole, 10, 64)
	ns, err4 := strconv.ParseInt((frac + "000000000")[:9], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
		return 0, fmt.Errorf("bad clock")
	}
	d := time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(ws)*time.Second + time.Duration(ns)
	if neg {
		d = -d
	}
	return d, nil
}
