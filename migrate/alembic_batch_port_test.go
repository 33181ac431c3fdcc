package migrate_test

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
)

// Ports of tests/test_batch.py BatchRoundTripTest (and its MySQL and
// PostgreSQL subclasses): a table changed in ways that SQLite can only do
// by moving and copying it keeps its rows, its other columns, indexes,
// constraints, server defaults and the foreign keys pointing in and out.
// flagon runs every case on the three databases (SQLite rebuilds, the
// others ALTER in place) with foreign keys enforced on the pool's
// connections.

// fooTable is BatchRoundTripTest's fixture table.
func fooTable() migrate.Table {
	return migrate.Table{Name: "foo", Columns: []migrate.Column{
		{Name: "id", Type: migrate.Integer()},
		{Name: "data", Type: migrate.String(50), Nullable: true},
		{Name: "x", Type: migrate.Integer(), Nullable: true},
	}, PrimaryKey: []string{"id"}}
}

// codeTable holds numbers as text.
func codeTable() migrate.Table {
	return migrate.Table{Name: "codes", Columns: []migrate.Column{
		{Name: "id", Type: migrate.Integer()}, {Name: "code", Type: migrate.String(10)}}, PrimaryKey: []string{"id"}}
}

// codeRows are codeTable's rows.
const codeRows = "INSERT INTO codes (id, code) VALUES (1, '12'), (2, '7')"

// fooRows are the fixture's rows.
const fooRows = "INSERT INTO foo (id, data, x) VALUES (1, 'd1', 5), (2, '22', 6), (3, '8.5', 7), (4, '9.46', 8), (5, 'd5', 9)"

// barTable references foo (or itself when self is set).
func barTable(self bool) migrate.Table {
	t := migrate.Table{Name: "bar", Columns: []migrate.Column{
		{Name: "id", Type: migrate.Integer()},
		{Name: "foo_id", Type: migrate.Integer(), Nullable: true},
		{Name: "data", Type: migrate.String(50), Nullable: true},
	}, PrimaryKey: []string{"id"},
		ForeignKeys: []migrate.ForeignKey{{Name: "fk_bar_foo_id_foo", Columns: []string{"foo_id"}, RefTable: "foo", RefColumns: []string{"id"}}}}
	if self {
		t.ForeignKeys[0].Name, t.ForeignKeys[0].RefTable = "fk_bar_bar", "bar"
	}
	return t
}

// batchCase is one round trip: setup creates tables and rows, ops change
// them, check looks at the result. fails, when set, is the dialect on
// which the operations must fail (as the original marks them
// exclusions.fails), leaving the rows in place.
type batchCase struct {
	name   string
	tables []migrate.Table
	rows   []string
	ops    func(op *migrate.Op)
	fails  []string
	check  func(t *testing.T, d string, sdb *sql.DB)
}

// strs returns the first column of every row as text.
func strs(t *testing.T, sdb *sql.DB, q string) []string {
	t.Helper()
	rows, err := sdb.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v sql.NullString
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v.String)
	}
	return out
}

// wantStrs compares a query's first column with want.
func wantStrs(t *testing.T, sdb *sql.DB, q string, want ...string) {
	t.Helper()
	if got := strs(t, sdb, q); !slices.Equal(got, want) {
		t.Errorf("%s = %q, want %q", q, got, want)
	}
}

// mustFail checks that a statement is refused (a constraint holds).
func mustFail(t *testing.T, sdb *sql.DB, q, why string) {
	t.Helper()
	if _, err := sdb.Exec(q); err == nil {
		t.Errorf("%s succeeded: %s", q, why)
	}
}

// indexNames lists a table's index names (not primary keys or foreign key
// backing indexes), sorted.
func indexNames(t *testing.T, sdb *sql.DB, d, table string) []string {
	t.Helper()
	var q string
	switch d {
	case migrate.SQLite:
		q = fmt.Sprintf("SELECT name FROM pragma_index_list('%s') WHERE origin = 'c'", table)
	case migrate.PostgreSQL:
		q = fmt.Sprintf("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = '%s' AND indexname NOT LIKE '%%pkey'", table)
	case migrate.MySQL:
		q = fmt.Sprintf(`SELECT DISTINCT s.index_name FROM information_schema.statistics s WHERE s.table_schema = DATABASE() AND s.table_name = '%s' AND s.index_name <> 'PRIMARY'
AND s.index_name NOT IN (SELECT constraint_name FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE())`, table)
	}
	out := strs(t, sdb, q)
	sort.Strings(out)
	return out
}

