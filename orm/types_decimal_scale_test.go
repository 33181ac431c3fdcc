package orm_test

import (
	"context"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Priced has numeric(10,2) columns held as each Decimal form.
type Priced struct {
	ID    int64
	Price orm.Decimal           `orm:"type:numeric(10,2)"`
	Maybe *orm.Decimal          `orm:"type:numeric(10,2)"`
	Opt   orm.Null[orm.Decimal] `orm:"type:numeric(10,2)"`
	Loose orm.Decimal           `orm:"type:numeric"`
	Whole orm.Null[orm.Decimal] `orm:"type:numeric(8)"`
}

// TestNumericResultsKeepDeclaredScale is issue 14 item 5: results of
// Numeric columns and of sum/min/max over them have the declared scale on
// every database, so SQLite's float arithmetic shows through no more
// (SQLAlchemy's Numeric result processor).
func TestNumericResultsKeepDeclaredScale(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := openDB(t, db)
		md := orm.NewMetaData()
		md.Register(Priced{})
		if err := md.CreateAll(ctx, e); err != nil {
			t.Fatal(err)
		}
		a, b := orm.MustDecimal("0.2"), orm.MustDecimal("19.99")
		rows := []*Priced{
			{Price: a, Maybe: &a, Opt: orm.NullOf(a), Loose: a, Whole: orm.NullOf(orm.MustDecimal("7"))},
			{Price: b, Maybe: &b, Opt: orm.NullOf(b), Loose: b},
		}
		if err := orm.InsertMany(ctx, e, rows); err != nil {
			t.Fatal(err)
		}
		scalars := []struct {
			name string
			expr orm.Expr
			want string
		}{
			{"sum", orm.Sum("price"), "20.19"},
			{"sum of pointer column", orm.Sum("maybe"), "20.19"},
			{"sum of Null column", orm.Sum("opt"), "20.19"},
			{"min", orm.Min("price"), "0.20"},
			{"max", orm.Max("priced.price"), "19.99"},
			{"column", orm.C("price"), "0.20"},
		}
		for _, sc := range scalars {
			q := orm.Select[Priced](e).Columns(sc.expr)
			if sc.name == "column" {
				q = q.OrderBy("id")
			}
			got, err := orm.Scalar[orm.Decimal](ctx, q)
			if err != nil || got.String() != sc.want {
				t.Errorf("%s: Scalar[Decimal] = %s, %v; want %s", sc.name, got, err, sc.want)
			}
			ptr, err := orm.Scalar[*orm.Decimal](ctx, q)
			if err != nil || ptr == nil || ptr.String() != sc.want {
				t.Errorf("%s: Scalar[*Decimal] = %v, %v; want %s", sc.name, ptr, err, sc.want)
			}
			null, err := orm.Scalar[orm.Null[orm.Decimal]](ctx, q)
			if err != nil || !null.Valid || null.V.String() != sc.want {
				t.Errorf("%s: Scalar[Null[Decimal]] = %+v, %v; want %s", sc.name, null, err, sc.want)
			}
		}
		// avg has no declared type in SQLAlchemy either: only its value is portable.
		avg, err := orm.Scalar[orm.Decimal](ctx, orm.Select[Priced](e).Columns(orm.Avg("price")))
		if err != nil || !avg.Equal(orm.MustDecimal("10.095")) {
			t.Errorf("avg = %s, %v; want 10.095", avg, err)
		}
		got, err := orm.Select[Priced](e).OrderBy("id").All(ctx)
		if err != nil || len(got) != 2 {
			t.Fatalf("loaded %d rows: %v", len(got), err)
		}
		first := got[0]
		if first.Price.String() != "0.20" || first.Maybe == nil || first.Maybe.String() != "0.20" || first.Opt.V.String() != "0.20" {
			t.Errorf("loaded %s %v %v, want 0.20 each", first.Price, first.Maybe, first.Opt)
		}
		if !first.Loose.Equal(a) || first.Whole.V.String() != "7" || got[1].Whole.Valid {
			t.Errorf("loaded loose %s whole %+v / %+v", first.Loose, first.Whole, got[1].Whole)
		}
	})
}

// TestDecimalScanFloat: a float read into a Decimal with no known scale is
// rounded to 10 places (SQLAlchemy's default decimal return scale); NaN
// and infinities are errors.
func TestDecimalScanFloat(t *testing.T) {
	cases := []struct {
		name string
		in   float64
		want string
	}{
		{"binary noise", 0.2 + 19.99, "20.1900000000"},
		{"third", 1.0 / 3, "0.3333333333"},
		{"negative", -2.5, "-2.5000000000"},
	}
	for _, tc := range cases {
		var d orm.Decimal
		if err := d.Scan(tc.in); err != nil || d.String() != tc.want {
			t.Errorf("%s: %s, %v; want %s", tc.name, d, err, tc.want)
		}
	}
	var d orm.Decimal
	for _, bad := range []float64{nan(), inf()} {
		if err := d.Scan(bad); err == nil {
			t.Errorf("Scan(%v) = %s, want an error", bad, d)
		}
	}
}

func nan() float64 { z := 0.0; return z / z }
func inf() float64 { z := 0.0; return 1 / z }
