package migrate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
	"github.com/flagon-go/flagon/migrate/internal/sqliteschema"
)

// completeSQLiteInspection adds to inspected SQLite tables what Atlas's
// inspection leaves out and a rebuild must keep: constraint names of
// UNIQUE constraints, collations, DEFERRABLE clauses and AUTOINCREMENT
// sequences.
func completeSQLiteInspection(ctx context.Context, q Querier, s *schema.Schema) error {
	sqliteschema.NameUniques(s)
	collateSQLiteColumns(s)
	deferSQLiteForeignKeys(s)
	return sqliteSequences(ctx, q, s)
}

// hasAttr finds the attribute of a's type and copies it into a.
func hasAttr(attrs []schema.Attr, a *sqlite.CreateStmt) bool {
	for _, x := range attrs {
		if c, ok := x.(*sqlite.CreateStmt); ok {
			*a = *c
			return true
		}
	}
	return false
}

// unquoteSQLite removes SQLite identifier quoting.
func unquoteSQLite(s string) string { return sqliteschema.Unquote(s) }

// sqliteSequences reads the AUTOINCREMENT high-water marks of inspected
// SQLite tables from sqlite_sequence, which Atlas's inspection leaves at
// zero: a rebuild then carries the mark over to the new table, and ids of
// deleted rows are not handed out again, as AUTOINCREMENT promises.
func sqliteSequences(ctx context.Context, q Querier, s *schema.Schema) error {
	for _, t := range s.Tables {
		inc := autoIncrementOf(t)
		if inc == nil {
			continue
		}
		err := q.QueryRowContext(ctx, "SELECT seq FROM sqlite_sequence WHERE name = ?", t.Name).Scan(&inc.Seq)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("read the AUTOINCREMENT sequence of %s: %w", t.Name, err)
		}
	}
	return nil
}

// autoIncrementOf returns the AUTOINCREMENT attribute of a table's key.
func autoIncrementOf(t *schema.Table) *sqlite.AutoIncrement {
	if t.PrimaryKey == nil || len(t.PrimaryKey.Parts) != 1 || t.PrimaryKey.Parts[0].C == nil {
		return nil
	}
	for _, a := range t.PrimaryKey.Parts[0].C.Attrs {
		if inc, ok := a.(*sqlite.AutoIncrement); ok {
			return inc
		}
	}
	return nil
}
