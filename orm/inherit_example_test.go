package orm_test

import (
	"context"
	"fmt"

	"github.com/flagon-go/flagon/orm"
)

// Animal is the base of the inheritance example: Kind is the
// discriminator, "animal" the identity of plain Animal rows.
type Animal struct {
	ID   int64
	Name string `orm:"size:30"`
	Kind string `orm:"size:10;discriminator;identity:animal"`
}

// Dog is stored in the animal table (single-table inheritance).
type Dog struct {
	Animal `orm:"inherits;identity:dog"`
	Breed  string `orm:"size:30"`
}

// Bird is stored in the animal table too; tagged `inherits:joined` (in a
// hierarchy of joined subtypes) it would get a bird table whose id
// references animal.id.
type Bird struct {
	Animal `orm:"inherits;identity:bird"`
	Wings  int
}

// Namer is implemented by every model of the hierarchy through the
// embedded Animal.
type Namer interface{ Label() string }

// Label names the animal.
func (a *Animal) Label() string { return a.Kind + " " + a.Name }

func ExampleAllAs() {
	ctx := context.Background()
	db, _ := orm.Open("sqlite://")
	defer db.Close()
	md := orm.NewMetaData()
	_ = md.Register(Animal{}, Dog{}, Bird{}) // register every model of the hierarchy
	_ = md.CreateAll(ctx, db)

	s := orm.NewSession(db)
	defer s.Close(ctx)
	_ = s.AddAll(&Dog{Animal: Animal{Name: "rex"}, Breed: "collie"}, &Bird{Animal: Animal{Name: "tweety"}, Wings: 2}, &Animal{Name: "nemo"})
	_ = s.Commit(ctx) // the discriminator is set from each model's identity

	all, _ := orm.AllAs[any](ctx, orm.Select[Animal](s).OrderBy("id"))
	for _, a := range all {
		switch v := a.(type) {
		case *Dog:
			fmt.Println("dog", v.Name, v.Breed)
		case *Bird:
			fmt.Println("bird", v.Name, v.Wings)
		case *Animal:
			fmt.Println("animal", v.Name)
		}
	}
	named, _ := orm.AllAs[Namer](ctx, orm.Select[Animal](s).OrderBy("id"))
	fmt.Println(named[0].Label())

	dogs, _ := orm.Select[Dog](s).All(ctx) // WHERE animal.kind IN ('dog')
	base, _ := orm.Select[Animal](s).OrderBy("id").All(ctx)
	fmt.Println(len(dogs), base[0] == &dogs[0].Animal) // one object per row
	// Output:
	// dog rex collie
	// bird tweety 2
	// animal nemo
	// dog rex
	// 1 true
}

// Party is the base of the joined-table example.
type Party struct {
	ID   int64
	Name string `orm:"size:30"`
	Type string `orm:"size:10;discriminator"`
}

// Company has its own company table; its id references party.id.
type Company struct {
	Party `orm:"inherits:joined;identity:company"`
	VatID string `orm:"size:20"`
}

func ExampleAllAs_joined() {
	ctx := context.Background()
	db, _ := orm.Open("sqlite://")
	defer db.Close()
	md := orm.NewMetaData()
	_ = md.Register(Party{}, Company{})
	_ = md.CreateAll(ctx, db)

	s := orm.NewSession(db)
	defer s.Close(ctx)
	acme := &Company{Party: Party{Name: "acme"}, VatID: "DE1"}
	_ = s.Add(acme)
	_ = s.Commit(ctx) // INSERT INTO party, then INSERT INTO company with the new id

	c, _ := orm.Select[Company](s).FilterBy("VatID", "DE1").One(ctx) // joins party and company
	parties, _ := orm.AllAs[any](ctx, orm.Select[Party](s))          // LEFT OUTER JOIN company
	fmt.Println(c.ID, c.Name, c.Type, parties[0] == any(c))
	// Output: 1 acme company true
}
