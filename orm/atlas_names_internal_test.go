package orm

import (
	"testing"

	"ariga.io/atlas/sql/schema"
	"github.com/flagon-go/flagon/orm/dialect/postgres"
)

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

// TestTruncateCheckNames: only CHECK names a convention template made are
// shortened; a name given as is stays (SQLAlchemy leaves it to the
// server), so autogenerate does not see it changed on every run.
func TestTruncateCheckNames(t *testing.T) {
	long := "a_user_given_check_name_that_is_longer_than_sixty_three_characters_x"
	tbl := &Table{Name: "t", Checks: []*Check{{Name: long}, {Name: long}}}
	tbl.Checks[1].conv = true
	at := &schema.Table{Attrs: []schema.Attr{&schema.Check{Name: long}, &schema.Check{Name: long}, &schema.Check{Name: long}}}
	truncateConventionNames(tbl, at, postgres.New())
	cases := []struct{ name, want string }{
		{"user_given", long},
		{"convention", finalName(long, 63)},
		{"enum", finalName(long, 63)},
	}
	for i, tc := range cases {
		if got := at.Attrs[i].(*schema.Check).Name; got != tc.want {
			t.Errorf("%s: name = %q, want %q", tc.name, got, tc.want)
		}
	}
}
