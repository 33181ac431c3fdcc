package orm_test

import (
	"context"
	"slices"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Cases ported from SQLAlchemy's test/orm/test_backref_mutations.py on
// its users/addresses and items/keywords fixtures (plain back_populates,
// no delete-orphan). flagon syncs the reverse side at flush time, not on
// assignment (docs/orm-session.md, "Back-population happens at flush
// time"), so each case flushes before asserting the original's result.
type (
	BRUser struct {
		ID        int64
		Name      string              `orm:"size:30"`
		Addresses orm.Many[BRAddress] `orm:"back_populates:User;order_by:id"`
	}
	BRAddress struct {
		ID     int64
		UserID *int64          `orm:"fk:br_user.id"`
		Email  string          `orm:"size:30"`
		User   orm.One[BRUser] `orm:"back_populates:Addresses"`
	}
	BRItem struct {
		ID          int64
		Description string              `orm:"size:30"`
		Keywords    orm.Many[BRKeyword] `orm:"secondary:br_item_keyword;back_populates:Items;order_by:name"`
	}
	BRKeyword struct {
		ID    int64
		Name  string           `orm:"size:30"`
		Items orm.Many[BRItem] `orm:"secondary:br_item_keyword;back_populates:Keywords;order_by:description"`
	}
	BRItemKeyword struct {
		ItemID    int64 `orm:"pk;fk:br_item.id"`
		KeywordID int64 `orm:"pk;fk:br_keyword.id"`
	}
)

type brCase struct {
	name string
	run  func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session)
}

// runBRCases runs each case on every database with the fixture's tables
// and a session.
func runBRCases(t *testing.T, cases []brCase) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
				ctx := context.Background()
				e := openDB(t, db)
				md := orm.NewMetaData()
				must(t, md.Register(BRUser{}, BRAddress{}, BRItem{}, BRKeyword{}, BRItemKeyword{}))
				must(t, md.CreateAll(ctx, e))
				s := orm.NewSession(e)
				defer s.Close(ctx)
				tc.run(t, ctx, e, s)
			})
		})
	}
}

// userOf is a1.user (nil when none).
func userOf(a *BRAddress) *BRUser { return a.User.Get() }

// hasAddr reports whether u's loaded addresses hold a.
func hasAddr(u *BRUser, a *BRAddress) bool { return slices.Contains(u.Addresses.Items(), a) }

// reloadedAddrs reads u.addresses from the database (what a lazy load
// of the expired collection returns) and returns their emails.
func reloadedAddrs(t *testing.T, ctx context.Context, s *orm.Session, u *BRUser) []string {
	t.Helper()
	fresh := orm.NewSession(s.DB())
	defer fresh.Close(ctx)
	u2, err := orm.Get[BRUser](ctx, fresh, u.ID)
	must(t, err)
	must(t, fresh.Load(ctx, &u2.Addresses))
	return brEmails(u2)
}

// reloadedItems reads k.items from the database.
func reloadedItems(t *testing.T, ctx context.Context, s *orm.Session, k *BRKeyword) []string {
	t.Helper()
	fresh := orm.NewSession(s.DB())
	defer fresh.Close(ctx)
	k2, err := orm.Get[BRKeyword](ctx, fresh, k.ID)
	must(t, err)
	must(t, fresh.Load(ctx, &k2.Items))
	return itemNames(k2)
}

// committedJackEd commits u1 "jack" with a1 and u2 "ed" with none.
func committedJackEd(t *testing.T, ctx context.Context, s *orm.Session) (u1, u2 *BRUser, a1 *BRAddress) {
	a1 = &BRAddress{Email: "address1"}
	u1, u2 = &BRUser{Name: "jack", Addresses: orm.ManyOf(a1)}, &BRUser{Name: "ed"}
	must(t, s.AddAll(u1, u2))
	must(t, s.Commit(ctx))
	return u1, u2, a1
}

