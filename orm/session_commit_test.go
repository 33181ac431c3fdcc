package orm_test

import (
	"context"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// userRow reads a user's row through the engine, outside any session.
func userRow(t *testing.T, e *orm.DB, id int64) *User {
	t.Helper()
	u, err := orm.Get[User](context.Background(), e, id)
	must(t, err)
	return u
}

// TestCommitKeepsObjectsInSession is issue 14 item 1: after Commit the
// objects stay in the session, expired (SQLAlchemy's expire_on_commit),
// so the Flask pattern add, commit, change, commit writes the change.
func TestCommitKeepsObjectsInSession(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, e, s := seededSession(t, db)
		log := record(t, e)
		kim := &User{Name: "kim", Active: true}
		must(t, s.Add(kim))
		must(t, s.Commit(ctx))
		if !s.Contains(kim) {
			t.Fatalf("after Commit the object left the session")
		}
		log.reset()
		kim.Name = "kim2"
		must(t, s.Commit(ctx))
		if n := log.count("UPDATE"); n != 1 {
			t.Errorf("change after commit: %d UPDATEs, want 1 (%v)", n, log.stmt)
		}
		if got := userRow(t, e, kim.ID).Name; got != "kim2" {
			t.Errorf("row after the second commit has name %q, want kim2", got)
		}

		log.reset()
		got, err := orm.SessionGet[User](ctx, s, kim.ID)
		must(t, err)
		if got != kim {
			t.Errorf("SessionGet after commit returned a second object for the row")
		}
		if n := log.count("SELECT"); n != 1 {
			t.Errorf("SessionGet of an expired object ran %d SELECTs, want 1 (the reload)", n)
		}
		log.reset()
		if again, _ := orm.SessionGet[User](ctx, s, kim.ID); again != kim || log.count("SELECT") != 0 {
			t.Errorf("second SessionGet: same pointer %v, %d SELECTs; want true, 0", again == kim, log.count("SELECT"))
		}

		ann, err := orm.Select[User](s).FilterBy("Name", "ann").One(ctx)
		must(t, err)
		must(t, s.Commit(ctx))
		log.reset()
		must(t, s.Load(ctx, &ann.Posts))
		if ann.Posts.Len() != 2 || log.count("SELECT") != 1 {
			t.Errorf("Load after commit: %d posts with %d SELECTs; want 2 with 1", ann.Posts.Len(), log.count("SELECT"))
		}

		must(t, s.Delete(kim))
		must(t, s.Commit(ctx))
		if s.Contains(kim) {
			t.Errorf("a deleted object is still in the session after Commit")
		}
		if _, err := orm.Get[User](ctx, e, kim.ID); err == nil {
			t.Errorf("Delete after commit did not delete the row")
		}
	})
}

// TestCommitExpiresObjectsReloadedByNextQuery checks the reload of an
// expired object: columns changed by another transaction are refreshed,
// columns the user changed since the commit are kept and written.
func TestCommitExpiresObjectsReloadedByNextQuery(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := blogDB(t, db)
		seedBlog(t, e)
		s := orm.NewSession(e, orm.Autoflush(false))
		defer s.Close(ctx)
		ann, err := orm.Select[User](s).FilterBy("Name", "ann").One(ctx)
		must(t, err)
		must(t, s.Commit(ctx))
		_, err = orm.Exec(ctx, e, "UPDATE "+quoteUser(db)+" SET active = ? WHERE id = ?", false, ann.ID)
		must(t, err)
		ann.Name = "ann-local" // changed after the commit, not flushed
		users, err := orm.Select[User](s).OrderBy("ID").All(ctx)
		must(t, err)
		if users[0] != ann {
			t.Fatalf("the query returned a second object for ann's row")
		}
		if ann.Active || ann.Name != "ann-local" {
			t.Errorf("after the reload active=%v name=%q; want the row's false and the local change", ann.Active, ann.Name)
		}
		if !s.IsModified(ann) {
			t.Errorf("the local change is no longer seen as a change")
		}
		must(t, s.Commit(ctx))
		if row := userRow(t, e, ann.ID); row.Name != "ann-local" || row.Active {
			t.Errorf("row = %q active=%v; want ann-local, false", row.Name, row.Active)
		}
	})
}

// TestCommitFlushKeepsUnwrittenColumnsExpired: a flush after a commit
// writes the changed column; the others are still reloaded by the next
// query, as SQLAlchemy's expired attributes are.
func TestCommitFlushKeepsUnwrittenColumnsExpired(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, e, s := seededSession(t, db)
		ann, err := orm.Select[User](s).FilterBy("Name", "ann").One(ctx)
		must(t, err)
		must(t, s.Commit(ctx))
		_, err = orm.Exec(ctx, e, "UPDATE "+quoteUser(db)+" SET active = ? WHERE id = ?", false, ann.ID)
		must(t, err)
		ann.Name = "ann2"
		must(t, s.Flush(ctx))
		if _, err := orm.Select[User](s).All(ctx); err != nil {
			t.Fatal(err)
		}
		if ann.Active || ann.Name != "ann2" {
			t.Errorf("after flush and query active=%v name=%q; want false, ann2", ann.Active, ann.Name)
		}
	})
}

