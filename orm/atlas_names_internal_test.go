package orm

import "testing"

// TestFinalName checks the shortened convention names against
// SQLAlchemy 1.4's DDL for PostgreSQL (63) and MySQL (64).
func TestFinalName(t *testing.T) {
	long := "index_nothing_changed_nothing_changed_a_particularly_long_column_name"
	cases := []struct {
		name string
		max  int
		want string
	}{
		{"postgresql", 63, "index_nothing_changed_nothing_changed_a_particularly_lo_6628"},
		{"mysql", 64, "index_nothing_changed_nothing_changed_a_particularly_lon_6628"},
		{"sqlite", 0, long},
		{"short", 63, "ix_user_name"},
	}
	for _, tc := range cases {
		in := long
		if tc.name == "short" {
			in = "ix_user_name"
		}
		if got := finalName(in, tc.max); got != tc.want {
			t.Errorf("%s: finalName = %q, want %q", tc.name, got, tc.want)
		}
	}
}
