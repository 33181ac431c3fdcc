package orm_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// changeRow updates p1's row without synchronizing the session, as
// SQLAlchemy's tests run an UPDATE through the connection.
func changeRow(t *testing.T, ctx context.Context, s *orm.Session, id int64, title string, views int) {
	t.Helper()
	_, err := orm.Update[Post](s).Set("Title", title, "Views", views).FilterBy("ID", id).SynchronizeSession(false).Exec(ctx)
	must(t, err)
}

// reget returns Get of the post through s, which must be the same pointer.
func reget(t *testing.T, ctx context.Context, s *orm.Session, p *Post) {
	t.Helper()
	got, err := orm.Get[Post](ctx, s, p.ID)
	must(t, err)
	if got != p {
		t.Fatalf("Get returned another object")
	}
}

// TestPartialExpire ports test_partial_expire, test_refresh and
// test_refresh_expired with attribute names: ExpireFields(obj, names...)
// and Refresh(ctx, obj, names...) act on the named columns only, named by
// Go field or column name.
func TestPartialExpire(t *testing.T) {
	cases := []struct {
		name string
		run  func(t *testing.T, ctx context.Context, s *orm.Session, p *Post, log *stmtLog)
	}{
		{"test_partial_expire", func(t *testing.T, ctx context.Context, s *orm.Session, p *Post, log *stmtLog) {
			must(t, s.ExpireFields(p, "Title"))
			changeRow(t, ctx, s, p.ID, "p1 modified", 7)
			log.reset()
			reget(t, ctx, s, p) // reloads: a SELECT, not the identity map
			if log.count("SELECT") != 1 {
				t.Errorf("Get of a partly expired object ran %d SELECTs, want 1", log.count("SELECT"))
			}
			if p.Title != "p1 modified" || p.Views != 0 {
				t.Errorf("after reload: %q, %d; want the expired title reloaded and views kept (0)", p.Title, p.Views)
			}
			log.reset()
			reget(t, ctx, s, p)
			if log.count("SELECT") != 0 {
				t.Errorf("reloaded object still queried by Get")
			}
		}},
		{"partial_expire_keeps_other_changes", func(t *testing.T, ctx context.Context, s *orm.Session, p *Post, log *stmtLog) {
			p.Views = 5
			must(t, s.ExpireFields(p, "title"))
			changeRow(t, ctx, s, p.ID, "p1 modified", 7)
			reget(t, ctx, s, p)
			if p.Title != "p1 modified" || p.Views != 5 || !s.IsModified(p) {
				t.Errorf("after reload: %q, %d, modified %v; want p1 modified, 5, true", p.Title, p.Views, s.IsModified(p))
			}
			must(t, s.Flush(ctx))
			got := postRow(t, ctx, s, p.ID)
			if got.Title != "p1 modified" || got.Views != 5 {
				t.Errorf("row after flush: %q, %d", got.Title, got.Views)
			}
		}},
		{"expire_discards_change", func(t *testing.T, ctx context.Context, s *orm.Session, p *Post, log *stmtLog) {
			p.Title = "mine"
			must(t, s.ExpireFields(p, "Title"))
			if s.IsModified(p) {
				t.Errorf("expired change still counts as a modification")
			}
			log.reset()
			must(t, s.Flush(ctx))
			if log.count("UPDATE") != 0 {
				t.Errorf("the expired change was written")
			}
			reget(t, ctx, s, p)
			if p.Title != "p1" {
				t.Errorf("Title after reload = %q, want p1", p.Title)
			}
		}},
		{"change_after_expire_kept", func(t *testing.T, ctx context.Context, s *orm.Session, p *Post, log *stmtLog) {
			must(t, s.ExpireFields(p, "Title"))
			p.Title = "after"
			reget(t, ctx, s, p)
			if p.Title != "after" {
				t.Errorf("Title = %q, want the change made after ExpireFields", p.Title)
			}
			must(t, s.Flush(ctx))
			if got := postRow(t, ctx, s, p.ID); got.Title != "after" {
				t.Errorf("row title = %q, want after", got.Title)
			}
		}},
		{"expire_id_and_all", func(t *testing.T, ctx context.Context, s *orm.Session, p *Post, log *stmtLog) {
			p.Views = 5
			must(t, s.ExpireFields(p, "ID", "views", "Title"))
			changeRow(t, ctx, s, p.ID, "p1 modified", 7)
			reget(t, ctx, s, p)
			if p.Title != "p1 modified" || p.Views != 7 {
				t.Errorf("after reload: %q, %d; want p1 modified, 7", p.Title, p.Views)
			}
		}},
		{"partial_row_reloads_what_it_holds", func(t *testing.T, ctx context.Context, s *orm.Session, p *Post, log *stmtLog) {
			must(t, s.ExpireFields(p, "Title", "Views"))
			changeRow(t, ctx, s, p.ID, "p1 modified", 7)
			_, err := orm.Raw[Post](s, "SELECT id, author_id, title FROM post WHERE title = 'p1 modified'").All(ctx)
			must(t, err)
			if p.Title != "p1 modified" || p.Views != 0 {
				t.Errorf("after a query of some columns: %q, %d; want the title only reloaded", p.Title, p.Views)
			}
			reget(t, ctx, s, p) // views is still expired
			if p.Views != 7 {
				t.Errorf("Views = %d after Get, want 7", p.Views)
			}
		}},
		{"test_refresh_attribute_names", func(t *testing.T, ctx context.Context, s *orm.Session, p *Post, log *stmtLog) {
			p.Title, p.Views = "mine", 5
			must(t, s.Load(ctx, &p.Tags))
			changeRow(t, ctx, s, p.ID, "p1 modified", 7)
			must(t, s.Refresh(ctx, p, "title"))
			if p.Title != "p1 modified" || p.Views != 5 || !s.IsModified(p) {
				t.Errorf("after Refresh(title): %q, %d, modified %v; want p1 modified, 5, true", p.Title, p.Views, s.IsModified(p))
			}
			if !s.IsLoaded(p, "Tags") {
				t.Errorf("Refresh of a column unloaded the relationships")
			}
			must(t, s.Refresh(ctx, p))
			if p.Views != 7 || s.IsModified(p) || s.IsLoaded(p, "Tags") {
				t.Errorf("after Refresh: views %d, modified %v, tags loaded %v; want 7, false, false", p.Views, s.IsModified(p), s.IsLoaded(p, "Tags"))
			}
		}},
		{"test_refresh_expired_attribute", func(t *testing.T, ctx context.Context, s *orm.Session, p *Post, log *stmtLog) {
			must(t, s.ExpireFields(p, "Views"))
			changeRow(t, ctx, s, p.ID, "p1 modified", 7)
			must(t, s.Refresh(ctx, p, "Views"))
			if p.Views != 7 || p.Title != "p1" {
				t.Errorf("after Refresh(Views): %q, %d; want p1, 7", p.Title, p.Views)
			}
			log.reset()
			reget(t, ctx, s, p)
			if log.count("SELECT") != 0 {
				t.Errorf("Refresh left the field expired")
			}
		}},
		{"bad_names", func(t *testing.T, ctx context.Context, s *orm.Session, p *Post, log *stmtLog) {
			p.Title = "mine"
			for _, bad := range []struct{ name, want string }{{"Nope", `no column field "Nope"`}, {"Tags", "relationship"}} {
				if err := s.ExpireFields(p, "Views", bad.name); err == nil || !strings.Contains(err.Error(), bad.want) {
					t.Errorf("ExpireFields(%s) = %v, want an error containing %q", bad.name, err, bad.want)
				}
				if err := s.Refresh(ctx, p, bad.name); err == nil || !strings.Contains(err.Error(), bad.want) {
					t.Errorf("Refresh(%s) = %v, want an error containing %q", bad.name, err, bad.want)
				}
			}
			if p.Title != "mine" || !s.IsModified(p) {
				t.Errorf("a failed ExpireFields or Refresh changed the object")
			}
			if err := s.ExpireFields(&Post{Title: "new"}, "Title"); err == nil {
				t.Errorf("ExpireFields of a transient object succeeded")
			}
		}},
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := blogDB(t, db)
		seedBlog(t, e)
		log := record(t, e)
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				_, err := orm.Update[Post](e).Set("Title", "p1", "Views", 0).Where(orm.C("title").In("p1", "p1 modified", "after", "mine")).Exec(ctx)
				must(t, err)
				s := orm.NewSession(e, orm.Autoflush(false))
				defer s.Close(ctx)
				p, err := orm.Select[Post](s).FilterBy("Title", "p1").One(ctx)
				must(t, err)
				tc.run(t, ctx, s, p, log)
			})
		}
	})
}

// postRow reads a post's row through s without the identity map.
func postRow(t *testing.T, ctx context.Context, s *orm.Session, id int64) Post {
	t.Helper()
	var p Post
	rows, err := s.QueryContext(ctx, "SELECT title, views FROM post WHERE id = "+strconv.FormatInt(id, 10))
	must(t, err)
	defer rows.Close()
	if !rows.Next() {
		t.Fatalf("post %d not found", id)
	}
	must(t, rows.Scan(&p.Title, &p.Views))
	return p
}
