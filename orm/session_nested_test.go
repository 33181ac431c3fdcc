package orm_test

import (
	"context"
	"errors"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// nestedFixture is a seeded blog session with ann and bob loaded.
type nestedFixture struct {
	ctx      context.Context
	e        *orm.DB
	s        *orm.Session
	log      *stmtLog
	ann, bob *User
}

// userNamed loads a user through the session.
func (f *nestedFixture) userNamed(t *testing.T, name string) *User {
	t.Helper()
	u, err := orm.Select[User](f.s).FilterBy("Name", name).One(f.ctx)
	must(t, err)
	return u
}

// rowNames returns the user names in the database, outside the session.
func (f *nestedFixture) rowNames(t *testing.T) []string {
	t.Helper()
	users, err := orm.Select[User](f.e).OrderBy("Name").All(f.ctx)
	must(t, err)
	var names []string
	for _, u := range users {
		names = append(names, u.Name)
	}
	return names
}

// postTitles returns the titles of a user's loaded posts.
func postTitles(u *User) []string {
	var out []string
	for _, p := range u.Posts.Items() {
		out = append(out, p.Title)
	}
	return out
}

// TestBeginNested is issue 14 item 7: SQLAlchemy's begin_nested, with
// cases named after SQLAlchemy's SavepointTest.
func TestBeginNested(t *testing.T) {
	cases := []struct {
		name string
		run  func(t *testing.T, f *nestedFixture)
	}{
		{"test_savepoint_rollback", func(t *testing.T, f *nestedFixture) {
			f.ann.Name = "ann-outer"
			nt, err := f.s.BeginNested(f.ctx)
			must(t, err)
			f.ann.Name, f.bob.Name = "ann-inner", "bob-inner"
			must(t, f.s.Flush(f.ctx))
			must(t, nt.Rollback(f.ctx))
			if f.ann.Name != "ann-outer" || f.bob.Name != "bob" || f.s.IsModified(f.bob) {
				t.Errorf("after the nested rollback ann=%q bob=%q; want ann-outer, bob", f.ann.Name, f.bob.Name)
			}
			if f.log.count("SAVEPOINT") != 1 || f.log.count("ROLLBACK TO SAVEPOINT") != 1 {
				t.Errorf("statements %v; want one SAVEPOINT and one ROLLBACK TO SAVEPOINT", f.log.stmt)
			}
			must(t, f.s.Commit(f.ctx))
			if got := f.rowNames(t); len(got) != 2 || got[0] != "ann-outer" || got[1] != "bob" {
				t.Errorf("rows after commit = %v, want [ann-outer bob]", got)
			}
		}},
		{"test_savepoint_commit", func(t *testing.T, f *nestedFixture) {
			nt, err := f.s.BeginNested(f.ctx)
			must(t, err)
			f.bob.Name = "bob2"
			must(t, nt.Commit(f.ctx))
			if nt.IsActive() || f.log.count("RELEASE SAVEPOINT") != 1 {
				t.Errorf("nested commit: active %v, statements %v; want a RELEASE SAVEPOINT", nt.IsActive(), f.log.stmt)
			}
			must(t, f.s.Commit(f.ctx))
			if got := f.rowNames(t); got[1] != "bob2" {
				t.Errorf("rows = %v, want bob2 written", got)
			}
		}},
		{"test_savepoint_delete", func(t *testing.T, f *nestedFixture) {
			nt, err := f.s.BeginNested(f.ctx)
			must(t, err)
			must(t, f.s.Delete(f.bob))
			must(t, f.s.Flush(f.ctx))
			must(t, nt.Rollback(f.ctx))
			got, err := orm.Get[User](f.ctx, f.s, f.bob.ID)
			if err != nil || got != f.bob || !f.s.Contains(f.bob) {
				t.Errorf("after the rollback Get(bob) = same %v, %v; want bob persistent again", got == f.bob, err)
			}
			must(t, f.s.Commit(f.ctx))
			if got := f.rowNames(t); len(got) != 2 {
				t.Errorf("rows = %v, want bob kept", got)
			}
		}},
		{"test_expunge_pending_on_rollback", func(t *testing.T, f *nestedFixture) {
			nt, err := f.s.BeginNested(f.ctx)
			must(t, err)
			cy, dee := &User{Name: "cy", Active: true}, &User{Name: "dee", Active: true}
			must(t, f.s.Add(cy))
			must(t, f.s.Flush(f.ctx)) // cy inserted inside, dee only pending
			must(t, f.s.Add(dee))
			must(t, nt.Rollback(f.ctx))
			if f.s.Contains(cy) || f.s.Contains(dee) || cy.ID != 0 {
				t.Errorf("objects added inside the savepoint: in session %v %v, cy.ID %d; want gone with no key",
					f.s.Contains(cy), f.s.Contains(dee), cy.ID)
			}
			must(t, f.s.Commit(f.ctx))
			if got := f.rowNames(t); len(got) != 2 {
				t.Errorf("rows = %v, want only ann and bob", got)
			}
		}},
		{"test_savepoint_rollback_collections", func(t *testing.T, f *nestedFixture) {
			must(t, f.s.Load(f.ctx, &f.ann.Posts))
			nt, err := f.s.BeginNested(f.ctx)
			must(t, err)
			f.ann.Posts.Set(append(f.ann.Posts.Items()[1:], &Post{Title: "p3"})...)
			must(t, f.s.Flush(f.ctx))
			must(t, nt.Rollback(f.ctx))
			if got := postTitles(f.ann); len(got) != 2 || got[0] != "p1" || got[1] != "p2" {
				t.Errorf("posts after the rollback = %v, want [p1 p2]", got)
			}
			must(t, f.s.Commit(f.ctx))
			posts, err := orm.Select[Post](f.e).OrderBy("Title").All(f.ctx)
			must(t, err)
			if len(posts) != 2 || posts[0].Title != "p1" {
				t.Errorf("post rows = %d, want p1 and p2 kept, no p3", len(posts))
			}
		}},
		{"test_savepoint_rollback_object_loaded_inside", func(t *testing.T, f *nestedFixture) {
			nt, err := f.s.BeginNested(f.ctx)
			must(t, err)
			p, err := orm.Select[Post](f.s).FilterBy("Title", "p1").One(f.ctx)
			must(t, err)
			p.Title = "changed"
			must(t, f.s.Flush(f.ctx))
			must(t, nt.Rollback(f.ctx))
			if p.Title != "p1" || f.s.IsModified(p) {
				t.Errorf("post loaded inside: title %q after the rollback, want p1", p.Title)
			}
			must(t, f.s.Commit(f.ctx))
		}},
		{"two levels", func(t *testing.T, f *nestedFixture) {
			outer, err := f.s.BeginNested(f.ctx)
			must(t, err)
			f.ann.Name = "a1"
			inner, err := f.s.BeginNested(f.ctx)
			must(t, err)
			f.ann.Name, f.bob.Name = "a2", "b2"
			must(t, inner.Rollback(f.ctx))
			if f.ann.Name != "a1" || f.bob.Name != "bob" {
				t.Errorf("after the inner rollback ann=%q bob=%q; want a1, bob", f.ann.Name, f.bob.Name)
			}
			deeper, err := f.s.BeginNested(f.ctx)
			must(t, err)
			f.bob.Name = "b3"
			must(t, outer.Rollback(f.ctx)) // ends deeper too
			if deeper.IsActive() || f.ann.Name != "ann" || f.bob.Name != "bob" {
				t.Errorf("after the outer rollback: deeper active %v, ann=%q bob=%q", deeper.IsActive(), f.ann.Name, f.bob.Name)
			}
			if err := deeper.Commit(f.ctx); !errors.Is(err, orm.ErrTxDone) {
				t.Errorf("commit of an ended savepoint = %v, want ErrTxDone", err)
			}
			must(t, f.s.Commit(f.ctx))
		}},
		{"failed flush rolls back the savepoint only", func(t *testing.T, f *nestedFixture) {
			must(t, f.s.Add(&User{Name: "u1", Active: true}))
			err := f.s.Nested(f.ctx, func(ctx context.Context) error {
				return f.s.Add(&User{Name: "ann", Active: true}) // unique name taken
			})
			if err == nil {
				t.Fatalf("adding a duplicate name succeeded")
			}
			must(t, f.s.Add(&User{Name: "u3", Active: true}))
			must(t, f.s.Commit(f.ctx))
			got := f.rowNames(t)
			if len(got) != 4 || got[2] != "u1" || got[3] != "u3" {
				t.Errorf("rows = %v, want [ann bob u1 u3]", got)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
				ctx, e, s := seededSession(t, db)
				f := &nestedFixture{ctx: ctx, e: e, s: s}
				f.ann, f.bob = f.userNamed(t, "ann"), f.userNamed(t, "bob")
				f.log = record(t, e)
				c.run(t, f)
			})
		})
	}
}

// TestSessionCommitEndsNestedTransactions: the outer Commit commits what
// was done in an open savepoint and ends it (SQLAlchemy 2.0).
func TestSessionCommitEndsNestedTransactions(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, e, s := seededSession(t, db)
		nt, err := s.BeginNested(ctx)
		must(t, err)
		must(t, s.Add(&User{Name: "inner", Active: true}))
		must(t, s.Commit(ctx))
		if nt.IsActive() {
			t.Errorf("the nested transaction is still active after the session's Commit")
		}
		if err := nt.Rollback(ctx); !errors.Is(err, orm.ErrTxDone) {
			t.Errorf("Rollback of an ended savepoint = %v, want ErrTxDone", err)
		}
		if n, err := orm.Select[User](e).Count(ctx); err != nil || n != 3 {
			t.Errorf("users after commit = %d, %v; want 3", n, err)
		}
	})
}
