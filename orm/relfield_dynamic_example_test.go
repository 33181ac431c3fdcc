package orm_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/flagon-go/flagon/orm"
)

// A Dynamic relationship is never loaded: Query filters, sorts, counts
// and pages it in SQL; Add and Remove queue changes that the next flush
// writes. SQLAlchemy's lazy="dynamic" and WriteOnlyMapped.
func ExampleDynamic() {
	ctx := context.Background()
	db, _ := orm.Open("sqlite://")
	defer db.Close()
	md := orm.NewMetaData()
	_ = md.Register(DUser{}, DAddress{})
	_ = md.CreateAll(ctx, db)

	s := orm.NewSession(db)
	defer s.Close(ctx)
	ed := &DUser{Name: "ed"}
	for _, e := range []string{"ed@wood.com", "ed@bettyboop.com", "ed@lala.com"} {
		ed.Addresses.Add(&DAddress{EmailAddress: e}) // queued, not loaded
	}
	_ = s.Add(ed)
	_ = s.Commit(ctx) // inserts ed and his addresses

	n, _ := ed.Addresses.Query(s).Count(ctx)
	fmt.Println("count:", n)
	page, _ := ed.Addresses.Query(s).OrderBy(nil, "email_address").Limit(2).All(ctx)
	for _, a := range page {
		fmt.Println("page:", a.EmailAddress)
	}
	wood, _ := ed.Addresses.Query(s).FilterBy("EmailAddress", "ed@wood.com").One(ctx)
	ed.Addresses.Remove(wood) // the flush sets its user_id to NULL
	_ = s.Commit(ctx)
	n, _ = ed.Addresses.Query(s).Count(ctx)
	fmt.Println("after remove:", n)

	_, err := orm.Select[DUser](s).Options(orm.SelectInLoad("Addresses")).All(ctx)
	fmt.Println("eager load refused:", errors.Is(err, orm.ErrDynamicLoad))
	// Output:
	// count: 3
	// page: ed@bettyboop.com
	// page: ed@lala.com
	// after remove: 2
	// eager load refused: true
}
