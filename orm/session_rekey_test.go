package orm_test

import (
	"context"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// NpUser, NpAddress and NpKeyAddress are the tables of SQLAlchemy's
// test_naturalpks.py (NaturalPKTest and CascadeToFKPKTest): string
// primary keys, foreign keys with ON UPDATE CASCADE.
type (
	NpUser struct {
		Username  string                 `orm:"pk;size:50"`
		Fullname  string                 `orm:"size:100"`
		Addresses orm.Many[NpAddress]    `orm:"foreign_key:Username;order_by:email"`
		Keyed     orm.Many[NpKeyAddress] `orm:"foreign_key:Username;order_by:email"`
	}
	NpAddress struct {
		Email    string          `orm:"pk;size:50"`
		Username *string         `orm:"fk:np_user.username;fk_onupdate:CASCADE;size:50"`
		User     orm.One[NpUser] `orm:"foreign_key:Username"`
	}
	// NpKeyAddress's foreign key is part of its primary key.
	NpKeyAddress struct {
		Username string `orm:"pk;fk:np_user.username;fk_onupdate:CASCADE;size:50"`
		Email    string `orm:"pk;size:50"`
		Etc      string `orm:"size:50"`
	}
)

// naturalDB opens db with the natural primary key tables.
func naturalDB(t *testing.T, db dbtest.DB) *orm.DB {
	t.Helper()
	e := openDB(t, db)
	md := orm.NewMetaData()
	must(t, md.Register(NpUser{}, NpAddress{}, NpKeyAddress{}))
	must(t, md.CreateAll(context.Background(), e))
	return e
}

// TestNaturalPKCascade ports test_naturalpks.py's passive_updates=True
// cases: after a flush changes a primary key, the session's objects whose
// foreign keys pointed at it hold the new key, without SQL for them (the
// database's ON UPDATE CASCADE changed their rows).
func TestNaturalPKCascade(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := naturalDB(t, db)
		ctx := context.Background()
		var sent int
		defer e.OnStatement(func(ev orm.StatementEvent) {
			if ev.SQL != "BEGIN" && ev.SQL != "COMMIT" { // SQLite begins at the first write
				sent++
			}
		})()
		flushCount := func(t *testing.T, s *orm.Session) int {
			t.Helper()
			sent = 0
			must(t, s.Flush(ctx))
			return sent
		}
		username := func(a *NpAddress) string {
			if a.Username == nil {
				return "<nil>"
			}
			return *a.Username
		}
		tests := []struct {
			name string
			run  func(t *testing.T, s *orm.Session)
		}{
			{"test_onetomany_passive", func(t *testing.T, s *orm.Session) {
				u1 := &NpUser{Username: "jack", Fullname: "jack",
					Addresses: orm.ManyOf(&NpAddress{Email: "jack1"}, &NpAddress{Email: "jack2"})}
				must(t, s.Add(u1))
				must(t, s.Flush(ctx))
				if got, err := orm.Get[NpAddress](ctx, s, "jack1"); err != nil || got != u1.Addresses.Items()[0] {
					t.Fatalf("Get jack1 = %v, %v", got, err)
				}
				u1.Username = "ed"
				if n := flushCount(t, s); n != 1 {
					t.Errorf("flush sent %d statements, want 1 (the user's UPDATE)", n)
				}
				for _, a := range u1.Addresses.Items() {
					if username(a) != "ed" {
						t.Errorf("%s.Username = %s, want ed", a.Email, username(a))
					}
					if s.IsModified(a) {
						t.Errorf("%s is modified after the cascade", a.Email)
					}
				}
				if n := flushCount(t, s); n != 0 {
					t.Errorf("second flush sent %d statements, want 0", n)
				}
				must(t, s.Commit(ctx))
				s.ExpungeAll()
				addrs, err := orm.Select[NpAddress](s).OrderBy("email").All(ctx)
				must(t, err)
				if len(addrs) != 2 || username(addrs[0]) != "ed" || username(addrs[1]) != "ed" {
					t.Errorf("rows after the cascade: %v", addrs)
				}
				u1, err = orm.Get[NpUser](ctx, s, "ed")
				must(t, err)
				must(t, s.Load(ctx, &u1.Addresses))
				u1.Username = "jack"
				if n := flushCount(t, s); n != 1 {
					t.Errorf("flush sent %d statements, want 1", n)
				}
				if a := u1.Addresses.Items()[0]; username(a) != "jack" {
					t.Errorf("after the second change %s.Username = %s, want jack", a.Email, username(a))
				}
			}},
			{"test_manytoone_passive", func(t *testing.T, s *orm.Session) {
				u1 := &NpUser{Username: "jack", Fullname: "jack"}
				a1 := &NpAddress{Email: "jack1", User: orm.OneOf(u1)}
				a2 := &NpAddress{Email: "jack2", User: orm.OneOf(u1)}
				a3 := &NpAddress{Email: "fred"}
				must(t, s.AddAll(a1, a2, a3))
				must(t, s.Flush(ctx))
				u1.Username = "ed"
				if n := flushCount(t, s); n != 1 {
					t.Errorf("flush sent %d statements, want 1", n)
				}
				if n := flushCount(t, s); n != 0 {
					t.Errorf("second flush sent %d statements, want 0", n)
				}
				if username(a1) != "ed" || username(a2) != "ed" || a3.Username != nil {
					t.Errorf("usernames = %s %s %s, want ed ed <nil>", username(a1), username(a2), username(a3))
				}
				must(t, s.Commit(ctx))
				if n, _ := orm.Select[NpAddress](e).FilterBy("Username", "ed").Count(ctx); n != 2 {
					t.Errorf("rows pointing at ed = %d, want 2", n)
				}
			}},
			{"test_onetoone_passive unloaded relationship", func(t *testing.T, s *orm.Session) {
				u1 := &NpUser{Username: "jack", Fullname: "jack"}
				must(t, s.Add(u1))
				must(t, s.Flush(ctx))
				jack := "jack"
				a1 := &NpAddress{Email: "jack1", Username: &jack}
				must(t, s.Add(a1))
				must(t, s.Commit(ctx))
				s.ExpungeAll()
				u, err := orm.Get[NpUser](ctx, s, "jack")
				must(t, err)
				a, err := orm.Get[NpAddress](ctx, s, "jack1") // no relationship loaded
				must(t, err)
				u.Username = "ed"
				if n := flushCount(t, s); n != 1 {
					t.Errorf("flush sent %d statements, want 1", n)
				}
				if username(a) != "ed" {
					t.Errorf("a.Username = %s, want ed", username(a))
				}
				must(t, s.Commit(ctx))
			}},
			{"a child's own change is kept", func(t *testing.T, s *orm.Session) {
				u1 := &NpUser{Username: "jack"}
				u2 := &NpUser{Username: "fred"}
				a1 := &NpAddress{Email: "jack1", User: orm.OneOf(u1)}
				must(t, s.AddAll(u1, u2, a1))
				must(t, s.Commit(ctx))
				u1.Username = "ed"
				fred := "fred"
				a1.Username = &fred // moved to fred in the same flush
				a1.User.Set(u2)
				must(t, s.Commit(ctx))
				if username(a1) != "fred" {
					t.Errorf("a1.Username = %s, want fred", username(a1))
				}
				if n, _ := orm.Select[NpAddress](e).FilterBy("Username", "fred").Count(ctx); n != 1 {
					t.Errorf("a1's row does not point at fred")
				}
			}},
			{"CascadeToFKPKTest test_onetomany_passive", func(t *testing.T, s *orm.Session) {
				u1 := &NpUser{Username: "jack", Keyed: orm.ManyOf(&NpKeyAddress{Email: "jack1"}, &NpKeyAddress{Email: "jack2"})}
				must(t, s.Add(u1))
				must(t, s.Flush(ctx))
				a1 := u1.Keyed.Items()[0]
				u1.Username = "ed"
				if n := flushCount(t, s); n != 1 {
					t.Errorf("flush sent %d statements, want 1", n)
				}
				if a1.Username != "ed" {
					t.Errorf("a1.Username = %s, want ed", a1.Username)
				}
				got, err := orm.Get[NpKeyAddress](ctx, s, "ed", "jack1")
				must(t, err)
				if got != a1 {
					t.Errorf("Get(ed, jack1) is not the moved object")
				}
				a1.Etc = "x" // written by its new key
				must(t, s.Commit(ctx))
				if n, _ := orm.Select[NpKeyAddress](e).FilterBy("Username", "ed", "Etc", "x").Count(ctx); n != 1 {
					t.Errorf("change after the key cascade not written")
				}
			}},
			{"rollback restores the old key", func(t *testing.T, s *orm.Session) {
				u1 := &NpUser{Username: "jack", Addresses: orm.ManyOf(&NpAddress{Email: "jack1"})}
				must(t, s.Add(u1))
				must(t, s.Commit(ctx))
				u1.Username = "ed"
				must(t, s.Flush(ctx))
				must(t, s.Rollback(ctx))
				if a := u1.Addresses.Items()[0]; username(a) != "jack" {
					t.Errorf("after rollback a.Username = %s, want jack", username(a))
				}
			}},
		}
		for _, tc := range tests {
			for _, q := range []string{"DELETE FROM np_address", "DELETE FROM np_key_address", "DELETE FROM np_user"} {
				_, err := e.ExecContext(ctx, q)
				must(t, err)
			}
			t.Run(tc.name, func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				tc.run(t, s)
			})
		}
	})
}

