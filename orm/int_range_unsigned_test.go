package orm_test

import (
	"context"
	"math"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Meter has unsigned fields in SMALLINT, INTEGER and BIGINT columns.
type Meter struct {
	ID    int
	Small uint16 `orm:"type:smallint"`
	Mid   uint32 `orm:"type:integer"`
	Big   uint64 // BIGINT
	Word  uint   // BIGINT
	Tiny  uint8  // INTEGER
}

// TestWriteUnsignedPastColumnRange writes Go unsigned integers: one past
// the column's signed range is a RangeError naming the column on every
// database (a uint64 past MaxInt64 fits no BIGINT, SQLite's included),
// and one inside it is stored as is.
func TestWriteUnsignedPastColumnRange(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		db := openDB(t, d)
		md := orm.NewMetaData()
		if err := md.Register(&Meter{}); err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		if err := md.CreateAll(ctx, db); err != nil {
			t.Fatal(err)
		}
		sized := d.Name != "sqlite"
		tests := []struct {
			name   string
			m      Meter
			range_ bool // out of range on every database, not only sized ones
			column string
		}{
			{"SMALLINT at the top", Meter{Small: math.MaxInt16}, false, ""},
			{"SMALLINT past the top", Meter{Small: math.MaxInt16 + 1}, false, "small"},
			{"INTEGER at the top", Meter{Mid: math.MaxInt32}, false, ""},
			{"INTEGER past the top", Meter{Mid: math.MaxInt32 + 1}, false, "mid"},
			{"BIGINT at the top", Meter{Big: math.MaxInt64}, false, ""},
			{"BIGINT past the top", Meter{Big: math.MaxInt64 + 1}, true, "big"},
			{"BIGINT at the unsigned top", Meter{Big: math.MaxUint64}, true, "big"},
			{"uint past the top", Meter{Word: math.MaxUint}, true, "word"},
			{"uint8 at its top", Meter{Tiny: math.MaxUint8}, false, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				want := tt.column != "" && (sized || tt.range_)
				m := tt.m
				err := orm.Insert(ctx, db, &m)
				checkRangeError(t, err, want, tt.column)
				if err == nil {
					got, err := orm.Get[Meter](ctx, db, m.ID)
					if err != nil || *got != m {
						t.Fatalf("read back %+v, %v; want %+v", got, err, m)
					}
				}
				s := orm.NewSession(db)
				defer s.Close(ctx)
				m2 := tt.m
				if err := s.Add(&m2); err != nil {
					t.Fatal(err)
				}
				checkRangeError(t, s.Commit(ctx), want, tt.column)
			})
		}
		t.Run("bulk insert", func(t *testing.T) {
			err := orm.InsertMany(ctx, db, []*Meter{{Big: 1}, {Big: math.MaxUint64}})
			checkRangeError(t, err, true, "big")
		})
		t.Run("update", func(t *testing.T) {
			m := Meter{Big: 7}
			if err := orm.Insert(ctx, db, &m); err != nil {
				t.Fatal(err)
			}
			s := orm.NewSession(db)
			defer s.Close(ctx)
			got, err := orm.Get[Meter](ctx, s, m.ID)
			if err != nil {
				t.Fatal(err)
			}
			got.Big = math.MaxUint64
			checkRangeError(t, s.Commit(ctx), true, "big")
		})
	})
}

// TestRangeErrorMessage names unsigned values past int64 exactly.
func TestRangeErrorMessage(t *testing.T) {
	tests := []struct {
		name string
		err  *orm.RangeError
		want string
	}{
		{"signed", &orm.RangeError{Column: "price", Type: 1, Value: -2147483649}, "orm: -2147483649 is out of range for column price"},
		{"unsigned past int64", &orm.RangeError{Column: "big", Unsigned: math.MaxUint64}, "orm: 18446744073709551615 is out of range for column big"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); len(got) < len(tt.want) || got[:len(tt.want)] != tt.want {
				t.Errorf("Error() = %q, want prefix %q", got, tt.want)
			}
		})
	}
}
