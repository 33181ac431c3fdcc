package sqliteschema

import (
	"slices"
	"testing"

	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
)

func TestNameUniques(t *testing.T) {
	tb := schema.NewTable("t").AddColumns(schema.NewIntColumn("a", "int"), schema.NewIntColumn("b c", "int"), schema.NewIntColumn("d", "int"))
	auto := func(n string, cols ...string) *schema.Index {
		idx := schema.NewUniqueIndex(n)
		for _, c := range cols {
			col, _ := tb.Column(c)
			idx.AddColumns(col)
		}
		return idx
	}
	tb.AddIndexes(auto("sqlite_autoindex_t_1", "a"), auto("sqlite_autoindex_t_2", "b c", "d"), auto("sqlite_autoindex_t_3", "d"))
	tb.Attrs = append(tb.Attrs, &sqlite.CreateStmt{S: `CREATE TABLE t (a int, "b c" int, d int, CONSTRAINT uq_a UNIQUE (a), CONSTRAINT "uq two" UNIQUE ("b c" ASC, d), UNIQUE (d))`})
	NameUniques(schema.New("").AddTables(tb))
	var names []string
	for _, i := range tb.Indexes {
		names = append(names, i.Name)
	}
	if want := []string{"uq_a", "uq two", "sqlite_autoindex_t_3"}; !slices.Equal(names, want) {
		t.Errorf("index names = %q, want %q", names, want)
	}
}
