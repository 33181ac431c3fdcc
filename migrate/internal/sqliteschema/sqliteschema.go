// Package sqliteschema holds SQLite's rules about an inspected schema
// that autogenerate (package autogen), reflection (package modelgen) and
// upgrades apply: which column aliases the rowid, which indexes SQLite
// created itself, and what a foreign key without a column list references.
package sqliteschema

import (
	"strings"

	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
)

// AutoindexPrefix starts the name SQLite gives the index behind an inline
// UNIQUE or PRIMARY KEY constraint (sqlite_autoindex_<table>_<N>).
const AutoindexPrefix = "sqlite_autoindex_"

// IsAutoindex reports whether an index name is one SQLite made up for an
// inline constraint rather than one the schema declared.
func IsAutoindex(name string) bool { return strings.HasPrefix(name, AutoindexPrefix) }

// RowidAlias returns the column of t that aliases the rowid, or nil: a
// primary key of one column declared with the type INTEGER (exactly, in
// any case: "INT PRIMARY KEY" is an ordinary column). SQLite fills it
// with the next rowid when it is not given, and it is never NULL, though
// SQLite reports it nullable.
func RowidAlias(t *schema.Table) *schema.Column {
	pk := t.PrimaryKey
	if pk == nil || len(pk.Parts) != 1 || pk.Parts[0].C == nil {
		return nil
	}
	c := pk.Parts[0].C
	if c.Type == nil || !strings.EqualFold(declaredType(c.Type), "integer") {
		return nil
	}
	return c
}

// declaredType is a column's type as written in its CREATE TABLE, or as
// formatted when the schema was not inspected.
func declaredType(t *schema.ColumnType) string {
	if t.Raw != "" || t.Type == nil {
		return t.Raw
	}
	s, err := sqlite.FormatType(t.Type)
	if err != nil {
		return ""
	}
	return s
}
