package migrate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
)

// completeSQLiteInspection adds to inspected SQLite tables what Atlas's
// inspection leaves out and a rebuild must keep: constraint names of
// UNIQUE constraints, collations, DEFERRABLE clauses and AUTOINCREMENT
// sequences.
func completeSQLiteInspection(ctx context.Context, q Querier, s *schema.Schema) error {
	nameSQLiteUniques(s)
	collateSQLiteColumns(s)
	deferSQLiteForeignKeys(s)
	return sqliteSequences(ctx, q, s)
}

// sqliteNamedUnique matches a named UNIQUE table constraint in a CREATE
// TABLE statement: its name and its column list.
var sqliteNamedUnique = regexp.MustCompile("(?is)CONSTRAINT\\s+(\"(?:[^\"]|\"\")+\"|`(?:[^`]|``)+`|\\[[^\\]]+\\]|[\\w$]+)\\s+UNIQUE\\s*\\(([^)]*)\\)")

// nameSQLiteUniques gives the indexes SQLite made for named UNIQUE
// constraints (sqlite_autoindex_<table>_<n>) their constraint's name, read
// from the table's CREATE statement, as Alembic's SQLite reflection does:
// DropConstraint finds them by that name, and a rebuild of the table keeps
// it (Atlas would otherwise call the index <table>_<columns>).
func nameSQLiteUniques(s *schema.Schema) {
	for _, t := range s.Tables {
		var stmt sqlite.CreateStmt
		if !hasAttr(t.Attrs, &stmt) {
			continue
		}
		for _, m := range sqliteNamedUnique.FindAllStringSubmatch(stmt.S, -1) {
			name, cols := unquoteSQLite(m[1]), uniqueColumns(m[2])
			if _, taken := t.Index(name); taken {
				continue
			}
			if idx := autoIndexOn(t, cols); idx != nil {
				idx.Name = name
			}
		}
	}
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

// autoIndexOn returns the unique auto-index on exactly cols, if any.
func autoIndexOn(t *schema.Table, cols []string) *schema.Index {
	for _, idx := range t.Indexes {
		if !idx.Unique || !strings.HasPrefix(idx.Name, "sqlite_autoindex_") || len(idx.Parts) != len(cols) {
			continue
		}
		if slices.EqualFunc(idx.Parts, cols, func(p *schema.IndexPart, c string) bool {
			return p.C != nil && strings.EqualFold(p.C.Name, c)
		}) {
			return idx
		}
	}
	return nil
}

// uniqueColumns returns the column names of a UNIQUE column list.
func uniqueColumns(list string) []string {
	var out []string
	for _, part := range strings.Split(list, ",") {
		name, _ := sqliteFirstIdent(strings.TrimSpace(part))
		if name == "" {
			return nil
		}
		out = append(out, name)
	}
	return out
}

// unquoteSQLite removes SQLite identifier quoting.
func unquoteSQLite(s string) string {
	if len(s) >= 2 {
		switch q := s[0]; {
		case q == '"' && s[len(s)-1] == '"':
			return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
		case q == '`' && s[len(s)-1] == '`':
			return strings.ReplaceAll(s[1:len(s)-1], "``", "`")
		case q == '[' && s[len(s)-1] == ']':
			return s[1 : len(s)-1]
		}
	}
	return s
}

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
