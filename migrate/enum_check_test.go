package migrate

import (
	"context"
	"slices"
	"strings"
	"testing"

	"ariga.io/atlas/sql/schema"
)

func TestParseEnumCheck(t *testing.T) {
	tests := []struct {
		name, expr, column string
		values             []string
	}{
		{"sqlite", `"status" IN ('draft', 'published')`, "status", []string{"draft", "published"}},
		{"parenthesized", `("status" IN ('a'))`, "status", []string{"a"}},
		{"mysql", "`status` in ('it''s','b')", "status", []string{"it's", "b"}},
		{"plain", `kind IN ('x', 'y')`, "kind", []string{"x", "y"}},
		{"not_enum", `price > 0`, "", nil},
		{"or", `("a" IN ('x')) OR ("b" IN ('y'))`, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			col, values, ok := ParseEnumCheck(tt.expr)
			if ok != (tt.column != "") || col != tt.column || !slices.Equal(values, tt.values) {
				t.Errorf("ParseEnumCheck(%q) = %q, %q, %v; want %q, %q", tt.expr, col, values, ok, tt.column, tt.values)
			}
		})
	}
}

func TestCheckExprMySQL(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"quoted_name", `"status" IN ('a', 'b')`, "`status` IN ('a', 'b')"},
		{"quote_in_string", `"kind" <> 'say "hi"'`, "`kind` <> 'say \"hi\"'"},
		{"plain", `price > 0`, `price > 0`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := checkExpr(MySQL, tt.in); got != tt.want {
				t.Errorf("checkExpr(mysql, %q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := checkExpr(PostgreSQL, tt.in); got != tt.in {
				t.Errorf("checkExpr(postgresql, %q) = %q, want it unchanged", tt.in, got)
			}
		})
	}
}

// TestEnumCheckKeepsName: on SQLite a change of an enum's values replaces
// its CHECK under the name it had (a custom naming convention).
func TestEnumCheckKeepsName(t *testing.T) {
	ctx := context.Background()
	state := schema.New("")
	setup := []Operation{&CreateTable{Table: Table{Name: "doc", Columns: []Column{
		{Name: "id", Type: Integer(), Autoincrement: true},
		{Name: "state", Type: String(5)},
	}, PrimaryKey: []string{"id"}, Checks: []Check{{Name: "chk_state", Expr: `"state" IN ('a')`}}}}}
	if _, err := CompileSQL(ctx, SQLite, state, setup); err != nil {
		t.Fatal(err)
	}
	stmts, err := CompileSQL(ctx, SQLite, state, []Operation{&AlterColumn{Table: "doc", Name: "state",
		Type: Ptr(Enum("state", "a", "b")), Existing: Column{Name: "state", Type: Enum("state", "a")}}})
	if err != nil {
		t.Fatal(err)
	}
	sql := strings.Join(stmts, "\n")
	if !strings.Contains(sql, "CONSTRAINT `chk_state` CHECK (\"state\" IN ('a', 'b'))") || strings.Contains(sql, "ck_doc_state") {
		t.Errorf("the check is not replaced under its name:\n%s", sql)
	}
}
