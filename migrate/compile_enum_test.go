package migrate

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"ariga.io/atlas/sql/schema"
)

// enumTables are two tables whose status column uses one enum type.
func enumTables() []Operation {
	var ops []Operation
	for _, name := range []string{"post", "page"} {
		ops = append(ops, &CreateTable{Table: Table{Name: name, Columns: []Column{
			{Name: "id", Type: Integer(), Autoincrement: true},
			{Name: "status", Type: Enum("status", "draft", "published"), Nullable: true},
		}, PrimaryKey: []string{"id"}}})
	}
	return ops
}

// alterStatus changes the status column of both tables to t.
func alterStatus(t Type) []Operation {
	var ops []Operation
	for _, name := range []string{"post", "page"} {
		ops = append(ops, &AlterColumn{Table: name, Name: "status", Type: Ptr(t),
			Existing: Column{Name: "status", Type: Enum("status", "draft", "published"), Nullable: true}})
	}
	return ops
}

// EnumCases are the enum type cases, shared with the database tests.
var EnumCases = []struct {
	Name string
	Ops  []Operation
}{
	{"enum_create_twice", nil},
	{"enum_drop_table_shared", []Operation{&DropTable{Name: "post"}}},
	{"enum_drop_last_users", []Operation{&DropTable{Name: "post"}, &DropColumn{Table: "page", Name: "status"}}},
	{"enum_add_value", alterStatus(Enum("status", "draft", "published", "archived"))},
	{"enum_insert_value", alterStatus(Enum("status", "new", "draft", "review", "published"))},
	{"enum_remove_value", alterStatus(Enum("status", "draft"))},
	{"enum_reorder_values", alterStatus(Enum("status", "published", "draft"))},
	{"enum_to_string", alterStatus(String(20))},
	{"enum_same_values", alterStatus(Enum("status", "draft", "published"))},
}

// EnumTables is enumTables, for the database tests.
var EnumTables = enumTables

func TestCompileEnumSQLGolden(t *testing.T) {
	for _, d := range []string{SQLite, PostgreSQL, MySQL} {
		for _, tt := range EnumCases {
			t.Run(d+"/"+tt.Name, func(t *testing.T) {
				ctx := context.Background()
				state := schema.New("")
				stmts, err := CompileSQL(ctx, d, state, enumTables())
				if err != nil {
					t.Fatal(err)
				}
				if tt.Ops != nil {
					if stmts, err = CompileSQL(ctx, d, state, tt.Ops); err != nil {
						t.Fatal(err)
					}
				}
				text := "-- no statements\n"
				if len(stmts) > 0 {
					text = strings.Join(stmts, ";\n") + ";\n"
				}
				golden(t, filepath.Join("sql", d, tt.Name+".sql"), text)
			})
		}
	}
}
