package orm_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

func TestSessionIdentityMap(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, e, s := seededSession(t, db)
		log := record(t, e)
		ann, err := orm.Select[User](s).FilterBy("Name", "ann").One(ctx)
		must(t, err)
		again, err := orm.Get[User](ctx, s, ann.ID)
		must(t, err)
		if again != ann {
			t.Errorf("Get after Select returned another pointer")
		}
		if n := log.count("SELECT"); n != 1 {
			t.Errorf("Get of a loaded row ran %d SELECTs in all, want 1 (served from the identity map)", n)
		}
		all, err := orm.Select[User](s).OrderBy("name").All(ctx)
		must(t, err)
		if len(all) != 2 || all[0] != ann {
			t.Errorf("query returned %v; want ann's pointer first", all)
		}
		raw, err := orm.Raw[User](s, `SELECT * FROM "user" WHERE name = ?`, "ann").One(ctx)
		if db.Name == "mysql" {
			raw, err = orm.Raw[User](s, "SELECT * FROM `user` WHERE name = ?", "ann").One(ctx)
		}
		must(t, err)
		if raw != ann {
			t.Errorf("Raw query returned another pointer for the same row")
		}
		for u, err := range orm.Select[User](s).FilterBy("Name", "ann").Iter(ctx) {
			if err != nil || u != ann {
				t.Errorf("Iter returned %p, %v; want ann's pointer", u, err)
			}
		}
	})
}

func TestSessionDirtyTracking(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, e, s := seededSession(t, db)
		ann, err := orm.Select[User](s).FilterBy("Name", "ann").One(ctx)
		must(t, err)
		log := record(t, e)
		must(t, s.Flush(ctx))
		if n := log.count("UPDATE"); n != 0 {
			t.Errorf("flush of an unchanged object ran %d UPDATEs, want 0", n)
		}
		ann.Active = false // a zero value is a real value
		must(t, s.Commit(ctx))
		ups := log.matching("UPDATE")
		if len(ups) != 1 || !strings.Contains(ups[0], "active") || strings.Contains(ups[0], "name") {
			t.Fatalf("UPDATEs = %q; want one setting only active", ups)
		}
		fresh, err := orm.Get[User](ctx, e, ann.ID)
		must(t, err)
		if fresh.Active {
			t.Errorf("Active = true after writing false; zero values must be written")
		}
	})
}

func TestSessionFlushOrderKeysAndBackPopulation(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := blogDB(t, db)
		s := orm.NewSession(e)
		defer s.Close(ctx)
		log := record(t, e)
		p1, p2 := &Post{Title: "first"}, &Post{Title: "second"}
		u := &User{Name: "cy", Active: true, Posts: orm.ManyOf(p1, p2), Profile: orm.OneOf(&Profile{Bio: "hi"})}
		must(t, s.Add(u)) // posts and profile follow by the save-update cascade
		must(t, s.Flush(ctx))
		if u.ID == 0 || p1.ID == 0 || p2.ID == 0 || u.Profile.Get().ID == 0 {
			t.Fatalf("generated keys not written back: user %d posts %d %d profile %d", u.ID, p1.ID, p2.ID, u.Profile.Get().ID)
		}
		if p1.AuthorID == nil || *p1.AuthorID != u.ID || p1.Author.Get() != u || p2.Author.Get() != u {
			t.Errorf("back-population: p1.AuthorID=%v p1.Author=%p, want %d and %p", p1.AuthorID, p1.Author.Get(), u.ID, u)
		}
		if u.Profile.Get().UserID != u.ID {
			t.Errorf("one-to-one foreign key = %d, want %d", u.Profile.Get().UserID, u.ID)
		}
		ins := log.matching("INSERT")
		if len(ins) != 3 || !strings.Contains(ins[0], "user") {
			t.Errorf("INSERTs = %q; want user first, then posts and profile (one statement per table)", ins)
		}
		must(t, s.Commit(ctx))
		for _, p := range []*Post{p1, p2} {
			if got, err := orm.Get[Post](ctx, e, p.ID); err != nil || got.Title != p.Title {
				t.Errorf("row with written-back key %d = %+v, %v; want %q", p.ID, got, err, p.Title)
			}
		}
		if n, _ := orm.Select[Post](e).FilterBy("AuthorID", u.ID).Count(ctx); n != 2 {
			t.Errorf("posts of the new user = %d, want 2", n)
		}
	})
}

