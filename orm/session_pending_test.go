package orm_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// pendingUse is one use of a session whose transaction a failed flush
// rolled back; it must fail with ErrPendingRollback.
type pendingUse struct {
	name string
	use  func(ctx context.Context, s *orm.Session, ann *User) error
}

// pendingUses are the ways to use a session, each of which SQLAlchemy
// refuses with PendingRollbackError until rollback().
var pendingUses = []pendingUse{
	{"commit", func(ctx context.Context, s *orm.Session, _ *User) error { return s.Commit(ctx) }},
	{"flush", func(ctx context.Context, s *orm.Session, _ *User) error { return s.Flush(ctx) }},
	{"select_all", func(ctx context.Context, s *orm.Session, _ *User) error {
		_, err := orm.Select[User](s).All(ctx)
		return err
	}},
	{"select_iter", func(ctx context.Context, s *orm.Session, _ *User) error {
		for _, err := range orm.Select[User](s).Iter(ctx) {
			if err != nil {
				return err
			}
		}
		return nil
	}},
	{"count", func(ctx context.Context, s *orm.Session, _ *User) error {
		_, err := orm.Select[User](s).Count(ctx)
		return err
	}},
	{"scalar", func(ctx context.Context, s *orm.Session, _ *User) error {
		_, err := orm.Scalar[int64](ctx, orm.Select[User](s).Columns(orm.Count()))
		return err
	}},
	{"get_in_identity_map", func(ctx context.Context, s *orm.Session, ann *User) error {
		_, err := orm.Get[User](ctx, s, ann.ID)
		return err
	}},
	{"get_not_loaded", func(ctx context.Context, s *orm.Session, _ *User) error {
		_, err := orm.Get[Post](ctx, s, int64(1))
		return err
	}},
	{"raw", func(ctx context.Context, s *orm.Session, _ *User) error {
		_, err := orm.Raw[User](s, "SELECT * FROM "+s.Dialect().Quote("user")).All(ctx)
		return err
	}},
	{"exec", func(ctx context.Context, s *orm.Session, _ *User) error {
		_, err := orm.Exec(ctx, s, "UPDATE post SET views = 1")
		return err
	}},
	{"exec_context", func(ctx context.Context, s *orm.Session, _ *User) error {
		_, err := s.ExecContext(ctx, "UPDATE post SET views = 1")
		return err
	}},
	{"query_context", func(ctx context.Context, s *orm.Session, _ *User) error {
		rows, err := s.QueryContext(ctx, "SELECT 1")
		if err == nil {
			rows.Close()
		}
		return err
	}},
	{"refresh", func(ctx context.Context, s *orm.Session, ann *User) error { return s.Refresh(ctx, ann) }},
	{"load", func(ctx context.Context, s *orm.Session, ann *User) error { return s.Load(ctx, &ann.Posts) }},
	{"bulk_update", func(ctx context.Context, s *orm.Session, _ *User) error {
		_, err := orm.Update[Post](s).Set("Views", 2).Exec(ctx)
		return err
	}},
	{"bulk_delete", func(ctx context.Context, s *orm.Session, _ *User) error {
		_, err := orm.Delete[Tag](s).FilterBy("Name", "db").Exec(ctx)
		return err
	}},
	{"begin_nested", func(ctx context.Context, s *orm.Session, _ *User) error {
		_, err := s.BeginNested(ctx)
		return err
	}},
}

// TestPreserveFlushError ports test_preserve_flush_error: after a flush
// fails, every use of the session (not only Flush and Commit) fails with
// ErrPendingRollback naming the original error, repeatedly, until
// Rollback; then the session works again. Without autoflush, queries
// reach the connection without a flush, which must refuse them too.
// The cases share one database per dialect, each with a new session.
func TestPreserveFlushError(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := blogDB(t, db)
		seedBlog(t, e)
		for _, autoflush := range []bool{true, false} {
			for _, tc := range pendingUses {
				name := tc.name
				if !autoflush {
					name += "_no_autoflush"
				}
				t.Run(name, func(t *testing.T) {
					s := orm.NewSession(e, orm.Autoflush(autoflush))
					defer s.Close(ctx)
					usePendingSession(t, ctx, e, s, tc, name)
				})
			}
		}
	})
}

// usePendingSession fails a flush of s, checks tc's use is refused until
// Rollback and works after it.
func usePendingSession(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session, tc pendingUse, name string) {
	ann := userNamed(t, ctx, s, "ann")
	must(t, s.Add(&User{Name: "ann"}))
	if err := s.Flush(ctx); !errors.Is(err, orm.ErrUniqueViolation) {
		t.Fatalf("flush of a duplicate = %v, want ErrUniqueViolation", err)
	}
	for i := 0; i < 3; i++ {
		err := tc.use(ctx, s, ann)
		if !errors.Is(err, orm.ErrPendingRollback) {
			t.Fatalf("use %d after a failed flush = %v, want ErrPendingRollback", i, err)
		}
		if !strings.Contains(err.Error(), "the flush failed with") {
			t.Errorf("error %q does not name the original exception", err)
		}
	}
	must(t, s.Rollback(ctx))
	if err := tc.use(ctx, s, ann); err != nil {
		t.Fatalf("after Rollback: %v", err)
	}
	must(t, s.Add(&User{Name: name}))
	must(t, s.Commit(ctx))
	if countUsers(t, ctx, e, name) != 1 {
		t.Errorf("commit after Rollback did not write")
	}
}
