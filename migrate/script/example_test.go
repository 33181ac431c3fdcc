package script_test

import (
	"fmt"

	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/script"
)

func ExampleRenderOps() {
	src, err := script.RenderOps([]migrate.Operation{
		&migrate.AddColumn{Table: "product", Column: migrate.Column{Name: "price", Type: migrate.Integer(), Nullable: true}},
		&migrate.DropColumn{Table: "product", Name: "price"},
	})
	fmt.Print(src, err)
	// Output:
	// op.AddColumn("product", migrate.Column{Name: "price", Type: migrate.Integer(), Nullable: true})
	// op.DropColumn("product", "price")
	// <nil>
}

func ExampleFileName() {
	fmt.Println(script.FileName("8825e31503db", "add price column"))
	// Output: 8825e31503db_add_price_column.go
}
