package orm_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Revised has onupdate columns: a time and a plain value.
type Revised struct {
	ID        int64
	Title     string    `orm:"size:20"`
	UpdatedAt time.Time `orm:"onupdate:now"`
	State     string    `orm:"size:20;onupdate:edited"`
}

// Edited has an onupdate column with a fixed value, for golden SQL.
type Edited struct {
	ID    int64
	Title string `orm:"size:20"`
	State string `orm:"size:20;onupdate:edited"`
}

// TestBulkUpdateAppliesOnUpdate is issue 14 item 3: orm.Update[T] assigns
// the onupdate columns, as SQLAlchemy's update() does, unless the caller
// sets them.
func TestBulkUpdateAppliesOnUpdate(t *testing.T) {
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	fixed := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name      string
		set       []any
		wantState string
		wantTime  func(time.Time) bool
	}{
		{"onupdate columns are assigned", []any{"Title", "b"}, "edited",
			func(u time.Time) bool { return u.After(old.Add(24 * time.Hour)) }},
		{"explicit values win", []any{"Title", "c", "UpdatedAt", fixed, "state", "kept"}, "kept",
			func(u time.Time) bool { return u.Equal(fixed) }},
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := openDB(t, db)
		md := orm.NewMetaData()
		md.Register(Revised{})
		if err := md.CreateAll(ctx, e); err != nil {
			t.Fatal(err)
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				r := &Revised{Title: "a", UpdatedAt: old, State: "new"}
				if err := orm.Insert(ctx, e, r); err != nil {
					t.Fatal(err)
				}
				n, err := orm.Update[Revised](e).Set(tc.set...).Where(orm.C("id").Eq(r.ID)).Exec(ctx)
				if err != nil || n != 1 {
					t.Fatalf("update: %d rows, %v", n, err)
				}
				got, err := orm.Get[Revised](ctx, e, r.ID)
				if err != nil {
					t.Fatal(err)
				}
				if got.State != tc.wantState || !tc.wantTime(got.UpdatedAt) {
					t.Errorf("state %q updated_at %v, want %q", got.State, got.UpdatedAt, tc.wantState)
				}
			})
		}
	})
}

// TestBulkUpdateOnUpdateSQL checks the statement: the onupdate columns
// follow the caller's assignments, once each.
func TestBulkUpdateOnUpdateSQL(t *testing.T) {
	e := openDB(t, dbtest.SQLite(t))
	query, args, err := orm.Update[Revised](e).Set("Title", "b", "State", "s").Where(orm.C("id").Eq(1)).SQL()
	if err != nil {
		t.Fatal(err)
	}
	want := `UPDATE "revised" SET "title" = ?, "state" = ?, "updated_at" = ? WHERE "id" = ?`
	if query != want || len(args) != 4 {
		t.Errorf("got %s %v\nwant %s", query, args, want)
	}
}

// TestBulkUpdateBadOnUpdateNamesColumn: an onupdate value that does not
// fit its column is an error naming the column.
func TestBulkUpdateBadOnUpdateNamesColumn(t *testing.T) {
	type BadOnUpdate struct {
		ID   int64
		Hits int `orm:"onupdate:many"`
	}
	e := openDB(t, dbtest.SQLite(t))
	_, _, err := orm.Update[BadOnUpdate](e).Set("ID", 1).SQL()
	var ce *orm.ColumnError
	if !errors.As(err, &ce) || ce.Column != "hits" || ce.Op != "onupdate" || !strings.Contains(err.Error(), "bad_on_update.hits") {
		t.Errorf("got %v, want a ColumnError naming column hits", err)
	}
}
