package orm

import "testing"

func TestIsReadOnly(t *testing.T) {
	tests := []struct {
		name  string
		query string
		want  bool
	}{
		{"select", "SELECT * FROM t", true},
		{"select lower case after spaces", " \n\tselect 1", true},
		{"values", "VALUES (1), (2)", true},
		{"parenthesised union", "(SELECT 1) UNION (SELECT 2)", true},
		{"line comment first", "-- count them\nSELECT count(*) FROM t", true},
		{"block comment first", "/* hint */ SELECT 1", true},
		{"comment then parenthesis", "/* a */ ( /* b */ SELECT 1)", true},
		{"cte select", "WITH c AS (SELECT id FROM t) SELECT * FROM c", true},
		{"recursive cte select", "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n", true},
		{"two ctes select", "WITH a AS (SELECT 1 AS x), b(y) AS MATERIALIZED (SELECT x FROM a) SELECT y FROM b", true},
		{"cte not materialized", `WITH "a b" AS NOT MATERIALIZED (SELECT ')(' AS x) SELECT * FROM "a b"`, true},
		{"cte values", "WITH a(x) AS (VALUES (1)) VALUES (2)", true},
		{"cte with parenthesis in a string", "WITH a AS (SELECT ')' AS x) SELECT x FROM a", true},
		{"cte with comment holding a parenthesis", "WITH a AS (SELECT 1 /* ) */ AS x) SELECT x FROM a", true},
		{"cte insert", "WITH a AS (SELECT 1 AS x) INSERT INTO t (x) SELECT x FROM a", false},
		{"cte update", "WITH a AS (SELECT 1) UPDATE t SET x = 1", false},
		{"cte delete", "with a as (select 1) delete from t", false},
		{"cte replace", "WITH a AS (SELECT 1) REPLACE INTO t VALUES (1)", false},
		{"cte missing body", "WITH a AS SELECT 1", false},
		{"cte unterminated", "WITH a AS (SELECT 1", false},
		{"with alone", "WITH", false},
		{"explain", "EXPLAIN SELECT 1", true},
		{"explain query plan of a delete", "EXPLAIN QUERY PLAN DELETE FROM t", true},
		{"pragma read", "PRAGMA foreign_keys", true},
		{"pragma read with schema", "PRAGMA main.user_version;", true},
		{"pragma table_info", "PRAGMA table_info(t)", true},
		{"pragma table_info quoted", `PRAGMA table_info("my table")`, true},
		{"pragma set", "PRAGMA foreign_keys = ON", false},
		{"pragma set by parentheses", "PRAGMA user_version(5)", false},
		{"pragma optimize", "PRAGMA optimize", false},
		{"pragma wal_checkpoint", "PRAGMA wal_checkpoint", false},
		{"insert", "INSERT INTO t VALUES (1)", false},
		{"update", "UPDATE t SET x = 1", false},
		{"delete", "DELETE FROM t", false},
		{"create", "CREATE TABLE t (x)", false},
		{"begin", "BEGIN", false},
		{"select into words", "SELECTED", false},
		{"quoted select identifier", `"SELECT" FROM t`, false},
		{"select then delete", "SELECT 1; DELETE FROM t", false},
		{"select then semicolons and comments", "SELECT 1; ; -- done\n /* end */", true},
		{"semicolon in a string", "SELECT ';DELETE FROM t'", true},
		{"semicolon in a comment", "SELECT 1 -- ; DELETE\n", true},
		{"select returning nothing but ends in comment", "SELECT 1 /* unterminated", true},
		{"comment hides the keyword", "/* SELECT */ DELETE FROM t", false},
		{"line comment hides the keyword", "-- SELECT\nDELETE FROM t", false},
		{"empty", "", false},
		{"only a comment", "-- SELECT", false},
		{"only parentheses", "((((", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isReadOnly(tt.query); got != tt.want {
				t.Errorf("isReadOnly(%q) = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}

// FuzzIsReadOnly checks that no text makes the classifier panic, and that
// a comment before a statement does not change its class.
func FuzzIsReadOnly(f *testing.F) {
	for _, s := range []string{
		"SELECT 1", "WITH a AS (SELECT 1) SELECT 2", "WITH a(x) AS (", "PRAGMA t.", "PRAGMA x(",
		"'unterminated", `"`, "`", "[", "/*", "--", "(((", "SELECT 1;;x", "EXPLAIN", ".5e", "WITH RECURSIVE",
		"WITH a AS NOT", "\xff\xfe", "PRAGMA table_info((", "WITH a AS (SELECT 1) ((DELETE",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		got := isReadOnly(q)
		if again := isReadOnly("/* c */ " + q); again != got {
			t.Errorf("isReadOnly(%q) = %v but with a comment before it %v", q, got, again)
		}
	})
}
