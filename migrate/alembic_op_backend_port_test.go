package migrate_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
)

// A colState is a column as the database reports it after a migration.
type colState struct {
	typ      string // lower-case type as the catalog spells it
	nullable bool
	dflt     string // the default expression, "" for none
	comment  string
}

// inspectCol reads a column's type, nullability, default and comment from
// the database's catalog.
func inspectCol(t *testing.T, sdb *sql.DB, dialect, table, col string) (colState, bool) {
	t.Helper()
	var q string
	switch dialect {
	case migrate.SQLite:
		q = `SELECT lower(type), "notnull" = 0, coalesce(dflt_value, ''), '' FROM pragma_table_info(?) WHERE name = ?`
	case migrate.PostgreSQL:
		q = `SELECT lower(format_type(a.atttypid, a.atttypmod)), NOT a.attnotnull, coalesce(pg_get_expr(d.adbin, d.adrelid), ''), coalesce(col_description(a.attrelid, a.attnum), '')
FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = to_regclass($1) AND a.attname = $2 AND NOT a.attisdropped`
	case migrate.MySQL:
		q = `SELECT lower(column_type), is_nullable = 'YES', coalesce(column_default, ''), column_comment FROM information_schema.columns
WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?`
	}
	var c colState
	err := sdb.QueryRow(q, table, col).Scan(&c.typ, &c.nullable, &c.dflt, &c.comment)
	if err == sql.ErrNoRows {
		return c, false
	}
	if err != nil {
		t.Fatalf("inspect %s.%s: %v", table, col, err)
	}
	return c, true
}

