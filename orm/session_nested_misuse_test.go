package orm_test

import (
	"context"
	"errors"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// TestNestedTransactionMisuse uses nested transactions out of order: each
// misuse is a clear error (ErrTxDone for an ended one), never a panic, and
// leaves the session usable.
func TestNestedTransactionMisuse(t *testing.T) {
	cases := []struct {
		name string
		run  func(ctx context.Context, s *orm.Session) error
		want error // the misuse's error, matched with errors.Is; nil: any non-nil error
	}{
		{"rollback twice", func(ctx context.Context, s *orm.Session) error {
			nt, err := s.BeginNested(ctx)
			if err != nil {
				return nil
			}
			if err := nt.Rollback(ctx); err != nil {
				return nil
			}
			return nt.Rollback(ctx)
		}, orm.ErrTxDone},
		{"commit after rollback", func(ctx context.Context, s *orm.Session) error {
			nt, _ := s.BeginNested(ctx)
			_ = nt.Rollback(ctx)
			return nt.Commit(ctx)
		}, orm.ErrTxDone},
		{"commit twice", func(ctx context.Context, s *orm.Session) error {
			nt, _ := s.BeginNested(ctx)
			_ = nt.Commit(ctx)
			return nt.Commit(ctx)
		}, orm.ErrTxDone},
		{"commit after the session's commit", func(ctx context.Context, s *orm.Session) error {
			nt, _ := s.BeginNested(ctx)
			_ = s.Commit(ctx)
			return nt.Commit(ctx)
		}, orm.ErrTxDone},
		{"rollback after the session closed", func(ctx context.Context, s *orm.Session) error {
			nt, _ := s.BeginNested(ctx)
			_ = s.Close(ctx)
			return nt.Rollback(ctx)
		}, orm.ErrTxDone},
		{"old savepoint after close leaves a new one open", func(ctx context.Context, s *orm.Session) error {
			old, _ := s.BeginNested(ctx)
			_ = s.Close(ctx)
			fresh, _ := s.BeginNested(ctx)
			err := old.Rollback(ctx)
			if !fresh.IsActive() {
				return errors.New("the new savepoint ended")
			}
			return err
		}, orm.ErrTxDone},
		{"inner commit after the outer rollback", func(ctx context.Context, s *orm.Session) error {
			outer, _ := s.BeginNested(ctx)
			inner, _ := s.BeginNested(ctx)
			_ = outer.Rollback(ctx)
			return inner.Commit(ctx)
		}, orm.ErrTxDone},
		{"nil nested transaction", func(ctx context.Context, s *orm.Session) error {
			var nt *orm.NestedTransaction // as BeginNested returns with an error
			if nt.IsActive() {
				return errors.New("nil is active")
			}
			if err := nt.Commit(ctx); !errors.Is(err, orm.ErrTxDone) {
				return err
			}
			return nt.Rollback(ctx)
		}, orm.ErrTxDone},
		{"Nested whose function commits the session", func(ctx context.Context, s *orm.Session) error {
			return s.Nested(ctx, func(ctx context.Context) error { return s.Commit(ctx) })
		}, orm.ErrTxDone},
		{"Nested without a function", func(ctx context.Context, s *orm.Session) error {
			return s.Nested(ctx, nil)
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
				ctx, e, s := seededSession(t, db)
				err := c.run(ctx, s)
				if err == nil || c.want != nil && !errors.Is(err, c.want) {
					t.Fatalf("err = %v, want %v", err, c.want)
				}
				// The session still works.
				must(t, s.Add(&User{Name: "after", Active: true}))
				must(t, s.Commit(ctx))
				if n, err := orm.Select[User](e).FilterBy("Name", "after").Count(ctx); err != nil || n != 1 {
					t.Fatalf("session after the misuse: %d rows, %v", n, err)
				}
			})
		})
	}
}