// fkPairs lists a table's foreign keys as "columns->table(columns)".
func fkPairs(t *testing.T, sdb *sql.DB, d, table string) []string {
	t.Helper()
	var q string
	switch d {
	case migrate.SQLite:
		q = fmt.Sprintf(`SELECT "from" || '->' || "table" || '(' || "to" || ')' FROM pragma_foreign_key_list('%s')`, table)
	case migrate.PostgreSQL:
		q = fmt.Sprintf(`SELECT a.attname || '->' || r.relname || '(' || ra.attname || ')' FROM pg_constraint c
JOIN pg_class r ON r.oid = c.confrelid JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]
WHERE c.contype = 'f' AND c.conrelid = to_regclass('%s')`, table)
	case migrate.MySQL:
		q = fmt.Sprintf(`SELECT concat(column_name, '->', referenced_table_name, '(', referenced_column_name, ')') FROM information_schema.key_column_usage
WHERE table_schema = DATABASE() AND table_name = '%s' AND referenced_table_name IS NOT NULL`, table)
	}
	return strs(t, sdb, q)
}

// concat joins SQL expressions as text in the dialect's spelling.
func concat(d string, parts ...string) string {
	if d == migrate.MySQL {
		return "CONCAT(" + strings.Join(parts, ", ") + ")"
	}
	return strings.Join(parts, " || ")
}

var fooData = "SELECT data FROM foo ORDER BY id"