func TestSABackrefMutationsO2MPort(t *testing.T) {
	runBRCases(t, []brCase{
		{"test_collection_move_hitslazy", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			a1, a2, a3 := &BRAddress{Email: "address1"}, &BRAddress{Email: "address2"}, &BRAddress{Email: "address3"}
			u1, u2 := &BRUser{Name: "jack", Addresses: orm.ManyOf(a1, a2, a3)}, &BRUser{Name: "ed"}
			must(t, s.AddAll(u1, u2))
			must(t, s.Commit(ctx))
			log := record(t, e)
			u2.Addresses.Append(a1, a2, a3)
			if n := len(log.stmt); n != 0 {
				t.Errorf("appending to a loaded collection ran %d statements", n)
			}
			must(t, s.Flush(ctx))
			for _, a := range []*BRAddress{a1, a2, a3} {
				if userOf(a) != u2 || hasAddr(u1, a) || !hasAddr(u2, a) {
					t.Errorf("%s: user is u2 %v, in u1 %v, in u2 %v", a.Email, userOf(a) == u2, hasAddr(u1, a), hasAddr(u2, a))
				}
			}
		}},
		{"test_collection_move_preloaded", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u1, u2, a1 := committedJackEd(t, ctx, s)
			u2.Addresses.Append(a1)
			must(t, s.Flush(ctx))
			if userOf(a1) != u2 || hasAddr(u1, a1) || !hasAddr(u2, a1) {
				t.Errorf("a1.user is u2 %v, a1 in u1.addresses %v, in u2.addresses %v", userOf(a1) == u2, hasAddr(u1, a1), hasAddr(u2, a1))
			}
		}},
		{"test_collection_move_notloaded", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			committedJackEd(t, ctx, s)
			s2 := orm.NewSession(e)
			defer s2.Close(ctx)
			u1 := brUserNamed(t, ctx, s2, "jack")
			u2 := brUserNamed(t, ctx, s2, "ed")
			must(t, s2.Load(ctx, &u2.Addresses))
			a1, err := orm.Select[BRAddress](s2).FilterBy("Email", "address1").One(ctx)
			must(t, err)
			u2.Addresses.Append(a1)
			must(t, s2.Commit(ctx))
			if userOf(a1) != u2 || !hasAddr(u2, a1) {
				t.Errorf("a1.user is u2 %v, in u2.addresses %v", userOf(a1) == u2, hasAddr(u2, a1))
			}
			if got := reloadedAddrs(t, ctx, s2, u1); len(got) != 0 {
				t.Errorf("u1.addresses loaded after the move = %v, want none", got)
			}
		}},
		{"test_collection_move_commitfirst", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u1, u2, a1 := committedJackEd(t, ctx, s)
			u2.Addresses.Append(a1)
			must(t, s.Commit(ctx))
			if userOf(a1) != u2 || hasAddr(u1, a1) || !hasAddr(u2, a1) {
				t.Errorf("after commit: a1.user is u2 %v, in u1 %v, in u2 %v", userOf(a1) == u2, hasAddr(u1, a1), hasAddr(u2, a1))
			}
			if got := reloadedAddrs(t, ctx, s, u2); !slices.Equal(got, []string{"address1"}) {
				t.Errorf("u2.addresses in the database = %v", got)
			}
		}},
		{"test_scalar_move_preloaded", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u1, u2, a1 := committedJackEd(t, ctx, s)
			log := record(t, e)
			a1.User.Set(u2)
			if n := len(log.stmt); n != 0 {
				t.Errorf("setting a many-to-one ran %d statements (test_plain_load_passive)", n)
			}
			must(t, s.Flush(ctx))
			if hasAddr(u1, a1) || !hasAddr(u2, a1) {
				t.Errorf("a1 in u1.addresses %v, in u2.addresses %v", hasAddr(u1, a1), hasAddr(u2, a1))
			}
		}},
		{"test_set_none", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u1, _, a1 := committedJackEd(t, ctx, s)
			a1.User.Set(nil)
			must(t, s.Commit(ctx))
			if hasAddr(u1, a1) || a1.UserID != nil {
				t.Errorf("a1 in u1.addresses %v, user_id %v", hasAddr(u1, a1), a1.UserID)
			}
			if got := reloadedAddrs(t, ctx, s, u1); len(got) != 0 {
				t.Errorf("u1.addresses in the database = %v", got)
			}
		}},
		{"test_scalar_move_notloaded", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			committedJackEd(t, ctx, s)
			s2 := orm.NewSession(e)
			defer s2.Close(ctx)
			u1, u2 := brUserNamed(t, ctx, s2, "jack"), brUserNamed(t, ctx, s2, "ed")
			a1, err := orm.Select[BRAddress](s2).FilterBy("Email", "address1").One(ctx)
			must(t, err)
			a1.User.Set(u2)
			must(t, s2.Commit(ctx))
			if got := reloadedAddrs(t, ctx, s2, u1); len(got) != 0 {
				t.Errorf("u1.addresses = %v, want none", got)
			}
			if got := reloadedAddrs(t, ctx, s2, u2); !slices.Equal(got, []string{"address1"}) {
				t.Errorf("u2.addresses = %v", got)
			}
		}},
		{"test_scalar_move_commitfirst", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u1, u2, a1 := committedJackEd(t, ctx, s)
			a1.User.Set(u2)
			must(t, s.Commit(ctx))
			if hasAddr(u1, a1) || !hasAddr(u2, a1) {
				t.Errorf("a1 in u1.addresses %v, in u2.addresses %v", hasAddr(u1, a1), hasAddr(u2, a1))
			}
		}},
		{"test_collection_assignment_mutates_previous_one", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u1, u2, a1 := committedJackEd(t, ctx, s)
			u2.Addresses.Set(a1)
			must(t, s.Flush(ctx))
			if u1.Addresses.Len() != 0 || userOf(a1) != u2 || !hasAddr(u2, a1) {
				t.Errorf("u1.addresses %d items, a1.user is u2 %v", u1.Addresses.Len(), userOf(a1) == u2)
			}
		}},
		{"test_collection_assignment_mutates_previous_one[transient]", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			a1 := &BRAddress{Email: "a1"}
			u1, u2 := &BRUser{Name: "jack", Addresses: orm.ManyOf(a1)}, &BRUser{Name: "ed"}
			u2.Addresses.Set(a1)
			must(t, s.AddAll(u1, u2))
			must(t, s.Flush(ctx))
			if u1.Addresses.Len() != 0 || userOf(a1) != u2 || !hasAddr(u2, a1) {
				t.Errorf("u1.addresses %v, a1.user is u2 %v", brEmails(u1), userOf(a1) == u2)
			}
		}},
		{"test_collection_assignment_mutates_previous_two", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u1, _, a1 := committedJackEd(t, ctx, s)
			u1.Addresses.Set()
			must(t, s.Flush(ctx))
			if userOf(a1) != nil || a1.UserID != nil {
				t.Errorf("a1.user = %v, user_id %v; want none", userOf(a1), a1.UserID)
			}
		}},
		{"test_del_from_collection", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u1, _, a1 := committedJackEd(t, ctx, s)
			u1.Addresses.Remove(a1)
			must(t, s.Flush(ctx))
			if userOf(a1) != nil {
				t.Errorf("a1.user after removal = %v, want none", userOf(a1))
			}
		}},
		{"test_del_from_scalar", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u1, _, a1 := committedJackEd(t, ctx, s)
			a1.User.Set(nil)
			must(t, s.Flush(ctx))
			if hasAddr(u1, a1) {
				t.Errorf("a1 still in u1.addresses")
			}
		}},
		{"test_tuple_assignment_w_reverse", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			a1, a2, a3 := &BRAddress{Email: "1"}, &BRAddress{Email: "2"}, &BRAddress{Email: "3"}
			u1 := &BRUser{}
			u1.Addresses.Append(a1, a2, a3)
			u1.Addresses.Set(a1, a3, a2)
			must(t, s.Add(u1))
			must(t, s.Flush(ctx))
			if userOf(a3) != u1 || !slices.Equal(u1.Addresses.Items(), []*BRAddress{a1, a3, a2}) {
				t.Errorf("a3.user is u1 %v, addresses %v", userOf(a3) == u1, brEmails(u1))
			}
		}},
		{"test_straight_remove", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			a1, a2, a3 := &BRAddress{Email: "1"}, &BRAddress{Email: "2"}, &BRAddress{Email: "3"}
			u1 := &BRUser{Addresses: orm.ManyOf(a1, a2, a3)}
			must(t, s.Add(u1))
			must(t, s.Flush(ctx))
			u1.Addresses.Remove(a3)
			must(t, s.Flush(ctx))
			if userOf(a3) != nil || !slices.Equal(u1.Addresses.Items(), []*BRAddress{a1, a2}) {
				t.Errorf("a3.user %v, addresses %v", userOf(a3), brEmails(u1))
			}
		}},
		{"test_append_del", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			a1, a2, a3 := &BRAddress{Email: "1"}, &BRAddress{Email: "2"}, &BRAddress{Email: "3"}
			u1 := &BRUser{Addresses: orm.ManyOf(a1, a2, a3)}
			must(t, s.Add(u1))
			must(t, s.Flush(ctx))
			u1.Addresses.Append(a2)
			u1.Addresses.Remove(a2) // del u1.addresses[1]: the first a2
			must(t, s.Flush(ctx))
			if userOf(a2) != u1 || !slices.Equal(u1.Addresses.Items(), []*BRAddress{a1, a3, a2}) {
				t.Errorf("a2.user is u1 %v, addresses %v", userOf(a2) == u1, brEmails(u1))
			}
		}},
		{"test_bulk_replace", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			a1, a2, a3 := &BRAddress{Email: "1"}, &BRAddress{Email: "2"}, &BRAddress{Email: "3"}
			u1 := &BRUser{Addresses: orm.ManyOf(a1, a2, a3, a3)}
			must(t, s.Add(u1))
			must(t, s.Flush(ctx))
			if userOf(a3) != u1 {
				t.Errorf("a3.user is not u1")
			}
			u1.Addresses.Set(a1, a2, a1)
			must(t, s.Flush(ctx))
			if userOf(a3) != nil || !slices.Equal(u1.Addresses.Items(), []*BRAddress{a1, a2, a1}) {
				t.Errorf("a3.user %v, addresses %v", userOf(a3), brEmails(u1))
			}
		}},
	})
}

