package migrate

import (
	"context"
	"regexp"
	"strings"
)

// rebuildRename matches the last step of Atlas's SQLite table rebuild.
var rebuildRename = regexp.MustCompile("^ALTER TABLE `new_(.+)` RENAME TO `(.+)`$")

// A schemaObject is a view or trigger kept across a SQLite rebuild.
type schemaObject struct{ kind, name, table, sql string }

// rebuiltTables lists the tables that statements rebuild.
func rebuiltTables(stmts []string) []string {
	var out []string
	for _, s := range stmts {
		if m := rebuildRename.FindStringSubmatch(s); m != nil && m[1] == m[2] {
			out = append(out, m[2])
		}
	}
	return out
}

// withSQLiteObjects runs the statements of a table rebuild, first dropping
// the views and the triggers that use the rebuilt tables and recreating
// them afterwards (steps 8 and 10 of SQLite's ALTER TABLE procedure):
// DROP TABLE drops a table's triggers, and renaming the new table fails
// while a view names a missing table.
func (r *stepRunner) withSQLiteObjects(ctx context.Context, tables []string, run func() error) error {
	objs, err := r.sqliteObjects(ctx, tables)
	if err != nil {
		return err
	}
	for _, o := range objs {
		if err := r.exec(ctx, "DROP "+strings.ToUpper(o.kind)+" IF EXISTS \""+o.name+"\""); err != nil {
			return err
		}
	}
	if err := run(); err != nil {
		return err
	}
	for _, o := range objs {
		if err := r.exec(ctx, o.sql); err != nil {
			return err
		}
	}
	return nil
}

// sqliteObjects returns every view, and the triggers on or mentioning the
// tables, in creation order.
func (r *stepRunner) sqliteObjects(ctx context.Context, tables []string) ([]schemaObject, error) {
	rows, err := r.tx.QueryContext(ctx, "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('view', 'trigger') AND sql IS NOT NULL ORDER BY rowid")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schemaObject
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.kind, &o.name, &o.table, &o.sql); err != nil {
			return nil, err
		}
		if o.kind == "view" || mentions(o, tables) {
			out = append(out, o)
		}
	}
	return out, rows.Err()
}

// mentions reports whether a trigger is on, or names, one of the tables.
func mentions(o schemaObject, tables []string) bool {
	low := strings.ToLower(o.sql)
	for _, t := range tables {
		if strings.EqualFold(o.table, t) || strings.Contains(low, strings.ToLower(t)) {
			return true
		}
	}
	return false
}