var batchCases = []batchCase{
	{name: "test_change_type", tables: []migrate.Table{fooTable()}, rows: []string{fooRows},
		ops: func(op *migrate.Op) {
			op.AlterColumn(migrate.AlterColumn{Table: "foo", Name: "data", Type: migrate.Ptr(migrate.Integer()), Existing: fooTable().Columns[1]})
		},
		// PostgreSQL and MySQL refuse 'd1' as an integer (the original's
		// subclasses mark the case exclusions.fails).
		fails: []string{migrate.PostgreSQL, migrate.MySQL},
		check: func(t *testing.T, d string, sdb *sql.DB) {
			if d != migrate.SQLite {
				wantStrs(t, sdb, fooData, "d1", "22", "8.5", "9.46", "d5")
				return
			}
			wantStrs(t, sdb, fooData, "0", "22", "8", "9", "0")
			wantStrs(t, sdb, "SELECT typeof(data) FROM foo ORDER BY id", "integer", "integer", "integer", "integer", "integer")
		}},
	// tests/test_postgresql.py test_alter_column_type_using, run: the
	// USING expression converts the values (the other databases ignore it
	// and convert by themselves); without one, flagon casts.
	{name: "test_alter_column_type_using", tables: []migrate.Table{codeTable()}, rows: []string{codeRows},
		ops: func(op *migrate.Op) {
			op.AlterColumn(migrate.AlterColumn{Table: "codes", Name: "code", Type: migrate.Ptr(migrate.Integer()), Using: `length("code") * 10`, Existing: codeTable().Columns[1]})
		},
		check: func(t *testing.T, d string, sdb *sql.DB) {
			if d == migrate.PostgreSQL {
				wantStrs(t, sdb, "SELECT code FROM codes ORDER BY id", "20", "10")
				return
			}
			wantStrs(t, sdb, "SELECT code FROM codes ORDER BY id", "12", "7")
		}},
	{name: "test_alter_column_type_cast", tables: []migrate.Table{codeTable()}, rows: []string{codeRows},
		ops: func(op *migrate.Op) {
			op.AlterColumn(migrate.AlterColumn{Table: "codes", Name: "code", Type: migrate.Ptr(migrate.Integer()), Existing: codeTable().Columns[1]})
		},
		check: func(t *testing.T, d string, sdb *sql.DB) {
			wantStrs(t, sdb, "SELECT code + 1 FROM codes ORDER BY id", "13", "8")
		}},
	// tests/test_mysql.py test_rename_column_autoincrement and
	// test_col_add_autoincrement: a key keeps generating values when its
	// type changes, without Alembic's existing_autoincrement.
	{name: "test_alter_column_type_keeps_autoincrement", tables: []migrate.Table{{Name: "auto", Columns: []migrate.Column{
		{Name: "id", Type: migrate.Integer(), Autoincrement: true}, {Name: "v", Type: migrate.Integer(), Nullable: true}}, PrimaryKey: []string{"id"}}},
		rows: []string{"INSERT INTO auto (v) VALUES (1)", "INSERT INTO auto (v) VALUES (2)"},
		ops: func(op *migrate.Op) {
			op.AlterColumn(migrate.AlterColumn{Table: "auto", Name: "id", Type: migrate.Ptr(migrate.BigInteger()), Existing: migrate.Column{Name: "id", Type: migrate.Integer()}})
		},
		check: func(t *testing.T, d string, sdb *sql.DB) {
			mustExec(t, sdb, "INSERT INTO auto (v) VALUES (3)")
			wantStrs(t, sdb, "SELECT id FROM auto ORDER BY id", "1", "2", "3")
		}},
	// BackendAlterColumnTest test_modify_nullable_to_non on a column that
	// holds NULL: every database refuses, and the rows stay as they were
	// (a SQLite rebuild does not fill in the new default).
	{name: "test_modify_nullable_to_non_with_nulls", tables: []migrate.Table{fooTable()}, rows: []string{fooRows, "INSERT INTO foo (id) VALUES (6)"},
		ops: func(op *migrate.Op) {
			op.AlterColumn(migrate.AlterColumn{Table: "foo", Name: "x", Nullable: migrate.Ptr(false), ServerDefault: migrate.Ptr("0"), Existing: fooTable().Columns[2]})
		},
		fails: []string{migrate.SQLite, migrate.PostgreSQL, migrate.MySQL},
		check: func(t *testing.T, d string, sdb *sql.DB) {
			wantStrs(t, sdb, "SELECT count(*) FROM foo WHERE x IS NULL", "1")
		}},
	{name: "test_drop_column", tables: []migrate.Table{fooTable()}, rows: []string{fooRows},
		ops: func(op *migrate.Op) { op.DropColumn("foo", "data") },
		check: func(t *testing.T, d string, sdb *sql.DB) {
			wantStrs(t, sdb, "SELECT x FROM foo ORDER BY id", "5", "6", "7", "8", "9")
			if got := columns(t, sdb, "foo"); !slices.Equal(got, []string{"id", "x"}) {
				t.Errorf("columns = %v", got)
			}
		}},
	{name: "test_rename_column", tables: []migrate.Table{fooTable()}, rows: []string{fooRows},
		ops: func(op *migrate.Op) { op.RenameColumn("foo", "x", "y") },
		check: func(t *testing.T, d string, sdb *sql.DB) {
			wantStrs(t, sdb, "SELECT y FROM foo ORDER BY id", "5", "6", "7", "8", "9")
			wantStrs(t, sdb, fooData, "d1", "22", "8.5", "9.46", "d5")
		}},
	// test_rename_column_pk, with a table referencing the key that is then
	// rebuilt in the same revision: its key must name the new column.
	{name: "test_rename_column_pk", tables: []migrate.Table{fooTable(), barTable(false)},
		rows: []string{fooRows, "INSERT INTO bar (id, foo_id, data) VALUES (1, 3, 'b')"},
		ops: func(op *migrate.Op) {
			op.RenameColumn("foo", "id", "ident")
			op.DropColumn("bar", "data")
			op.RenameTable("foo", "foo2")
			op.AlterColumn(migrate.AlterColumn{Table: "bar", Name: "foo_id", Nullable: migrate.Ptr(false), Existing: barTable(false).Columns[1]})
		},
		check: func(t *testing.T, d string, sdb *sql.DB) {
			wantStrs(t, sdb, "SELECT ident FROM foo2 ORDER BY ident", "1", "2", "3", "4", "5")
			if got := fkPairs(t, sdb, d, "bar"); !slices.Equal(got, []string{"foo_id->foo2(ident)"}) {
				t.Errorf("bar's foreign keys = %v", got)
			}
			mustExec(t, sdb, "INSERT INTO bar (id, foo_id) VALUES (2, 5)")
			mustFail(t, sdb, "INSERT INTO bar (id, foo_id) VALUES (3, 99)", "the foreign key is no longer enforced")
		}},
	{name: "test_fk_points_to_me_sqlite_refinteg", tables: []migrate.Table{fooTable(), barTable(false)},
		rows: []string{fooRows, "INSERT INTO bar (id, foo_id) VALUES (1, 3)"},
		ops: func(op *migrate.Op) {
			op.AlterColumn(migrate.AlterColumn{Table: "foo", Name: "data", Type: migrate.Ptr(migrate.String(60)), Existing: fooTable().Columns[1]})
			op.RenameColumn("foo", "data", "newdata")
		},
		check: func(t *testing.T, d string, sdb *sql.DB) {
			if got := fkPairs(t, sdb, d, "bar"); !slices.Equal(got, []string{"foo_id->foo(id)"}) {
				t.Errorf("bar's foreign keys = %v", got)
			}
			wantStrs(t, sdb, "SELECT foo_id FROM bar", "3")
			mustFail(t, sdb, "INSERT INTO bar (id, foo_id) VALUES (2, 99)", "the foreign key into the rebuilt table is no longer enforced")
			mustFail(t, sdb, "DELETE FROM foo WHERE id = 3", "a referenced row of the rebuilt table could be deleted")
		}},
	{name: "test_selfref_fk_sqlite_refinteg", tables: []migrate.Table{barTable(true)},
		rows: []string{"INSERT INTO bar (id, data, foo_id) VALUES (1, 'x', NULL)", "INSERT INTO bar (id, data, foo_id) VALUES (2, 'y', 1)"},
		ops: func(op *migrate.Op) {
			op.AlterColumn(migrate.AlterColumn{Table: "bar", Name: "data", Type: migrate.Ptr(migrate.String(60)), Existing: barTable(true).Columns[2]})
			op.RenameColumn("bar", "data", "newdata")
		},
		check: func(t *testing.T, d string, sdb *sql.DB) {
			if got := fkPairs(t, sdb, d, "bar"); !slices.Equal(got, []string{"foo_id->bar(id)"}) {
				t.Errorf("bar's foreign keys = %v", got)
			}
			wantStrs(t, sdb, "SELECT newdata FROM bar ORDER BY id", "x", "y")
			mustFail(t, sdb, "INSERT INTO bar (id, foo_id) VALUES (3, 99)", "the self-referencing foreign key is no longer enforced")
		}},
	{name: "test_ix_existing", tables: []migrate.Table{{Name: "t_w_ix", Columns: []migrate.Column{
		{Name: "id", Type: migrate.Integer()}, {Name: "thing", Type: migrate.Integer(), Nullable: true}, {Name: "data", Type: migrate.String(20), Nullable: true},
	}, PrimaryKey: []string{"id"}, Indexes: []migrate.Index{{Name: "ix_thing", Columns: []string{"thing"}}}}},
		ops: func(op *migrate.Op) {
			op.AlterColumn(migrate.AlterColumn{Table: "t_w_ix", Name: "data", Type: migrate.Ptr(migrate.String(30)), Existing: migrate.Column{Name: "data", Type: migrate.String(20), Nullable: true}})
			op.CreateIndex("t_w_ix", migrate.Index{Name: "ix_data", Columns: []string{"data"}})
		},
		check: func(t *testing.T, d string, sdb *sql.DB) {
			if got := indexNames(t, sdb, d, "t_w_ix"); !slices.Equal(got, []string{"ix_data", "ix_thing"}) {
				t.Errorf("indexes = %v", got)
			}
		}},
	{name: "test_add_ck_constraint", tables: []migrate.Table{fooTable()}, rows: []string{fooRows},
		ops: func(op *migrate.Op) { op.CreateCheckConstraint("foo", migrate.Check{Name: "newck", Expr: "x > 0"}) },
		check: func(t *testing.T, d string, sdb *sql.DB) {
			mustFail(t, sdb, "INSERT INTO foo (id, x) VALUES (6, -1)", "the new CHECK constraint is not enforced")
			wantStrs(t, sdb, fooData, "d1", "22", "8.5", "9.46", "d5")
		}},
	{name: "test_drop_ck_constraint", tables: []migrate.Table{{Name: "ck_table", Columns: []migrate.Column{{Name: "id", Type: migrate.Integer()}},
		Checks: []migrate.Check{{Name: "ck", Expr: "id > 5"}}}}, rows: []string{"INSERT INTO ck_table (id) VALUES (6)"},
		ops: func(op *migrate.Op) { op.DropConstraint("ck_table", "ck", migrate.ConstraintCheck) },
		check: func(t *testing.T, d string, sdb *sql.DB) {
			mustExec(t, sdb, "INSERT INTO ck_table (id) VALUES (1)")
			wantStrs(t, sdb, "SELECT id FROM ck_table ORDER BY id", "1", "6")
		}},
	{name: "test_add_uq", tables: []migrate.Table{fooTable()}, rows: []string{fooRows},
		ops: func(op *migrate.Op) {
			op.CreateUniqueConstraint("foo", migrate.Unique{Name: "newuk", Columns: []string{"x"}})
		},
		check: func(t *testing.T, d string, sdb *sql.DB) {
			mustFail(t, sdb, "INSERT INTO foo (id, x) VALUES (6, 5)", "the unique constraint is not enforced")
		}},
	{name: "test_add_uq_plus_col", tables: []migrate.Table{fooTable()}, rows: []string{fooRows},
		ops: func(op *migrate.Op) {
			op.AddColumn("foo", migrate.Column{Name: "y", Type: migrate.Integer(), Nullable: true})
			op.CreateUniqueConstraint("foo", migrate.Unique{Name: "newuk", Columns: []string{"x", "y"}})
		},
		check: func(t *testing.T, d string, sdb *sql.DB) {
			mustExec(t, sdb, "INSERT INTO foo (id, x, y) VALUES (6, 5, 1)")
			mustFail(t, sdb, "INSERT INTO foo (id, x, y) VALUES (7, 5, 1)", "the unique constraint is not enforced")
		}},
	{name: "test_create_drop_index", tables: []migrate.Table{fooTable()}, rows: []string{fooRows},
		ops: func(op *migrate.Op) {
			op.CreateIndex("foo", migrate.Index{Name: "ix_data", Columns: []string{"data"}, Unique: true})
			op.AlterColumn(migrate.AlterColumn{Table: "foo", Name: "x", Nullable: migrate.Ptr(false), Existing: fooTable().Columns[2]})
		},
		check: func(t *testing.T, d string, sdb *sql.DB) {
			wantStrs(t, sdb, fooData, "d1", "22", "8.5", "9.46", "d5")
			if got := indexNames(t, sdb, d, "foo"); !slices.Equal(got, []string{"ix_data"}) {
				t.Errorf("indexes = %v", got)
			}
			mustFail(t, sdb, "INSERT INTO foo (id, data, x) VALUES (6, 'd1', 1)", "the unique index is lost")
		}},
	{name: "test_add_pk_constraint", tables: []migrate.Table{{Name: "nopk", Columns: []migrate.Column{
		{Name: "a", Type: migrate.Integer()}, {Name: "b", Type: migrate.Integer()}, {Name: "c", Type: migrate.Integer(), Nullable: true}}}},
		rows: []string{"INSERT INTO nopk (a, b, c) VALUES (1, 2, 3), (2, 4, 5)"},
		ops: func(op *migrate.Op) {
			op.AlterPrimaryKey(migrate.AlterPrimaryKey{Table: "nopk", Name: "newpk", Columns: []string{"a", "b"}})
		},
		check: func(t *testing.T, d string, sdb *sql.DB) {
			wantStrs(t, sdb, "SELECT c FROM nopk ORDER BY a", "3", "5")
			mustFail(t, sdb, "INSERT INTO nopk (a, b, c) VALUES (1, 2, 9)", "the new primary key is not enforced")
			if d == migrate.PostgreSQL { // config.requirements.reflects_pk_names
				wantStrs(t, sdb, "SELECT conname FROM pg_constraint WHERE contype = 'p' AND conrelid = to_regclass('nopk')", "newpk")
			}
		}},
	// A named key can then be replaced: the drop finds it by its name.
	{name: "test_add_pk_constraint_then_replace", tables: []migrate.Table{{Name: "nopk", Columns: []migrate.Column{
		{Name: "a", Type: migrate.Integer()}, {Name: "b", Type: migrate.Integer()}}, PrimaryKey: []string{"a"}, PrimaryKeyName: "pk_a"}},
		rows: []string{"INSERT INTO nopk (a, b) VALUES (1, 2), (2, 2)"},
		ops: func(op *migrate.Op) {
			op.AlterPrimaryKey(migrate.AlterPrimaryKey{Table: "nopk", Name: "pk_ab", Columns: []string{"a", "b"}, Prior: []string{"a"}, PriorName: "pk_a"})
		},
		check: func(t *testing.T, d string, sdb *sql.DB) {
			mustExec(t, sdb, "INSERT INTO nopk (a, b) VALUES (1, 3)")
			mustFail(t, sdb, "INSERT INTO nopk (a, b) VALUES (1, 2)", "the new primary key is not enforced")
			if d == migrate.PostgreSQL {
				wantStrs(t, sdb, "SELECT conname FROM pg_constraint WHERE contype = 'p' AND conrelid = to_regclass('nopk')", "pk_ab")
			}
		}},
	// tests/test_mysql.py test_drop_unique, run on a unique constraint
	// that the database made (not flagon): it must go, whatever backs it.
	{name: "test_drop_unique", rows: []string{"CREATE TABLE uqt (id integer NOT NULL, x integer, y integer, PRIMARY KEY (id), CONSTRAINT uq1 UNIQUE (x), CONSTRAINT uq2 UNIQUE (y))",
		"INSERT INTO uqt (id, x, y) VALUES (1, 1, 1)"},
		ops: func(op *migrate.Op) { op.DropConstraint("uqt", "uq1", migrate.ConstraintUnique) },
		check: func(t *testing.T, d string, sdb *sql.DB) {
			mustExec(t, sdb, "INSERT INTO uqt (id, x, y) VALUES (2, 1, 2)")
			mustFail(t, sdb, "INSERT INTO uqt (id, x, y) VALUES (3, 3, 2)", "the other unique constraint is lost")
			if got := indexNames(t, sdb, d, "uqt"); !slices.Equal(got, []string{"uq2"}) {
				t.Errorf("indexes = %v, want uq2 under its name", got)
			}
		}},
	{name: "test_drop_foreign_key", tables: []migrate.Table{fooTable(), barTable(false)},
		rows: []string{fooRows, "INSERT INTO bar (id, foo_id) VALUES (1, 3)"},
		ops:  func(op *migrate.Op) { op.DropConstraint("bar", "fk_bar_foo_id_foo", migrate.ConstraintForeignKey) },
		check: func(t *testing.T, d string, sdb *sql.DB) {
			if got := fkPairs(t, sdb, d, "bar"); len(got) != 0 {
				t.Errorf("bar's foreign keys = %v, want none", got)
			}
			mustExec(t, sdb, "INSERT INTO bar (id, foo_id) VALUES (2, 99)")
		}},
	{name: "test_drop_column_fk_recreate", tables: []migrate.Table{fooTable(), barTable(false)},
		rows: []string{fooRows, "INSERT INTO bar (id, foo_id, data) VALUES (1, 3, 'b')"},
		ops:  func(op *migrate.Op) { op.DropColumn("bar", "data") },
		check: func(t *testing.T, d string, sdb *sql.DB) {
			if got := fkPairs(t, sdb, d, "bar"); !slices.Equal(got, []string{"foo_id->foo(id)"}) {
				t.Errorf("bar's foreign keys = %v", got)
			}
			wantStrs(t, sdb, "SELECT foo_id FROM bar", "3")
			mustFail(t, sdb, "INSERT INTO bar (id, foo_id) VALUES (2, 99)", "the foreign key out of the rebuilt table is lost")
		}},
	// The brief's "move and copy" summary: one rebuild keeps everything.
	{name: "move_and_copy_keeps_everything", tables: []migrate.Table{fooTable(), {Name: "rich", Columns: []migrate.Column{
		{Name: "id", Type: migrate.Integer(), Autoincrement: true},
		{Name: "foo_id", Type: migrate.Integer(), Nullable: true},
		{Name: "code", Type: migrate.String(10)},
		{Name: "qty", Type: migrate.Integer(), ServerDefault: "7"},
		{Name: "note", Type: migrate.String(20), Nullable: true},
	}, PrimaryKey: []string{"id"},
		Indexes:     []migrate.Index{{Name: "ix_rich_note", Columns: []string{"note"}}},
		Uniques:     []migrate.Unique{{Name: "uq_rich_code", Columns: []string{"code"}}},
		ForeignKeys: []migrate.ForeignKey{{Name: "fk_rich_foo", Columns: []string{"foo_id"}, RefTable: "foo", RefColumns: []string{"id"}, OnDelete: "CASCADE"}},
		Checks:      []migrate.Check{{Name: "ck_rich_qty", Expr: "qty >= 0"}},
	}, {Name: "child", Columns: []migrate.Column{{Name: "id", Type: migrate.Integer()}, {Name: "rich_id", Type: migrate.Integer()}}, PrimaryKey: []string{"id"},
		ForeignKeys: []migrate.ForeignKey{{Name: "fk_child_rich", Columns: []string{"rich_id"}, RefTable: "rich", RefColumns: []string{"id"}, OnDelete: "CASCADE"}}}},
		rows: []string{fooRows, "INSERT INTO rich (foo_id, code, note) VALUES (1, 'a', 'n1'), (2, 'b', NULL)", "INSERT INTO child (id, rich_id) VALUES (1, 1), (2, 2), (3, 2)"},
		ops: func(op *migrate.Op) {
			op.AlterColumn(migrate.AlterColumn{Table: "rich", Name: "note", Type: migrate.Ptr(migrate.String(40)), Existing: migrate.Column{Name: "note", Type: migrate.String(20), Nullable: true}})
			op.DropColumn("foo", "data")
		},
		check: func(t *testing.T, d string, sdb *sql.DB) {
			wantStrs(t, sdb, "SELECT "+concat(d, "code", "':'", "qty", "':'", "coalesce(note, '-')")+" FROM rich ORDER BY id", "a:7:n1", "b:7:-")
			wantStrs(t, sdb, "SELECT rich_id FROM child ORDER BY id", "1", "2", "2")
			if got := indexNames(t, sdb, d, "rich"); !slices.Contains(got, "ix_rich_note") {
				t.Errorf("indexes = %v, want ix_rich_note kept", got)
			}
			mustExec(t, sdb, "INSERT INTO rich (foo_id, code) VALUES (3, 'c')")
			wantStrs(t, sdb, "SELECT "+concat(d, "id", "':'", "qty")+" FROM rich WHERE code = 'c'", "3:7")
			mustFail(t, sdb, "INSERT INTO rich (code) VALUES ('a')", "the unique constraint is lost")
			mustFail(t, sdb, "INSERT INTO rich (code, qty) VALUES ('z', -1)", "the CHECK constraint is lost")
			mustFail(t, sdb, "INSERT INTO rich (code, foo_id) VALUES ('y', 99)", "the foreign key out is lost")
			mustFail(t, sdb, "INSERT INTO child (id, rich_id) VALUES (9, 99)", "the foreign key in is lost")
			mustExec(t, sdb, "DELETE FROM foo WHERE id = 2")
			wantStrs(t, sdb, "SELECT code FROM rich ORDER BY id", "a", "c")
			wantStrs(t, sdb, "SELECT count(*) FROM child", "1")
		}},
}

func TestAlembicBatchRoundTrip(t *testing.T) {
	for _, tt := range batchCases {
		t.Run(tt.name, func(t *testing.T) {
			dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
				sdb := open(t, db)
				revs := []*migrate.Revision{
					{ID: "b1", Message: "fixture", Upgrade: func(op *migrate.Op) error {
						for _, tb := range tt.tables {
							op.CreateTable(tb)
						}
						return nil
					}},
					{ID: "b2", Down: []string{"b1"}, Message: "batch", Upgrade: func(op *migrate.Op) error { tt.ops(op); return nil }},
				}
				m, _ := migrator(t, sdb, db.Name, revs)
				ctx := context.Background()
				if err := m.Upgrade(ctx, "b1"); err != nil {
					t.Fatal(err)
				}
				for _, q := range tt.rows {
					mustExec(t, sdb, q)
				}
				err := m.Upgrade(ctx, "head")
				if slices.Contains(tt.fails, db.Name) {
					if err == nil {
						t.Fatal("upgrade succeeded, want the database to refuse it")
					}
				} else if err != nil {
					t.Fatal(err)
				}
				tt.check(t, db.Name, sdb)
			})
		})
	}
}
