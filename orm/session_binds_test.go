package orm_test

import (
	"context"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// TestRouteModelsSendsEachModelToItsBind is issue 14 item 8 at the ORM
// level (SQLAlchemy's Session(binds=...)): the blog models live in a
// second database, PricedItem in the first; one session adds, loads,
// bulk-updates and commits across both.
func TestRouteModelsSendsEachModelToItsBind(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		main := openDB(t, db)
		md := orm.NewMetaData()
		must(t, md.Register(PricedItem{}))
		must(t, md.CreateAll(ctx, main))
		blog := blogDB(t, dbtest.SQLite(t))
		seedBlog(t, blog)

		s := orm.NewSession(main)
		defer s.Close(ctx)
		sub := orm.NewSession(blog)
		must(t, s.RouteModels(sub, User{}, &Post{}, Tag{}, PostTag{}, Profile{}))
		log := record(t, blog)

		ann, err := orm.Select[User](s).FilterBy("Name", "ann").One(ctx)
		must(t, err)
		if !sub.Contains(ann) || !s.Contains(ann) {
			t.Fatalf("a routed object is not in the bind's session")
		}
		log.reset()
		must(t, s.Load(ctx, &ann.Posts))
		if ann.Posts.Len() != 2 || log.count("SELECT") != 1 {
			t.Errorf("Load through the routing session: %d posts, %d SELECTs; want 2, 1", ann.Posts.Len(), log.count("SELECT"))
		}
		n, err := orm.Update[Post](s).Set("Views", 5).Exec(ctx)
		must(t, err)
		if n != 2 {
			t.Errorf("bulk update of the bind's posts matched %d rows, want 2", n)
		}
		must(t, s.Add(&PricedItem{Price: orm.MustDecimal("1.00")}))
		ann.Name = "ann2"
		must(t, s.Commit(ctx))

		if u, err := orm.Select[User](blog).FilterBy("ID", ann.ID).One(ctx); err != nil || u.Name != "ann2" {
			t.Errorf("bind row = %v, %v; want ann2", u, err)
		}
		if views, err := orm.Select[Post](blog).Where(orm.C("views").Eq(5)).Count(ctx); err != nil || views != 2 {
			t.Errorf("posts with views 5 = %d, %v; want 2 (bulk update committed on the bind)", views, err)
		}
		if items, err := orm.Select[PricedItem](main).Count(ctx); err != nil || items != 1 {
			t.Errorf("items in the first database = %d, %v; want 1", items, err)
		}
		if err := s.RouteModels(s, User{}); err == nil {
			t.Errorf("routing a session to itself was accepted")
		}
		if err := s.RouteModels(sub, 42); err == nil {
			t.Errorf("routing a non-model was accepted")
		}
	})
}
