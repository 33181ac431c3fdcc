package orm_test

import (
	"context"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Status is an enum used by the test models.
type Status string

func (Status) Values() []string { return []string{"draft", "live", "it's"} }

// Owner is referenced by Product.
type Owner struct {
	ID    int64
	Email string  `orm:"size:200;unique"`
	Name  *string `orm:"size:50;comment:display name"`
}

// Product is the tutorial model, extended.
type Product struct {
	ID      int
	Name    string      `orm:"size:100;index"`
	Price   orm.Decimal `orm:"type:numeric(12,2);check:price >= 0;server_default:0"`
	OwnerID *int64      `orm:"fk:owner.id;ondelete:SET NULL"`
	Status  Status      `orm:"server_default:'draft';default_if_zero"`
	Tags    orm.JSON[[]string]
	Created time.Time        `orm:"tz;server_default:now()"`
	Note    orm.Null[string] `orm:"type:text"`
}

// Membership has a composite primary key and a composite unique constraint.
type Membership struct {
	OwnerID   int64  `orm:"fk:owner.id;ondelete:CASCADE"`
	ProductID int    `orm:"fk:product.id;ondelete:CASCADE"`
	Role      string `orm:"size:20"`
}

func (Membership) TableOptions() orm.TableOptions {
	return orm.TableOptions{
		PrimaryKey: []string{"OwnerID", "ProductID"},
		Indexes:    []orm.Index{{Columns: []string{"role", "product_id"}}},
		Checks:     []orm.Check{{Name: "role_not_empty", Expr: "role <> ''"}},
		Comment:    "who may edit what",
	}
}

// newMetaData registers the test models.
func newMetaData(t testing.TB) *orm.MetaData {
	t.Helper()
	md := orm.NewMetaData()
	if err := md.Register(&Membership{}, &Product{}, &Owner{}); err != nil {
		t.Fatal(err)
	}
	return md
}

// openDB opens db and closes it at the end of the test.
func openDB(t testing.TB, db dbtest.DB) *orm.DB {
	t.Helper()
	e, err := orm.Open(db.URL, orm.PrePing())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// setup opens db and creates the test models' tables.
func setup(t testing.TB, db dbtest.DB) *orm.DB {
	t.Helper()
	e := openDB(t, db)
	if err := newMetaData(t).CreateAll(context.Background(), e); err != nil {
		t.Fatal(err)
	}
	return e
}
