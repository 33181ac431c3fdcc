package autogen

import (
	"slices"

	"ariga.io/atlas/sql/schema"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/internal/sqliteschema"
)

// SQLite databases written by hand or by other tools (Flask's tutorial
// schema.sql) declare keys inline: "id INTEGER PRIMARY KEY", "username
// TEXT UNIQUE". Their inspection differs from the same schema created
// from models in two ways that are not changes, which sqliteInline
// removes from the inspected schema before the comparison.

// sqliteInline names the indexes of named UNIQUE constraints after the
// constraints, as migrate's inspection and Alembic's reflection do, marks INTEGER PRIMARY KEY columns NOT NULL (they alias the
// rowid, which is never NULL, though SQLite reports them nullable), and
// gives an inline UNIQUE's automatic index (sqlite_autoindex_<table>_N)
// the name of the models' unique index on the same columns.
func sqliteInline(current, desired *schema.Schema, dialectName string) {
	if dialectName != migrate.SQLite {
		return
	}
	sqliteschema.NameUniques(current)
	for _, ct := range current.Tables {
		if c := sqliteschema.RowidAlias(ct); c != nil {
			c.Type.Null = false
		}
		dt, ok := desired.Table(ct.Name)
		if !ok {
			continue
		}
		for _, ix := range ct.Indexes {
			if !sqliteschema.IsAutoindex(ix.Name) {
				continue
			}
			if match := sameUnique(dt, ix); match != nil {
				ix.Name = match.Name
			}
		}
	}
}

// sameUnique returns the unique index of t on the columns of ix.
func sameUnique(t *schema.Table, ix *schema.Index) *schema.Index {
	cols := indexColumns(ix)
	for _, o := range t.Indexes {
		if o.Unique && slices.Equal(indexColumns(o), cols) {
			return o
		}
	}
	return nil
}

// indexColumns lists an index's column names ("" for an expression).
func indexColumns(ix *schema.Index) []string {
	out := make([]string, len(ix.Parts))
	for i, p := range ix.Parts {
		if p.C != nil {
			out[i] = p.C.Name
		}
	}
	return out
}
