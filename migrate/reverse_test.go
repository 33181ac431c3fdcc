package migrate

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestReverse(t *testing.T) {
	prod := Table{Name: "product", Columns: []Column{{Name: "id", Type: Integer()}}, PrimaryKey: []string{"id"}}
	price := Column{Name: "price", Type: Integer(), Nullable: true}
	tests := []struct {
		name string
		op   Operation
		want Operation
	}{
		{"create table", &CreateTable{Table: prod}, &DropTable{Name: "product", Prior: &prod}},
		{"drop table with prior", &DropTable{Name: "product", Prior: &prod}, &CreateTable{Table: prod}},
		{"primary key", &AlterPrimaryKey{Table: "t", Columns: []string{"a", "b"}, Prior: []string{"a"}, PriorName: "t_pkey"},
			&AlterPrimaryKey{Table: "t", Columns: []string{"a"}, Name: "t_pkey", Prior: []string{"a", "b"}}},
		{"rename table", &RenameTable{From: "a", To: "b"}, &RenameTable{From: "b", To: "a"}},
		{"add column", &AddColumn{Table: "product", Column: price}, &DropColumn{Table: "product", Name: "price", Prior: &price}},
		{"drop column with prior", &DropColumn{Table: "product", Name: "price", Prior: &price}, &AddColumn{Table: "product", Column: price}},
		{"rename column", &RenameColumn{Table: "t", From: "a", To: "b"}, &RenameColumn{Table: "t", From: "b", To: "a"}},
		{"alter column", &AlterColumn{Table: "t", Name: "c", Nullable: Ptr(false), Type: Ptr(BigInteger()), Existing: price},
			&AlterColumn{Table: "t", Name: "c", Nullable: Ptr(true), Type: Ptr(Integer()), Existing: Column{Name: "price", Type: BigInteger()}}},
		{"create index", &CreateIndex{Table: "t", Index: Index{Name: "ix", Columns: []string{"c"}}},
			&DropIndex{Table: "t", Name: "ix", Prior: &Index{Name: "ix", Columns: []string{"c"}}}},
		{"unique", &CreateUniqueConstraint{Table: "t", Unique: Unique{Name: "uq", Columns: []string{"c"}}},
			&DropConstraint{Table: "t", Name: "uq", Kind: ConstraintUnique, PriorUnique: &Unique{Name: "uq", Columns: []string{"c"}}}},
		{"foreign key", &CreateForeignKey{Table: "t", ForeignKey: ForeignKey{Name: "fk", RefTable: "u"}},
			&DropConstraint{Table: "t", Name: "fk", Kind: ConstraintForeignKey, PriorForeignKey: &ForeignKey{Name: "fk", RefTable: "u"}}},
		{"check", &CreateCheckConstraint{Table: "t", Check: Check{Name: "ck", Expr: "c > 0"}},
			&DropConstraint{Table: "t", Name: "ck", Kind: ConstraintCheck, PriorCheck: &Check{Name: "ck", Expr: "c > 0"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.op.Reverse()
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Reverse() = %#v, %v; want %#v", got, err, tt.want)
			}
			back, err := got.Reverse()
			if err != nil || !reflect.DeepEqual(back, tt.op) {
				t.Errorf("Reverse().Reverse() = %#v, %v; want the original", back, err)
			}
		})
	}
}

func TestReverseIrreversible(t *testing.T) {
	tests := []struct {
		name string
		op   Operation
	}{
		{"drop table without prior", &DropTable{Name: "t"}},
		{"drop column without prior", &DropColumn{Table: "t", Name: "c"}},
		{"drop index without prior", &DropIndex{Table: "t", Name: "i"}},
		{"drop constraint without prior", &DropConstraint{Table: "t", Name: "c", Kind: ConstraintCheck}},
		{"execute", &Execute{SQL: "SELECT 1"}},
		{"bulk insert", &BulkInsert{Table: "t"}},
		{"go code", &RunGo{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := tt.op.Reverse(); !errors.Is(err, ErrIrreversible) {
				t.Errorf("Reverse() error = %v, want ErrIrreversible", err)
			}
		})
	}
}

func TestCompileErrors(t *testing.T) {
	tests := []struct {
		name string
		ops  []Operation
		want string
	}{
		{"missing table", []Operation{&AddColumn{Table: "nope", Column: Column{Name: "c", Type: Integer()}}}, `table "nope" does not exist`},
		{"duplicate column", append(productTables(), &AddColumn{Table: "product", Column: Column{Name: "name", Type: Integer()}}), `column "name" already exists`},
		{"index on missing column", append(productTables(), &CreateIndex{Table: "product", Index: Index{Name: "ix", Columns: []string{"zz"}}}), `no column "zz"`},
		{"unnamed index", append(productTables(), &CreateIndex{Table: "product", Index: Index{Columns: []string{"name"}}}), "needs a name"},
		{"bad constraint kind", append(productTables(), &DropConstraint{Table: "product", Name: "x", Kind: "weird"}), "unknown constraint kind"},
		{"bad value", []Operation{&BulkInsert{Table: "t", Rows: []map[string]any{{"a": struct{}{}}}}}, "unsupported value type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := CompileSQL(t.Context(), SQLite, nil, tt.ops)
			if err == nil || !contains(err.Error(), tt.want) {
				t.Errorf("CompileSQL error = %v, want %q", err, tt.want)
			}
		})
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
