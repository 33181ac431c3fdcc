package orm_test

import (
	"context"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Cases ported from SQLAlchemy's test/orm/test_cascade.py on its
// users/orders/addresses fixture: User.orders and User.addresses are
// cascade "all, delete-orphan", orders.user_id is NOT NULL; Item.keywords
// is a many-to-many with "all, delete-orphan".
type (
	CUser struct {
		ID        int64
		Name      string             `orm:"size:30"`
		Orders    orm.Many[COrder]   `orm:"cascade:all,delete-orphan;order_by:id"`
		Addresses orm.Many[CAddress] `orm:"cascade:all,delete-orphan;order_by:id"`
	}
	COrder struct {
		ID          int64
		UserID      int64  `orm:"fk:c_user.id"`
		Description string `orm:"size:30"`
	}
	CAddress struct {
		ID     int64
		UserID *int64 `orm:"fk:c_user.id"`
		Email  string `orm:"size:50"`
	}
	CItem struct {
		ID       int64
		Name     string             `orm:"size:30"`
		Keywords orm.Many[CKeyword] `orm:"secondary:c_item_keyword;cascade:all,delete-orphan;order_by:name"`
	}
	CKeyword struct {
		ID   int64
		Name string `orm:"size:30"`
	}
	CItemKeyword struct {
		ItemID    int64 `orm:"pk;fk:c_item.id"`
		KeywordID int64 `orm:"pk;fk:c_keyword.id"`
	}
)

// runCascadeCases runs each case on every database with the fixture's
// tables and a session.
func runCascadeCases(t *testing.T, cases []brCase) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
				ctx := context.Background()
				e := openDB(t, db)
				md := orm.NewMetaData()
				must(t, md.Register(CUser{}, COrder{}, CAddress{}, CItem{}, CKeyword{}, CItemKeyword{}))
				must(t, md.CreateAll(ctx, e))
				s := orm.NewSession(e)
				defer s.Close(ctx)
				tc.run(t, ctx, e, s)
			})
		})
	}
}

// rowCount counts T's rows through q.
func rowCount[T any](t *testing.T, ctx context.Context, q orm.Querier) int64 {
	t.Helper()
	n, err := orm.Select[T](q).Count(ctx)
	must(t, err)
	return n
}

// orderDescs lists the descriptions of every order row, by id.
func orderDescs(t *testing.T, ctx context.Context, q orm.Querier) []string {
	t.Helper()
	os, err := orm.Select[COrder](q).OrderBy("ID").All(ctx)
	must(t, err)
	var out []string
	for _, o := range os {
		out = append(out, o.Description)
	}
	return out
}

// jackWithOrders is User(name="jack", orders=[...]) with descriptions.
func jackWithOrders(descs ...string) *CUser {
	u := &CUser{Name: "jack"}
	for _, d := range descs {
		u.Orders.Append(&COrder{Description: d})
	}
	return u
}

