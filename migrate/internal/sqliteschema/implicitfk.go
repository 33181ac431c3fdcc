package sqliteschema

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"ariga.io/atlas/sql/schema"
)

// A foreign key declared without a column list ("REFERENCES parent")
// references the parent's primary key, and SQLite's
// pragma_foreign_key_list reports its referenced columns as NULL, which
// Atlas's inspection cannot read (and, failing on it, leaves its rows
// open, so that the connection can no longer be closed). ImplicitFKs
// resolves them as SQLite does, or fails the listing with an error naming
// the table.

// Atlas's query listing a table's foreign keys, around the table's name.
const (
	atlasFKsSelect = "SELECT `id`, `from`, `to`, `table`, `on_update`, `on_delete` FROM pragma_foreign_key_list('"
	atlasFKsOrder  = "') ORDER BY id, seq"
)

// resolvedFKs lists a table's foreign keys as atlasFKs does, a missing
// referenced column being the parent's primary key column at the same
// position.
const resolvedFKs = "SELECT f.`id`, f.`from`, " +
	"COALESCE(f.`to`, (SELECT p.`name` FROM pragma_table_info(f.`table`) AS p WHERE p.`pk` = f.`seq` + 1)), " +
	"f.`table`, f.`on_update`, f.`on_delete` FROM pragma_foreign_key_list('%s') AS f ORDER BY f.`id`, f.`seq`"

// unresolvedFKs lists the parents of a table's foreign keys without a
// column list that have no primary key column at some position of the
// key, and whether the parent exists.
const unresolvedFKs = "SELECT f.`table`, " +
	"EXISTS (SELECT 1 FROM sqlite_master AS t WHERE t.`type` = 'table' AND t.`name` = f.`table`) " +
	"FROM pragma_foreign_key_list('%s') AS f WHERE f.`to` IS NULL " +
	"AND NOT EXISTS (SELECT 1 FROM pragma_table_info(f.`table`) AS p WHERE p.`pk` = f.`seq` + 1) " +
	"ORDER BY f.`id` LIMIT 1"

// ImplicitFKs wraps the connection given to Atlas's SQLite driver so that
// its inspection reads a foreign key without a column list as one
// referencing the parent's primary key. When the parent has no primary
// key of as many columns (SQLite then fails writes with "foreign key
// mismatch") or does not exist, the listing fails with an error naming
// the table and the fix.
func ImplicitFKs(db schema.ExecQuerier) schema.ExecQuerier { return implicitFKs{db} }

type implicitFKs struct{ schema.ExecQuerier }

// QueryContext runs query, Atlas's foreign key listing rewritten.
func (q implicitFKs) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if table, ok := strings.CutPrefix(query, atlasFKsSelect); ok {
		if table, ok = strings.CutSuffix(table, atlasFKsOrder); ok {
			if err := q.check(ctx, table); err != nil {
				return nil, err
			}
			query = fmt.Sprintf(resolvedFKs, table)
		}
	}
	return q.ExecQuerier.QueryContext(ctx, query, args...)
}

// check returns an error when a foreign key of table cannot be resolved.
func (q implicitFKs) check(ctx context.Context, table string) error {
	rows, err := q.ExecQuerier.QueryContext(ctx, fmt.Sprintf(unresolvedFKs, table))
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		return rows.Err()
	}
	var parent string
	var exists bool
	if err := rows.Scan(&parent, &exists); err != nil {
		return err
	}
	why := fmt.Sprintf("table %q has no primary key of as many columns to stand for them", parent)
	if !exists {
		why = fmt.Sprintf("there is no table %q", parent)
	}
	return fmt.Errorf("table %q: a foreign key declares REFERENCES %s without columns, and %s; "+
		"name the referenced columns (REFERENCES %s (column))", table, parent, why, parent)
}