// TestExpireOnCommitFalseKeepsValues: with ExpireOnCommit(false) objects
// stay in the session unexpired and Get needs no query.
func TestExpireOnCommitFalseKeepsValues(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := blogDB(t, db)
		log := record(t, e)
		s := orm.NewSession(e, orm.ExpireOnCommit(false))
		defer s.Close(ctx)
		u := &User{Name: "lee", Active: true}
		must(t, s.Add(u))
		must(t, s.Commit(ctx))
		log.reset()
		if got, err := orm.Get[User](ctx, s, u.ID); err != nil || got != u || log.count("SELECT") != 0 {
			t.Errorf("Get = same %v, %d SELECTs, %v; want the same pointer without SQL", got == u, log.count("SELECT"), err)
		}
		u.Active = false
		must(t, s.Commit(ctx))
		if userRow(t, e, u.ID).Active {
			t.Errorf("change after commit was not written")
		}
	})
}

// TestRollbackAfterCommitRestoresCommittedState: a rollback in the
// transaction after a commit returns objects to the committed values.
func TestRollbackAfterCommitRestoresCommittedState(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, e, s := seededSession(t, db)
		u := &User{Name: "mo", Active: true}
		must(t, s.Add(u))
		must(t, s.Commit(ctx))
		u.Name = "mo2"
		must(t, s.Flush(ctx))
		must(t, s.Rollback(ctx))
		if u.Name != "mo" || !s.Contains(u) || s.IsModified(u) {
			t.Errorf("after rollback name=%q in session %v modified %v; want mo, true, false", u.Name, s.Contains(u), s.IsModified(u))
		}
		if got := userRow(t, e, u.ID).Name; got != "mo" {
			t.Errorf("row name = %q, want mo", got)
		}
	})
}

// PricedItem has a NUMERIC(10,2) price and an onupdate timestamp.
type PricedItem struct {
	ID      int64
	Price   orm.Decimal `orm:"type:numeric(10,2)"`
	Updated *time.Time  `orm:"onupdate:now"`
}

// TestDirtyCheckComparesDecimalValues is issue 14 item 4: 10.50 loaded
// and set to 10.5 is no change (no UPDATE, onupdate not bumped).
func TestDirtyCheckComparesDecimalValues(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := openDB(t, db)
		md := orm.NewMetaData()
		must(t, md.Register(PricedItem{}))
		must(t, md.CreateAll(ctx, e))
		seed := orm.NewSession(e)
		must(t, seed.Add(&PricedItem{Price: orm.MustDecimal("10.50")}))
		must(t, seed.Commit(ctx))
		must(t, seed.Close(ctx))

		log := record(t, e)
		s := orm.NewSession(e)
		defer s.Close(ctx)
		it, err := orm.Select[PricedItem](s).One(ctx)
		must(t, err)
		cases := []struct {
			name    string
			price   string
			updates int
		}{
			{"same value, other scale", "10.5", 0},
			{"same value, more digits", "10.5000", 0},
			{"different value", "10.51", 1},
		}
		for _, c := range cases {
			log.reset()
			it.Price = orm.MustDecimal(c.price)
			if s.IsModified(it) != (c.updates > 0) {
				t.Errorf("%s: IsModified = %v", c.name, s.IsModified(it))
			}
			must(t, s.Flush(ctx))
			if n := log.count("UPDATE"); n != c.updates {
				t.Errorf("%s: %d UPDATEs, want %d (%v)", c.name, n, c.updates, log.stmt)
			}
			if c.updates == 0 && it.Updated != nil {
				t.Errorf("%s: onupdate column was bumped", c.name)
			}
		}
	})
}

// TestExpiredObjectRefreshedFromPartialRawRow: a hand-written query that
// selects some columns refreshes only those of an expired object; the
// others keep their values and are refreshed by the next full load.
func TestExpiredObjectRefreshedFromPartialRawRow(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, e, s := seededSession(t, db)
		ann, err := orm.Select[User](s).FilterBy("Name", "ann").One(ctx)
		must(t, err)
		must(t, s.Commit(ctx))
		_, err = orm.Exec(ctx, e, "UPDATE "+quoteUser(db)+" SET name = ?, active = ? WHERE id = ?", "ann2", false, ann.ID)
		must(t, err)
		got, err := orm.Raw[User](s, "SELECT id, name FROM "+quoteUser(db)+" WHERE id = ?", ann.ID).One(ctx)
		must(t, err)
		if got != ann || ann.Name != "ann2" || !ann.Active {
			t.Errorf("after a partial row: same %v, name %q, active %v; want ann2 and active left alone", got == ann, ann.Name, ann.Active)
		}
		if _, err := orm.Select[User](s).All(ctx); err != nil {
			t.Fatal(err)
		}
		if ann.Active {
			t.Errorf("the next full load did not refresh active")
		}
		if s.IsModified(ann) {
			t.Errorf("refreshed object reads as modified")
		}
	})
}
