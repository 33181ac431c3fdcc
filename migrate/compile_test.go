package migrate

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ariga.io/atlas/sql/schema"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden compares got with testdata/<name>, rewriting it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden file (run go test -update): %v", err)
	}
	if string(want) != got {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// productTable is the tutorial's table plus a category table it references.
func productTables() []Operation {
	return []Operation{
		&CreateTable{Table: Table{Name: "category", Columns: []Column{
			{Name: "id", Type: Integer(), Autoincrement: true},
			{Name: "title", Type: String(50)},
		}, PrimaryKey: []string{"id"}}},
		&CreateTable{Table: Table{Name: "product", Columns: []Column{
			{Name: "id", Type: Integer(), Autoincrement: true},
			{Name: "name", Type: String(100)},
			{Name: "category_id", Type: Integer(), Nullable: true},
			{Name: "stock", Type: Integer(), ServerDefault: "0"},
		}, PrimaryKey: []string{"id"},
			Indexes:     []Index{{Name: "ix_product_name", Columns: []string{"name"}}},
			ForeignKeys: []ForeignKey{{Name: "fk_product_category", Columns: []string{"category_id"}, RefTable: "category", RefColumns: []string{"id"}, OnDelete: "CASCADE"}},
		}},
	}
}

var compileCases = []struct {
	name string
	ops  []Operation
}{
	{"create_table", nil},
	{"drop_table", []Operation{&DropTable{Name: "product"}}},
	{"rename_table", []Operation{&RenameTable{From: "product", To: "item"}}},
	{"add_column", []Operation{&AddColumn{Table: "product", Column: Column{Name: "price", Type: Integer(), Nullable: true}}}},
	{"add_column_default", []Operation{&AddColumn{Table: "product", Column: Column{Name: "note", Type: Text(), ServerDefault: "'none'"}}}},
	{"drop_column", []Operation{&DropColumn{Table: "product", Name: "stock"}}},
	{"rename_column", []Operation{&RenameColumn{Table: "product", From: "name", To: "title"}}},
	{"alter_type", []Operation{&AlterColumn{Table: "product", Name: "name", Type: Ptr(String(200)), Existing: Column{Name: "name", Type: String(100)}}}},
	{"alter_nullable", []Operation{&AlterColumn{Table: "product", Name: "name", Nullable: Ptr(true), Existing: Column{Name: "name", Type: String(100)}}}},
	{"alter_default", []Operation{&AlterColumn{Table: "product", Name: "stock", ServerDefault: Ptr("5"), Existing: Column{Name: "stock", Type: Integer(), ServerDefault: "0"}}}},
	{"create_index", []Operation{&CreateIndex{Table: "product", Index: Index{Name: "ix_product_stock", Columns: []string{"stock"}}}}},
	{"drop_index", []Operation{&DropIndex{Table: "product", Name: "ix_product_name"}}},
	{"create_unique", []Operation{&CreateUniqueConstraint{Table: "category", Unique: Unique{Name: "uq_category_title", Columns: []string{"title"}}}}},
	{"create_foreign_key", []Operation{&AddColumn{Table: "category", Column: Column{Name: "parent_id", Type: Integer(), Nullable: true}},
		&CreateForeignKey{Table: "category", ForeignKey: ForeignKey{Name: "fk_category_parent", Columns: []string{"parent_id"}, RefTable: "category", RefColumns: []string{"id"}}}}},
	{"drop_foreign_key", []Operation{&DropConstraint{Table: "product", Name: "fk_product_category", Kind: ConstraintForeignKey}}},
	{"create_check", []Operation{&CreateCheckConstraint{Table: "product", Check: Check{Name: "ck_product_stock", Expr: "stock >= 0"}}}},
	{"alter_primary_key", []Operation{&AlterPrimaryKey{Table: "category", Columns: []string{"id", "title"}, Prior: []string{"id"}}}},
	{"alter_type_cast", []Operation{&AlterColumn{Table: "product", Name: "name", Type: Ptr(Integer()), Existing: Column{Name: "name", Type: String(100)}}}},
	{"alter_type_using", []Operation{&AlterColumn{Table: "product", Name: "name", Type: Ptr(Integer()), Using: `length("name")`, Existing: Column{Name: "name", Type: String(100)}}}},
	{"create_check_quoted", []Operation{&CreateCheckConstraint{Table: "product", Check: Check{Name: "ck_product_name", Expr: `"name" <> 'a "b"'`}}}},
	{"add_column_enum", []Operation{&AddColumn{Table: "product", Column: Column{Name: "state", Type: Enum("state", "new", "old"), Nullable: true}}}},
	{"rename_referenced_table", []Operation{&RenameTable{From: "category", To: "kind"}, &AlterColumn{Table: "product", Name: "name", Type: Ptr(String(200)), Existing: Column{Name: "name", Type: String(100)}}}},
	{"execute", []Operation{&Execute{SQL: "UPDATE product SET stock = 1", PerDialect: map[string]string{MySQL: "UPDATE product SET stock = 2"}}}},
	{"bulk_insert", []Operation{&BulkInsert{Table: "category", Rows: []map[string]any{{"id": 1, "title": "it's"}, {"id": 2, "title": nil}}}}},
}

func TestCompileSQLGolden(t *testing.T) {
	for _, d := range []string{SQLite, PostgreSQL, MySQL} {
		for _, tt := range compileCases {
			t.Run(d+"/"+tt.name, func(t *testing.T) {
				ctx := context.Background()
				state := schema.New("")
				setup, err := CompileSQL(ctx, d, state, productTables())
				if err != nil {
					t.Fatal(err)
				}
				stmts := setup
				if tt.ops != nil {
					if stmts, err = CompileSQL(ctx, d, state, tt.ops); err != nil {
						t.Fatal(err)
					}
				}
				golden(t, filepath.Join("sql", d, tt.name+".sql"), strings.Join(stmts, ";\n")+";\n")
			})
		}
	}
}
