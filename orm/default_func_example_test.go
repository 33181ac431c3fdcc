package orm_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/flagon-go/flagon/orm"
)

// Invoice is the model of the default function example.
type Invoice struct {
	ID     int64
	Number *string `orm:"size:20"`
	Edits  int
}

var (
	invoiceFuncs sync.Once
	invoiceSeq   atomic.Int64
)

func ExampleDefaultFunc() {
	invoiceFuncs.Do(func() { // once, at program start
		nextNumber := func() *string {
			n := fmt.Sprintf("INV-%04d", invoiceSeq.Add(1))
			return &n
		}
		if err := orm.DefaultFunc[Invoice]("Number", nextNumber); err != nil {
			panic(err)
		}
		if err := orm.OnUpdateFunc[Invoice]("Edits", func() int { return 1 }); err != nil {
			panic(err)
		}
	})
	invoiceSeq.Store(0)
	ctx := context.Background()
	db, _ := orm.Open("sqlite://")
	defer db.Close()
	md := orm.NewMetaData()
	_ = md.Register(Invoice{})
	_ = md.CreateAll(ctx, db)

	s := orm.NewSession(db)
	inv := &Invoice{} // Number is nil: the default function fills it
	_ = s.Add(inv)
	_ = s.Commit(ctx)
	fmt.Println(*inv.Number, inv.Edits)

	_, _ = orm.Update[Invoice](db).Set("Number", "INV-0042").FilterBy("ID", inv.ID).Exec(ctx)
	got, _ := orm.Get[Invoice](ctx, db, inv.ID)
	fmt.Println(*got.Number, got.Edits) // the update assigned Edits from OnUpdateFunc
	// Output:
	// INV-0001 0
	// INV-0042 1
}
