package orm_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

func TestSessionEventsAndChangeList(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, _, s := seededSession(t, db)
		var events []string
		s.OnBeforeFlush(func(ctx context.Context, s *orm.Session) error { events = append(events, "before_flush"); return nil })
		s.OnAfterFlush(func(ctx context.Context, s *orm.Session) error { events = append(events, "after_flush"); return nil })
		s.OnBeforeCommit(func(ctx context.Context, s *orm.Session, ch []orm.Change) error {
			events = append(events, fmt.Sprintf("before_commit:%d", len(ch)))
			return nil
		})
		var committed []orm.Change
		s.OnAfterCommit(func(ctx context.Context, s *orm.Session, ch []orm.Change) {
			events = append(events, "after_commit")
			committed = ch
		})
		s.OnAfterRollback(func(ctx context.Context, s *orm.Session) { events = append(events, "after_rollback") })
		ann, err := orm.Select[User](s).FilterBy("Name", "ann").One(ctx)
		must(t, err)
		bob, err := orm.Select[User](s).FilterBy("Name", "bob").One(ctx)
		must(t, err)
		ann.Name = "ann2"
		must(t, s.Delete(bob))
		eve := &User{Name: "eve", Active: true}
		must(t, s.Add(eve))
		must(t, s.Commit(ctx))
		want := "before_flush,after_flush,before_commit:3,after_commit"
		if got := strings.Join(events, ","); got != want {
			t.Errorf("events = %s, want %s", got, want)
		}
		ops := map[any]orm.ChangeOp{}
		for _, c := range committed {
			ops[c.Object] = c.Op
		}
		if ops[eve] != orm.OpInsert || ops[ann] != orm.OpUpdate || ops[bob] != orm.OpDelete || len(committed) != 3 {
			t.Errorf("models_committed list = %v; want eve insert, ann update, bob delete", committed)
		}
		if len(s.Changes()) != 0 {
			t.Errorf("change list after commit = %v, want empty", s.Changes())
		}
		events = nil
		must(t, s.Rollback(ctx))
		if strings.Join(events, ",") != "after_rollback" {
			t.Errorf("events on rollback = %v", events)
		}
	})
}

func TestSessionAutoflushAndExpireOnCommit(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := blogDB(t, db)
		s := orm.NewSession(e)
		defer s.Close(ctx)
		must(t, s.Add(&User{Name: "fay", Active: true}))
		n, err := orm.Select[User](s).Count(ctx)
		must(t, err)
		if n != 1 {
			t.Errorf("count through the session = %d, want 1 (autoflush)", n)
		}
		off := orm.NewSession(e, orm.Autoflush(false))
		defer off.Close(ctx)
		must(t, s.Commit(ctx))
		must(t, off.Add(&User{Name: "gus", Active: true}))
		if n, _ := orm.Select[User](off).Count(ctx); n != 1 {
			t.Errorf("count with autoflush off = %d, want 1 (gus not flushed)", n)
		}
		must(t, off.Rollback(ctx))
		keep := orm.NewSession(e, orm.ExpireOnCommit(false))
		defer keep.Close(ctx)
		fay, err := orm.Select[User](keep).One(ctx)
		must(t, err)
		must(t, keep.Commit(ctx))
		again, err := orm.Get[User](ctx, keep, fay.ID)
		must(t, err)
		if again != fay {
			t.Errorf("with ExpireOnCommit(false) the object stays in the identity map")
		}
		must(t, s.Close(ctx))
		s2 := orm.NewSession(e)
		defer s2.Close(ctx)
		first, err := orm.Get[User](ctx, s2, fay.ID)
		must(t, err)
		must(t, s2.Commit(ctx))
		if !s2.Contains(first) {
			t.Errorf("after Commit (expire_on_commit) the object left the session; SQLAlchemy keeps it, expired")
		}
		detach := orm.NewSession(e, orm.DetachOnCommit())
		defer detach.Close(ctx)
		d, err := orm.Get[User](ctx, detach, fay.ID)
		must(t, err)
		must(t, detach.Commit(ctx))
		if detach.Contains(d) {
			t.Errorf("with DetachOnCommit the object is still in the session after Commit")
		}
	})
}