// NpLooseAddress references NpUser with ON UPDATE SET NULL, not CASCADE.
type NpLooseAddress struct {
	Email    string  `orm:"pk;size:50"`
	Username *string `orm:"fk:np_user.username;fk_onupdate:SET NULL;size:50"`
}

// TestNaturalPKNoCascade checks that a changed primary key is copied into
// referencing objects only through a foreign key declared ON UPDATE
// CASCADE: with SET NULL the database nulls the row and the object keeps
// its loaded value, never the new key the row does not hold.
func TestNaturalPKNoCascade(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := openDB(t, db)
		ctx := context.Background()
		md := orm.NewMetaData()
		must(t, md.Register(NpUser{}, NpAddress{}, NpKeyAddress{}, NpLooseAddress{}))
		must(t, md.CreateAll(ctx, e))
		jack := "jack"
		tests := []struct {
			name     string
			row      string
			wantSelf string
		}{
			{"ON UPDATE SET NULL leaves the object", "loose1,<nil>", "jack"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				u := &NpUser{Username: "jack"}
				a := &NpLooseAddress{Email: "loose1", Username: &jack}
				must(t, s.AddAll(u, a))
				must(t, s.Flush(ctx))
				u.Username = "ed"
				must(t, s.Flush(ctx))
				if a.Username == nil || *a.Username != tc.wantSelf {
					t.Errorf("a.Username = %v, want %s", a.Username, tc.wantSelf)
				}
				must(t, s.Commit(ctx))
				if got := rows(t, e, "SELECT email, username FROM np_loose_address"); got != tc.row {
					t.Errorf("row = %q, want %q", got, tc.row)
				}
			})
		}
	})
}
