package orm_test

import (
	"context"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// The tables of SQLAlchemy's test/orm/test_merge.py (users, addresses,
// orders, items, composite_pk_table), one model per relationship
// configuration the cases map.
type (
	// MgUser.Addresses is relationship(Address, backref="user").
	MgUser struct {
		ID        int64               `orm:"pk"`
		Name      string              `orm:"size:50"`
		Addresses orm.Many[MgAddress] `orm:"order_by:id"`
	}
	MgAddress struct {
		ID     int64           `orm:"pk"`
		UserID *int64          `orm:"fk:mg_user.id"`
		Email  string          `orm:"size:50"`
		User   orm.One[MgUser] `orm:"foreign_key:UserID"`
	}
	// MgOwner.Addresses is cascade="all, delete-orphan".
	MgOwner struct {
		ID        int64                    `orm:"pk"`
		Name      string                   `orm:"size:50"`
		Addresses orm.Many[MgOwnedAddress] `orm:"cascade:all,delete-orphan;order_by:id"`
	}
	MgOwnedAddress struct {
		ID      int64  `orm:"pk"`
		OwnerID *int64 `orm:"fk:mg_owner.id"`
		Email   string `orm:"size:50"`
	}
	// MgNote.User is relationship(User, cascade="save-update"): no merge.
	MgNote struct {
		ID     int64           `orm:"pk"`
		UserID *int64          `orm:"fk:mg_user.id"`
		Email  string          `orm:"size:50"`
		User   orm.One[MgUser] `orm:"foreign_key:UserID;cascade:save-update"`
	}
	// MgPerson.Address is relationship(Address, uselist=False, backref="user").
	MgPerson struct {
		ID      int64                    `orm:"pk"`
		Name    string                   `orm:"size:50"`
		Address orm.One[MgPersonAddress] `orm:"foreign_key:PersonID"`
	}
	MgPersonAddress struct {
		ID       int64             `orm:"pk"`
		PersonID *int64            `orm:"fk:mg_person.id"`
		Email    string            `orm:"size:50"`
		Person   orm.One[MgPerson] `orm:"foreign_key:PersonID"`
	}
	// MgOrder.Items is relationship(Item, secondary=order_items).
	MgOrder struct {
		ID          int64            `orm:"pk"`
		Description string           `orm:"size:50"`
		Items       orm.Many[MgItem] `orm:"secondary:mg_order_item;order_by:id"`
	}
	MgItem struct {
		ID          int64  `orm:"pk"`
		Description string `orm:"size:50"`
	}
	MgOrderItem struct {
		OrderID int64 `orm:"pk;fk:mg_order.id"`
		ItemID  int64 `orm:"pk;fk:mg_item.id"`
	}
	// MgBuyer.Purchases is relationship(Order); MgPurchase.Address is
	// relationship(Address) (test_resolve_conflicts_*).
	MgBuyer struct {
		ID        int64                `orm:"pk"`
		Name      string               `orm:"size:50"`
		Purchases orm.Many[MgPurchase] `orm:"order_by:id"`
	}
	MgPurchase struct {
		ID          int64              `orm:"pk"`
		BuyerID     *int64             `orm:"fk:mg_buyer.id"`
		Description string             `orm:"size:50"`
		AddressID   *int64             `orm:"fk:mg_address.id"`
		Address     orm.One[MgAddress] `orm:"foreign_key:AddressID"`
	}
	// MgComposite is composite_pk_table; I is a pointer so that it can be
	// never set, as in the original.
	MgComposite struct {
		I *int64 `orm:"pk"`
		J int64  `orm:"pk"`
		K int64  `orm:"pk"`
	}
)

// mergeDB opens db with the test_merge.py tables.
func mergeDB(t *testing.T, db dbtest.DB) *orm.DB {
	t.Helper()
	e := openDB(t, db)
	md := orm.NewMetaData()
	must(t, md.Register(MgUser{}, MgAddress{}, MgOwner{}, MgOwnedAddress{}, MgNote{},
		MgPerson{}, MgPersonAddress{}, MgOrder{}, MgItem{}, MgOrderItem{}, MgComposite{}, MgBuyer{}, MgPurchase{}))
	must(t, md.CreateAll(context.Background(), e))
	return e
}

// mergeCase is one ported test_merge.py case on a fresh database.
type mergeCase struct {
	name string
	run  func(t *testing.T, ctx context.Context, e *orm.DB)
}

// mgEmails returns the emails of a loaded address collection.
func mgEmails(as []*MgAddress) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.Email
	}
	return out
}