func TestSessionExpungeMergeRefresh(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, _, s := seededSession(t, db)
		ann, err := orm.Select[User](s).FilterBy("Name", "ann").One(ctx)
		must(t, err)
		detached := &User{ID: ann.ID, Name: "merged", Active: true}
		merged, err := orm.Merge(ctx, s, detached)
		must(t, err)
		if merged != ann || ann.Name != "merged" || s.Contains(detached) {
			t.Errorf("Merge returned %p (ann %p), name %q; want ann's pointer with the merged name", merged, ann, ann.Name)
		}
		ann.Name = "unsaved"
		must(t, s.Refresh(ctx, ann))
		if ann.Name != "ann" || s.IsModified(ann) {
			t.Errorf("after Refresh name = %q, modified %v; want ann, false", ann.Name, s.IsModified(ann))
		}
		s.Expunge(ann)
		if s.Contains(ann) {
			t.Errorf("expunged object still in the session")
		}
		other, err := orm.Get[User](ctx, s, ann.ID)
		must(t, err)
		if other == ann {
			t.Errorf("Get after Expunge returned the expunged pointer")
		}
		s.Expire(other)
		_, err = orm.Exec(ctx, s, "UPDATE "+quoteUser(db)+" SET name = ? WHERE id = ?", "renamed", other.ID)
		must(t, err)
		if _, err := orm.Select[User](s).All(ctx); err != nil {
			t.Fatal(err)
		}
		if other.Name != "renamed" {
			t.Errorf("expired object after a query = %q, want the new row value", other.Name)
		}
	})
}

// quoteUser returns the quoted user table name for raw SQL.
func quoteUser(db dbtest.DB) string {
	if db.Name == "mysql" {
		return "`user`"
	}
	return `"user"`
}

func TestSessionFailedFlushRollsBack(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, e, s := seededSession(t, db)
		dup := &User{Name: "ann", Active: true}
		must(t, s.Add(dup))
		if err := s.Flush(ctx); !errors.Is(err, orm.ErrUniqueViolation) {
			t.Fatalf("duplicate insert = %v, want ErrUniqueViolation", err)
		}
		if s.Contains(dup) || dup.ID != 0 {
			t.Errorf("after the failed flush the new object is in the session or has an id")
		}
		must(t, s.Add(&User{Name: "new", Active: true}))
		if err := s.Commit(ctx); !errors.Is(err, orm.ErrPendingRollback) {
			t.Fatalf("commit after a failed flush = %v, want ErrPendingRollback until Rollback", err)
		}
		must(t, s.Rollback(ctx))
		must(t, s.Add(&User{Name: "new", Active: true}))
		must(t, s.Commit(ctx))
		if n, _ := orm.Select[User](e).Count(ctx); n != 3 {
			t.Errorf("users = %d, want 3: the session is usable after a failed flush", n)
		}
	})
}

func TestSessionBadInput(t *testing.T) {
	ctx := context.Background()
	e := blogDB(t, dbtest.SQLite(t))
	s := orm.NewSession(e)
	defer s.Close(ctx)
	tests := []struct {
		name string
		err  error
	}{
		{"add a non-pointer", s.Add(User{})},
		{"add nil", s.Add((*User)(nil))},
		{"delete an unknown object", s.Delete(&User{ID: 1})},
		{"load a detached object", orm.Load(ctx, s, &User{}, "Posts")},
		{"load a non-relationship field", s.Load(ctx, new(int))},
	}
	for _, tt := range tests {
		if tt.err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}

func TestSessionsShareAnEngineConcurrently(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := blogDB(t, db)
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for i := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s := orm.NewSession(e) // one session per goroutine
				defer s.Close(ctx)
				u := &User{Name: fmt.Sprintf("w%d", i), Active: true, Posts: orm.ManyOf(&Post{Title: "t"})}
				if err := s.Add(u); err != nil {
					errs <- err
					return
				}
				errs <- s.Commit(ctx)
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Error(err)
			}
		}
		if n, _ := orm.Select[Post](e).Count(ctx); n != 8 {
			t.Errorf("posts = %d, want 8", n)
		}
	})
}

func TestSessionReentrantFlushIsRefused(t *testing.T) {
	ctx := context.Background()
	e := blogDB(t, dbtest.SQLite(t))
	s := orm.NewSession(e)
	defer s.Close(ctx)
	var inner error
	s.OnAfterFlush(func(ctx context.Context, s *orm.Session) error {
		inner = s.Commit(ctx) // e.g. from another goroutine, or a hook
		return nil
	})
	must(t, s.Add(&User{Name: "x", Active: true}))
	must(t, s.Flush(ctx))
	if !errors.Is(inner, orm.ErrSessionBusy) {
		t.Errorf("Commit during a flush = %v, want ErrSessionBusy", inner)
	}
}
