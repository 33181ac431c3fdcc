package orm_test

import (
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon/orm"
)

func TestDecimal(t *testing.T) {
	for _, bad := range []string{"", "abc", "1/2", "1.2.3"} {
		if _, err := orm.ParseDecimal(bad); err == nil {
			t.Errorf("ParseDecimal(%q): want error", bad)
		}
	}
	var d orm.Decimal
	if d.String() != "0" || !d.Equal(orm.MustDecimal("0.00")) {
		t.Error("zero Decimal must be 0")
	}
	if orm.MustDecimal("1.50").Cmp(orm.MustDecimal("1.5")) != 0 || orm.MustDecimal("-2").Cmp(orm.MustDecimal("1")) != -1 {
		t.Error("Cmp wrong")
	}
	for _, src := range []any{"12.30", []byte("12.30"), int64(12)} {
		if err := d.Scan(src); err != nil {
			t.Errorf("Scan(%T): %v", src, err)
		}
	}
	if err := d.Scan(true); err == nil {
		t.Error("Scan(bool): want error")
	}
	b, _ := orm.MustDecimal("3.14").MarshalText()
	if string(b) != "3.14" {
		t.Errorf("MarshalText = %s", b)
	}
}

func TestUUID(t *testing.T) {
	u := orm.NewUUID()
	if u[6]>>4 != 4 || u[8]>>6 != 2 {
		t.Errorf("NewUUID is not version 4: %s", u)
	}
	p, err := orm.ParseUUID(u.String())
	if err != nil || p != u {
		t.Errorf("ParseUUID(String()) = %s, %v", p, err)
	}
	if p, err := orm.ParseUUID(strings.ReplaceAll(u.String(), "-", "")); err != nil || p != u {
		t.Errorf("32-hex form: %v", err)
	}
	for _, bad := range []string{"", "xyz", "123e4567-e89b-12d3-a456-42661417400", "123e4567e89b-12d3-a456-4266141740000", "zze4567-e89b-12d3-a456-426614174000"} {
		if _, err := orm.ParseUUID(bad); err == nil {
			t.Errorf("ParseUUID(%q): want error", bad)
		}
	}
	var s orm.UUID
	if err := s.Scan(u[:]); err != nil || s != u {
		t.Errorf("Scan(16 bytes) = %s, %v", s, err)
	}
}

func TestDateAndTimeOfDay(t *testing.T) {
	d, err := orm.ParseDate("2024-02-29")
	if err != nil || d != (orm.Date{Year: 2024, Month: 2, Day: 29}) || d.String() != "2024-02-29" {
		t.Errorf("ParseDate = %v, %v", d, err)
	}
	for _, bad := range []orm.Date{{}, {Year: 2023, Month: 2, Day: 29}, {Year: 2024, Month: 13, Day: 1}} {
		if _, err := bad.Value(); err == nil {
			t.Errorf("Date %v Value(): want error", bad)
		}
	}
	if err := d.Scan(time.Date(2020, 5, 6, 23, 0, 0, 0, time.UTC)); err != nil || d.String() != "2020-05-06" {
		t.Errorf("Scan(time) = %v, %v", d, err)
	}
	tod, err := orm.ParseTimeOfDay("07:08:09.5")
	if err != nil || tod != (orm.TimeOfDay{7, 8, 9, 500000000}) || tod.String() != "07:08:09.5" {
		t.Errorf("ParseTimeOfDay = %v, %v", tod, err)
	}
	if _, err := orm.ParseTimeOfDay("25:00:00"); err == nil {
		t.Error("hour 25: want error")
	}
}

func TestParseInterval(t *testing.T) {
	tests := map[string]time.Duration{
		"00:00:01":              time.Second,
		"-00:00:01.5":           -1500 * time.Millisecond,
		"1 day 02:03:04.000005": 26*time.Hour + 3*time.Minute + 4*time.Second + 5*time.Microsecond,
		"3 days":                72 * time.Hour,
		"1 year 2 mons -1 days": (365 + 60 - 1) * 24 * time.Hour,
		"1000:00:00.000001":     1000*time.Hour + time.Microsecond,
	}
	for in, want := range tests {
		if got, err := orm.ParseInterval(in); err != nil || got != want {
			t.Errorf("ParseInterval(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"1 fortnight", "1", "aa:bb:cc", "1:2"} {
		if _, err := orm.ParseInterval(bad); err == nil {
			t.Errorf("ParseInterval(%q): want error", bad)
		}
	}
}

func TestJSON(t *testing.T) {
	var j orm.JSON[map[string]int]
	if err := j.Scan([]byte(`{"a":1}`)); err != nil || j.V["a"] != 1 {
		t.Errorf("Scan = %v, %v", j.V, err)
	}
	if err := j.Scan(nil); err != nil || j.V != nil {
		t.Errorf("Scan(nil) = %v, %v", j.V, err)
	}
	if err := j.Scan("{bad"); err == nil {
		t.Error("bad JSON: want error")
	}
	if _, err := orm.JSONOf(func() {}).Value(); err == nil {
		t.Error("unencodable value: want error")
	}
	if v, _ := orm.JSONOf([]int{1, 2}).Value(); v != "[1,2]" {
		t.Errorf("Value = %v", v)
	}
}