func TestSessionRollbackRestoresState(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, e, s := seededSession(t, db)
		ann, err := orm.Select[User](s).FilterBy("Name", "ann").One(ctx)
		must(t, err)
		bob, err := orm.Select[User](s).FilterBy("Name", "bob").One(ctx)
		must(t, err)
		ann.Name = "changed"
		dee := &User{Name: "dee", Active: true}
		must(t, s.Add(dee))
		must(t, s.Delete(bob))
		must(t, s.Flush(ctx))
		if dee.ID == 0 {
			t.Fatal("dee was not inserted")
		}
		must(t, s.Rollback(ctx))
		if ann.Name != "ann" {
			t.Errorf("ann.Name after rollback = %q, want ann", ann.Name)
		}
		if dee.ID != 0 || s.Contains(dee) {
			t.Errorf("new object after rollback: ID %d, in session %v; want 0, false", dee.ID, s.Contains(dee))
		}
		if !s.Contains(bob) {
			t.Errorf("deleted object is not back in the session after rollback")
		}
		if got, err := orm.Get[User](ctx, s, bob.ID); err != nil || got != bob {
			t.Errorf("Get(bob) after rollback = %p, %v; want the same pointer", got, err)
		}
		if n, _ := orm.Select[User](e).Count(ctx); n != 2 {
			t.Errorf("users after rollback = %d, want 2", n)
		}
	})
}

func TestSessionCascadeDeleteAndOrphans(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, e, s := seededSession(t, db)
		ann, err := orm.Select[User](s).FilterBy("Name", "ann").Options(orm.SelectInLoad("Posts")).One(ctx)
		must(t, err)
		if ann.Posts.Len() != 2 {
			t.Fatalf("ann has %d posts, want 2", ann.Posts.Len())
		}
		orphan := ann.Posts.Items()[0]
		ann.Posts.Set(ann.Posts.Items()[1:]...) // delete-orphan: removing it deletes it
		must(t, s.Commit(ctx))
		if _, err := orm.Get[Post](ctx, e, orphan.ID); !errors.Is(err, orm.ErrNoRows) {
			t.Errorf("orphaned post still exists: %v", err)
		}
		s2 := orm.NewSession(e)
		defer s2.Close(ctx)
		ann2, err := orm.Get[User](ctx, s2, ann.ID)
		must(t, err)
		must(t, s2.Delete(ann2)) // cascade delete loads and deletes the posts
		must(t, s2.Commit(ctx))
		if n, _ := orm.Select[Post](e).Count(ctx); n != 0 {
			t.Errorf("posts after deleting their author = %d, want 0", n)
		}
	})
}

func TestSessionOrphanWithoutDeleteCascadeIsNulled(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := blogDB(t, db)
		s := orm.NewSession(e)
		defer s.Close(ctx)
		root := &Node{Name: "root", Children: orm.ManyOf(&Node{Name: "a", Children: orm.ManyOf(&Node{Name: "a1"})}, &Node{Name: "b"})}
		must(t, s.Add(root))
		must(t, s.Commit(ctx))
		s2 := orm.NewSession(e)
		defer s2.Close(ctx)
		r, err := orm.Select[Node](s2).FilterBy("Name", "root").Options(orm.SelectInLoad("Children.Children")).One(ctx)
		must(t, err)
		if r.Children.Len() != 2 || r.Children.Items()[0].Name != "a" || r.Children.Items()[0].Children.Len() != 1 {
			t.Fatalf("tree loaded as %+v", r.Children)
		}
		if r.Children.Items()[0].Parent.Get() != r {
			t.Errorf("child's Parent is not its loaded parent")
		}
		b := r.Children.Items()[1]
		r.Children.Set(r.Children.Items()[:1]...)
		must(t, s2.Commit(ctx))
		got, err := orm.Get[Node](ctx, e, b.ID)
		must(t, err)
		if got.ParentID != nil {
			t.Errorf("removed child's parent_id = %d, want NULL", *got.ParentID)
		}
	})
}

func TestSessionManyToMany(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, e, s := seededSession(t, db)
		p1, err := orm.Select[Post](s).FilterBy("Title", "p1").Options(orm.SelectInLoad("Tags")).One(ctx)
		must(t, err)
		if names := tagNames(p1.Tags.Items()); names != "db,go" {
			t.Fatalf("p1 tags = %s, want db,go (ordered by name)", names)
		}
		p1.Tags.Set(append(p1.Tags.Items()[1:], &Tag{Name: "sql"})...) // remove db, add a new tag
		must(t, s.Commit(ctx))
		s2 := orm.NewSession(e)
		defer s2.Close(ctx)
		again, err := orm.Get[Post](ctx, s2, p1.ID)
		must(t, err)
		must(t, orm.Load(ctx, s2, again, "Tags"))
		if names := tagNames(again.Tags.Items()); names != "go,sql" {
			t.Errorf("tags after add/remove = %s, want go,sql", names)
		}
		if n, _ := orm.Select[PostTag](e).Count(ctx); n != 3 {
			t.Errorf("association rows = %d, want 3", n)
		}
	})
}