// runOps applies a setup revision and then a revision of ops, returning the
// database.
func runOps(t *testing.T, db dbtest.DB, seed string, setup, ops func(op *migrate.Op)) *sql.DB {
	t.Helper()
	sdb := open(t, db)
	revs := []*migrate.Revision{
		{ID: "r1", Message: "setup", Upgrade: func(op *migrate.Op) error { setup(op); return nil }},
		{ID: "r2", Down: []string{"r1"}, Message: "ops", Upgrade: func(op *migrate.Op) error { ops(op); return nil }},
	}
	m, _ := migrator(t, sdb, db.Name, revs)
	if err := m.Upgrade(context.Background(), "r1"); err != nil {
		t.Fatal(err)
	}
	if seed != "" {
		if _, err := sdb.Exec(seed); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.Upgrade(context.Background(), "head"); err != nil {
		t.Fatal(err)
	}
	return sdb
}

// seedRow is the row inserted before the change: a string of digits,
// valid in the integer and the text columns of the cases.
const seedRow = "INSERT INTO x (id, colname) VALUES (1, '7')"

// roundTripCase is one of Alembic's AlterColRoundTripFixture cases: a
// column of table x is created as from, altered by alter, and must then be
// as want says, keeping what the alteration did not name.
type roundTripCase struct {
	name  string
	from  migrate.Column
	alter migrate.AlterColumn
	// rename, when set, renames the column (Alembic's new_column_name).
	rename string
	// want checks the column after the change.
	want func(t *testing.T, dialect string, c colState)
}

// wantTypeLike checks the catalog type starts with one of the spellings.
func wantTypeLike(t *testing.T, c colState, prefixes ...string) {
	t.Helper()
	for _, p := range prefixes {
		if strings.HasPrefix(c.typ, p) {
			return
		}
	}
	t.Errorf("type = %q, want one of %q", c.typ, prefixes)
}

// wantDefault checks the default, ignoring quotes and PostgreSQL's casts.
func wantDefault(t *testing.T, c colState, want string) {
	t.Helper()
	got := c.dflt
	if i := strings.Index(got, "::"); i >= 0 {
		got = got[:i]
	}
	got = strings.ToLower(strings.Trim(got, "'()"))
	if got != strings.ToLower(want) {
		t.Errorf("default = %q, want %q", c.dflt, want)
	}
}

var roundTripCases = []roundTripCase{
	// alembic/testing/suite/test_op.py BackendAlterColumnTest
	{name: "test_rename_column", from: migrate.Column{Name: "colname", Type: migrate.String(10), Nullable: true}, rename: "newname",
		want: func(t *testing.T, d string, c colState) {
			wantTypeLike(t, c, "varchar(10)", "character varying(10)")
			if !c.nullable {
				t.Error("renamed column became NOT NULL")
			}
		}},
	{name: "test_modify_type_int_str", from: migrate.Column{Name: "colname", Type: migrate.Integer(), Nullable: true},
		alter: migrate.AlterColumn{Type: migrate.Ptr(migrate.String(50))},
		want: func(t *testing.T, d string, c colState) {
			wantTypeLike(t, c, "varchar(50)", "character varying(50)")
			if !c.nullable {
				t.Error("column became NOT NULL")
			}
		}},
	{name: "test_add_server_default_int", from: migrate.Column{Name: "colname", Type: migrate.Integer(), Nullable: true},
		alter: migrate.AlterColumn{ServerDefault: migrate.Ptr("5")},
		want:  func(t *testing.T, d string, c colState) { wantDefault(t, c, "5") }},
	{name: "test_modify_server_default_int", from: migrate.Column{Name: "colname", Type: migrate.Integer(), Nullable: true, ServerDefault: "2"},
		alter: migrate.AlterColumn{ServerDefault: migrate.Ptr("5")},
		want:  func(t *testing.T, d string, c colState) { wantDefault(t, c, "5") }},
	{name: "test_modify_nullable_to_non", from: migrate.Column{Name: "colname", Type: migrate.String(10), Nullable: true},
		alter: migrate.AlterColumn{Nullable: migrate.Ptr(false)},
		want: func(t *testing.T, d string, c colState) {
			if c.nullable {
				t.Error("column still nullable")
			}
		}},
	{name: "test_modify_non_nullable_to_nullable", from: migrate.Column{Name: "colname", Type: migrate.String(10)},
		alter: migrate.AlterColumn{Nullable: migrate.Ptr(true)},
		want: func(t *testing.T, d string, c colState) {
			if !c.nullable {
				t.Error("column still NOT NULL")
			}
		}},
	// tests/test_mysql.py: altering one attribute keeps the others (MySQL's
	// MODIFY restates the whole column; Alembic needs existing_* for it).
	{name: "test_col_not_nullable_existing_serv_default", from: migrate.Column{Name: "colname", Type: migrate.Integer(), Nullable: true, ServerDefault: "5"},
		alter: migrate.AlterColumn{Nullable: migrate.Ptr(false)},
		want: func(t *testing.T, d string, c colState) {
			if c.nullable {
				t.Error("column still nullable")
			}
			wantDefault(t, c, "5")
		}},
	{name: "test_alter_column_existing_comment", from: migrate.Column{Name: "colname", Type: migrate.Integer(), Nullable: true, Comment: "existing column comment"},
		alter: migrate.AlterColumn{Nullable: migrate.Ptr(false)},
		want: func(t *testing.T, d string, c colState) {
			if c.nullable {
				t.Error("column still nullable")
			}
			if d != migrate.SQLite && c.comment != "existing column comment" {
				t.Errorf("comment = %q, want it kept", c.comment)
			}
		}},
	{name: "test_rename_column_existing_comment", from: migrate.Column{Name: "colname", Type: migrate.Integer(), Comment: "existing column comment", ServerDefault: "3"}, rename: "newc1",
		want: func(t *testing.T, d string, c colState) {
			if c.nullable {
				t.Error("renamed column became nullable")
			}
			wantDefault(t, c, "3")
			if d != migrate.SQLite && c.comment != "existing column comment" {
				t.Errorf("comment = %q, want it kept", c.comment)
			}
		}},
	{name: "test_alter_column_type_keeps_nullable", from: migrate.Column{Name: "colname", Type: migrate.String(10), ServerDefault: "'3'", Comment: "kept"},
		alter: migrate.AlterColumn{Type: migrate.Ptr(migrate.String(40))},
		want: func(t *testing.T, d string, c colState) {
			wantTypeLike(t, c, "varchar(40)", "character varying(40)")
			if c.nullable {
				t.Error("NOT NULL lost when altering the type")
			}
			wantDefault(t, c, "3")
			if d != migrate.SQLite && c.comment != "kept" {
				t.Errorf("comment = %q, want it kept", c.comment)
			}
		}},
	{name: "test_alter_column_add_comment", from: migrate.Column{Name: "colname", Type: migrate.Integer(), ServerDefault: "4"},
		alter: migrate.AlterColumn{Comment: migrate.Ptr("This is a 'column' comment")},
		want: func(t *testing.T, d string, c colState) {
			if c.nullable {
				t.Error("NOT NULL lost when adding a comment")
			}
			wantDefault(t, c, "4")
			if d != migrate.SQLite && c.comment != "This is a 'column' comment" {
				t.Errorf("comment = %q", c.comment)
			}
		}},
	// test_alter_column_add_comment_quoting with comments that look quoted
	// already: they are stored as given, quotes included.
	{name: "test_alter_column_add_comment_quoting", from: migrate.Column{Name: "colname", Type: migrate.Integer(), Nullable: true},
		alter: migrate.AlterColumn{Comment: migrate.Ptr("'draft'")},
		want: func(t *testing.T, d string, c colState) {
			if d != migrate.SQLite && c.comment != "'draft'" {
				t.Errorf("comment = %q, want 'draft' with its quotes", c.comment)
			}
		}},
	{name: "test_alter_column_existing_comment_quoted", from: migrate.Column{Name: "colname", Type: migrate.Integer(), Nullable: true, Comment: `"a" \ 'b'`},
		alter: migrate.AlterColumn{Nullable: migrate.Ptr(false)},
		want: func(t *testing.T, d string, c colState) {
			if d != migrate.SQLite && c.comment != `"a" \ 'b'` {
				t.Errorf("comment = %q, want it kept as it was", c.comment)
			}
		}},
	{name: "test_alter_column_drop_comment", from: migrate.Column{Name: "colname", Type: migrate.Integer(), Comment: "This is a column comment"},
		alter: migrate.AlterColumn{Comment: migrate.Ptr("")},
		want: func(t *testing.T, d string, c colState) {
			if c.nullable {
				t.Error("NOT NULL lost when dropping a comment")
			}
			if c.comment != "" {
				t.Errorf("comment = %q, want none", c.comment)
			}
		}},
	{name: "test_alter_column_drop_default", from: migrate.Column{Name: "colname", Type: migrate.Integer(), ServerDefault: "4"},
		alter: migrate.AlterColumn{ServerDefault: migrate.Ptr("")},
		want: func(t *testing.T, d string, c colState) {
			if c.nullable {
				t.Error("NOT NULL lost when dropping the default")
			}
			if c.dflt != "" && !strings.EqualFold(c.dflt, "NULL") {
				t.Errorf("default = %q, want none", c.dflt)
			}
		}},
	// tests/test_mysql.py MySQLBackendOpTest
	{name: "test_add_datetime_server_default_current_timestamp", from: migrate.Column{Name: "colname", Type: migrate.DateTime(false), Nullable: true},
		alter: migrate.AlterColumn{ServerDefault: migrate.Ptr("CURRENT_TIMESTAMP")},
		want: func(t *testing.T, d string, c colState) {
			if !strings.Contains(strings.ToLower(c.dflt), "current_timestamp") && !strings.Contains(c.dflt, "now()") {
				t.Errorf("default = %q, want CURRENT_TIMESTAMP", c.dflt)
			}
		}},
}

func TestAlembicBackendAlterColumnRoundTrip(t *testing.T) {
	for _, tt := range roundTripCases {
		t.Run(tt.name, func(t *testing.T) {
			dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
				from, seed := tt.from, seedRow
				if from.Type.Kind == migrate.KindDateTime {
					seed = "INSERT INTO x (id) VALUES (1)" // '7' is not a date
				}
				sdb := runOps(t, db, seed, func(op *migrate.Op) {
					op.CreateTable(migrate.Table{Name: "x", Columns: []migrate.Column{
						{Name: "id", Type: migrate.Integer()}, from}, PrimaryKey: []string{"id"}})
				}, func(op *migrate.Op) {
					if tt.rename != "" {
						op.RenameColumn("x", "colname", tt.rename)
						return
					}
					a := tt.alter
					a.Table, a.Name, a.Existing = "x", "colname", tt.from
					op.AlterColumn(a)
				})
				name := "colname"
				if tt.rename != "" {
					name = tt.rename
					if _, ok := inspectCol(t, sdb, db.Name, "x", "colname"); ok {
						t.Error("old column name still there")
					}
				}
				c, ok := inspectCol(t, sdb, db.Name, "x", name)
				if !ok {
					t.Fatalf("column %s missing", name)
				}
				tt.want(t, db.Name, c)
				if got := queryInts(t, sdb, "SELECT count(*) FROM x"); len(got) != 1 || got[0] != 1 {
					t.Errorf("rows = %v, want the row kept", got)
				}
			})
		})
	}
}

