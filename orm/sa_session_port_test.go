package orm_test

import (
	"context"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Cases ported from SQLAlchemy's test/orm/test_session.py,
// test_expire.py, test_unitofworkv2.py and test_naturalpks.py.

func TestSASessionPort(t *testing.T) {
	runSACases(t, []saCase{
		{"test_autoflush", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := &User{Name: "ed"}
			must(t, s.Add(u))
			u2, err := orm.Select[User](s).FilterBy("Name", "ed").One(ctx)
			must(t, err)
			if u2 != u {
				t.Errorf("query after Add returned another object")
			}
			must(t, s.Commit(ctx))
			if countUsers(t, ctx, e, "ed") != 1 {
				t.Errorf("autoflushed object not committed")
			}
		}},
		{"autoflush_sees_modified_and_deleted", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			ann, bob := userNamed(t, ctx, s, "ann"), userNamed(t, ctx, s, "bob")
			ann.Name = "zed"
			must(t, s.Delete(bob))
			got, err := orm.Select[User](s).FilterBy("Name", "zed").All(ctx)
			must(t, err)
			if len(got) != 1 || got[0] != ann {
				t.Errorf("query for the new name = %v, want ann's object", got)
			}
			if n, _ := orm.Select[User](s).Count(ctx); n != 1 {
				t.Errorf("count after deleting bob = %d, want 1", n)
			}
		}},
		{"test_with_no_autoflush", func(t *testing.T, ctx context.Context, e *orm.DB, _ *orm.Session) {
			s := orm.NewSession(e, orm.Autoflush(false))
			defer s.Close(ctx)
			u := &User{Name: "ed"}
			must(t, s.Add(u))
			if n, _ := orm.Select[User](s).FilterBy("Name", "ed").Count(ctx); n != 0 {
				t.Errorf("query without autoflush saw the pending object")
			}
			must(t, s.Flush(ctx))
			if got, err := orm.Select[User](s).FilterBy("Name", "ed").One(ctx); err != nil || got != u {
				t.Errorf("after Flush the query returned %v, %v", got, err)
			}
		}},
		{"delete_then_add_before_flush", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			bob := userNamed(t, ctx, s, "bob")
			must(t, s.Delete(bob))
			must(t, s.Add(bob))
			bob.Name = "bobby"
			must(t, s.Commit(ctx))
			if countUsers(t, ctx, e, "bobby") != 1 || !s.Contains(bob) {
				t.Errorf("re-added object was deleted or its change lost")
			}
		}},
		{"test_add_delete_transient", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			if err := s.Delete(&User{Name: "u1"}); err == nil {
				t.Errorf("Delete of a transient object succeeded")
			}
		}},
		{"test_deleted_adds_to_imap_unconditionally", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			bob := userNamed(t, ctx, s, "bob")
			must(t, s.Delete(bob))
			must(t, s.Flush(ctx))
			must(t, s.Delete(bob))
			must(t, s.Commit(ctx))
			if countUsers(t, ctx, e, "bob") != 0 || s.Contains(bob) {
				t.Errorf("deleting twice: row or object left")
			}
		}},
		{"test_is_modified", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "ann")
			if s.IsModified(u) {
				t.Errorf("freshly loaded object is modified")
			}
			u.Name = "fred"
			if !s.IsModified(u) {
				t.Errorf("changed object is not modified")
			}
			must(t, s.Flush(ctx))
			if s.IsModified(u) {
				t.Errorf("flushed object is still modified")
			}
		}},
		{"pending_with_many_to_one_to_persistent", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			bob := userNamed(t, ctx, s, "bob")
			must(t, s.Load(ctx, &bob.Posts))
			p := &Post{Title: "by bob"}
			p.Author.Set(bob)
			must(t, s.Add(p))
			must(t, s.Commit(ctx))
			if p.AuthorID == nil || *p.AuthorID != bob.ID {
				t.Fatalf("AuthorID = %v, want %d", p.AuthorID, bob.ID)
			}
			if items := bob.Posts.Items(); len(items) != 1 || items[0] != p {
				t.Errorf("bob.Posts = %v, want the new post", items)
			}
			if n, _ := orm.Select[Post](e).FilterBy("AuthorID", bob.ID).Count(ctx); n != 1 {
				t.Errorf("bob's posts in the database = %d, want 1", n)
			}
		}},
		{"pending_appended_to_persistent_collection", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			bob := userNamed(t, ctx, s, "bob")
			must(t, s.Load(ctx, &bob.Posts))
			p := &Post{Title: "appended"}
			bob.Posts.Append(p)
			must(t, s.Commit(ctx))
			if n, _ := orm.Select[Post](e).FilterBy("AuthorID", bob.ID).Count(ctx); n != 1 {
				t.Errorf("post appended to a persistent collection not saved by cascade")
			}
		}},
		{"test_expire_discards_change", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "ann")
			u.Name = "changed"
			s.Expire(u)
			must(t, s.Commit(ctx))
			if countUsers(t, ctx, e, "changed") != 0 {
				t.Errorf("a change made before Expire was written")
			}
			if got := userNamed(t, ctx, s, "ann"); got != u || u.Name != "ann" {
				t.Errorf("expired object after the next query: %q", u.Name)
			}
		}},
		{"test_refresh_discards_change", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "ann")
			u.Name = "changed"
			must(t, s.Refresh(ctx, u))
			if u.Name != "ann" || s.IsModified(u) {
				t.Errorf("after Refresh: %q modified %v", u.Name, s.IsModified(u))
			}
		}},
		{"test_refresh_sees_other_transaction", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "ann")
			must(t, s.Commit(ctx))
			_, err := orm.Update[User](e).FilterBy("ID", u.ID).Set("Name", "jack").Exec(ctx)
			must(t, err)
			must(t, s.Refresh(ctx, u))
			if u.Name != "jack" {
				t.Errorf("Refresh kept %q, want the row's jack", u.Name)
			}
		}},
		{"self_referential_delete_leaf_first", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			leaf := &Node{Name: "n3"}
			mid := &Node{Name: "n2", Children: orm.ManyOf(leaf)}
			root := &Node{Name: "n1", Children: orm.ManyOf(mid)}
			must(t, s.Add(root))
			must(t, s.Commit(ctx))
			must(t, s.Delete(leaf))
			must(t, s.Delete(root))
			must(t, s.Delete(mid))
			must(t, s.Commit(ctx))
			if n, _ := orm.Select[Node](e).Count(ctx); n != 0 {
				t.Errorf("nodes left = %d", n)
			}
		}},
		{"test_self_referential_reparent", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			a, b := &Node{Name: "a"}, &Node{Name: "b"}
			must(t, s.AddAll(a, b))
			must(t, s.Commit(ctx))
			c := &Node{Name: "c"}
			c.Parent.Set(b)
			a.Parent.Set(c)
			must(t, s.Commit(ctx))
			if a.ParentID == nil || *a.ParentID != c.ID || c.ParentID == nil || *c.ParentID != b.ID {
				t.Errorf("keys after reparenting: a.ParentID %v c.ParentID %v", a.ParentID, c.ParentID)
			}
		}},
		{"test_delete_cascade_children_first", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			log := record(t, e)
			u := userNamed(t, ctx, s, "ann")
			must(t, s.Delete(u))
			must(t, s.Commit(ctx))
			var order []string
			for _, q := range log.matching("DELETE") {
				switch {
				case strings.Contains(q, "post_tag"):
					order = append(order, "post_tag")
				case strings.Contains(q, "post"):
					order = append(order, "post")
				case strings.Contains(q, "user"):
					order = append(order, "user")
				}
			}
			if len(order) == 0 || order[len(order)-1] != "user" {
				t.Errorf("DELETE order = %v; the parent must go last", order)
			}
			if n, _ := orm.Select[Post](e).Count(ctx); n != 0 {
				t.Errorf("posts left after the cascade = %d", n)
			}
		}},
	})
}