func TestSACascadePort(t *testing.T) {
	runCascadeCases(t, []brCase{
		{"test_list_assignment_new", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := jackWithOrders("order 1", "order 2")
			must(t, s.Add(u))
			must(t, s.Commit(ctx))
			if got := orderDescs(t, ctx, e); strings.Join(got, ",") != "order 1,order 2" {
				t.Errorf("orders = %v", got)
			}
		}},
		{"test_list_assignment_replace", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := jackWithOrders("someorder", "someotherorder")
			must(t, s.Add(u))
			u.Orders.Set(&COrder{Description: "order 3"}, &COrder{Description: "order 4"})
			must(t, s.Commit(ctx))
			if got := orderDescs(t, ctx, e); strings.Join(got, ",") != "order 3,order 4" {
				t.Errorf("orders = %v, want order 3 and order 4 only", got)
			}
		}},
		{"test_standalone_orphan", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			must(t, s.Add(&COrder{Description: "order 5"}))
			if err := s.Flush(ctx); err == nil {
				t.Errorf("flush of an order without its NOT NULL user succeeded")
			}
		}},
		{"test_remove_pending_from_collection", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := &CUser{Name: "jack"}
			must(t, s.Add(u))
			must(t, s.Commit(ctx))
			o1 := &COrder{}
			u.Orders.Append(o1)
			u.Orders.Remove(o1)
			must(t, s.Flush(ctx))
			if s.Contains(o1) || rowCount[COrder](t, ctx, s) != 0 {
				t.Errorf("removed pending order: in session %v", s.Contains(o1))
			}
		}},
		{"test_delete", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := jackWithOrders("someorder", "someotherorder")
			must(t, s.Add(u))
			must(t, s.Flush(ctx))
			must(t, s.Delete(u))
			must(t, s.Flush(ctx))
			if nu, no := rowCount[CUser](t, ctx, s), rowCount[COrder](t, ctx, s); nu != 0 || no != 0 {
				t.Errorf("users %d orders %d, want 0 and 0", nu, no)
			}
		}},
		{"test_delete_unloaded_collections", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := &CUser{Name: "jack", Addresses: orm.ManyOf(&CAddress{Email: "address1"}, &CAddress{Email: "address2"})}
			must(t, s.Add(u))
			must(t, s.Flush(ctx))
			s.ExpungeAll()
			if na, nu := rowCount[CAddress](t, ctx, s), rowCount[CUser](t, ctx, s); na != 2 || nu != 1 {
				t.Fatalf("addresses %d users %d, want 2 and 1", na, nu)
			}
			u, err := orm.Get[CUser](ctx, s, u.ID)
			must(t, err)
			if u.Addresses.Loaded() {
				t.Errorf("addresses loaded by Get")
			}
			must(t, s.Delete(u))
			must(t, s.Flush(ctx))
			if na, nu := rowCount[CAddress](t, ctx, s), rowCount[CUser](t, ctx, s); na != 0 || nu != 0 {
				t.Errorf("addresses %d users %d, want 0 and 0", na, nu)
			}
		}},
		{"test_cascades_onlycollection", func(t *testing.T, ctx context.Context, e *orm.DB, _ *orm.Session) {
			s := orm.NewSession(e, orm.Autoflush(false))
			defer s.Close(ctx)
			u := jackWithOrders("someorder", "someotherorder")
			must(t, s.Add(u))
			must(t, s.Flush(ctx))
			o := u.Orders.Items()[0]
			u.Orders.Remove(o)
			must(t, s.Delete(u))
			if !s.Contains(o) {
				t.Errorf("order removed before the delete left the session")
			}
			u2 := &CUser{Name: "newuser", Orders: orm.ManyOf(o)}
			must(t, s.Add(u2))
			must(t, s.Flush(ctx))
			s.ExpungeAll()
			if nu, no := rowCount[CUser](t, ctx, s), rowCount[COrder](t, ctx, s); nu != 1 || no != 1 {
				t.Errorf("users %d orders %d, want 1 and 1", nu, no)
			}
			got, err := orm.Select[CUser](s).Options(orm.SelectInLoad("Orders")).One(ctx)
			must(t, err)
			if got.Name != "newuser" || got.Orders.Len() != 1 || got.Orders.Items()[0].Description != "someorder" {
				t.Errorf("remaining user %q with %d orders", got.Name, got.Orders.Len())
			}
		}},
		{"test_cascade_delete_plusorphans", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := jackWithOrders("someorder", "someotherorder")
			must(t, s.Add(u))
			must(t, s.Flush(ctx))
			u.Orders.Remove(u.Orders.Items()[0])
			must(t, s.Delete(u))
			must(t, s.Flush(ctx))
			if nu, no := rowCount[CUser](t, ctx, s), rowCount[COrder](t, ctx, s); nu != 0 || no != 0 {
				t.Errorf("users %d orders %d, want 0 and 0", nu, no)
			}
		}},
		{"test_collection_orphans", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := jackWithOrders("someorder", "someotherorder")
			must(t, s.Add(u))
			must(t, s.Flush(ctx))
			u.Orders.Set()
			must(t, s.Flush(ctx))
			if nu, no := rowCount[CUser](t, ctx, s), rowCount[COrder](t, ctx, s); nu != 1 || no != 0 {
				t.Errorf("users %d orders %d, want 1 and 0", nu, no)
			}
		}},
		{"test_none_o2m_collection_append", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u := &CUser{Name: "u"}
			must(t, s.Add(u))
			u.Addresses.Append(nil)
			err := s.Commit(ctx)
			if err == nil || !strings.Contains(err.Error(), "nil") || !strings.Contains(err.Error(), "Addresses") {
				t.Errorf("commit of a nil in a collection: %v, want an error naming the nil and the collection", err)
			}
			if u.Addresses.Len() != 1 || u.Addresses.Items()[0] != nil {
				t.Errorf("collection changed by the failed flush")
			}
		}},
		{"test_delete_orphan[m2m]", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			a, b := &CKeyword{Name: "a"}, &CKeyword{Name: "b"}
			i := &CItem{Name: "i", Keywords: orm.ManyOf(a, b)}
			must(t, s.Add(i))
			must(t, s.Flush(ctx))
			if n := rowCount[CItemKeyword](t, ctx, s); n != 2 {
				t.Fatalf("association rows %d, want 2", n)
			}
			i.Keywords.Remove(b)
			must(t, s.Flush(ctx))
			if nk, na := rowCount[CKeyword](t, ctx, s), rowCount[CItemKeyword](t, ctx, s); nk != 1 || na != 1 {
				t.Errorf("keywords %d association rows %d, want 1 and 1", nk, na)
			}
		}},
		{"test_cascade_delete[m2m]", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			i := &CItem{Name: "i", Keywords: orm.ManyOf(&CKeyword{Name: "a"}, &CKeyword{Name: "b"})}
			must(t, s.Add(i))
			must(t, s.Flush(ctx))
			must(t, s.Delete(i))
			must(t, s.Flush(ctx))
			if ni, nk, na := rowCount[CItem](t, ctx, s), rowCount[CKeyword](t, ctx, s), rowCount[CItemKeyword](t, ctx, s); ni+nk+na != 0 {
				t.Errorf("items %d keywords %d association rows %d, want none", ni, nk, na)
			}
		}},
	})
}