// brUserNamed loads a fixture user through s.
func brUserNamed(t *testing.T, ctx context.Context, s *orm.Session, name string) *BRUser {
	t.Helper()
	u, err := orm.Select[BRUser](s).FilterBy("Name", name).One(ctx)
	must(t, err)
	return u
}

// brEmails lists u's loaded addresses.
func brEmails(u *BRUser) []string {
	var out []string
	for _, a := range u.Addresses.Items() {
		out = append(out, a.Email)
	}
	return out
}

// itemNames lists k's loaded items.
func itemNames(k *BRKeyword) []string {
	var out []string
	for _, i := range k.Items.Items() {
		out = append(out, i.Description)
	}
	return out
}

// keywordNames lists i's loaded keywords.
func keywordNames(i *BRItem) []string {
	var out []string
	for _, k := range i.Keywords.Items() {
		out = append(out, k.Name)
	}
	return out
}

func TestSABackrefMutationsM2MPort(t *testing.T) {
	runBRCases(t, []brCase{
		{"test_add_remove_pending_backref", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			i1 := &BRItem{Description: "i1"}
			must(t, s.Add(i1))
			must(t, s.Commit(ctx))
			k1 := &BRKeyword{Name: "k1"}
			must(t, s.Add(k1))
			k1.Items.Append(i1)
			k1.Items.Remove(i1)
			must(t, s.Flush(ctx))
			if got := keywordNames(i1); len(got) != 0 {
				t.Errorf("i1.keywords = %v, want none", got)
			}
		}},
		{"test_remove_add_pending_backref", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			k1 := &BRKeyword{Name: "k1"}
			i1 := &BRItem{Description: "i1", Keywords: orm.ManyOf(k1)}
			must(t, s.Add(i1))
			must(t, s.Commit(ctx))
			must(t, s.Load(ctx, &k1.Items))
			k1.Items.Remove(i1)
			k1.Items.Append(i1)
			must(t, s.Flush(ctx))
			if got := keywordNames(i1); !slices.Equal(got, []string{"k1"}) {
				t.Errorf("i1.keywords = %v, want [k1]", got)
			}
		}},
		{"test_pending_combines_with_flushed", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			k1, k2 := &BRKeyword{Name: "k1"}, &BRKeyword{Name: "k2"}
			i1 := &BRItem{Description: "i1", Keywords: orm.ManyOf(k1)}
			must(t, s.AddAll(i1, k2))
			must(t, s.Commit(ctx))
			k2.Items.Append(i1)
			must(t, s.Flush(ctx))
			if got := keywordNames(i1); !slices.Equal(got, []string{"k1", "k2"}) {
				t.Errorf("i1.keywords = %v, want [k1 k2]", got)
			}
		}},
		{"test_duplicate_adds", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			k1 := &BRKeyword{Name: "k1"}
			i1 := &BRItem{Description: "i1", Keywords: orm.ManyOf(k1)}
			must(t, s.Add(i1))
			must(t, s.Commit(ctx))
			must(t, s.Load(ctx, &k1.Items))
			k1.Items.Append(i1)
			k1.Items.Append(i1)
			must(t, s.Commit(ctx))
			if got := reloadedItems(t, ctx, s, k1); !slices.Equal(got, []string{"i1"}) {
				t.Errorf("k1.items after commit = %v, want [i1]", got)
			}
		}},
		{"test_bulk_replace", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			k1, k2, k3 := &BRKeyword{Name: "k1"}, &BRKeyword{Name: "k2"}, &BRKeyword{Name: "k3"}
			i1 := &BRItem{Description: "i1", Keywords: orm.ManyOf(k1, k2)}
			i2 := &BRItem{Description: "i2", Keywords: orm.ManyOf(k3)}
			must(t, s.AddAll(i1, i2))
			must(t, s.Flush(ctx))
			i1.Keywords.Set(k2, k3)
			must(t, s.Flush(ctx))
			if got := itemNames(k3); !slices.Equal(got, []string{"i2", "i1"}) && !slices.Equal(got, []string{"i1", "i2"}) {
				t.Errorf("k3.items = %v, want i1 and i2", got)
			}
			if got := itemNames(k1); len(got) != 0 {
				t.Errorf("k1.items = %v, want none", got)
			}
		}},
	})
}