// loadUser reads user id with its addresses in a new session.
func loadUser(t *testing.T, ctx context.Context, e *orm.DB, id int64) *MgUser {
	t.Helper()
	s := orm.NewSession(e)
	defer s.Close(ctx)
	u, err := orm.Get[MgUser](ctx, s, id)
	must(t, err)
	must(t, s.Load(ctx, &u.Addresses))
	return u
}

// commitNew commits objs in a new session, closed afterwards (the
// objects are then detached, their relationships as they were built).
func commitNew(t *testing.T, ctx context.Context, e *orm.DB, objs ...any) {
	t.Helper()
	s := orm.NewSession(e, orm.ExpireOnCommit(false))
	defer s.Close(ctx)
	must(t, s.AddAll(objs...))
	must(t, s.Commit(ctx))
}

// TestSAMergePort ports test_merge.py's relationship cases: Merge follows
// relationships with the merge cascade.
func TestSAMergePort(t *testing.T) {
	for _, tc := range append(mergeCollectionCases, mergeCascadeCases...) {
		t.Run(tc.name, func(t *testing.T) {
			dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
				tc.run(t, context.Background(), mergeDB(t, db))
			})
		})
	}
}

func wantEmails(t *testing.T, what string, got []*MgAddress, want ...string) {
	t.Helper()
	g := mgEmails(got)
	if len(g) != len(want) {
		t.Fatalf("%s = %v, want %v", what, g, want)
	}
	for i := range g {
		if g[i] != want[i] {
			t.Fatalf("%s = %v, want %v", what, g, want)
		}
	}
}

