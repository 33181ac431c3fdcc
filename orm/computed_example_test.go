package orm_test

import (
	"context"
	"fmt"
	"sync"

	"github.com/flagon-go/flagon/orm"
)

// Rack is the model of the computed field example: Volumes is loaded
// from a correlated count, never stored.
type Rack struct {
	ID      int64
	Label   string `orm:"size:20"`
	Volumes int64  `orm:"computed"`
}

// Volume stands on a Rack.
type Volume struct {
	ID     int64
	RackID int64
}

var rackComputed sync.Once

func ExampleComputed() {
	rackComputed.Do(func() { // once, at program start
		count := orm.Select[Volume](nil).Columns(orm.Count()).Where(orm.C("volume.rack_id").Eq(orm.C("rack.id")))
		if err := orm.Computed[Rack]("Volumes", count); err != nil {
			panic(err)
		}
	})
	ctx := context.Background()
	db, _ := orm.Open("sqlite://")
	defer db.Close()
	md := orm.NewMetaData()
	_ = md.Register(Rack{}, Volume{})
	_ = md.CreateAll(ctx, db)
	top := &Rack{Label: "top"}
	_ = orm.Insert(ctx, db, top)
	_ = orm.InsertMany(ctx, db, []*Volume{{RackID: top.ID}, {RackID: top.ID}})

	got, _ := orm.Get[Rack](ctx, db, top.ID)
	fmt.Println(got.Label, got.Volumes)
	// Output: top 2
}
