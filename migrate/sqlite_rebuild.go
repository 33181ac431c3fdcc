package migrate

import (
	"context"
	"database/sql"
	"errors"
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
	if m == nil || m[1] != m[2] {
		return "", false
	}
	return m[2], true
}

// copyRows runs a rebuild's copy statement, in batches of rowids when a
// progress line shows the rows copied and the table has a usable rowid,
// and fails unless the new table then holds as many rows as the old one:
// a rebuild never loses rows silently.
func (r *stepRunner) copyRows(ctx context.Context, s, table string) error {
	var total int64
	if err := r.queryInt(ctx, "SELECT count(*) FROM "+sqliteIdent(table), &total); err != nil {
		return &stmtError{sql: s, err: err}
	}
	rowid := ""
	if r.prog != nil {
		var err error
		if rowid, err = r.rowidName(ctx, table); err != nil {
			return &stmtError{sql: s, err: err}
		}
	}
	if err := r.copyStatement(ctx, s, rowid, total); err != nil {
		return err
	}
	var copied int64
	if err := r.queryInt(ctx, "SELECT count(*) FROM "+sqliteIdent("new_"+table), &copied); err != nil {
		return &stmtError{sql: s, err: err}
	}
	if copied != total {
		return &stmtError{sql: s, err: fmt.Errorf("rebuilding table %q copied %d of its %d rows", table, copied, total)}
	}
	return nil
}

// copyStatement runs the copy in batches over rowid when it is not empty,
// else as the one statement.
func (r *stepRunner) copyStatement(ctx context.Context, s, rowid string, total int64) error {
	if rowid == "" {
		if err := r.exec(ctx, s); err != nil {
			return err
		}
		r.prog.rows(total, total)
		return nil
	}
	return r.copyInBatches(ctx, s, rowid, total)
}

// rowidNames are the names SQLite gives a table's rowid, in the order a
// batched copy tries them.
var rowidNames = []string{"rowid", "_rowid_", "oid"}

// rowidName returns the name that reads the table's rowid: the first of
// rowid, _rowid_ and oid that no column of the table shadows. It returns
// "" for a WITHOUT ROWID table and when columns shadow all three names.
func (r *stepRunner) rowidName(ctx context.Context, table string) (string, error) {
	var withoutRowid int64
	err := r.queryInt(ctx, "SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ? COLLATE NOCASE", &withoutRowid, table)
	if err != nil || withoutRowid != 0 {
		// Not a table of the main schema, a WITHOUT ROWID table, or an
		// SQLite before 3.37 (no pragma_table_list): one statement, which
		// is always correct, only not shown in batches.
		return "", nil
	}
	rows, err := r.tx.QueryContext(ctx, "SELECT name FROM pragma_table_xinfo(?)", table)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	shadowed := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return "", err
		}
		shadowed[strings.ToLower(name)] = true
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	for _, n := range rowidNames {
		if !shadowed[n] {
			return n, nil
		}
	}
	return "", nil
}

// copyInBatches runs a rebuild's copy statement over ranges of copyBatch
// rowids, read by the name rowid, reporting the rows copied of the total.
func (r *stepRunner) copyInBatches(ctx context.Context, s, rowid string, total int64) error {
	table, _ := rebuildCopyTable(s)
	q := sqliteIdent(table)
	var done int64
	r.prog.rows(0, total)
	r.n++
	lower := "1"
	for {
		var hi int64
		err := r.queryInt(ctx, fmt.Sprintf("SELECT %s FROM %s WHERE %s ORDER BY %s LIMIT 1 OFFSET %d", rowid, q, lower, rowid, copyBatch-1), &hi)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return &stmtError{sql: s, err: err}
		}
		where := lower
		if err == nil {
			where += fmt.Sprintf(" AND %s <= %d", rowid, hi)
		}
		res, xerr := r.tx.ExecContext(ctx, s+" WHERE "+where)
		if xerr != nil {
			return &stmtError{sql: s, err: xerr}
		}
		n, _ := res.RowsAffected()
		done += n
		r.prog.rows(done, total)
		if err != nil {
			return nil
		}
		lower = fmt.Sprintf("%s > %d", rowid, hi)
	}
}

// sqliteIdent quotes a SQLite identifier as Atlas does, with backquotes.
func sqliteIdent(name string) string {
	return "`" + strings.ReplaceAll(name, "`", "``") + "`"
}

// queryInt scans the one integer a query returns.
func (r *stepRunner) queryInt(ctx context.Context, q string, dst *int64, args ...any) error {
	return r.tx.QueryRowContext(ctx, q, args...).Scan(dst)
}
