package migrate

import (
	"slices"
	"testing"

	"ariga.io/atlas/sql/schema"
)

func TestSQLiteDefs(t *testing.T) {
	tests := []struct {
		name, stmt string
		want       []string
	}{
		{"plain", "CREATE TABLE t (a INT, b TEXT)", []string{"a INT", "b TEXT"}},
		{"nested parens", "CREATE TABLE t (a NUMERIC(10, 2), CHECK (a > (1)))", []string{"a NUMERIC(10, 2)", "CHECK (a > (1))"}},
		{"comma in string", "CREATE TABLE t (a TEXT DEFAULT 'x, y', b INT)", []string{"a TEXT DEFAULT 'x, y'", "b INT"}},
		{"paren in quoted name", "CREATE TABLE t (\"a)\" INT, [b,c] INT)", []string{"\"a)\" INT", "[b,c] INT"}},
		{"no body", "CREATE TABLE t", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sqliteDefs(tt.stmt); !slices.Equal(got, tt.want) {
				t.Errorf("sqliteDefs = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSQLiteFirstIdent(t *testing.T) {
	tests := []struct{ def, name, rest string }{
		{"a INT", "a", " INT"},
		{`"my ""col""" TEXT`, `my "col"`, " TEXT"},
		{"`b` TEXT", "b", " TEXT"},
		{"[c d] INT", "c d", " INT"},
		{"alone", "alone", ""},
	}
	for _, tt := range tests {
		t.Run(tt.def, func(t *testing.T) {
			if n, r := sqliteFirstIdent(tt.def); n != tt.name || r != tt.rest {
				t.Errorf("sqliteFirstIdent = %q, %q; want %q, %q", n, r, tt.name, tt.rest)
			}
		})
	}
}

func TestSQLiteAffinityAndCast(t *testing.T) {
	tests := []struct {
		name     string
		from, to schema.Type
		cast     string
	}{
		{"text to integer", &schema.StringType{T: "varchar(50)"}, &schema.IntegerType{T: "integer"}, "integer"},
		{"integer to text", &schema.IntegerType{T: "integer"}, &schema.StringType{T: "text"}, "text"},
		{"varchar to varchar", &schema.StringType{T: "varchar(10)"}, &schema.StringType{T: "varchar(20)"}, ""},
		{"text to real", &schema.StringType{T: "text"}, &schema.FloatType{T: "real"}, "real"},
		{"text to numeric keeps dates", &schema.StringType{T: "text"}, &schema.TimeType{T: "datetime"}, ""},
		{"text to blob", &schema.StringType{T: "text"}, &schema.BinaryType{T: "blob"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sqliteCastType(tt.from, tt.to); got != tt.cast {
				t.Errorf("sqliteCastType = %q, want %q", got, tt.cast)
			}
		})
	}
}

func TestCastColumn(t *testing.T) {
	copyStmt := "INSERT INTO `new_t` (`a`, `b`, `c`) SELECT `a`, IFNULL(`b`, 0) AS `b`, `c` FROM `t`"
	tests := []struct{ col, want string }{
		{"a", "INSERT INTO `new_t` (`a`, `b`, `c`) SELECT CAST(`a` AS integer) AS `a`, IFNULL(`b`, 0) AS `b`, `c` FROM `t`"},
		{"b", "INSERT INTO `new_t` (`a`, `b`, `c`) SELECT `a`, IFNULL(CAST(`b` AS integer), 0) AS `b`, `c` FROM `t`"},
		{"c", "INSERT INTO `new_t` (`a`, `b`, `c`) SELECT `a`, IFNULL(`b`, 0) AS `b`, CAST(`c` AS integer) AS `c` FROM `t`"},
	}
	for _, tt := range tests {
		t.Run(tt.col, func(t *testing.T) {
			got := castCopy([]string{"CREATE TABLE `new_t` (`a` integer)", copyStmt}, map[string]string{tt.col: "integer"})
			if got[0] != "CREATE TABLE `new_t` (`a` integer)" || got[1] != tt.want {
				t.Errorf("castCopy = %q, want %q", got[1], tt.want)
			}
		})
	}
}

func TestStripIfNull(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SELECT `a`, IFNULL(`b`, 5) AS `b` FROM `t`", "SELECT `a`, `b` FROM `t`"},
		{"SELECT IFNULL(`b c`, (datetime('now', 'x'))) AS `b c`, IFNULL(`d`, 'a, b') AS `d` FROM `t`", "SELECT `b c`, `d` FROM `t`"},
		{"SELECT `a` FROM `t`", "SELECT `a` FROM `t`"},
	}
	for _, tt := range tests {
		if got := stripIfNull(tt.in); got != tt.want {
			t.Errorf("stripIfNull(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNamePrimaryKey(t *testing.T) {
	tests := []struct {
		name string
		o    Operation
		in   string
		want string
	}{
		{"alter", &AlterPrimaryKey{Table: "t", Name: "pk_x"}, `ALTER TABLE "t" ADD PRIMARY KEY ("a")`, `ALTER TABLE "t" ADD CONSTRAINT "pk_x" PRIMARY KEY ("a")`},
		{"create", &CreateTable{Table: Table{Name: "t", PrimaryKeyName: `p"k`}}, `CREATE TABLE "t" ("a" integer, PRIMARY KEY ("a"))`, `CREATE TABLE "t" ("a" integer, CONSTRAINT "p""k" PRIMARY KEY ("a"))`},
		{"unnamed", &AlterPrimaryKey{Table: "t"}, `ALTER TABLE "t" ADD PRIMARY KEY ("a")`, `ALTER TABLE "t" ADD PRIMARY KEY ("a")`},
		{"string default", &CreateTable{Table: Table{Name: "t", PrimaryKeyName: "pk_t"}},
			`CREATE TABLE "t" ("id" integer NOT NULL, "n" text NOT NULL DEFAULT 'see PRIMARY KEY (id)', PRIMARY KEY ("id"))`,
			`CREATE TABLE "t" ("id" integer NOT NULL, "n" text NOT NULL DEFAULT 'see PRIMARY KEY (id)', CONSTRAINT "pk_t" PRIMARY KEY ("id"))`},
		{"quoted default with escaped quote", &CreateTable{Table: Table{Name: "t", PrimaryKeyName: "pk_t"}},
			`CREATE TABLE "t" ("id" integer NOT NULL, "n" text DEFAULT 'it''s, PRIMARY KEY (id)', PRIMARY KEY ("id"))`,
			`CREATE TABLE "t" ("id" integer NOT NULL, "n" text DEFAULT 'it''s, PRIMARY KEY (id)', CONSTRAINT "pk_t" PRIMARY KEY ("id"))`},
		{"quoted identifier", &CreateTable{Table: Table{Name: "t", PrimaryKeyName: "pk_t"}},
			`CREATE TABLE "t" ("x, PRIMARY KEY (" integer NOT NULL, PRIMARY KEY ("x, PRIMARY KEY ("))`,
			`CREATE TABLE "t" ("x, PRIMARY KEY (" integer NOT NULL, CONSTRAINT "pk_t" PRIMARY KEY ("x, PRIMARY KEY ("))`},
		{"alter with check string", &AlterPrimaryKey{Table: "t", Name: "pk_x"},
			`ALTER TABLE "t" ADD CONSTRAINT "c" CHECK (n <> 'ADD PRIMARY KEY ('), ADD PRIMARY KEY ("a")`,
			`ALTER TABLE "t" ADD CONSTRAINT "c" CHECK (n <> 'ADD PRIMARY KEY ('), ADD CONSTRAINT "pk_x" PRIMARY KEY ("a")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := namePrimaryKey(PostgreSQL, tt.o, []string{tt.in}); got[0] != tt.want {
				t.Errorf("namePrimaryKey = %q, want %q", got[0], tt.want)
			}
			if got := namePrimaryKey(MySQL, tt.o, []string{tt.in}); got[0] != tt.in {
				t.Errorf("MySQL statement changed: %q", got[0])
			}
		})
	}
}

func TestCommentLiteral(t *testing.T) {
	tests := []struct{ dialect, in, want string }{
		{MySQL, "plain", "plain"},
		{MySQL, "'draft'", `'''draft'''`},
		{MySQL, `"x\y"`, `'"x\\y"'`},
		{PostgreSQL, "'draft'", `'''draft'''`},
		{PostgreSQL, `"x"`, `"x"`},
		{SQLite, "'draft'", "'draft'"},
		{MySQL, "'", "'"},
	}
	for _, tt := range tests {
		if got := commentLiteral(tt.dialect, tt.in); got != tt.want {
			t.Errorf("commentLiteral(%s, %q) = %q, want %q", tt.dialect, tt.in, got, tt.want)
		}
	}
}
