package orm_test

import (
	"context"
	"errors"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Cases ported from SQLAlchemy's test/orm/test_transaction.py: what a
// rollback, a commit and a failed flush do to the session's objects.

// saCase is one ported test, run on a seeded blog database (ann with
// posts p1 and p2, bob without posts).
type saCase struct {
	name string
	run  func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session)
}

// runSACases runs each case on every database, each with its own
// seeded database and session.
func runSACases(t *testing.T, cases []saCase) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
				ctx, e, s := seededSession(t, db)
				tc.run(t, ctx, e, s)
			})
		})
	}
}

// userNamed loads a user through q.
func userNamed(t *testing.T, ctx context.Context, q orm.Querier, name string) *User {
	t.Helper()
	u, err := orm.Select[User](q).FilterBy("Name", name).One(ctx)
	must(t, err)
	return u
}

// countUsers counts user rows named name, read outside the session.
func countUsers(t *testing.T, ctx context.Context, e *orm.DB, name string) int64 {
	t.Helper()
	n, err := orm.Select[User](e).FilterBy("Name", name).Count(ctx)
	must(t, err)
	return n
}

func TestSATransactionPort(t *testing.T) {
	runSACases(t, []saCase{
		{"test_attrs_on_rollback", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "ann")
			u.Name = "ed"
			must(t, s.Rollback(ctx))
			if u.Name != "ann" {
				t.Errorf("Name after rollback = %q, want ann", u.Name)
			}
		}},
		{"test_commit_persistent", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "ann")
			u.Name = "ed"
			must(t, s.Flush(ctx))
			must(t, s.Commit(ctx))
			if u.Name != "ed" || countUsers(t, ctx, e, "ed") != 1 {
				t.Errorf("Name = %q, rows named ed = %d; want ed, 1", u.Name, countUsers(t, ctx, e, "ed"))
			}
		}},
		{"modified_after_flush_written_on_commit", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := &User{Name: "new", Active: true}
			must(t, s.Add(u))
			must(t, s.Flush(ctx))
			u.Name = "renamed"
			must(t, s.Commit(ctx))
			if countUsers(t, ctx, e, "renamed") != 1 || countUsers(t, ctx, e, "new") != 0 {
				t.Errorf("a change made after the flush was not written by the commit")
			}
		}},
		{"test_expunge_pending_on_rollback", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := &User{Name: "newuser"}
			must(t, s.Add(u))
			if !s.Contains(u) {
				t.Fatal("added object not in session")
			}
			must(t, s.Rollback(ctx))
			if s.Contains(u) {
				t.Errorf("pending object still in the session after rollback")
			}
		}},
		{"test_trans_pending_cleared_on_commit", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u2 := &User{Name: "newuser"}
			must(t, s.Add(u2))
			must(t, s.Commit(ctx))
			u3 := &User{Name: "anotheruser"}
			must(t, s.Add(u3))
			must(t, s.Rollback(ctx))
			if s.Contains(u3) || !s.Contains(u2) {
				t.Errorf("after rollback: u3 in session %v (want false), u2 %v (want true)", s.Contains(u3), s.Contains(u2))
			}
		}},
		{"test_update_deleted_on_rollback", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "bob")
			must(t, s.Delete(u))
			must(t, s.Rollback(ctx))
			must(t, s.Commit(ctx))
			if !s.Contains(u) || countUsers(t, ctx, e, "bob") != 1 {
				t.Errorf("a deletion rolled back before its flush was carried out or the object left the session")
			}
		}},
		{"test_trans_deleted_cleared_on_rollback", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "bob")
			must(t, s.Delete(u))
			must(t, s.Commit(ctx))
			must(t, s.Rollback(ctx))
			if s.Contains(u) {
				t.Errorf("object deleted by a committed transaction is back in the session after a rollback")
			}
		}},
		{"test_update_deleted_on_rollback_cascade", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "ann")
			must(t, s.Load(ctx, &u.Posts))
			posts := u.Posts.Items()
			must(t, s.Delete(u))
			must(t, s.Flush(ctx))
			must(t, s.Rollback(ctx))
			if !s.Contains(u) || len(u.Posts.Items()) != 2 {
				t.Fatalf("after rollback: user in session %v, posts %d; want true, 2", s.Contains(u), len(u.Posts.Items()))
			}
			for _, p := range posts {
				if !s.Contains(p) {
					t.Errorf("post %q deleted by cascade is not back in the session", p.Title)
				}
			}
			u.Name = "ann2"
			must(t, s.Commit(ctx))
			if n, _ := orm.Select[Post](e).Count(ctx); n != 2 || countUsers(t, ctx, e, "ann2") != 1 {
				t.Errorf("posts = %d, ann2 rows = %d; want 2 and 1", n, countUsers(t, ctx, e, "ann2"))
			}
		}},
		{"test_update_deleted_on_rollback_orphan", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "ann")
			must(t, s.Load(ctx, &u.Posts))
			a1 := u.Posts.Items()[0]
			u.Posts.Remove(a1)
			must(t, s.Flush(ctx))
			if n, _ := orm.Select[Post](s).FilterBy("Title", "p1").Count(ctx); n != 0 {
				t.Fatalf("orphan not deleted by the flush")
			}
			must(t, s.Rollback(ctx))
			if !s.Contains(a1) || len(u.Posts.Items()) != 2 || u.Posts.Items()[0] != a1 {
				t.Errorf("after rollback the orphan is not back in its collection and the session")
			}
		}},
		{"test_commit_pending", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := &User{Name: "newuser"}
			must(t, s.Add(u))
			must(t, s.Flush(ctx))
			must(t, s.Commit(ctx))
			if u.Name != "newuser" || countUsers(t, ctx, e, "newuser") != 1 {
				t.Errorf("pending object flushed then committed was not kept")
			}
		}},
		{"test_concurrent_commit_pending", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u1 := &User{Name: "edward"}
			must(t, s.Add(u1))
			must(t, s.Commit(ctx))
			s2 := orm.NewSession(e)
			defer s2.Close(ctx)
			u2 := userNamed(t, ctx, s2, "edward")
			u2.Name = "will"
			must(t, s2.Commit(ctx))
			if got := userNamed(t, ctx, s, "will"); got != u1 || u1.Name != "will" {
				t.Errorf("expired object not refreshed by the next query: %q", u1.Name)
			}
		}},
		{"test_pk_violation", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u1 := userNamed(t, ctx, s, "ann")
			must(t, s.Load(ctx, &u1.Posts))
			a1 := u1.Posts.Items()[0]
			a2 := &Post{Title: "bar"}
			u2 := &User{ID: u1.ID, Name: "jack", Posts: orm.ManyOf(a2)}
			u1.Name = "edward"
			a1.Title = "foober"
			must(t, s.Add(u2))
			if err := s.Commit(ctx); err == nil {
				t.Fatal("commit of a duplicate primary key succeeded")
			}
			if err := s.Commit(ctx); !errors.Is(err, orm.ErrPendingRollback) {
				t.Errorf("second commit = %v, want ErrPendingRollback", err)
			}
			must(t, s.Rollback(ctx))
			if s.Contains(u2) || s.Contains(a2) || !s.Contains(u1) || !s.Contains(a1) {
				t.Errorf("after the failed commit: u2 %v a2 %v u1 %v a1 %v in session; want false false true true",
					s.Contains(u2), s.Contains(a2), s.Contains(u1), s.Contains(a1))
			}
			if u1.Name != "ann" || a1.Title != "p1" {
				t.Errorf("after the failed commit: %q %q, want the committed ann p1", u1.Name, a1.Title)
			}
			u1.Name = "edward"
			a1.Title = "foober"
			must(t, s.Commit(ctx))
			if countUsers(t, ctx, e, "edward") != 1 {
				t.Errorf("commit after recovering did not write")
			}
			if n, _ := orm.Select[Post](e).FilterBy("Title", "foober").Count(ctx); n != 1 {
				t.Errorf("posts titled foober = %d, want 1", n)
			}
		}},
		{"test_deleted_flag", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "bob")
			must(t, s.Delete(u))
			must(t, s.Flush(ctx))
			if s.Contains(u) {
				t.Errorf("object whose DELETE was flushed is still in the session")
			}
			if err := s.Add(u); err == nil {
				t.Errorf("Add of an object whose DELETE was flushed succeeded; it would be silently dropped")
			}
			must(t, s.Rollback(ctx))
			if !s.Contains(u) {
				t.Fatalf("rolled-back deletion: object not back in the session")
			}
			must(t, s.Delete(u))
			must(t, s.Commit(ctx))
			if s.Contains(u) || countUsers(t, ctx, e, "bob") != 0 {
				t.Errorf("committed deletion: in session %v, rows %d", s.Contains(u), countUsers(t, ctx, e, "bob"))
			}
		}},
		{"test_explicit_expunge_pending", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := &User{Name: "x"}
			must(t, s.Add(u))
			must(t, s.Flush(ctx))
			s.Expunge(u)
			must(t, s.Rollback(ctx))
			if s.Contains(u) {
				t.Errorf("expunged object is back after rollback")
			}
		}},
		{"test_explicit_expunge_deleted", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "bob")
			must(t, s.Delete(u))
			must(t, s.Flush(ctx))
			s.Expunge(u)
			must(t, s.Rollback(ctx))
			if s.Contains(u) {
				t.Errorf("expunged deleted object is back after rollback")
			}
		}},
		{"test_autoflush_rollback", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "ann")
			must(t, s.Load(ctx, &u.Posts))
			newp := &Post{Title: "a new post"}
			u.Posts.Append(newp)
			u.Name = "some new name"
			if _, err := orm.Select[User](s).Count(ctx); err != nil { // autoflush
				t.Fatal(err)
			}
			must(t, s.Rollback(ctx))
			if u.Name != "ann" || len(u.Posts.Items()) != 2 {
				t.Errorf("after rollback: %q with %d posts, want ann with 2", u.Name, len(u.Posts.Items()))
			}
			if newp.Title != "a new post" || s.Contains(newp) {
				t.Errorf("pending object after rollback: %q, in session %v", newp.Title, s.Contains(newp))
			}
		}},
		{"failed_flush_blocks_silent_partial_commit", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			a := &User{Name: "flushed"}
			must(t, s.Add(a))
			must(t, s.Flush(ctx))
			must(t, s.Add(&User{Name: "ann"}))
			if err := s.Flush(ctx); err == nil {
				t.Fatal("duplicate flushed")
			}
			must(t, s.Add(&User{Name: "later"}))
			if err := s.Commit(ctx); !errors.Is(err, orm.ErrPendingRollback) {
				t.Fatalf("commit after a failed flush = %v, want ErrPendingRollback", err)
			}
			if _, err := orm.Select[User](s).Count(ctx); !errors.Is(err, orm.ErrPendingRollback) {
				t.Errorf("autoflushing query after a failed flush = %v, want ErrPendingRollback", err)
			}
			if countUsers(t, ctx, e, "later") != 0 {
				t.Errorf("a commit after the failed flush wrote without the earlier, rolled-back work")
			}
			must(t, s.Rollback(ctx))
			must(t, s.Add(a))
			must(t, s.Commit(ctx))
			if countUsers(t, ctx, e, "flushed") != 1 {
				t.Errorf("session not usable after Rollback")
			}
		}},
		{"test_rollback_recover", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			bob := userNamed(t, ctx, s, "bob")
			must(t, s.Delete(bob))
			u4 := &User{Name: "cy"}
			must(t, s.Add(u4))
			must(t, s.Flush(ctx))
			u5 := &User{Name: "ann"}
			must(t, s.Add(u5))
			if err := s.Flush(ctx); !errors.Is(err, orm.ErrUniqueViolation) {
				t.Fatalf("flush of a duplicate = %v, want a unique violation", err)
			}
			if s.Contains(u5) || !s.Contains(bob) {
				t.Errorf("after the failed flush: u5 in session %v (want false), bob %v (want true)", s.Contains(u5), s.Contains(bob))
			}
			must(t, s.Rollback(ctx))
			if countUsers(t, ctx, e, "bob") != 1 || countUsers(t, ctx, e, "cy") != 0 {
				t.Errorf("rows after rollback: bob %d cy %d, want 1 0", countUsers(t, ctx, e, "bob"), countUsers(t, ctx, e, "cy"))
			}
		}},
	})
}
