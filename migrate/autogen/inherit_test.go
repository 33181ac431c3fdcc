package autogen_test

import (
	"context"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/autogen"
	"github.com/flagon-go/flagon/orm"
)

// Single-table hierarchy: one "vehicle" table with the subtypes' columns.
type vehicle struct {
	ID   int64
	Kind string `orm:"size:20;discriminator;identity:vehicle"`
}

type car struct {
	vehicle `orm:"inherits;identity:car"`
	Seats   int
}

type truck struct {
	vehicle `orm:"inherits;identity:truck"`
	Load    string `orm:"size:30;index"`
}

// Joined-table hierarchy: "account" and an "admin_account" table whose
// key references it.
type account struct {
	ID    int64
	Email string `orm:"size:80;unique"`
	Role  string `orm:"size:20;discriminator;identity:account"`
}

type adminAccount struct {
	account `orm:"inherits:joined;identity:admin"`
	Level   int
}

// TestInheritanceAutogenerate: after CreateAll of inheritance hierarchies,
// autogenerate against the same models finds nothing to change, and from
// an empty database it creates the shared and joined tables.
func TestInheritanceAutogenerate(t *testing.T) {
	models := []any{vehicle{}, car{}, truck{}, account{}, adminAccount{}}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := newEnv(t, db)
		md := metadata(t, models...)
		first := e.compare(md, autogen.Options{})
		tables := map[string]bool{}
		for _, op := range first.Upgrade {
			tables[describeOp(op)] = true
		}
		for _, want := range []string{"vehicle", "account", "admin_account"} {
			if !tables[want] {
				t.Errorf("autogenerate from an empty database does not create %s: %v", want, tables)
			}
		}
		o, err := orm.Open(db.URL)
		if err != nil {
			t.Fatal(err)
		}
		defer o.Close()
		if err := md.CreateAll(ctx, o); err != nil {
			t.Fatal(err)
		}
		if res := e.compare(md, autogen.Options{}); !res.Empty() {
			t.Errorf("autogenerate after CreateAll is not empty:\n%s", render(t, res))
		}
	})
}

// describeOp names the table a CreateTable creates, else "".
func describeOp(op migrate.Operation) string {
	if ct, ok := op.(*migrate.CreateTable); ok {
		return ct.Table.Name
	}
	return ""
}
