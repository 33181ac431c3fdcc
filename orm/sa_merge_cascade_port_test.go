package orm_test

import (
	"context"
	"testing"

	"github.com/flagon-go/flagon/orm"
)

// Cases ported from SQLAlchemy's test/orm/test_merge.py and
// test_cascade.py, on the blog models (User.Posts is
// cascade:all,delete-orphan; Post.Tags is save-update only).

func TestSAMergeCascadePort(t *testing.T) {
	runSACases(t, []saCase{
		{"test_transient_to_pending", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u, err := orm.Merge(ctx, s, &User{ID: 7, Name: "fred", Active: true})
			must(t, err)
			if !s.Contains(u) || u.ID != 7 || u.Name != "fred" {
				t.Fatalf("merged transient = %+v, in session %v", u, s.Contains(u))
			}
			must(t, s.Commit(ctx))
			if got, err := orm.Get[User](ctx, e, int64(7)); err != nil || got.Name != "fred" {
				t.Errorf("row 7 = %v, %v", got, err)
			}
		}},
		{"test_transient_to_persistent", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			ann := userNamed(t, ctx, s, "ann")
			u, err := orm.Merge(ctx, s, &User{ID: ann.ID, Name: "fred jones", Active: true})
			must(t, err)
			if u != ann || ann.Name != "fred jones" {
				t.Fatalf("Merge returned %p (%q), want the session's object %p", u, u.Name, ann)
			}
			must(t, s.Commit(ctx))
			if countUsers(t, ctx, e, "fred jones") != 1 {
				t.Errorf("merged change not written")
			}
		}},
		{"test_detached_to_persistent", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			ann := userNamed(t, ctx, s, "ann")
			s.Expunge(ann)
			ann.Name = "ann2"
			u, err := orm.Merge(ctx, s, ann)
			must(t, err)
			if u == ann || !s.Contains(u) || s.Contains(ann) {
				t.Errorf("Merge of a detached object: returned itself %v, result in session %v, detached in session %v",
					u == ann, s.Contains(u), s.Contains(ann))
			}
			must(t, s.Commit(ctx))
			if countUsers(t, ctx, e, "ann2") != 1 {
				t.Errorf("merged detached change not written")
			}
		}},
		{"test_o2m_cascade_add", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := &User{Name: "u1"}
			must(t, s.Add(u))
			p := &Post{Title: "a1"}
			u.Posts.Append(p)
			must(t, s.Flush(ctx))
			if !s.Contains(p) || p.ID == 0 {
				t.Errorf("child appended after Add not cascaded into the session")
			}
		}},
		{"test_m2o_cascade_add", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			p := &Post{Title: "a1"}
			must(t, s.Add(p))
			u := &User{Name: "u1"}
			p.Author.Set(u)
			must(t, s.Commit(ctx))
			if !s.Contains(u) || p.AuthorID == nil || *p.AuthorID != u.ID {
				t.Errorf("new parent set on a pending child not saved: in session %v, AuthorID %v", s.Contains(u), p.AuthorID)
			}
		}},
		{"test_delete_orphan", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			ann := userNamed(t, ctx, s, "ann")
			must(t, s.Load(ctx, &ann.Posts))
			p := ann.Posts.Items()[0]
			ann.Posts.Remove(p)
			must(t, s.Commit(ctx))
			if n, _ := orm.Select[Post](e).FilterBy("ID", p.ID).Count(ctx); n != 0 || s.Contains(p) {
				t.Errorf("orphan left: rows %d, in session %v", n, s.Contains(p))
			}
		}},
		{"test_orphan_moved_to_other_parent_kept", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			ann, bob := userNamed(t, ctx, s, "ann"), userNamed(t, ctx, s, "bob")
			must(t, s.Load(ctx, &ann.Posts))
			must(t, s.Load(ctx, &bob.Posts))
			p := ann.Posts.Items()[0]
			ann.Posts.Remove(p)
			bob.Posts.Append(p)
			must(t, s.Commit(ctx))
			if n, _ := orm.Select[Post](e).FilterBy("AuthorID", bob.ID).Count(ctx); n != 1 {
				t.Errorf("post moved to another parent was deleted as an orphan or not moved")
			}
		}},
		{"test_delete_cascade_unloaded", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			ann := userNamed(t, ctx, s, "ann")
			must(t, s.Delete(ann))
			must(t, s.Commit(ctx))
			if n, _ := orm.Select[Post](e).Count(ctx); n != 0 {
				t.Errorf("posts of a deleted user with cascade delete left: %d", n)
			}
		}},
		{"pending_child_of_deleted_parent", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			ann := userNamed(t, ctx, s, "ann")
			must(t, s.Load(ctx, &ann.Posts))
			ann.Posts.Append(&Post{Title: "new"})
			must(t, s.Delete(ann))
			must(t, s.Commit(ctx))
			if n, _ := orm.Select[Post](e).Count(ctx); n != 0 {
				t.Errorf("posts left after deleting their parent: %d", n)
			}
		}},
	})
}
