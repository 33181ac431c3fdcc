package orm

import (
	"strings"
	"testing"
)

func FuzzParseTag(f *testing.F) {
	for _, s := range []string{"pk;size:10", "type:numeric(10,2);check:a > 0", "-", "fk:a.b;ondelete:cascade", ";;", "size:-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tag, err := parseTag(s)
		if err == nil && tag.size < 0 {
			t.Fatalf("negative size accepted from %q", s)
		}
	})
}

func FuzzParseInterval(f *testing.F) {
	for _, s := range []string{"1 day 02:03:04.5", "-00:00:01", "3 mons", "x", "1 year -2 days 00:00:00.000001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ParseInterval(s)
	})
}

func FuzzSQLRebind(f *testing.F) {
	for _, s := range []string{"a = ? AND b = ?", "'?' = ?", "?? ?", `"?" ?`} {
		f.Add(s, 2)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 0 || n > 8 {
			return
		}
		args := make([]any, n)
		for _, name := range []string{"sqlite", "postgresql", "mysql"} {
			d, _ := LookupDialect(name)
			b := NewBuilder(d)
			SQL(s, args...).AppendSQL(b)
			if b.Err() == nil && len(b.Args()) != n {
				t.Fatalf("%s: %q bound %d args, want %d", name, s, len(b.Args()), n)
			}
			if name == "postgresql" && b.Err() == nil && n > 0 && !strings.Contains(b.String(), "$1") {
				t.Fatalf("no $1 in %q", b.String())
			}
		}
	})
}