var mergeCollectionCases = []mergeCase{
	{"test_transient_to_pending_collection", func(t *testing.T, ctx context.Context, e *orm.DB) {
		u := &MgUser{ID: 7, Name: "fred", Addresses: orm.ManyOf(&MgAddress{ID: 1, Email: "fred1"}, &MgAddress{ID: 2, Email: "fred2"})}
		s := orm.NewSession(e)
		defer s.Close(ctx)
		m, err := orm.Merge(ctx, s, u)
		must(t, err)
		if m == u || s.Contains(u) || !s.Contains(m) || m.Addresses.Len() != 2 || m.Addresses.Items()[0] == u.Addresses.Items()[0] {
			t.Fatalf("merged %p (given %p), given in session %v, merged addresses %d", m, u, s.Contains(u), m.Addresses.Len())
		}
		must(t, s.Commit(ctx))
		got := loadUser(t, ctx, e, 7)
		wantEmails(t, "addresses", got.Addresses.Items(), "fred1", "fred2")
		if got.Name != "fred" || *got.Addresses.Items()[1].UserID != 7 {
			t.Errorf("user 7 = %+v", got)
		}
	}},
	{"test_transient_non_mutated_collection", func(t *testing.T, ctx context.Context, e *orm.DB) {
		commitNew(t, ctx, e, &MgUser{ID: 7, Name: "fred", Addresses: orm.ManyOf(&MgAddress{ID: 1, Email: "jack@bean.com"})})
		s := orm.NewSession(e)
		defer s.Close(ctx)
		m, err := orm.Merge(ctx, s, &MgUser{ID: 7, Name: "fred"}) // Addresses never assigned
		must(t, err)
		must(t, s.Load(ctx, &m.Addresses))
		wantEmails(t, "collection after merging a never-set one", m.Addresses.Items(), "jack@bean.com")
	}},
	{"assigned_empty_collection_is_merged", func(t *testing.T, ctx context.Context, e *orm.DB) {
		commitNew(t, ctx, e, &MgUser{ID: 7, Name: "fred", Addresses: orm.ManyOf(&MgAddress{ID: 1, Email: "jack@bean.com"})})
		s := orm.NewSession(e)
		defer s.Close(ctx)
		m, err := orm.Merge(ctx, s, &MgUser{ID: 7, Name: "fred", Addresses: orm.ManyOf[MgAddress]()})
		must(t, err)
		if m.Addresses.Len() != 0 {
			t.Fatalf("collection merged from ManyOf() = %v, want empty", mgEmails(m.Addresses.Items()))
		}
		must(t, s.Commit(ctx))
		a, err := orm.Get[MgAddress](ctx, e, int64(1))
		if must(t, err); a.UserID != nil {
			t.Errorf("address removed by the merge still has user_id %d", *a.UserID)
		}
	}},
	{"test_transient_to_pending_collection_pk_none", func(t *testing.T, ctx context.Context, e *orm.DB) {
		a1, a2 := &MgAddress{Email: "fred1"}, &MgAddress{Email: "fred2"}
		u := &MgUser{Name: "fred", Addresses: orm.ManyOf(a1, a2)}
		s := orm.NewSession(e)
		defer s.Close(ctx)
		m, err := orm.Merge(ctx, s, u)
		must(t, err)
		if m == u || s.Contains(u) || s.Contains(a1) {
			t.Fatalf("key-less objects were added themselves, not copied")
		}
		must(t, s.Commit(ctx))
		if u.ID != 0 || a1.ID != 0 || m.ID == 0 {
			t.Errorf("keys: given user %d, given address %d, merged user %d", u.ID, a1.ID, m.ID)
		}
		wantEmails(t, "addresses", loadUser(t, ctx, e, m.ID).Addresses.Items(), "fred1", "fred2")
	}},
	{"test_transient_to_persistent_collection", func(t *testing.T, ctx context.Context, e *orm.DB) {
		commitNew(t, ctx, e, &MgOwner{ID: 7, Name: "fred", Addresses: orm.ManyOf(&MgOwnedAddress{ID: 1, Email: "fred1"}, &MgOwnedAddress{ID: 2, Email: "fred2"})})
		s := orm.NewSession(e)
		defer s.Close(ctx)
		m, err := orm.Merge(ctx, s, &MgOwner{ID: 7, Name: "fred", Addresses: orm.ManyOf(&MgOwnedAddress{ID: 3, Email: "fred3"}, &MgOwnedAddress{ID: 4, Email: "fred4"})})
		must(t, err)
		if m.Addresses.Len() != 2 || m.Addresses.Items()[0].Email != "fred3" {
			t.Fatalf("merged collection has %d items", m.Addresses.Len())
		}
		must(t, s.Commit(ctx))
		rows, err := orm.Select[MgOwnedAddress](e).OrderBy("id").All(ctx)
		must(t, err)
		if len(rows) != 2 || rows[0].ID != 3 || rows[1].ID != 4 || *rows[0].OwnerID != 7 {
			t.Errorf("addresses after the merge: %d rows, want 3 and 4 (1 and 2 deleted as orphans)", len(rows))
		}
	}},
	{"test_detached_to_persistent_collection", func(t *testing.T, ctx context.Context, e *orm.DB) {
		a := &MgAddress{ID: 1, Email: "fred1"}
		u := &MgUser{ID: 7, Name: "fred", Addresses: orm.ManyOf(a, &MgAddress{ID: 2, Email: "fred2"})}
		commitNew(t, ctx, e, u)
		u.Name = "fred jones"
		u.Addresses.Append(&MgAddress{ID: 3, Email: "fred3"})
		u.Addresses.Remove(a)
		s := orm.NewSession(e)
		defer s.Close(ctx)
		_, err := orm.Merge(ctx, s, u)
		must(t, err)
		must(t, s.Commit(ctx))
		got := loadUser(t, ctx, e, 7)
		wantEmails(t, "addresses", got.Addresses.Items(), "fred2", "fred3")
		if got.Name != "fred jones" {
			t.Errorf("name = %q", got.Name)
		}
	}},
	{"test_unsaved_cascade", func(t *testing.T, ctx context.Context, e *orm.DB) {
		u := &MgUser{ID: 7, Name: "fred"}
		a1, a2 := &MgAddress{Email: "foo@bar.com"}, &MgAddress{Email: "hoho@bar.com"}
		u.Addresses.Append(a1, a2)
		s := orm.NewSession(e)
		defer s.Close(ctx)
		u2, err := orm.Merge(ctx, s, u)
		must(t, err)
		wantEmails(t, "given", u.Addresses.Items(), "foo@bar.com", "hoho@bar.com")
		wantEmails(t, "merged", u2.Addresses.Items(), "foo@bar.com", "hoho@bar.com")
		must(t, s.Commit(ctx))
		wantEmails(t, "stored", loadUser(t, ctx, e, 7).Addresses.Items(), "foo@bar.com", "hoho@bar.com")
	}},
	{"test_merge_irregular_collection", func(t *testing.T, ctx context.Context, e *orm.DB) {
		// flagon has no keyed-dict collections: the point kept is that the
		// given object's collection is not changed by the merge.
		a := &MgAddress{Email: "foo@bar.com"}
		u1 := &MgUser{ID: 7, Name: "fred", Addresses: orm.ManyOf(a)}
		s := orm.NewSession(e)
		defer s.Close(ctx)
		_, err := orm.Merge(ctx, s, u1)
		must(t, err)
		must(t, s.Flush(ctx))
		if u1.Addresses.Len() != 1 || u1.Addresses.Items()[0] != a || a.ID != 0 {
			t.Errorf("given collection changed by the merge")
		}
	}},
	{"test_attribute_cascade", func(t *testing.T, ctx context.Context, e *orm.DB) {
		u := &MgUser{ID: 7, Name: "fred", Addresses: orm.ManyOf(&MgAddress{ID: 1, Email: "foo@bar.com"}, &MgAddress{ID: 2, Email: "hoho@la.com"})}
		commitNew(t, ctx, e, u)
		u.Name = "fred2"
		u.Addresses.Items()[1].Email = "hoho@lalala.com"
		s3 := orm.NewSession(e, orm.ExpireOnCommit(false))
		defer s3.Close(ctx)
		u3, err := orm.Merge(ctx, s3, u)
		must(t, err)
		if u3.Name != "fred2" || u3.Addresses.Items()[1].Email != "hoho@lalala.com" {
			t.Fatalf("local changes not merged: %q %v", u3.Name, mgEmails(u3.Addresses.Items()))
		}
		must(t, s3.Commit(ctx))
		got := loadUser(t, ctx, e, 7)
		wantEmails(t, "stored", got.Addresses.Items(), "foo@bar.com", "hoho@lalala.com")

		s4 := orm.NewSession(e)
		defer s4.Close(ctx)
		u4, err := orm.Merge(ctx, s4, u3)
		must(t, err)
		for _, a := range u4.Addresses.Items() {
			if a.User.Get() != u4 {
				t.Errorf("address %d's user is not the merged user", a.ID)
			}
		}
		log := record(t, e)
		must(t, s4.Flush(ctx))
		if n := len(log.matching("UPDATE")) + len(log.matching("INSERT")) + len(log.matching("DELETE")); n != 0 {
			t.Errorf("flush of an unchanged merge wrote %d statements: %v", n, log.stmt)
		}
	}},
}

