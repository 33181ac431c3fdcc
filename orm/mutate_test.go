package orm_test

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

func TestUpdateDeleteSave(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := setup(t, db)
		_, ps := seed(t, e)
		n, err := orm.Update[Product](e).Set("Price", orm.SQL("price + ?", 1)).FilterBy("Status", "live").Exec(ctx)
		if err != nil || n != 2 {
			t.Fatalf("Update = %d, %v; want 2 rows", n, err)
		}
		got, _ := orm.Get[Product](ctx, e, ps[2].ID)
		if !got.Price.Equal(orm.MustDecimal("13")) {
			t.Errorf("cherry price after +1 = %s, want 13", got.Price)
		}
		got.Name = "cherry2"
		if err := orm.Save(ctx, e, got); err != nil {
			t.Fatal(err)
		}
		if again, _ := orm.Get[Product](ctx, e, ps[2].ID); again.Name != "cherry2" {
			t.Errorf("after Save name = %q, want cherry2", again.Name)
		}
		if err := orm.Save(ctx, e, &Product{ID: 424242, Name: "ghost", Status: "draft"}); !errors.Is(err, orm.ErrNoRows) {
			t.Errorf("Save of a missing row = %v, want ErrNoRows", err)
		}
		if n, err := orm.Update[Product](e).Set("Nope", 1).Exec(ctx); err == nil {
			t.Errorf("Update of unknown field = %d, nil; want error", n)
		}
		if err := orm.DeleteObject(ctx, e, ps[0]); err != nil {
			t.Fatal(err)
		}
		if n, err := orm.Delete[Product](e).Where(orm.C("price").Lt(2)).Exec(ctx); err != nil || n != 1 {
			t.Errorf("Delete = %d, %v; want 1", n, err)
		}
		if c, _ := orm.Select[Product](e).Count(ctx); c != 1 {
			t.Errorf("rows left = %d, want 1", c)
		}
	})
}

func TestUpsert(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := setup(t, db)
		name := "Ann"
		if err := orm.Insert(ctx, e, &Owner{Email: "a@x", Name: &name}); err != nil {
			t.Fatal(err)
		}
		other := "Annie"
		err := orm.InsertInto[Owner](e).Values(&Owner{Email: "a@x", Name: &other}).
			OnConflict("email").DoUpdate("name").Exec(ctx)
		if err != nil {
			t.Fatal(err)
		}
		o, err := orm.Select[Owner](e).FilterBy("Email", "a@x").One(ctx)
		if err != nil || *o.Name != "Annie" {
			t.Fatalf("after DoUpdate: %v, %v; want name Annie", o, err)
		}
		err = orm.InsertInto[Owner](e).Values(&Owner{Email: "a@x", Name: &name}).OnConflict("email").DoNothing().Exec(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if o, _ := orm.Select[Owner](e).FilterBy("Email", "a@x").One(ctx); *o.Name != "Annie" {
			t.Errorf("DoNothing changed the row: name %q", *o.Name)
		}
	})
}

func TestConstraintViolationsAreTyped(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := setup(t, db)
		if err := orm.Insert(ctx, e, &Owner{Email: "dup@x"}); err != nil {
			t.Fatal(err)
		}
		missing := int64(987654)
		tests := []struct {
			name string
			run  func() error
			want error
		}{
			{"unique", func() error { return orm.Insert(ctx, e, &Owner{Email: "dup@x"}) }, orm.ErrUniqueViolation},
			{"foreign key", func() error {
				return orm.Insert(ctx, e, &Product{Name: "x", OwnerID: &missing, Status: "draft", Created: time.Now()})
			}, orm.ErrForeignKeyViolation},
			{"not null", func() error {
				_, err := orm.Exec(ctx, e, "INSERT INTO owner (email) VALUES (?)", nil)
				return err
			}, orm.ErrNotNullViolation},
			{"check", func() error {
				return orm.Insert(ctx, e, &Product{Name: "x", Price: orm.MustDecimal("-1"), Status: "draft", Created: time.Now()})
			}, orm.ErrCheckViolation},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				err := tt.run()
				if !errors.Is(err, tt.want) {
					t.Fatalf("err = %v, want %v", err, tt.want)
				}
				var ce *orm.ConstraintError
				if !errors.As(err, &ce) || ce.Err == nil {
					t.Errorf("err %v does not wrap the driver error", err)
				}
			})
		}
	})
}

