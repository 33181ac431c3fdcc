package orm_test

import (
	"context"
	"errors"
	"testing"

	"github.com/flagon-go/flagon/orm"
)

// Cases ported from SQLAlchemy's test/orm/test_expire.py that
// session_expire_fields_test.go does not cover. Go cannot load on an
// attribute read, so "access reloads" is the next query, Get or Refresh
// returning the row.

// renameUser sets a user's name in the database behind the session's back.
func renameUser(t *testing.T, ctx context.Context, s *orm.Session, id int64, name string) {
	t.Helper()
	_, err := orm.Exec(ctx, s, "UPDATE "+userTable(s)+" SET name = ? WHERE id = ?", name, id)
	must(t, err)
}

// userTable returns the user table's name quoted for the session's
// dialect ("user" is a reserved word).
func userTable(s *orm.Session) string {
	b := orm.NewBuilder(s.Dialect())
	b.Ident("user")
	return b.String()
}

func TestSAExpirePort(t *testing.T) {
	runSACases(t, []saCase{
		{"test_expire", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "ann")
			u.Name = "foo"
			s.Expire(u)
			log := record(t, e)
			got, err := orm.Get[User](ctx, s, u.ID)
			must(t, err)
			if got != u || u.Name != "ann" || log.count("SELECT") != 1 {
				t.Errorf("Get of the expired object: Name %q after %d SELECTs, want ann after 1", u.Name, log.count("SELECT"))
			}
			u.Name = "foo"
			must(t, s.Flush(ctx))
			renameUser(t, ctx, s, u.ID, "jack")
			s.Expire(u)
			if u.Name != "foo" {
				t.Errorf("Expire changed the field before a reload: %q", u.Name)
			}
			_, err = orm.Select[User](s).All(ctx)
			must(t, err)
			if u.Name != "jack" {
				t.Errorf("after a query Name = %q, want the row's jack", u.Name)
			}
			log.reset()
			_, err = orm.Get[User](ctx, s, u.ID)
			must(t, err)
			if n := log.count("SELECT"); n != 0 {
				t.Errorf("Get of the reloaded object ran %d SELECTs, want 0", n)
			}
		}},
		{"test_persistence_check", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "ann")
			s.ExpungeAll()
			if err := s.ExpireFields(u, "Name"); err == nil {
				t.Error("ExpireFields of a detached object succeeded")
			}
			if err := s.Refresh(ctx, u); err == nil {
				t.Error("Refresh of a detached object succeeded")
			}
		}},
		{"test_get_refreshes", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "bob")
			s.ExpireAll()
			log := record(t, e)
			_, err := orm.Get[User](ctx, s, u.ID)
			must(t, err)
			if n := log.count("SELECT"); n != 1 {
				t.Errorf("Get of an expired object ran %d SELECTs, want 1", n)
			}
			log.reset()
			_, err = orm.Get[User](ctx, s, u.ID)
			must(t, err)
			if n := log.count("SELECT"); n != 0 {
				t.Errorf("second Get ran %d SELECTs, want 0 (no longer expired)", n)
			}
		}},
		{"test_get_on_deleted_expunges", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "bob")
			s.ExpireAll()
			_, err := orm.Exec(ctx, s, "DELETE FROM "+userTable(s)+" WHERE id = ?", u.ID)
			must(t, err)
			if !s.Contains(u) {
				t.Fatal("object left the session before Get")
			}
			if _, err := orm.Get[User](ctx, s, u.ID); !errors.Is(err, orm.ErrNoRows) {
				t.Fatalf("Get of a deleted row = %v, want ErrNoRows", err)
			}
			if s.Contains(u) {
				t.Error("Get of a row that is gone left the expired object in the session")
			}
		}},
		{"test_refresh_on_deleted_raises", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "bob")
			s.ExpireAll()
			_, err := orm.Exec(ctx, s, "DELETE FROM "+userTable(s)+" WHERE id = ?", u.ID)
			must(t, err)
			if err := s.Refresh(ctx, u); !errors.Is(err, orm.ErrNoRows) {
				t.Errorf("Refresh of a deleted row = %v, want ErrNoRows (ObjectDeletedError)", err)
			}
		}},
		{"test_rollback_undoes_expunge_from_deleted", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "bob")
			s.ExpireAll()
			_, err := orm.Exec(ctx, s, "DELETE FROM "+userTable(s)+" WHERE id = ?", u.ID)
			must(t, err)
			if _, err := orm.Get[User](ctx, s, u.ID); !errors.Is(err, orm.ErrNoRows) {
				t.Fatalf("Get of a deleted row = %v, want ErrNoRows", err)
			}
			must(t, s.Rollback(ctx))
			if !s.Contains(u) || u.Name != "bob" {
				t.Errorf("after rollback: in session %v, Name %q; want true, bob", s.Contains(u), u.Name)
			}
		}},
		{"test_refresh_cancels_expire", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "ann")
			s.Expire(u)
			must(t, s.Refresh(ctx, u))
			log := record(t, e)
			got, err := orm.Get[User](ctx, s, u.ID)
			must(t, err)
			if got.Name != "ann" || log.count("SELECT") != 0 {
				t.Errorf("Get after Refresh: %q with %d SELECTs, want ann with 0", got.Name, log.count("SELECT"))
			}
		}},
		{"test_expire_doesntload_on_set", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "ann")
			must(t, s.ExpireFields(u, "Name"))
			u.Name = "somenewname"
			must(t, s.Commit(ctx))
			if countUsers(t, ctx, e, "somenewname") != 1 {
				t.Error("a field set after ExpireFields was not written")
			}
		}},
		{"test_no_session", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "ann")
			must(t, s.ExpireFields(u, "Name"))
			s.Expunge(u)
			// DetachedInstanceError: a detached object cannot be reloaded
			if err := s.Refresh(ctx, u, "Name"); err == nil {
				t.Error("Refresh of an expired field of a detached object succeeded")
			}
		}},
		{"test_pending_raises", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := &User{ID: 15, Name: "pending"}
			must(t, s.Add(u))
			if err := s.ExpireFields(u, "Name"); err == nil {
				t.Error("ExpireFields of a pending object succeeded")
			}
			if u.Name != "pending" {
				t.Errorf("Name = %q, want pending", u.Name)
			}
		}},
		{"test_expire_preserves_changes", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			p := postTitled(t, ctx, s, "p1")
			s.Expire(p)
			p.Title = "p1 modified"
			_, err := orm.Select[Post](s).All(ctx)
			must(t, err)
			if p.Title != "p1 modified" {
				t.Errorf("reload of an expired object reverted a later change: %q", p.Title)
			}
			p.Views = 15
			must(t, s.ExpireFields(p, "Views", "Title"))
			p.Title = "some new description"
			_, err = orm.Select[Post](s).All(ctx)
			must(t, err)
			if p.Views != 0 || p.Title != "some new description" {
				t.Errorf("Views %d, Title %q; want the row's 0 and the change made after expiring", p.Views, p.Title)
			}
		}},
		{"test_expire_committed", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "ann")
			s.Expire(u)
			renameUser(t, ctx, s, u.ID, "ann modified")
			_, err := orm.Get[User](ctx, s, u.ID)
			must(t, err)
			log := record(t, e)
			must(t, s.Flush(ctx))
			if u.Name != "ann modified" || len(log.stmt) != 0 {
				t.Errorf("Name %q, flush statements %q; want the row's value and nothing to write", u.Name, log.stmt)
			}
		}},
		{"test_expire_all", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			users, err := orm.Select[User](s).OrderBy("id").Options(orm.SelectInLoad("Posts")).All(ctx)
			must(t, err)
			for _, u := range users {
				u.Name += " changed"
			}
			s.ExpireAll()
			again, err := orm.Select[User](s).OrderBy("id").All(ctx)
			must(t, err)
			if len(again) != 2 || again[0] != users[0] || again[0].Name != "ann" || again[1].Name != "bob" {
				t.Errorf("after ExpireAll a query returned %v", again)
			}
			if s.IsModified(users[0]) {
				t.Error("ExpireAll kept an unflushed change")
			}
		}},
		{"test_refresh", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "ann")
			u.Name = "foo"
			must(t, s.Refresh(ctx, u))
			if u.Name != "ann" {
				t.Errorf("Refresh kept the unflushed change: %q", u.Name)
			}
			renameUser(t, ctx, s, u.ID, "jack")
			must(t, s.Refresh(ctx, u))
			if u.Name != "jack" {
				t.Errorf("Refresh Name = %q, want the row's jack", u.Name)
			}
		}},
		{"test_refresh_expired", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "ann")
			s.Expire(u)
			must(t, s.Refresh(ctx, u))
			if u.Name != "ann" {
				t.Errorf("Name = %q, want ann", u.Name)
			}
		}},
		{"test_refresh_persistence_check", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "ann")
			s.ExpungeAll()
			if err := s.Refresh(ctx, u); err == nil {
				t.Error("Refresh of a detached object succeeded")
			}
		}},
		{"test_expired_pending", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "bob")
			must(t, s.Load(ctx, &u.Posts))
			p := &Post{Title: "a2"}
			u.Posts.Append(p)
			_, err := orm.Exec(ctx, s, "INSERT INTO post (author_id, title, views) VALUES (?, ?, 0)", u.ID, "a3")
			must(t, err)
			must(t, s.Flush(ctx))
			// difference: Expire keeps loaded relationships (Go cannot
			// reload on access); Refresh unloads them, so Load queries again
			must(t, s.Refresh(ctx, u))
			must(t, s.Load(ctx, &u.Posts))
			if n := u.Posts.Len(); n != 2 {
				t.Errorf("posts after ExpireAll and Load = %d, want 2", n)
			}
		}},
		{"expire_on_commit", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := userNamed(t, ctx, s, "ann")
			must(t, s.Commit(ctx))
			renameUser(t, ctx, s, u.ID, "changed elsewhere")
			must(t, s.Commit(ctx))
			got, err := orm.Get[User](ctx, s, u.ID)
			must(t, err)
			if got != u || u.Name != "changed elsewhere" {
				t.Errorf("Get after commit: Name %q, want the row's value on the same object", u.Name)
			}
		}},
	})
}

// postTitled loads a post through q.
func postTitled(t *testing.T, ctx context.Context, q orm.Querier, title string) *Post {
	t.Helper()
	p, err := orm.Select[Post](q).FilterBy("Title", title).One(ctx)
	must(t, err)
	return p
}
