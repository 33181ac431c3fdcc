package orm_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// The fixtures of SQLAlchemy's test/orm/test_dynamic.py: users with
// dynamic addresses, orders with dynamic items through order_items, and
// a list whose entries cascade all, delete-orphan.
type (
	DUser struct {
		ID        int64
		Name      string                `orm:"size:30"`
		Addresses orm.Dynamic[DAddress] `orm:"back_populates:User;order_by:id" json:"-"`
	}
	DAddress struct {
		ID           int64
		UserID       *int64         `orm:"fk:d_user.id"`
		EmailAddress string         `orm:"size:50"`
		User         orm.One[DUser] `orm:"back_populates:Addresses"`
	}
	DOrder struct {
		ID          int64
		Description string             `orm:"size:30"`
		Items       orm.Dynamic[DItem] `orm:"secondary:d_order_item;order_by:id"`
	}
	DItem struct {
		ID          int64
		Description string `orm:"size:30"`
	}
	DOrderItem struct {
		DOrderID int64 `orm:"pk;fk:d_order.id;ondelete:CASCADE"`
		DItemID  int64 `orm:"pk;fk:d_item.id;ondelete:CASCADE"`
	}
	DList struct {
		ID      int64
		Name    string              `orm:"size:30"`
		Entries orm.Dynamic[DEntry] `orm:"cascade:all,delete-orphan"`
	}
	DEntry struct {
		ID      int64
		DListID *int64 `orm:"fk:d_list.id"`
		Name    string `orm:"size:30"`
	}
	// DBoard's pins have no save-update cascade: new pins must be added
	// to the session by hand.
	DBoard struct {
		ID   int64
		Name string            `orm:"size:30"`
		Pins orm.Dynamic[DPin] `orm:"cascade:none"`
	}
	DPin struct {
		ID       int64
		DBoardID *int64 `orm:"fk:d_board.id"`
	}
)

// dynamicDB creates the fixtures' tables and rows: jack (1) has one
// address, ed (2) three, fred (3) one, chuck (4) none; order 1 holds
// items 1 and 2, order 2 item 3; list "todo" has entries a and b.
func dynamicDB(t *testing.T, db dbtest.DB) *orm.DB {
	t.Helper()
	e := openDB(t, db)
	md := orm.NewMetaData()
	must(t, md.Register(DUser{}, DAddress{}, DOrder{}, DItem{}, DOrderItem{}, DList{}, DEntry{}, DBoard{}, DPin{}))
	ctx := context.Background()
	must(t, md.CreateAll(ctx, e))
	s := orm.NewSession(e)
	defer s.Close(ctx)
	users := map[string][]string{"jack": {"jack@bean.com"}, "ed": {"ed@wood.com", "ed@bettyboop.com", "ed@lala.com"}, "fred": {"fred@fred.com"}, "chuck": nil}
	for _, name := range []string{"jack", "ed", "fred", "chuck"} {
		u := &DUser{Name: name}
		for _, a := range users[name] {
			u.Addresses.Add(&DAddress{EmailAddress: a})
		}
		must(t, s.Add(u))
	}
	items := []*DItem{{Description: "item 1"}, {Description: "item 2"}, {Description: "item 3"}}
	o1, o2 := &DOrder{Description: "order 1"}, &DOrder{Description: "order 2"}
	o1.Items.Add(items[0], items[1])
	o2.Items.Add(items[2])
	l := &DList{Name: "todo"}
	l.Entries.Add(&DEntry{Name: "a"}, &DEntry{Name: "b"})
	must(t, s.AddAll(o1, o2, l))
	must(t, s.Commit(ctx))
	return e
}

// emails returns the addresses' email addresses.
func emails(as []*DAddress) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.EmailAddress
	}
	return out
}

// descriptions returns the items' descriptions.
func descriptions(is []*DItem) []string {
	out := make([]string, len(is))
	for i, it := range is {
		out[i] = it.Description
	}
	return out
}

// getT reads the row of T with key id through q, failing the test if it
// cannot.
func getT[T any](t *testing.T, q orm.Querier, id int64) *T {
	t.Helper()
	obj, err := orm.Get[T](context.Background(), q, id)
	if err != nil {
		t.Fatal(err)
	}
	return obj
}