func TestRawQueries(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := setup(t, db)
		seed(t, e)
		ps, err := orm.Raw[Product](e, "SELECT * FROM product WHERE price > ? ORDER BY name", 1).All(ctx)
		if err != nil || len(ps) != 2 || ps[0].Name != "apple" {
			t.Fatalf("Raw All = %v, %v; want apple, cherry", names(ps), err)
		}
		type nameOnly struct{ Name string }
		one, err := orm.Raw[nameOnly](e, "SELECT name FROM product WHERE name = ?", "banana").One(ctx)
		if err != nil || one.Name != "banana" {
			t.Errorf("Raw into a plain struct = %v, %v", one, err)
		}
		if _, err := orm.Raw[nameOnly](e, "SELECT name, price FROM product").All(ctx); err == nil {
			t.Error("Raw with a column the struct lacks: want error")
		}
		if _, err := orm.Raw[Product](e, "SELECT * FROM product").One(ctx); !errors.Is(err, orm.ErrMultipleRows) {
			t.Errorf("Raw One on many rows = %v, want ErrMultipleRows", err)
		}
	})
}

func TestServerDefaultNowIsWrittenBack(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := setup(t, db)
		before := time.Now().Add(-time.Minute)
		p := &Product{Name: "fresh"}
		if err := orm.Insert(ctx, e, p); err != nil {
			t.Fatal(err)
		}
		if p.Created.Before(before) || p.Created.After(time.Now().Add(time.Minute)) {
			t.Errorf("Created = %v, want about now from the server default", p.Created)
		}
		got, _ := orm.Get[Product](ctx, e, p.ID)
		if !got.Created.Equal(p.Created) {
			t.Errorf("stored %v, written back %v", got.Created, p.Created)
		}
	})
}

// Stamped has client-side time defaults.
type Stamped struct {
	ID        int
	Title     string    `orm:"size:20;default:untitled;default_if_zero"`
	CreatedAt time.Time `orm:"default:now"`
	UpdatedAt time.Time `orm:"default:now;onupdate:now"`
}

func TestClientDefaultsAndOnUpdate(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := openDB(t, db)
		md := orm.NewMetaData()
		_ = md.Register(Stamped{})
		if err := md.CreateAll(ctx, e); err != nil {
			t.Fatal(err)
		}
		s := &Stamped{}
		if err := orm.Insert(ctx, e, s); err != nil {
			t.Fatal(err)
		}
		if s.Title != "untitled" || s.CreatedAt.IsZero() {
			t.Fatalf("defaults not applied: %+v", s)
		}
		first := s.UpdatedAt
		time.Sleep(2 * time.Millisecond)
		if err := orm.Save(ctx, e, s); err != nil {
			t.Fatal(err)
		}
		got, _ := orm.Get[Stamped](ctx, e, s.ID)
		if !got.UpdatedAt.After(first) || !got.CreatedAt.Equal(s.CreatedAt) || !got.UpdatedAt.Equal(s.UpdatedAt) {
			t.Errorf("onupdate: created %v updated %v (was %v)", got.CreatedAt, got.UpdatedAt, first)
		}
		var seen int
		for p, err := range orm.Raw[Stamped](e, "SELECT * FROM stamped WHERE title = ?", "untitled").Iter(ctx) {
			if err != nil || p.ID != s.ID {
				t.Fatalf("Raw Iter = %v, %v", p, err)
			}
			seen++
		}
		if seen != 1 {
			t.Errorf("Raw Iter saw %d rows, want 1", seen)
		}
	})
}

func TestWrongTypesAreErrors(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := setup(t, db)
		seed(t, e)
		if _, err := orm.Update[Product](e).Set("Name", make(chan int)).Where(orm.C("id").Eq(1)).Exec(ctx); err == nil {
			t.Error("binding a channel: want error")
		}
		type wrong struct {
			Name int
		}
		_, err := orm.Raw[wrong](e, "SELECT name FROM product").All(ctx)
		if err == nil || !strings.Contains(err.Error(), `"name"`) {
			t.Errorf("scanning text into int: err = %v, want one naming the column", err)
		}
		if _, err := orm.Select[Product](e).FilterBy("Name", "zzz").First(ctx); !errors.Is(err, sql.ErrNoRows) {
			t.Errorf("ErrNoRows must match sql.ErrNoRows: %v", err)
		}
	})
}