// TestAlembicBackendAlterIdentityType changes the type of a PostgreSQL
// IDENTITY key (SQLAlchemy's Identity(), created by hand here): the column
// stays an identity column, and is not given a serial's nextval default,
// which PostgreSQL rejects on an identity column.
func TestAlembicBackendAlterIdentityType(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		if db.Name != migrate.PostgreSQL {
			t.Skip("IDENTITY columns as written here are PostgreSQL's")
		}
		sdb := runOps(t, db, "INSERT INTO zzid (n) VALUES (1)", func(op *migrate.Op) {
			op.Execute("CREATE TABLE zzid (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, n int)")
		}, func(op *migrate.Op) {
			op.AlterColumn(migrate.AlterColumn{Table: "zzid", Name: "id", Type: migrate.Ptr(migrate.BigInteger()),
				Existing: migrate.Column{Type: migrate.Integer()}})
		})
		c, _ := inspectCol(t, sdb, db.Name, "zzid", "id")
		if c.typ != "bigint" || c.dflt != "" {
			t.Errorf("id = %+v, want bigint without a default", c)
		}
		var identity string
		if err := sdb.QueryRow(`SELECT attidentity FROM pg_attribute WHERE attrelid = to_regclass('zzid') AND attname = 'id'`).Scan(&identity); err != nil || identity != "d" {
			t.Errorf("attidentity = %q, %v; want d (BY DEFAULT)", identity, err)
		}
		if _, err := sdb.Exec("INSERT INTO zzid (n) VALUES (2)"); err != nil {
			t.Errorf("insert after the change: %v", err)
		}
		if got := queryInts(t, sdb, "SELECT id FROM zzid ORDER BY id"); len(got) != 2 || got[1] != 2 {
			t.Errorf("ids = %v, want [1 2]", got)
		}
	})
}

// TestCreateTableNamedKeyWithKeyTextDefault creates a table with a named
// primary key and a string default that reads like a key clause: the
// default is kept as written and the key gets its name.
func TestCreateTableNamedKeyWithKeyTextDefault(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		sdb := runOps(t, db, "", func(op *migrate.Op) {}, func(op *migrate.Op) {
			op.CreateTable(migrate.Table{Name: "t", Columns: []migrate.Column{
				{Name: "id", Type: migrate.Integer()},
				{Name: "n", Type: migrate.String(40), Nullable: true, ServerDefault: "'see PRIMARY KEY (id)'"},
			}, PrimaryKey: []string{"id"}, PrimaryKeyName: "pk_t"})
		})
		c, _ := inspectCol(t, sdb, db.Name, "t", "n")
		wantDefault(t, c, "see PRIMARY KEY (id")
		if db.Name != migrate.PostgreSQL {
			return
		}
		var name string
		if err := sdb.QueryRow(`SELECT conname FROM pg_constraint WHERE conrelid = to_regclass('t') AND contype = 'p'`).Scan(&name); err != nil || name != "pk_t" {
			t.Errorf("primary key name = %q, %v; want pk_t", name, err)
		}
	})
}