// Keyword and Item are a many-to-many with no ON DELETE on the
// association table, so the session itself must remove its rows.
type (
	SAItem struct {
		ID       int64
		Name     string              `orm:"size:20"`
		Keywords orm.Many[SAKeyword] `orm:"secondary:sa_item_keyword"`
	}
	SAKeyword struct {
		ID   int64
		Name string `orm:"size:20"`
	}
	SAItemKeyword struct {
		ItemID    int64 `orm:"pk;fk:sa_item.id"`
		KeywordID int64 `orm:"pk;fk:sa_keyword.id"`
	}
	// NatUser and NatAddress have natural (string) primary keys.
	NatUser struct {
		Username  string               `orm:"pk;size:30"`
		Fullname  string               `orm:"size:30"`
		Addresses orm.Many[NatAddress] `orm:"foreign_key:Username"`
	}
	NatAddress struct {
		Email    string  `orm:"pk;size:30"`
		Username *string `orm:"fk:nat_user.username;fk_onupdate:CASCADE;size:30"`
	}
)

// saModelsDB creates the item/keyword and natural-key tables.
func saModelsDB(t *testing.T, db dbtest.DB) *orm.DB {
	t.Helper()
	e := openDB(t, db)
	md := orm.NewMetaData()
	must(t, md.Register(SAItem{}, SAKeyword{}, SAItemKeyword{}, NatUser{}, NatAddress{}))
	must(t, md.CreateAll(context.Background(), e))
	return e
}

