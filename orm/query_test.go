package orm_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// seed inserts an owner and three products.
func seed(t *testing.T, e *orm.DB) (*Owner, []*Product) {
	t.Helper()
	ctx := context.Background()
	o := &Owner{Email: "ann@example.com"}
	if err := orm.Insert(ctx, e, o); err != nil {
		t.Fatalf("insert owner: %v", err)
	}
	ps := []*Product{
		{Name: "apple", Price: orm.MustDecimal("1.50"), OwnerID: &o.ID, Created: time.Now()},
		{Name: "banana", Price: orm.MustDecimal("0.25"), OwnerID: &o.ID, Status: "live", Created: time.Now()},
		{Name: "cherry", Price: orm.MustDecimal("12.00"), Status: "live", Created: time.Now()},
	}
	if err := orm.InsertMany(ctx, e, ps); err != nil {
		t.Fatalf("insert products: %v", err)
	}
	return o, ps
}

func names(ps []*Product) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return out
}

func TestInsertWritesBackKeysAndDefaults(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := setup(t, db)
		o, ps := seed(t, e)
		if o.ID == 0 {
			t.Fatal("owner ID not written back")
		}
		ids := []int{ps[0].ID, ps[1].ID, ps[2].ID}
		if ids[0] == 0 || ids[1] != ids[0]+1 || ids[2] != ids[1]+1 {
			t.Fatalf("product IDs = %v, want consecutive generated keys", ids)
		}
		if ps[0].Status != "draft" {
			t.Errorf("server default not written back: Status = %q, want draft", ps[0].Status)
		}
		got, err := orm.Get[Product](context.Background(), e, ps[1].ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != "banana" || !got.Price.Equal(orm.MustDecimal("0.25")) || got.OwnerID == nil || *got.OwnerID != o.ID {
			t.Errorf("Get = %+v, want banana 0.25 owned by %d", got, o.ID)
		}
	})
}

func TestSelectForms(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := setup(t, db)
		o, _ := seed(t, e)
		tests := []struct {
			name string
			q    *orm.SelectQuery[Product]
			want []string
		}{
			{"all ordered", orm.Select[Product](e).OrderBy("name"), []string{"apple", "banana", "cherry"}},
			{"desc", orm.Select[Product](e).OrderBy("-Name"), []string{"cherry", "banana", "apple"}},
			{"where gt", orm.Select[Product](e).Where(orm.C("price").Gt(1)).OrderBy("name"), []string{"apple", "cherry"}},
			{"filter by field", orm.Select[Product](e).FilterBy("Status", Status("live")).OrderBy("name"), []string{"banana", "cherry"}},
			{"filter by map", orm.Select[Product](e).FilterBy(map[string]any{"name": "apple"}), []string{"apple"}},
			{"or", orm.Select[Product](e).Where(orm.Or(orm.C("name").Eq("apple"), orm.C("name").Like("ch%"))).OrderBy("name"), []string{"apple", "cherry"}},
			{"not in", orm.Select[Product](e).Where(orm.Not(orm.C("name").In([]string{"apple", "banana"}))), []string{"cherry"}},
			{"empty in", orm.Select[Product](e).Where(orm.C("name").In([]string{})), nil},
			{"is null", orm.Select[Product](e).Where(orm.C("owner_id").IsNull()), []string{"cherry"}},
			{"raw", orm.Select[Product](e).Where(orm.SQL("price > ? AND name <> ?", 0.5, "cherry")), []string{"apple"}},
			{"limit offset", orm.Select[Product](e).OrderBy("name").Limit(1).Offset(1), []string{"banana"}},
			{"offset only", orm.Select[Product](e).OrderBy("name").Offset(2), []string{"cherry"}},
			{"between", orm.Select[Product](e).Where(orm.C("price").Between(0.2, 2)).OrderBy("name"), []string{"apple", "banana"}},
			{"join", orm.Select[Product](e).Join("owner", orm.C("owner.id").Eq(orm.C("product.owner_id"))).
				Where(orm.C("owner.email").Eq(o.Email)).OrderBy("name"), []string{"apple", "banana"}},
			{"subquery", orm.Select[Product](e).Where(orm.C("owner_id").In(orm.Select[Owner](e).Columns("id").
				Where(orm.C("email").Like("ann%")))).OrderBy("name"), []string{"apple", "banana"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := tt.q.All(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(names(got), tt.want) {
					t.Errorf("got %v, want %v", names(got), tt.want)
				}
			})
		}
	})
}

