package sqliteschema

import (
	"testing"

	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
)

// with adds attributes to a table.
func with(t *schema.Table, attrs ...schema.Attr) *schema.Table {
	t.Attrs = append(t.Attrs, attrs...)
	return t
}

func TestRowidAlias(t *testing.T) {
	table := func(types ...string) *schema.Table {
		t := &schema.Table{Name: "t"}
		pk := &schema.Index{}
		for i, typ := range types {
			c := &schema.Column{Name: string(rune('a' + i)), Type: &schema.ColumnType{Raw: typ, Type: &schema.IntegerType{T: typ}}}
			t.Columns = append(t.Columns, c)
			pk.Parts = append(pk.Parts, &schema.IndexPart{C: c})
		}
		if len(types) > 0 {
			t.PrimaryKey = pk
		}
		return t
	}
	for _, tt := range []struct {
		name  string
		table *schema.Table
		want  string
	}{
		{"INTEGER PRIMARY KEY aliases the rowid", table("INTEGER"), "a"},
		{"any case", table("integer"), "a"},
		{"INT is an ordinary column", table("INT"), ""},
		{"BIGINT is an ordinary column", table("BIGINT"), ""},
		{"a composite key has no alias", table("INTEGER", "INTEGER"), ""},
		{"no primary key", table(), ""},
		{"WITHOUT ROWID table", with(table("INTEGER"), &sqlite.WithoutRowID{}), ""},
		{"WITHOUT ROWID in the statement", with(table("INTEGER"), &sqlite.CreateStmt{S: "CREATE TABLE t (a INTEGER PRIMARY KEY, b) WITHOUT ROWID"}), ""},
		{"STRICT, WITHOUT ROWID", with(table("INTEGER"), &sqlite.CreateStmt{S: "CREATE TABLE t (a INTEGER PRIMARY KEY) STRICT, WITHOUT ROWID"}), ""},
		{"INTEGER PRIMARY KEY DESC", with(table("INTEGER"), &sqlite.CreateStmt{S: "CREATE TABLE t (a INTEGER PRIMARY KEY DESC, b TEXT)"}), ""},
		{"quoted INTEGER PRIMARY KEY DESC", with(table("INTEGER"), &sqlite.CreateStmt{S: "CREATE TABLE \"t\" (\"b\" TEXT DEFAULT 'a,b', \"a\" INTEGER NOT NULL PRIMARY KEY desc)"}), ""},
		{"INTEGER PRIMARY KEY ASC", with(table("INTEGER"), &sqlite.CreateStmt{S: "CREATE TABLE t (a INTEGER PRIMARY KEY ASC)"}), "a"},
		{"table constraint PRIMARY KEY(a DESC) aliases the rowid", with(table("INTEGER"), &sqlite.CreateStmt{S: "CREATE TABLE t (a INTEGER, b TEXT, PRIMARY KEY (a DESC))"}), "a"},
		{"DESC key on another column", with(table("INTEGER"), &sqlite.CreateStmt{S: "CREATE TABLE t (a INTEGER PRIMARY KEY, ab TEXT CHECK (ab <> 'PRIMARY KEY DESC'))"}), "a"},
		{"formatted type when not inspected", &schema.Table{PrimaryKey: &schema.Index{Parts: []*schema.IndexPart{{C: &schema.Column{Name: "id", Type: &schema.ColumnType{Type: &schema.IntegerType{T: "integer"}}}}}}}, "id"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if c := RowidAlias(tt.table); c != nil {
				got = c.Name
			}
			if got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIsAutoindex(t *testing.T) {
	for name, want := range map[string]bool{
		"sqlite_autoindex_user_1": true,
		"uq_user_username":        false,
		"ix_sqlite_autoindex_x":   false,
	} {
		if got := IsAutoindex(name); got != want {
			t.Errorf("IsAutoindex(%q) = %v, want %v", name, got, want)
		}
	}
}
