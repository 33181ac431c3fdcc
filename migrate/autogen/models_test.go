package autogen_test

import "github.com/flagon-go/flagon/migrate/autogen/internal/enumv2"

// Model versions for the autogenerate cases. Each Go type is one version of
// a table; TableName gives them the same table name.

type productV1 struct {
	ID   int    `orm:"pk"`
	Name string `orm:"size:100"`
}

func (productV1) TableName() string { return "product" }

type productPrice struct {
	ID    int    `orm:"pk"`
	Name  string `orm:"size:100"`
	Price *int
}

func (productPrice) TableName() string { return "product" }

type productNullable struct {
	ID   int     `orm:"pk"`
	Name *string `orm:"size:100"`
}

func (productNullable) TableName() string { return "product" }

type productLonger struct {
	ID   int    `orm:"pk"`
	Name string `orm:"size:200"`
}

func (productLonger) TableName() string { return "product" }

type productDefault struct {
	ID    int    `orm:"pk"`
	Name  string `orm:"size:100"`
	Stock int    `orm:"server_default:0"`
}

func (productDefault) TableName() string { return "product" }

type productIndexed struct {
	ID   int    `orm:"pk"`
	Name string `orm:"size:100;index"`
}

func (productIndexed) TableName() string { return "product" }

type productUnique struct {
	ID   int    `orm:"pk"`
	Name string `orm:"size:100;unique"`
}

func (productUnique) TableName() string { return "product" }

type productChecked struct {
	ID   int    `orm:"pk"`
	Name string `orm:"size:100;check:name <> ''"`
}

func (productChecked) TableName() string { return "product" }

type productTitle struct {
	ID    int    `orm:"pk"`
	Title string `orm:"size:100"`
}

func (productTitle) TableName() string { return "product" }

type category struct {
	ID    int    `orm:"pk"`
	Title string `orm:"size:50"`
}

type productCategory struct {
	ID         int    `orm:"pk"`
	Name       string `orm:"size:100"`
	CategoryID *int   `orm:"fk:category.id;ondelete:CASCADE"`
}

func (productCategory) TableName() string { return "product" }

type productCategoryNoFK struct {
	ID         int    `orm:"pk"`
	Name       string `orm:"size:100"`
	CategoryID *int
}

func (productCategoryNoFK) TableName() string { return "product" }

type item struct {
	ID   int    `orm:"pk"`
	Name string `orm:"size:100"`
}

type productDefault5 struct {
	ID    int    `orm:"pk"`
	Name  string `orm:"size:100"`
	Stock int    `orm:"server_default:5"`
}

func (productDefault5) TableName() string { return "product" }

// status is an enum column type.
type status string

func (status) Values() []string { return []string{"draft", "published"} }

type productStatus struct {
	ID     int    `orm:"pk"`
	Name   string `orm:"size:100"`
	Status *status
}

func (productStatus) TableName() string { return "product" }

type productStatus3 struct {
	ID     int    `orm:"pk"`
	Name   string `orm:"size:100"`
	Status *status3
}

func (productStatus3) TableName() string { return "product" }

// status3 has a third value.
type status3 string

func (status3) Values() []string { return []string{"draft", "published", "archived"} }

type tagA struct {
	A int `orm:"pk;no_autoincrement"`
	B int
}

func (tagA) TableName() string { return "tag" }

type tagAB struct {
	A int `orm:"pk;no_autoincrement"`
	B int `orm:"pk;no_autoincrement"`
}

func (tagAB) TableName() string { return "tag" }

// productStatusArchived uses the status enum type with a value added.
type productStatusArchived struct {
	ID     int    `orm:"pk"`
	Name   string `orm:"size:100"`
	Status *enumv2.Status
}

func (productStatusArchived) TableName() string { return "product" }

// kind is category renamed: product's foreign key references it.
type kind struct {
	ID    int    `orm:"pk"`
	Title string `orm:"size:50"`
}

type productKind struct {
	ID         int    `orm:"pk"`
	Name       string `orm:"size:100"`
	CategoryID *int   `orm:"fk:kind.id;ondelete:CASCADE"`
}

func (productKind) TableName() string { return "product" }

type productCode struct {
	ID   int     `orm:"pk"`
	Name string  `orm:"size:100"`
	Code *string `orm:"size:10"`
}

func (productCode) TableName() string { return "product" }

type productCodeInt struct {
	ID   int    `orm:"pk"`
	Name string `orm:"size:100"`
	Code *int
}

func (productCodeInt) TableName() string { return "product" }

// itemPriced is product renamed item, with a column added.
type itemPriced struct {
	ID    int    `orm:"pk"`
	Name  string `orm:"size:100"`
	Price *int
}

func (itemPriced) TableName() string { return "item" }

// productCodeRenamed renames code (a string) to number (an integer).
type productCodeRenamed struct {
	ID     int    `orm:"pk"`
	Name   string `orm:"size:100"`
	Number *int
}

func (productCodeRenamed) TableName() string { return "product" }