// allOf runs the query, failing the test on an error.
func allOf[T any](t *testing.T, q *orm.SelectQuery[T]) []*T {
	t.Helper()
	out, err := q.All(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// countOf counts the query's rows, failing the test on an error.
func countOf[T any](t *testing.T, q *orm.SelectQuery[T]) int64 {
	t.Helper()
	n, err := q.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestDynamicRelationships(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := dynamicDB(t, db)
		ctx := context.Background()
		tests := []struct {
			name string
			run  func(t *testing.T, s *orm.Session)
		}{
			{"test_basic", func(t *testing.T, s *orm.Session) {
				jack := getT[DUser](t, s, 1)
				check(t, emails(allOf(t, jack.Addresses.Query(s))), []string{"jack@bean.com"})
			}},
			{"test_count", func(t *testing.T, s *orm.Session) {
				ed := getT[DUser](t, s, 2)
				check(t, countOf(t, ed.Addresses.Query(s)), 3)
				check(t, countOf(t, getT[DUser](t, s, 4).Addresses.Query(s)), 0)
			}},
			{"test_filter", func(t *testing.T, s *orm.Session) {
				ed := getT[DUser](t, s, 2)
				got := allOf(t, ed.Addresses.Query(s).Where(orm.C("email_address").Eq("ed@wood.com")))
				check(t, emails(got), []string{"ed@wood.com"})
				check(t, countOf(t, ed.Addresses.Query(s).FilterBy("EmailAddress", "jack@bean.com")), 0)
			}},
			{"test_configured_order_by", func(t *testing.T, s *orm.Session) {
				ed := getT[DUser](t, s, 2)
				check(t, emails(allOf(t, ed.Addresses.Query(s))), []string{"ed@wood.com", "ed@bettyboop.com", "ed@lala.com"})
			}},
			{"test_order_by", func(t *testing.T, s *orm.Session) {
				ed := getT[DUser](t, s, 2)
				got := allOf(t, ed.Addresses.Query(s).OrderBy(nil, "-email_address"))
				check(t, emails(got), []string{"ed@wood.com", "ed@lala.com", "ed@bettyboop.com"})
			}},
			{"test_slice_access", func(t *testing.T, s *orm.Session) {
				ed := getT[DUser](t, s, 2)
				check(t, emails(allOf(t, ed.Addresses.Query(s).Limit(1).Offset(1))), []string{"ed@bettyboop.com"})
				first, err := ed.Addresses.Query(s).First(ctx)
				must(t, err)
				check(t, first.EmailAddress, "ed@wood.com")
			}},
			{"test_no_populate", func(t *testing.T, s *orm.Session) {
				for _, opt := range []*orm.LoadOption{orm.SelectInLoad("Addresses"), orm.JoinedLoad("Addresses"), orm.SubqueryLoad("Addresses"), orm.RaiseLoad("Addresses")} {
					_, err := orm.Select[DUser](s).Options(opt).All(ctx)
					if !errors.Is(err, orm.ErrDynamicLoad) {
						t.Errorf("loader option: err = %v, want ErrDynamicLoad", err)
					}
				}
				ed := getT[DUser](t, s, 2)
				if err := s.Load(ctx, &ed.Addresses); !errors.Is(err, orm.ErrDynamicLoad) {
					t.Errorf("Session.Load: err = %v, want ErrDynamicLoad", err)
				}
				if err := orm.LoadAll(ctx, s, []*DUser{ed}, "Addresses"); !errors.Is(err, orm.ErrDynamicLoad) {
					t.Errorf("LoadAll: err = %v, want ErrDynamicLoad", err)
				}
			}},
			{"test_m2m", func(t *testing.T, s *orm.Session) {
				o1 := getT[DOrder](t, s, 1)
				check(t, descriptions(allOf(t, o1.Items.Query(s))), []string{"item 1", "item 2"})
				check(t, countOf(t, o1.Items.Query(s)), 2)
				check(t, descriptions(allOf(t, o1.Items.Query(s).Where(orm.C("d_item.description").Eq("item 2")))), []string{"item 2"})
				check(t, descriptions(allOf(t, getT[DOrder](t, s, 2).Items.Query(s))), []string{"item 3"})
			}},
			{"test_append", func(t *testing.T, s *orm.Session) {
				u := &DUser{Name: "newuser"}
				u.Addresses.Add(&DAddress{EmailAddress: "a1"}, &DAddress{EmailAddress: "a2"})
				must(t, s.Add(u))
				must(t, s.Commit(ctx))
				check(t, emails(allOf(t, u.Addresses.Query(s))), []string{"a1", "a2"})
				u.Addresses.Add(&DAddress{EmailAddress: "a3"})
				// test_autoflush: the query flushes the queued Add first.
				check(t, emails(allOf(t, u.Addresses.Query(s))), []string{"a1", "a2", "a3"})
				must(t, s.Commit(ctx))
				s2 := orm.NewSession(e)
				defer s2.Close(ctx)
				again := getT[DUser](t, s2, u.ID)
				check(t, countOf(t, again.Addresses.Query(s2)), 3)
				a3, err := again.Addresses.Query(s2).Where(orm.C("email_address").Eq("a3")).One(ctx)
				must(t, err)
				check(t, *a3.UserID, u.ID)
			}},
			{"append never loads the collection", func(t *testing.T, s *orm.Session) {
				l := record(t, e)
				ed := getT[DUser](t, s, 2)
				ed.Addresses.Add(&DAddress{EmailAddress: "ed@new.com"})
				must(t, s.Commit(ctx))
				if n := len(l.matching("FROM " + e.Dialect().Quote("d_address"))); n != 0 {
					t.Errorf("%d SELECTs of d_address, want none: %v", n, l.matching("d_address"))
				}
				check(t, countOf(t, ed.Addresses.Query(s)), 4)
				ed.Addresses.Remove(allOf(t, ed.Addresses.Query(s).FilterBy("EmailAddress", "ed@new.com"))...)
				must(t, s.Commit(ctx))
				check(t, countOf(t, ed.Addresses.Query(s)), 3)
			}},
			{"test_backref", func(t *testing.T, s *orm.Session) {
				fred := getT[DUser](t, s, 3)
				a := &DAddress{EmailAddress: "fred@b.com"}
				fred.Addresses.Add(a)
				must(t, s.Flush(ctx))
				if a.User.Get() != fred {
					t.Errorf("address.User = %v, want fred (back_populates)", a.User.Get())
				}
				// Setting the many-to-one side adds to the dynamic collection.
				chuck := getT[DUser](t, s, 4)
				b := &DAddress{EmailAddress: "chuck@c.com", User: orm.OneOf(chuck)}
				must(t, s.Add(b))
				check(t, emails(allOf(t, chuck.Addresses.Query(s))), []string{"chuck@c.com"})
				must(t, s.Rollback(ctx))
			}},
			{"test_remove", func(t *testing.T, s *orm.Session) {
				u := &DUser{Name: "remover"}
				a1, a2 := &DAddress{EmailAddress: "r1"}, &DAddress{EmailAddress: "r2"}
				u.Addresses.Add(a1, a2)
				must(t, s.Add(u))
				must(t, s.Commit(ctx))
				u.Addresses.Remove(a1)
				must(t, s.Commit(ctx))
				check(t, emails(allOf(t, u.Addresses.Query(s))), []string{"r2"})
				gone := getT[DAddress](t, e, a1.ID)
				if gone.UserID != nil {
					t.Errorf("removed address user_id = %d, want NULL", *gone.UserID)
				}
				// An address of another user is not removed from this one.
				jackAddr := getT[DAddress](t, s, 1)
				u.Addresses.Remove(jackAddr)
				must(t, s.Commit(ctx))
				check(t, *getT[DAddress](t, e, 1).UserID, 1)
			}},
			{"test_add_then_remove", func(t *testing.T, s *orm.Session) {
				u := getT[DUser](t, s, 4)
				a := &DAddress{EmailAddress: "never"}
				u.Addresses.Add(a)
				u.Addresses.Remove(a)
				added, removed := u.Addresses.Pending()
				check(t, len(added)+len(removed), 0)
				must(t, s.Commit(ctx))
				check(t, countOf(t, u.Addresses.Query(s)), 0)
			}},
			{"test_remove_orphans", func(t *testing.T, s *orm.Session) {
				l := getT[DList](t, s, 1)
				a, err := l.Entries.Query(s).FilterBy("Name", "a").One(ctx)
				must(t, err)
				l.Entries.Remove(a)
				must(t, s.Commit(ctx))
				check(t, countOf(t, orm.Select[DEntry](e).FilterBy("Name", "a")), 0)
				check(t, countOf(t, l.Entries.Query(s)), 1)
			}},
			{"test_delete_cascade", func(t *testing.T, s *orm.Session) {
				l := &DList{Name: "doomed"}
				l.Entries.Add(&DEntry{Name: "x"}, &DEntry{Name: "y"})
				must(t, s.Add(l))
				must(t, s.Commit(ctx))
				must(t, s.Delete(l))
				must(t, s.Commit(ctx))
				check(t, countOf(t, orm.Select[DEntry](e).Where(orm.C("name").In("x", "y"))), 0)
			}},
			{"test_delete_nocascade", func(t *testing.T, s *orm.Session) {
				u := &DUser{Name: "leaving"}
				a := &DAddress{EmailAddress: "stays"}
				u.Addresses.Add(a)
				must(t, s.Add(u))
				must(t, s.Commit(ctx))
				must(t, s.Delete(u))
				must(t, s.Commit(ctx))
				left := getT[DAddress](t, e, a.ID)
				if left.UserID != nil {
					t.Errorf("address of a deleted user: user_id = %d, want NULL", *left.UserID)
				}
			}},
			{"test_m2m append and remove", func(t *testing.T, s *orm.Session) {
				o2 := getT[DOrder](t, s, 2)
				i1 := getT[DItem](t, s, 1)
				o2.Items.Add(i1, &DItem{Description: "item 4"})
				must(t, s.Commit(ctx))
				check(t, descriptions(allOf(t, o2.Items.Query(s))), []string{"item 1", "item 3", "item 4"})
				o2.Items.Remove(i1)
				must(t, s.Commit(ctx))
				check(t, descriptions(allOf(t, o2.Items.Query(s))), []string{"item 3", "item 4"})
				check(t, countOf(t, getT[DOrder](t, s, 1).Items.Query(s)), 2) // order 1 keeps item 1
			}},
			{"add without save-update cascade", func(t *testing.T, s *orm.Session) {
				b := &DBoard{Name: "ideas"}
				must(t, s.Add(b))
				must(t, s.Commit(ctx))
				pin := &DPin{}
				b.Pins.Add(pin)
				if err := s.Commit(ctx); err == nil || !strings.Contains(err.Error(), "DBoard.Pins.Add: the DPin is not in the session") {
					t.Fatalf("err = %v, want a not-in-session error", err)
				}
				must(t, s.Rollback(ctx)) // drops the queued Add
				added, _ := b.Pins.Pending()
				check(t, len(added), 0)
				must(t, s.Add(pin))
				b.Pins.Add(pin)
				must(t, s.Commit(ctx))
				check(t, countOf(t, b.Pins.Query(s)), 1)
			}},
			{"any and join", func(t *testing.T, s *orm.Session) {
				users := allOf(t, orm.Select[DUser](s).Where(orm.Rel[DUser]("Addresses").Any(orm.C("d_address.email_address").Like("%wood%"))))
				if len(users) != 1 || users[0].Name != "ed" {
					t.Errorf("users with a wood address = %v, want ed", users)
				}
				orders := allOf(t, orm.Select[DOrder](s).JoinRelation("Items").Where(orm.C("d_item.description").Eq("item 3")))
				if len(orders) != 1 || orders[0].Description != "order 2" {
					t.Errorf("orders holding item 3 = %v, want order 2", orders)
				}
			}},
			{"query outside a session", func(t *testing.T, s *orm.Session) {
				ed := getT[DUser](t, e, 2)
				check(t, countOf(t, ed.Addresses.Query(e)), 3)
				users, err := orm.Select[DUser](e).OrderBy("id").All(ctx)
				must(t, err)
				check(t, emails(allOf(t, users[2].Addresses.Query(e))), []string{"fred@fred.com"})
			}},
			{"pending owner", func(t *testing.T, s *orm.Session) {
				u := &DUser{Name: "pending"}
				must(t, s.Add(u))
				if _, err := u.Addresses.Query(s).All(ctx); err == nil || !strings.Contains(err.Error(), "flush the session first") {
					t.Errorf("err = %v, want a pending-owner error", err)
				}
				must(t, s.Flush(ctx))
				check(t, countOf(t, u.Addresses.Query(s)), 0)
				must(t, s.Rollback(ctx))
			}},
			{"unknown owner", func(t *testing.T, s *orm.Session) {
				var d orm.Dynamic[DAddress]
				if _, err := d.Query(e).All(ctx); err == nil || !strings.Contains(err.Error(), "owner of the field is unknown") {
					t.Errorf("err = %v, want an unknown-owner error", err)
				}
				u := &DUser{Name: "transient"}
				if _, err := u.Addresses.Query(s).Count(ctx); err == nil {
					t.Error("query of a transient owner's field: want an error")
				}
			}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				s := orm.NewSession(e)
				defer s.Close(ctx)
				tt.run(t, s)
			})
		}
	})
}

