package autogen_test

import (
	"context"
	"fmt"
	"testing"

	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/autogen"
	"github.com/flagon-go/flagon/orm"
)

// schemaModels are models given directly as an Atlas schema.
type schemaModels struct{ s *schema.Schema }

func (m schemaModels) ToAtlas(string) (*schema.Schema, error) { return m.s, nil }

// wideTables returns operations creating n tables of five columns.
func wideTables(n int) []migrate.Operation {
	var ops []migrate.Operation
	for i := range n {
		ops = append(ops, &migrate.CreateTable{Table: migrate.Table{Name: fmt.Sprintf("t%03d", i), Columns: []migrate.Column{
			{Name: "id", Type: migrate.Integer(), Autoincrement: true},
			{Name: "name", Type: migrate.String(100)},
			{Name: "note", Type: migrate.Text(), Nullable: true},
			{Name: "qty", Type: migrate.Integer(), ServerDefault: "0"},
			{Name: "at", Type: migrate.DateTime(false), Nullable: true},
		}, PrimaryKey: []string{"id"}, Indexes: []migrate.Index{{Name: fmt.Sprintf("ix_t%03d_name", i), Columns: []string{"name"}}}}})
	}
	return ops
}

// BenchmarkAutogenerate300Tables compares a 300-table SQLite database
// with models that add one column, beside Atlas's inspection alone.
func BenchmarkAutogenerate300Tables(b *testing.B) {
	ctx := context.Background()
	o, err := orm.Open(dbtest.SQLite(b).URL)
	if err != nil {
		b.Fatal(err)
	}
	defer o.Close()
	ops := wideTables(300)
	stmts, err := migrate.CompileSQL(ctx, migrate.SQLite, nil, ops)
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range stmts {
		if _, err := o.SQL().Exec(s); err != nil {
			b.Fatal(err)
		}
	}
	desired := schema.New("")
	ops = append(ops, &migrate.AddColumn{Table: "t150", Column: migrate.Column{Name: "extra", Type: migrate.Integer(), Nullable: true}})
	if _, err := migrate.CompileSQL(ctx, migrate.SQLite, desired, ops); err != nil {
		b.Fatal(err)
	}
	b.Run("autogenerate", func(b *testing.B) {
		for range b.N {
			res, err := autogen.CompareDB(ctx, o.SQL(), schemaModels{desired}, autogen.Options{Dialect: migrate.SQLite})
			if err != nil || len(res.Upgrade) != 1 {
				b.Fatalf("CompareDB = %v, %v; want one operation", res, err)
			}
		}
	})
	b.Run("atlas inspect only", func(b *testing.B) {
		drv, err := sqlite.Open(o.SQL())
		if err != nil {
			b.Fatal(err)
		}
		for range b.N {
			if _, err := drv.InspectSchema(ctx, "", nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}