// tagNames joins tag names.
func tagNames(tags []*Tag) string {
	var names []string
	for _, t := range tags {
		names = append(names, t.Name)
	}
	return strings.Join(names, ",")
}

func TestSessionOptimisticLocking(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := blogDB(t, db)
		s := orm.NewSession(e)
		d := &Article{Body: "v1"}
		must(t, s.Add(d))
		must(t, s.Commit(ctx))
		if d.Version != 1 {
			t.Errorf("version after insert = %d, want 1", d.Version)
		}
		a, b := orm.NewSession(e), orm.NewSession(e)
		// each read ends its transaction: SQLite transactions take the write lock
		da, err := orm.Get[Article](ctx, a, d.ID)
		must(t, err)
		must(t, a.Rollback(ctx))
		db2, err := orm.Get[Article](ctx, b, d.ID)
		must(t, err)
		must(t, b.Rollback(ctx))
		da.Body = "from a"
		must(t, a.Commit(ctx))
		db2.Body = "from b"
		err = b.Commit(ctx)
		var stale *orm.StaleDataError
		if !errors.As(err, &stale) || !errors.Is(err, orm.ErrStaleData) {
			t.Fatalf("concurrent update = %v; want *StaleDataError", err)
		}
		if db2.Body != "v1" {
			t.Errorf("after the failed flush the object = %q, want its committed v1", db2.Body)
		}
	})
}

func TestSessionPostUpdateBreaksCycle(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := openDB(t, db)
		md := orm.NewMetaData()
		must(t, md.Register(Widget{}, Entry{}))
		must(t, md.CreateAll(ctx, e))
		s := orm.NewSession(e)
		defer s.Close(ctx)
		log := record(t, e)
		fav := &Entry{Name: "fav"}
		w := &Widget{Name: "w", Entries: orm.ManyOf(fav, &Entry{Name: "other"}), Favorite: orm.OneOf(fav)}
		must(t, s.Add(w))
		must(t, s.Commit(ctx))
		want := []string{"INSERT", "INSERT", "UPDATE"}
		var got []string
		for _, st := range log.stmt {
			if v, _, _ := strings.Cut(st, " "); v != "BEGIN" && v != "COMMIT" {
				got = append(got, v)
			}
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("statements = %q; want INSERT widget, INSERT entries, UPDATE widget (post_update)", log.stmt)
		}
		back, err := orm.Get[Widget](ctx, e, w.ID)
		must(t, err)
		if back.FavoriteEntryID == nil || *back.FavoriteEntryID != fav.ID || fav.WidgetID == nil || *fav.WidgetID != w.ID {
			t.Errorf("cycle not written: widget.favorite=%v entry.widget=%v", back.FavoriteEntryID, fav.WidgetID)
		}
		s2 := orm.NewSession(e)
		defer s2.Close(ctx)
		w2, err := orm.Select[Widget](s2).Options(orm.SelectInLoad("Entries"), orm.SelectInLoad("Favorite")).One(ctx)
		must(t, err)
		for _, en := range w2.Entries.Items() {
			must(t, s2.Delete(en))
		}
		must(t, s2.Delete(w2))
		must(t, s2.Commit(ctx)) // UPDATE widget SET favorite_entry_id = NULL first
		if n, _ := orm.Select[Entry](e).Count(ctx); n != 0 {
			t.Errorf("entries after deleting the cycle = %d, want 0", n)
		}
	})
}