func TestDynamicJSON(t *testing.T) {
	type holder struct {
		Name      string
		Addresses orm.Dynamic[DAddress]
	}
	_, err := json.Marshal(holder{Name: "x"})
	if !errors.Is(err, orm.ErrDynamicLoad) {
		t.Errorf("err = %v, want ErrDynamicLoad", err)
	}
}

func TestDynamicTagErrors(t *testing.T) {
	type bad struct {
		ID    int64
		Posts orm.Dynamic[DAddress] `orm:"lazy:selectin"`
	}
	if _, err := orm.TableOf(bad{}); err == nil || !strings.Contains(err.Error(), "never loaded") {
		t.Errorf("err = %v, want a lazy-option error", err)
	}
	type lazyDynamic struct {
		ID    int64
		Posts orm.Many[DAddress] `orm:"lazy:dynamic"`
	}
	if _, err := orm.TableOf(lazyDynamic{}); err == nil || !strings.Contains(err.Error(), "declare the field as orm.Dynamic[DAddress]") {
		t.Errorf("err = %v, want a pointer to orm.Dynamic", err)
	}
}

func TestDynamicGolden(t *testing.T) {
	must(t, orm.NewMetaData().Register(DUser{}, DAddress{}, DOrder{}, DItem{}, DOrderItem{}, DList{}, DEntry{}))
	var b strings.Builder
	for _, name := range dialectNames {
		q := offline{mustDialect(t, name)}
		ed, o1 := &DUser{ID: 2, Name: "ed"}, &DOrder{ID: 1}
		orm.AsReadForTest(ed)
		orm.AsReadForTest(o1)
		cases := []struct {
			name string
			r    sqlRenderer
		}{
			{"test_basic", ed.Addresses.Query(q)},
			{"test_filter", ed.Addresses.Query(q).Where(orm.C("email_address").Like("ed%"))},
			{"test_order_by", ed.Addresses.Query(q).OrderBy(nil, "-email_address").Limit(10).Offset(20)},
			{"test_m2m", o1.Items.Query(q)},
			{"test_m2m filter", o1.Items.Query(q).Where(orm.C("d_item.description").Ne("x"))},
			{"any on a dynamic relationship", orm.Select[DUser](q).Where(orm.Rel[DUser]("Addresses").Any(orm.C("d_address.email_address").Like("%wood%")))},
			{"join a dynamic relationship", orm.Select[DOrder](q).JoinRelation("Items").Where(orm.C("d_item.description").Eq("item 3"))},
		}
		for _, c := range cases {
			query, args, err := c.r.SQL()
			if err != nil {
				t.Fatalf("%s/%s: %v", name, c.name, err)
			}
			fmt.Fprintf(&b, "-- %s %s\n%s\n-- args: %s\n\n", name, c.name, query, formatArgs(args))
		}
	}
	golden(t, "mapping/dynamic.sql", b.String())
}