func TestFirstOneGetErrors(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := setup(t, db)
		seed(t, e)
		first, err := orm.Select[Product](e).OrderBy("-price").First(ctx)
		if err != nil || first.Name != "cherry" {
			t.Errorf("First = %v, %v; want cherry", first, err)
		}
		if _, err := orm.Select[Product](e).FilterBy("Name", "nope").First(ctx); !errors.Is(err, orm.ErrNoRows) {
			t.Errorf("First on no rows = %v, want ErrNoRows", err)
		}
		if _, err := orm.Select[Product](e).One(ctx); !errors.Is(err, orm.ErrMultipleRows) {
			t.Errorf("One on three rows = %v, want ErrMultipleRows", err)
		}
		if _, err := orm.Select[Product](e).FilterBy("Name", "nope").One(ctx); !errors.Is(err, orm.ErrNoRows) {
			t.Errorf("One on no rows = %v, want ErrNoRows", err)
		}
		if _, err := orm.Get[Product](ctx, e, 999999); !errors.Is(err, orm.ErrNoRows) {
			t.Errorf("Get missing = %v, want ErrNoRows", err)
		}
		if _, err := orm.Get[Product](ctx, e, 1, 2); err == nil {
			t.Error("Get with two keys for a one-column key: want error")
		}
		_, err = orm.Select[Product](e).FilterBy("Nmae", "apple").All(ctx)
		if err == nil || !strings.Contains(err.Error(), `"Nmae"`) {
			t.Errorf("unknown FilterBy field: err = %v, want one naming \"Nmae\"", err)
		}
		if _, err := orm.Select[Product](e).OrderBy("bogus").All(ctx); err == nil {
			t.Error("unknown OrderBy column: want error")
		}
		if _, err := orm.Select[Product](e).Where(orm.SQL("name = ?")).All(ctx); err == nil {
			t.Error("SQL with a missing argument: want error")
		}
	})
}

func TestCountExistsScalarIter(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := setup(t, db)
		seed(t, e)
		if n, err := orm.Select[Product](e).Count(ctx); err != nil || n != 3 {
			t.Errorf("Count = %d, %v; want 3", n, err)
		}
		if n, err := orm.Select[Product](e).FilterBy("Status", "live").Limit(1).Count(ctx); err != nil || n != 1 {
			t.Errorf("Count with limit = %d, %v; want 1", n, err)
		}
		if n, err := orm.Select[Product](e).Distinct().Columns("status").Count(ctx); err != nil || n != 2 {
			t.Errorf("Count of distinct statuses = %d, %v; want 2", n, err)
		}
		if ok, err := orm.Select[Product](e).FilterBy("Name", "apple").Exists(ctx); err != nil || !ok {
			t.Errorf("Exists(apple) = %v, %v; want true", ok, err)
		}
		if ok, err := orm.Select[Product](e).FilterBy("Name", "kiwi").Exists(ctx); err != nil || ok {
			t.Errorf("Exists(kiwi) = %v, %v; want false", ok, err)
		}
		sum, err := orm.Scalar[orm.Decimal](ctx, orm.Select[Product](e).Columns(orm.Sum("price")))
		if err != nil || !sum.Equal(orm.MustDecimal("13.75")) {
			t.Errorf("sum(price) = %v, %v; want 13.75", sum, err)
		}
		groups, err := orm.Scalar[int64](ctx, orm.Select[Product](e).Columns(orm.Count()).
			GroupBy("status").Having(orm.Count().Gt(1)))
		if err != nil || groups != 2 {
			t.Errorf("live products via GROUP BY/HAVING = %d, %v; want 2", groups, err)
		}
		var seen []string
		for p, err := range orm.Select[Product](e).OrderBy("name").Iter(ctx) {
			if err != nil {
				t.Fatal(err)
			}
			seen = append(seen, p.Name)
			if len(seen) == 2 {
				break
			}
		}
		if !slices.Equal(seen, []string{"apple", "banana"}) {
			t.Errorf("Iter with early break saw %v", seen)
		}
		if n, err := orm.Select[Product](e).Count(ctx); err != nil || n != 3 {
			t.Errorf("query after breaking out of Iter = %d, %v; the connection must be released", n, err)
		}
	})
}