func TestSAUnitOfWorkPort(t *testing.T) {
	cases := []struct {
		name string
		run  func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session)
	}{
		{"test_m2m_delete_unloaded_collection", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			it := &SAItem{Name: "i1", Keywords: orm.ManyOf(&SAKeyword{Name: "k1"}, &SAKeyword{Name: "k2"})}
			must(t, s.Add(it))
			must(t, s.Commit(ctx))
			s.ExpungeAll()
			got, err := orm.Get[SAItem](ctx, s, it.ID)
			must(t, err)
			must(t, s.Delete(got))
			must(t, s.Commit(ctx))
			if n, _ := orm.Select[SAItemKeyword](e).Count(ctx); n != 0 {
				t.Errorf("association rows left after deleting the item = %d", n)
			}
			if n, _ := orm.Select[SAKeyword](e).Count(ctx); n != 2 {
				t.Errorf("keywords = %d, want 2 (no delete cascade)", n)
			}
		}},
		{"test_entity", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := &NatUser{Username: "jack", Fullname: "jack"}
			must(t, s.Add(u))
			must(t, s.Flush(ctx))
			if got, err := orm.Get[NatUser](ctx, s, "jack"); err != nil || got != u {
				t.Fatalf("Get jack = %v, %v", got, err)
			}
			u.Username = "ed"
			must(t, s.Flush(ctx))
			if got, err := orm.Get[NatUser](ctx, s, "ed"); err != nil || got != u {
				t.Errorf("Get ed after the key change = %v, %v; want the same object", got, err)
			}
			if got, err := orm.Get[NatUser](ctx, s, "jack"); err == nil && got != nil {
				t.Errorf("Get jack after the key change returned %v", got)
			}
			must(t, s.Commit(ctx))
			s.ExpungeAll()
			got, err := orm.Get[NatUser](ctx, s, "ed")
			if err != nil || got.Fullname != "jack" {
				t.Errorf("row ed = %v, %v", got, err)
			}
			if n, _ := orm.Select[NatUser](e).Count(ctx); n != 1 {
				t.Errorf("users = %d, want 1 (the key was updated, not a row inserted)", n)
			}
		}},
		{"key_change_rolled_back", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := &NatUser{Username: "jack", Fullname: "jack"}
			must(t, s.Add(u))
			must(t, s.Commit(ctx))
			u.Username = "ed"
			must(t, s.Flush(ctx))
			must(t, s.Rollback(ctx))
			if got, err := orm.Get[NatUser](ctx, s, "jack"); err != nil || got != u || u.Username != "jack" {
				t.Errorf("Get jack after rolling back the key change = %v, %v; want the same object", got, err)
			}
			u.Fullname = "Jack"
			must(t, s.Commit(ctx))
			if n, _ := orm.Select[NatUser](e).FilterBy("Fullname", "Jack").Count(ctx); n != 1 {
				t.Errorf("change after the rollback not written")
			}
		}},
		// SQLAlchemy turns a DELETE and an INSERT of the same key in one
		// flush into an UPDATE (a "row switch"); so does flagon.
		{"row_switch_delete_then_add_same_key", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := &NatUser{Username: "jack", Fullname: "old"}
			must(t, s.Add(u))
			must(t, s.Commit(ctx))
			must(t, s.Delete(u))
			u2 := &NatUser{Username: "jack", Fullname: "new"}
			must(t, s.Add(u2))
			must(t, s.Commit(ctx))
			if s.Contains(u) || !s.Contains(u2) {
				t.Errorf("after the row switch: old object in session %v (want false), new %v (want true)", s.Contains(u), s.Contains(u2))
			}
			if got, err := orm.Get[NatUser](ctx, s, "jack"); err != nil || got != u2 || got.Fullname != "new" {
				t.Errorf("Get jack after delete and add = %v, %v; want the new object", got, err)
			}
			if n, _ := orm.Select[NatUser](e).FilterBy("Fullname", "new").Count(ctx); n != 1 {
				t.Errorf("new row not written")
			}
		}},
		{"test_onetomany_key_change_syncs_children", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := &NatUser{Username: "jack", Fullname: "jack",
				Addresses: orm.ManyOf(&NatAddress{Email: "jack1"}, &NatAddress{Email: "jack2"})}
			must(t, s.Add(u))
			must(t, s.Flush(ctx))
			u.Username = "ed"
			must(t, s.Commit(ctx))
			addrs, err := orm.Select[NatAddress](s).OrderBy("email").All(ctx)
			must(t, err)
			if a := addrs[0]; a != u.Addresses.Items()[0] || a.Username == nil || *a.Username != "ed" {
				t.Errorf("loaded child's foreign key after the next query = %v, want ed", a.Username)
			}
			if n, _ := orm.Select[NatAddress](e).FilterBy("Username", "ed").Count(ctx); n != 2 {
				t.Errorf("addresses pointing at ed = %d, want 2", n)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
				ctx := context.Background()
				e := saModelsDB(t, db)
				s := orm.NewSession(e)
				defer s.Close(ctx)
				tc.run(t, ctx, e, s)
			})
		})
	}
}
