package migrate

import (
	"context"
	"database/sql"
	"fmt"
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

// rebuildCopy matches the statement of a SQLite table rebuild that copies
// the rows into the new table.
var rebuildCopy = regexp.MustCompile("^INSERT INTO `new_(.+)` \\(.*\\) SELECT .* FROM `(.+)`$")

// copyBatch is the number of rows a rebuild copies per statement while a
// progress line shows them.
const copyBatch = 10000

// rebuildCopyTable returns the table whose rows a rebuild statement copies.
func rebuildCopyTable(s string) (string, bool) {
	m := rebuildCopy.FindStringSubmatch(s)
	if m == nil || m[1] != m[2] || strings.Contains(strings.ToLower(s), "`rowid`") {
		return "", false
	}
	return m[2], true
}

// copyInBatches runs a rebuild's copy statement over ranges of rowids of
// copyBatch rows, reporting the rows copied of the total. A table without
// rowids (WITHOUT ROWID) is copied by the one statement.
func (r *stepRunner) copyInBatches(ctx context.Context, s, table string) error {
	q := "`" + table + "`"
	var total, done int64
	if err := r.queryInt(ctx, "SELECT count(*) FROM "+q, &total); err != nil {
		return r.exec(ctx, s)
	}
	r.prog.rows(0, total)
	r.n++
	lower := "1"
	for {
		var hi int64
		err := r.queryInt(ctx, fmt.Sprintf("SELECT rowid FROM %s WHERE %s ORDER BY rowid LIMIT 1 OFFSET %d", q, lower, copyBatch-1), &hi)
		if err != nil && err != sql.ErrNoRows {
			if lower == "1" {
				r.n--
				return r.exec(ctx, s) // no rowid: copy in one statement
			}
			return &stmtError{sql: s, err: err}
		}
		where := lower
		if err == nil {
			where += fmt.Sprintf(" AND rowid <= %d", hi)
		}
		res, xerr := r.tx.ExecContext(ctx, s+" WHERE "+where)
		if xerr != nil {
			return &stmtError{sql: s, err: xerr}
		}
		n, _ := res.RowsAffected()
		done += n
		r.prog.rows(done, total)
		if err == sql.ErrNoRows {
			return nil
		}
		lower = fmt.Sprintf("rowid > %d", hi)
	}
}

// queryInt scans the one integer a query returns.
func (r *stepRunner) queryInt(ctx context.Context, q string, dst *int64) error {
	return r.tx.QueryRowContext(ctx, q).Scan(dst)
}
