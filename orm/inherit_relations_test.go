package orm_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// ROwner is a joined-inheritance base with a one-to-many relationship its
// subtype inherits.
type ROwner struct {
	ID   int64
	Name string         `orm:"size:20"`
	Kind string         `orm:"size:10;discriminator;identity:owner"`
	Pets orm.Many[RPet] `orm:"order_by:name;cascade:all"`
}

// RFarmer owns pets too and adds the r_farmer table.
type RFarmer struct {
	ROwner `orm:"inherits:joined;identity:farmer"`
	Acres  int
}

// RPet belongs to an owner of any model.
type RPet struct {
	ID       int64
	ROwnerID int64  `orm:"fk:r_owner.id"`
	Name     string `orm:"size:20"`
}

// TestInheritanceRelationships ports test_basic.py's CascadeTest and
// selectin loading of a relationship on the base: a subtype's inherited
// relationship cascades on flush, and a polymorphic query loads it for
// every model's rows.
func TestInheritanceRelationships(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := openDB(t, db)
		md := orm.NewMetaData()
		must(t, md.Register(ROwner{}, RFarmer{}, RPet{}))
		must(t, md.CreateAll(ctx, e))
		s := orm.NewSession(e)
		defer s.Close(ctx)
		f := &RFarmer{ROwner: ROwner{Name: "old mcdonald"}, Acres: 40}
		f.Pets.Set(&RPet{Name: "cow"}, &RPet{Name: "pig"})
		o := &ROwner{Name: "ann"}
		o.Pets.Set(&RPet{Name: "cat"})
		must(t, s.AddAll(f, o))
		must(t, s.Commit(ctx))

		s2 := orm.NewSession(e)
		defer s2.Close(ctx)
		all, err := orm.AllAs[any](ctx, orm.Select[ROwner](s2).OrderBy("id").Options(orm.SelectInLoad("Pets")))
		must(t, err)
		var parts []string
		for _, a := range all {
			var owner *ROwner
			switch v := a.(type) {
			case *RFarmer:
				owner = &v.ROwner
				parts = append(parts, fmt.Sprintf("farmer(%d acres)", v.Acres))
			case *ROwner:
				owner = v
				parts = append(parts, "owner")
			}
			for _, p := range owner.Pets.Items() {
				parts = append(parts, owner.Name+":"+p.Name)
			}
		}
		if got, want := strings.Join(parts, " "), "farmer(40 acres) old mcdonald:cow old mcdonald:pig owner ann:cat"; got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	})
}
