package orm_test

import (
	"context"
	"errors"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// TestAddDelete ports test_add_delete and test_plain_delete: Delete of
// an object without a row (transient, or pending: added, never flushed)
// fails with ErrNotPersisted ("Instance is not persisted") and leaves the
// session as it was; Delete of a persistent object (loaded, or flushed in
// this transaction) deletes its row at commit.
func TestAddDelete(t *testing.T) {
	cases := []struct {
		name      string
		prepare   func(t *testing.T, ctx context.Context, s *orm.Session) *User
		wantErr   error
		inSession bool  // Contains after the Delete
		rowsAfter int64 // rows named "u1" after Commit
	}{
		{"transient", func(t *testing.T, ctx context.Context, s *orm.Session) *User {
			return &User{Name: "u1"}
		}, orm.ErrNotPersisted, false, 0},
		{"pending", func(t *testing.T, ctx context.Context, s *orm.Session) *User {
			u := &User{Name: "u1"}
			must(t, s.Add(u))
			return u
		}, orm.ErrNotPersisted, true, 1},
		{"detached", func(t *testing.T, ctx context.Context, s *orm.Session) *User {
			u := &User{Name: "u1"}
			must(t, s.Add(u))
			must(t, s.Commit(ctx))
			s.Expunge(u)
			return u
		}, orm.ErrNotPersisted, false, 1},
		{"flushed_pending", func(t *testing.T, ctx context.Context, s *orm.Session) *User {
			u := &User{Name: "u1"}
			must(t, s.Add(u))
			must(t, s.Flush(ctx))
			return u
		}, nil, true, 0},
		{"persistent", func(t *testing.T, ctx context.Context, s *orm.Session) *User {
			u := &User{Name: "u1"}
			must(t, s.Add(u))
			must(t, s.Commit(ctx))
			u, err := orm.Select[User](s).FilterBy("Name", "u1").One(ctx)
			must(t, err)
			return u
		}, nil, true, 0},
		{"deleted_twice", func(t *testing.T, ctx context.Context, s *orm.Session) *User {
			u := &User{Name: "u1"}
			must(t, s.Add(u))
			must(t, s.Commit(ctx))
			must(t, s.Delete(u))
			return u
		}, nil, true, 0},
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := blogDB(t, db)
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				_, err := orm.Delete[User](e).FilterBy("Name", "u1").Exec(ctx)
				must(t, err)
				s := e.Session()
				defer s.Close(ctx)
				u := tc.prepare(t, ctx, s)
				err = s.Delete(u)
				if !errors.Is(err, tc.wantErr) || (err == nil) != (tc.wantErr == nil) {
					t.Fatalf("Delete = %v, want %v", err, tc.wantErr)
				}
				if got := s.Contains(u); got != tc.inSession {
					t.Errorf("Contains after Delete = %v, want %v", got, tc.inSession)
				}
				must(t, s.Commit(ctx))
				if got := countUsers(t, ctx, e, "u1"); got != tc.rowsAfter {
					t.Errorf("rows after commit = %d, want %d", got, tc.rowsAfter)
				}
			})
		}
	})
}