func TestSessionMovingChildren(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, e, s := seededSession(t, db)
		users, err := orm.Select[User](s).OrderBy("name").Options(orm.SelectInLoad("Posts")).All(ctx)
		must(t, err)
		ann, bob := users[0], users[1]
		moved := ann.Posts.Items()[0]
		moved.Author.Set(bob) // through the many-to-one
		appended := ann.Posts.Items()[1]
		must(t, s.Flush(ctx))
		if ann.Posts.Len() != 1 || bob.Posts.Len() != 1 || bob.Posts.Items()[0] != moved || *moved.AuthorID != bob.ID {
			t.Fatalf("after moving through Author: ann %d posts, bob %d; want 1 and 1", ann.Posts.Len(), bob.Posts.Len())
		}
		bob.Posts.Append(appended) // through the collection
		must(t, s.Commit(ctx))
		if appended.Author.Get() != bob || ann.Posts.Len() != 0 {
			t.Errorf("after appending to bob.Posts: Author %v, ann has %d posts; want bob, 0", appended.Author.Get().Name, ann.Posts.Len())
		}
		if n, _ := orm.Select[Post](e).FilterBy("AuthorID", bob.ID).Count(ctx); n != 2 {
			t.Errorf("bob's posts in the database = %d, want 2", n)
		}
		if n, _ := orm.Select[Post](e).Count(ctx); n != 2 {
			t.Errorf("posts = %d, want 2: moving is not orphaning", n)
		}
	})
}

func TestSessionMoveBetweenCollectionsIsNotOrphaning(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, e, s := seededSession(t, db)
		users, err := orm.Select[User](s).OrderBy("name").Options(orm.SelectInLoad("Posts")).All(ctx)
		must(t, err)
		ann, bob := users[0], users[1]
		p := ann.Posts.Items()[0]
		ann.Posts.Set(ann.Posts.Items()[1:]...) // delete-orphan, but ...
		bob.Posts.Append(p)                     // ... it joins bob in the same flush
		must(t, s.Commit(ctx))
		got, err := orm.Get[Post](ctx, e, p.ID)
		if err != nil || got.AuthorID == nil || *got.AuthorID != bob.ID {
			t.Errorf("moved post = %+v, %v; want it kept with bob as author", got, err)
		}
	})
}

func TestSessionDeleteManyParentsLoadsChildrenOncePerRelationship(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, e, s := seededSession(t, db)
		users, err := orm.Select[User](s).All(ctx)
		must(t, err)
		log := record(t, e)
		for _, u := range users {
			must(t, s.Delete(u))
		}
		must(t, s.Commit(ctx))
		// one SELECT for Posts and one for Profile, whatever the number of users
		if n := log.count("SELECT"); n != 2 {
			t.Errorf("cascade delete of %d users ran %d SELECTs: %q", len(users), n, log.stmt)
		}
		if n, _ := orm.Select[Post](e).Count(ctx); n != 0 {
			t.Errorf("posts left = %d, want 0", n)
		}
	})
}

func TestSessionLoadFlushesFirst(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, _, s := seededSession(t, db)
		bob, err := orm.Select[User](s).FilterBy("Name", "bob").One(ctx)
		must(t, err)
		must(t, s.Add(&Post{Title: "new", AuthorID: &bob.ID})) // pending, not yet in bob.Posts
		must(t, s.Load(ctx, &bob.Posts))
		if bob.Posts.Len() != 1 || bob.Posts.Items()[0].Title != "new" || bob.Posts.Items()[0].ID == 0 {
			t.Errorf("after Load the appended post = %+v; want it flushed and loaded", bob.Posts)
		}
	})
}

func TestSessionDirtyTrackingOfRichTypes(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := setup(t, db)
		seed(t, e)
		s := orm.NewSession(e)
		defer s.Close(ctx)
		ps, err := orm.Select[Product](s).OrderBy("id").All(ctx)
		must(t, err)
		log := record(t, e)
		must(t, s.Flush(ctx))
		if n := log.count("UPDATE"); n != 0 {
			t.Fatalf("loaded decimals, enums, JSON, times and NULLs look modified: %q", log.stmt)
		}
		tests := []struct {
			name    string
			product int
			change  func(p *Product)
			column  string
		}{
			{"decimal", 0, func(p *Product) { p.Price = orm.MustDecimal("9.99") }, "price"},
			{"json appended", 1, func(p *Product) { p.Tags.V = append(p.Tags.V, "new") }, "tags"},
			{"nullable to NULL", 0, func(p *Product) { p.OwnerID = nil }, "owner_id"},
			{"null value", 2, func(p *Product) { p.Note = orm.NullOf("note") }, "note"},
		}
		for _, tt := range tests {
			log.reset()
			tt.change(ps[tt.product])
			must(t, s.Flush(ctx))
			ups := log.matching("UPDATE")
			if len(ups) != 1 || !strings.Contains(ups[0], tt.column) {
				t.Errorf("%s: UPDATEs = %q; want one setting %s", tt.name, ups, tt.column)
			}
		}
	})
}
