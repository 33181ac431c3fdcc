package orm_test

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Gadget has INTEGER (Go int) and SMALLINT (Go int16) columns, 32 and 16
// bits wide on PostgreSQL and MySQL.
type Gadget struct {
	ID    int
	Price int
	Stock int16
}

func setupGadgets(t *testing.T, d dbtest.DB) *orm.DB {
	t.Helper()
	db := openDB(t, d)
	md := orm.NewMetaData()
	if err := md.Register(&Gadget{}); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := md.CreateAll(ctx, db); err != nil {
		t.Fatal(err)
	}
	for _, g := range []*Gadget{{Price: 10}, {Price: 20}} {
		if err := orm.Insert(ctx, db, g); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// TestCompareIntegerColumnPastItsRange compares an INTEGER key with Go
// integers it cannot hold, as a URL like /products/2147483648 does: the
// queries find nothing (or what the server's comparison says), as with
// Flask-SQLAlchemy, instead of failing to encode the value.
func TestCompareIntegerColumnPastItsRange(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		db := setupGadgets(t, d)
		ctx := context.Background()
		ids := []any{2147483648, -2147483649, math.MaxInt64, math.MinInt64, int64(1) << 40, uint64(1) << 40}
		if d.Name != "sqlite" { // database/sql refuses to bind these for SQLite
			ids = append(ids, uint64(math.MaxUint64))
		}
		for _, id := range ids {
			if _, err := orm.Get[Gadget](ctx, db, id); !errors.Is(err, orm.ErrNoRows) {
				t.Errorf("Get(%v): err = %v, want ErrNoRows", id, err)
			}
		}
		s := orm.NewSession(db)
		defer s.Close(ctx)
		if _, err := orm.Get[Gadget](ctx, s, 2147483648); !errors.Is(err, orm.ErrNoRows) {
			t.Errorf("session Get: err = %v, want ErrNoRows", err)
		}
		tests := []struct {
			name string
			sel  *orm.SelectQuery[Gadget]
			want int64
		}{
			{"FilterBy", orm.Select[Gadget](db).FilterBy("ID", 2147483648), 0},
			{"Eq", orm.Select[Gadget](db).Where(orm.C("id").Eq(2147483648)), 0},
			{"Lt", orm.Select[Gadget](db).Where(orm.C("id").Lt(2147483648)), 2},
			{"Gt negative", orm.Select[Gadget](db).Where(orm.C("price").Gt(-2147483649)), 2},
			{"In", orm.Select[Gadget](db).Where(orm.C("id").In(1, 2147483648)), 1},
			{"Between", orm.Select[Gadget](db).Where(orm.C("price").Between(15, int64(1)<<40)), 1},
		}
		if d.Name != "sqlite" {
			tests = append(tests, struct {
				name string
				sel  *orm.SelectQuery[Gadget]
				want int64
			}{"past int64", orm.Select[Gadget](db).Where(orm.C("price").Lt(uint64(math.MaxUint64))), 2})
		}
		for _, tt := range tests {
			if n, err := tt.sel.Count(ctx); err != nil || n != tt.want {
				t.Errorf("%s: %d rows, %v; want %d", tt.name, n, err, tt.want)
			}
		}
	})
}

// TestWriteIntegerPastColumnRange: where INTEGER and SMALLINT are sized
// (PostgreSQL, MySQL), writing a larger Go integer is a RangeError naming
// the column, by insert or update; SQLite's columns hold any int64.
func TestWriteIntegerPastColumnRange(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		db := setupGadgets(t, d)
		ctx := context.Background()
		sized := d.Name != "sqlite"
		tests := []struct {
			name   string
			g      Gadget
			column string
		}{
			{"INTEGER past the top", Gadget{Price: math.MaxInt32 + 1}, "price"},
			{"INTEGER past the bottom", Gadget{Price: math.MinInt32 - 1}, "price"},
			{"INTEGER at the top", Gadget{Price: math.MaxInt32}, ""},
			{"SMALLINT at the top", Gadget{Stock: math.MaxInt16}, ""},
			{"key past the top", Gadget{ID: math.MaxInt32 + 1}, "id"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				g := tt.g
				err := orm.Insert(ctx, db, &g)
				checkRangeError(t, err, sized && tt.column != "", tt.column)
				s := orm.NewSession(db)
				defer s.Close(ctx)
				g2 := tt.g
				if g2.ID != 0 {
					g2.ID++ // not the row inserted above
				}
				if err := s.Add(&g2); err != nil {
					t.Fatal(err)
				}
				checkRangeError(t, s.Commit(ctx), sized && tt.column != "", tt.column)
			})
		}
		t.Run("update", func(t *testing.T) {
			s := orm.NewSession(db)
			defer s.Close(ctx)
			g, err := orm.Get[Gadget](ctx, s, 1)
			if err != nil {
				t.Fatal(err)
			}
			g.Price = math.MaxInt32 + 1
			checkRangeError(t, s.Commit(ctx), sized, "price")
		})
	})
}

func checkRangeError(t *testing.T, err error, want bool, column string) {
	t.Helper()
	var re *orm.RangeError
	switch {
	case !want && err != nil:
		t.Fatalf("err = %v, want none", err)
	case want && (!errors.As(err, &re) || !errors.Is(err, orm.ErrOutOfRange) || re.Column != column):
		t.Fatalf("err = %v, want a RangeError naming %q", err, column)
	}
}
