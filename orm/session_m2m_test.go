package orm_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Person follows people: a self-referential many-to-many.
type (
	Person struct {
		ID        int64
		Name      string           `orm:"size:20"`
		Following orm.Many[Person] `orm:"secondary:follow;foreign_key:FollowerID;order_by:name"`
		Followers orm.Many[Person] `orm:"secondary:follow;foreign_key:FollowedID;order_by:name"`
	}
	Follow struct {
		FollowerID int64 `orm:"pk;fk:person.id"`
		FollowedID int64 `orm:"pk;fk:person.id"`
	}
)

func TestSessionSelfReferentialManyToMany(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := openDB(t, db)
		md := orm.NewMetaData()
		must(t, md.Register(Person{}, Follow{}))
		must(t, md.CreateAll(ctx, e))
		s := orm.NewSession(e)
		a, b, c := &Person{Name: "a"}, &Person{Name: "b"}, &Person{Name: "c"}
		a.Following.Set(b, c)
		b.Following.Set(c)
		must(t, s.AddAll(a, b, c))
		must(t, s.Commit(ctx))
		if n, _ := orm.Select[Follow](e).Count(ctx); n != 3 {
			t.Fatalf("follow rows = %d, want 3", n)
		}
		s2 := orm.NewSession(e)
		defer s2.Close(ctx)
		people, err := orm.Select[Person](s2).OrderBy("name").Options(orm.SelectInLoad("Followers"), orm.SelectInLoad("Following")).All(ctx)
		must(t, err)
		got := fmt.Sprintf("%d %d %d / %d %d %d", people[0].Followers.Len(), people[1].Followers.Len(), people[2].Followers.Len(),
			people[0].Following.Len(), people[1].Following.Len(), people[2].Following.Len())
		if got != "0 1 2 / 2 1 0" {
			t.Errorf("followers / following counts = %s, want 0 1 2 / 2 1 0", got)
		}
		if got, err := orm.Select[Person](s2).FilterBy("Name", "c").One(ctx); err != nil || personNames(got.Followers.Items()) != "a,b" {
			t.Errorf("c's followers = %s, %v; want a,b", personNames(got.Followers.Items()), err)
		}
	})
}

// personNames joins people's names.
func personNames(ps []*Person) string {
	var names []string
	for _, p := range ps {
		names = append(names, p.Name)
	}
	return strings.Join(names, ",")
}