var mergeCascadeCases = []mergeCase{
	{"test_transient_to_pending_no_pk", func(t *testing.T, ctx context.Context, e *orm.DB) {
		s := orm.NewSession(e)
		defer s.Close(ctx)
		log := record(t, e)
		_, err := orm.Merge(ctx, s, &MgUser{Name: "fred"})
		must(t, err)
		if len(log.stmt) != 0 {
			t.Errorf("merge of a key-less object sent %v", log.stmt)
		}
	}},
	{"test_resolve_conflicts_pending_doesnt_interfere_no_ident", func(t *testing.T, ctx context.Context, e *orm.DB) {
		u1 := &MgBuyer{ID: 7, Name: "x", Purchases: orm.ManyOf(
			&MgPurchase{Description: "o1", Address: orm.OneOf(&MgAddress{Email: "a"})},
			&MgPurchase{Description: "o2", Address: orm.OneOf(&MgAddress{Email: "b"})},
			&MgPurchase{Description: "o3", Address: orm.OneOf(&MgAddress{Email: "c"})})}
		s := orm.NewSession(e)
		defer s.Close(ctx)
		_, err := orm.Merge(ctx, s, u1)
		must(t, err)
		must(t, s.Flush(ctx))
		as, err := orm.Select[MgAddress](s).OrderBy("email").All(ctx)
		must(t, err)
		wantEmails(t, "addresses", as, "a", "b", "c")
	}},
	{"test_resolve_conflicts_pending", func(t *testing.T, ctx context.Context, e *orm.DB) {
		u1 := &MgBuyer{ID: 7, Name: "x", Purchases: orm.ManyOf(
			&MgPurchase{Description: "o1", Address: orm.OneOf(&MgAddress{ID: 1, Email: "a"})},
			&MgPurchase{Description: "o2", Address: orm.OneOf(&MgAddress{ID: 1, Email: "b"})},
			&MgPurchase{Description: "o3", Address: orm.OneOf(&MgAddress{ID: 1, Email: "c"})})}
		s := orm.NewSession(e)
		defer s.Close(ctx)
		_, err := orm.Merge(ctx, s, u1)
		must(t, err)
		must(t, s.Flush(ctx))
		as, err := orm.Select[MgAddress](s).All(ctx)
		must(t, err)
		wantEmails(t, "addresses", as, "c")
	}},
	{"test_resolve_conflicts_persistent", func(t *testing.T, ctx context.Context, e *orm.DB) {
		commitNew(t, ctx, e, &MgAddress{ID: 1, Email: "z"})
		u1 := &MgBuyer{ID: 7, Name: "x", Purchases: orm.ManyOf(
			&MgPurchase{Description: "o1", Address: orm.OneOf(&MgAddress{ID: 1, Email: "a"})},
			&MgPurchase{Description: "o2", Address: orm.OneOf(&MgAddress{ID: 1, Email: "b"})},
			&MgPurchase{Description: "o3", Address: orm.OneOf(&MgAddress{ID: 1, Email: "c"})})}
		s := orm.NewSession(e)
		defer s.Close(ctx)
		_, err := orm.Merge(ctx, s, u1)
		must(t, err)
		must(t, s.Flush(ctx))
		as, err := orm.Select[MgAddress](s).All(ctx)
		must(t, err)
		wantEmails(t, "addresses", as, "c")
	}},
	{"test_dont_send_neverset_to_get", func(t *testing.T, ctx context.Context, e *orm.DB) {
		s := orm.NewSession(e)
		defer s.Close(ctx)
		log := record(t, e)
		m, err := orm.Merge(ctx, s, &MgComposite{J: 1, K: 1})
		must(t, err)
		if n := len(log.stmt); n != 0 {
			t.Errorf("merge of an object with a never-set key sent %v", log.stmt)
		}
		five := int64(5)
		m.I = &five
		must(t, s.Commit(ctx))
		if got, err := orm.Get[MgComposite](ctx, e, int64(5), int64(1), int64(1)); err != nil || *got.I != 5 {
			t.Errorf("row (5, 1, 1) = %v, %v", got, err)
		}
	}},
	{"test_no_relationship_cascade", func(t *testing.T, ctx context.Context, e *orm.DB) {
		s := orm.NewSession(e)
		defer s.Close(ctx)
		u1 := &MgUser{ID: 1, Name: "fred"}
		a1 := &MgNote{ID: 1, Email: "asdf", User: orm.OneOf(u1)}
		must(t, s.Add(a1))
		must(t, s.Flush(ctx))
		// A Go struct has no unset columns: the foreign key is given.
		a2, err := orm.Merge(ctx, s, &MgNote{ID: 1, UserID: a1.UserID, Email: "bar", User: orm.OneOf(&MgUser{ID: 2, Name: "hoho"})})
		must(t, err)
		must(t, s.Flush(ctx))
		if a2 != a1 || a2.User.Get() != u1 || a2.Email != "bar" {
			t.Errorf("merged note: same %v, user %v, email %q", a2 == a1, a2.User.Get(), a2.Email)
		}
		if n, _ := orm.Select[MgUser](s).Count(ctx); n != 1 {
			t.Errorf("users = %d, want only fred (the relationship has no merge cascade)", n)
		}
	}},
	{"test_one_to_many_cascade", func(t *testing.T, ctx context.Context, e *orm.DB) {
		u := &MgUser{ID: 1, Name: "fred", Addresses: orm.ManyOf(&MgAddress{ID: 1, Email: "foo@bar"}, &MgAddress{ID: 2, Email: "foo@quux"})}
		commitNew(t, ctx, e, u)
		s2 := orm.NewSession(e)
		defer s2.Close(ctx)
		u2, err := orm.Get[MgUser](ctx, s2, int64(1))
		must(t, err)
		u.Addresses.Items()[1].Email = "addr 2 modified"
		_, err = orm.Merge(ctx, s2, u)
		must(t, err)
		wantEmails(t, "merged", u2.Addresses.Items(), "foo@bar", "addr 2 modified")

		s3 := orm.NewSession(e)
		defer s3.Close(ctx)
		u3, err := orm.Get[MgUser](ctx, s3, int64(1))
		must(t, err)
		u.Name = "also fred"
		_, err = orm.Merge(ctx, s3, u)
		must(t, err)
		if u3.Name != "also fred" {
			t.Errorf("name = %q", u3.Name)
		}
	}},
	{"test_many_to_one_cascade", func(t *testing.T, ctx context.Context, e *orm.DB) {
		u1, u2 := &MgUser{ID: 1, Name: "u1"}, &MgUser{ID: 2, Name: "u2"}
		a1 := &MgAddress{ID: 1, Email: "a1", User: orm.OneOf(u1)}
		commitNew(t, ctx, e, a1, u2)
		a1.User.Set(u2)
		s2 := orm.NewSession(e)
		defer s2.Close(ctx)
		a2, err := orm.Merge(ctx, s2, a1)
		must(t, err)
		if got := a2.User.Get(); got == nil || got == u2 || got.ID != 2 || !s2.Contains(got) {
			t.Fatalf("merged many-to-one = %+v, want the session's user 2", got)
		}
		must(t, s2.Commit(ctx))
		if got, err := orm.Get[MgAddress](ctx, e, int64(1)); err != nil || got.UserID == nil || *got.UserID != 2 {
			t.Errorf("address 1 after the merge: %+v, %v; want user_id 2", got, err)
		}
	}},
	{"test_many_to_many_cascade", func(t *testing.T, ctx context.Context, e *orm.DB) {
		o := &MgOrder{ID: 1, Description: "order description", Items: orm.ManyOf(&MgItem{ID: 1, Description: "item 1"}, &MgItem{ID: 2, Description: "item 2"})}
		commitNew(t, ctx, e, o)
		s2 := orm.NewSession(e)
		defer s2.Close(ctx)
		o2, err := orm.Get[MgOrder](ctx, s2, int64(1))
		must(t, err)
		o.Items.Items()[1].Description = "item 2 modified"
		_, err = orm.Merge(ctx, s2, o)
		must(t, err)
		if o2.Items.Items()[1].Description != "item 2 modified" {
			t.Errorf("item 2 = %q", o2.Items.Items()[1].Description)
		}
		s3 := orm.NewSession(e)
		defer s3.Close(ctx)
		o3, err := orm.Get[MgOrder](ctx, s3, int64(1))
		must(t, err)
		o.Description = "desc modified"
		_, err = orm.Merge(ctx, s3, o)
		must(t, err)
		if o3.Description != "desc modified" {
			t.Errorf("description = %q", o3.Description)
		}
		log := record(t, e)
		must(t, s3.Flush(ctx))
		if n := len(log.matching("mg_order_item")); n != 0 {
			t.Errorf("association rows rewritten by merging the same items: %v", log.stmt)
		}
	}},
	{"test_one_to_one_cascade", func(t *testing.T, ctx context.Context, e *orm.DB) {
		s := orm.NewSession(e, orm.ExpireOnCommit(false))
		defer s.Close(ctx)
		u := &MgPerson{ID: 7, Name: "fred", Address: orm.OneOf(&MgPersonAddress{ID: 1, Email: "foo@bar.com"})}
		must(t, s.Add(u))
		must(t, s.Commit(ctx))
		s2 := orm.NewSession(e)
		defer s2.Close(ctx)
		u2, err := orm.Get[MgPerson](ctx, s2, int64(7))
		must(t, err)
		must(t, s2.Load(ctx, &u2.Address))
		u2.Name = "fred2"
		u2.Address.Get().Email = "hoho@lalala.com"
		log := record(t, e)
		u3, err := orm.Merge(ctx, s, u2)
		must(t, err)
		if u3 != u || len(log.stmt) != 0 {
			t.Errorf("merge into the session holding the objects: same %v, statements %v", u3 == u, log.stmt)
		}
		if u.Name != "fred2" || u.Address.Get().Email != "hoho@lalala.com" {
			t.Errorf("merged: %q %q", u.Name, u.Address.Get().Email)
		}
	}},
	{"test_value_to_none", func(t *testing.T, ctx context.Context, e *orm.DB) {
		commitNew(t, ctx, e, &MgPerson{ID: 7, Name: "fred", Address: orm.OneOf(&MgPersonAddress{ID: 1, Email: "foo@bar.com"})})
		s := orm.NewSession(e)
		defer s.Close(ctx)
		u3, err := orm.Merge(ctx, s, &MgPerson{ID: 7, Address: orm.OneOf[MgPersonAddress](nil)})
		must(t, err)
		if u3.Name != "" || u3.Address.Get() != nil {
			t.Errorf("merged None: name %q, address %v", u3.Name, u3.Address.Get())
		}
		must(t, s.Commit(ctx))
		s.ExpungeAll()
		var a1 MgPersonAddress
		a1.ID = 1
		a1.Person.Set(nil)
		a2, err := orm.Merge(ctx, s, &a1)
		must(t, err)
		if a2.Person.Get() != nil || a2.PersonID != nil {
			t.Errorf("merged address: person %v, person_id %v", a2.Person.Get(), a2.PersonID)
		}
	}},
	{"test_cascade_doesnt_blowaway_manytoone", func(t *testing.T, ctx context.Context, e *orm.DB) {
		s := orm.NewSession(e)
		defer s.Close(ctx)
		ed, err := orm.Merge(ctx, s, &MgUser{ID: 1, Name: "ed"})
		must(t, err)
		a1 := &MgAddress{ID: 1, Email: "x", User: orm.OneOf(ed)}
		must(t, s.Add(a1))
		jack, err := orm.Merge(ctx, s, &MgUser{ID: 1, Name: "jack"})
		must(t, err)
		a2 := &MgAddress{ID: 2, Email: "x", User: orm.OneOf(jack)}
		must(t, s.Add(a2))
		if ed != jack || a1.User.Get() != a2.User.Get() {
			t.Errorf("second merge of user 1 made another object")
		}
	}},
	{"test_cascades_dont_autoflush", func(t *testing.T, ctx context.Context, e *orm.DB) {
		s := orm.NewSession(e)
		defer s.Close(ctx)
		log := record(t, e)
		m, err := orm.Merge(ctx, s, &MgUser{ID: 8, Name: "fred", Addresses: orm.ManyOf(&MgAddress{ID: 1, Email: "user"})})
		must(t, err)
		if log.count("INSERT") != 0 {
			t.Errorf("merge autoflushed: %v", log.stmt)
		}
		must(t, s.Flush(ctx))
		if log.count("INSERT") != 2 || !s.Contains(m) {
			t.Errorf("flush after the merge: %v", log.stmt)
		}
	}},
	{"test_cascades_dont_autoflush_2", func(t *testing.T, ctx context.Context, e *orm.DB) {
		commitNew(t, ctx, e, &MgOwner{ID: 7, Name: "fred", Addresses: orm.ManyOf(&MgOwnedAddress{ID: 1, Email: "fred1"})})
		s := orm.NewSession(e)
		defer s.Close(ctx)
		_, err := orm.Merge(ctx, s, &MgOwner{ID: 7, Name: "fred", Addresses: orm.ManyOf(&MgOwnedAddress{ID: 1, Email: "fred1"}, &MgOwnedAddress{ID: 2, Email: "fred2"})})
		must(t, err)
		must(t, s.Commit(ctx))
		if n, _ := orm.Select[MgOwnedAddress](e).Count(ctx); n != 2 {
			t.Errorf("addresses = %d, want 2", n)
		}
	}},
}
