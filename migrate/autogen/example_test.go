package autogen_test

import (
	"context"
	"fmt"

	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/autogen"
)

func ExampleCompare() {
	ctx := context.Background()
	product := migrate.Table{Name: "product", Columns: []migrate.Column{
		{Name: "id", Type: migrate.Integer(), Autoincrement: true},
		{Name: "name", Type: migrate.String(100)},
	}, PrimaryKey: []string{"id"}}
	current, desired := schema.New(""), schema.New("")
	_, _ = migrate.CompileSQL(ctx, migrate.SQLite, current, []migrate.Operation{&migrate.CreateTable{Table: product}})
	_, _ = migrate.CompileSQL(ctx, migrate.SQLite, desired, []migrate.Operation{&migrate.CreateTable{Table: product},
		&migrate.AddColumn{Table: "product", Column: migrate.Column{Name: "price", Type: migrate.Integer(), Nullable: true}}})

	res, err := autogen.Compare(sqlite.DefaultDiff, current, desired, autogen.Options{Dialect: migrate.SQLite})
	fmt.Println(err, res.Detected)
	fmt.Println(res.Upgrade[0].Describe(), "/", res.Downgrade[0].Describe())
	// Output:
	// <nil> [Detected added column 'product.price']
	// add column product.price / drop column product.price
}
