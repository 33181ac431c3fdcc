package orm_test

import (
	"bytes"
	"context"
	"maps"
	"math"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Doc is a JSON payload.
type Doc struct {
	Title string         `json:"title"`
	Tags  []string       `json:"tags"`
	Meta  map[string]any `json:"meta"`
}

// Sample stores one value of every portable type.
type Sample struct {
	ID     int64
	Big    int64
	Small  int16
	Flag   bool
	F      float64
	S      string      `orm:"size:200"`
	Txt    string      `orm:"type:text"`
	Num    orm.Decimal `orm:"type:numeric(40,10)"`
	Day    orm.Date
	At     time.Time
	AtTZ   time.Time `orm:"tz"`
	Clock  orm.TimeOfDay
	Span   time.Duration
	Blob   []byte
	Doc    orm.JSON[Doc]
	Key    orm.UUID
	State  Status
	Custom CaseInsensitive
	MaybeS *string `orm:"size:10"`
	MaybeI orm.Null[int64]
	MaybeT *time.Time
	MaybeD *time.Duration
}

const maxDecimal = "123456789012345678901234567890.1234567891"

var zoneE = time.FixedZone("E", 5*3600+30*60)

// sampleCases are edge values; times use microseconds, the finest
// precision all three databases keep.
func sampleCases() map[string]Sample {
	s := "héllo"
	d := -90 * time.Minute
	at := time.Date(2024, 2, 29, 23, 59, 58, 123456000, time.UTC)
	return map[string]Sample{
		"zero values": {Doc: orm.JSONOf(Doc{}), Num: orm.MustDecimal("0"), Day: orm.Date{Year: 2000, Month: 1, Day: 1}, State: "draft"},
		"max": {Big: math.MaxInt64, Small: math.MaxInt16, Flag: true, F: math.MaxFloat64,
			S: "𝄞 unicode ✓ 日本語 'quote' \"dq\" \\", Txt: string(bytes.Repeat([]byte("x"), 70000)),
			Num: orm.MustDecimal(maxDecimal),
			Day: orm.Date{Year: 9999, Month: 12, Day: 31}, At: at, AtTZ: at.In(zoneE),
			Clock: orm.TimeOfDay{Hour: 23, Minute: 59, Second: 59, Nanosecond: 999999000},
			Span:  1000*time.Hour + time.Microsecond, Blob: []byte{0, 1, 0, 255, 0},
			Doc: orm.JSONOf(Doc{Title: "t\u0000x", Tags: []string{"a", "ü"}, Meta: map[string]any{"n": 1.5, "b": true}}),
			Key: orm.NewUUID(), State: "it's", Custom: "MiXeD", MaybeS: &s, MaybeI: orm.NullOf[int64](0),
			MaybeT: &at, MaybeD: &d},
		"min": {Big: math.MinInt64, Small: math.MinInt16, F: -math.SmallestNonzeroFloat64,
			Num: orm.MustDecimal("-0.0000000001"), Day: orm.Date{Year: 1, Month: 1, Day: 1},
			At: time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), AtTZ: time.Date(1900, 6, 1, 12, 0, 0, 0, time.UTC),
			Span: -time.Second, Blob: []byte{}, Doc: orm.JSONOf(Doc{Tags: []string{}}), State: "draft"},
	}
}

func TestTypesRoundTrip(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := modelDB(t, db, Sample{})
		for name, in := range sampleCases() {
			t.Run(name, func(t *testing.T) {
				fitSample(db.Name, &in)
				if err := orm.Insert(ctx, e, &in); err != nil {
					t.Fatal(err)
				}
				out, err := orm.Get[Sample](ctx, e, in.ID)
				if err != nil {
					t.Fatal(err)
				}
				compareSample(t, db.Name, in, *out)
			})
		}
	})
}

// TestTypesRoundTripInsertMany sends every edge value in one multi-row
// insert: on PostgreSQL each column is bound as one array (unnest), a
// different encoding path from single-row inserts.
func TestTypesRoundTripInsertMany(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := modelDB(t, db, Sample{})
		names := slices.Sorted(maps.Keys(sampleCases()))
		rows := make([]*Sample, len(names))
		for i, name := range names {
			in := sampleCases()[name]
			fitSample(db.Name, &in)
			rows[i] = &in
		}
		if err := orm.InsertMany(ctx, e, rows); err != nil {
			t.Fatal(err)
		}
		for i, name := range names {
			t.Run(name, func(t *testing.T) {
				out, err := orm.Get[Sample](ctx, e, rows[i].ID)
				if err != nil {
					t.Fatal(err)
				}
				compareSample(t, db.Name, *rows[i], *out)
			})
		}
	})
}

// modelDB opens db with the tables of models created.
func modelDB(t *testing.T, db dbtest.DB, models ...any) *orm.DB {
	t.Helper()
	e := openDB(t, db)
	md := orm.NewMetaData()
	must(t, md.Register(models...))
	must(t, md.CreateAll(context.Background(), e))
	return e
}

// fitSample adjusts edge values to what each database can hold.
func fitSample(dialect string, in *Sample) {
	if dialect == "sqlite" && in.Num.String() == maxDecimal {
		// SQLite's NUMERIC affinity keeps 15 significant digits (as with SQLAlchemy).
		in.Num = orm.MustDecimal("123456789012345.5")
	}
	if dialect == "mysql" && in.Day.Year == 1 {
		in.AtTZ = in.AtTZ.AddDate(100, 0, 0) // DATETIME starts at year 1000
	}
}

// compareSample compares field by field with type-aware equality.
func compareSample(t *testing.T, dialect string, in, out Sample) {
	t.Helper()
	want := string(in.Custom)
	if got := string(out.Custom); got != toLower(want) {
		t.Errorf("Custom = %q, want %q (Value lower-cases)", got, toLower(want))
	}
	if !in.Num.Equal(out.Num) {
		t.Errorf("Num = %s, want %s", out.Num, in.Num)
	}
	if !in.At.Equal(out.At) || !in.AtTZ.Equal(out.AtTZ) {
		t.Errorf("times = %v / %v, want %v / %v", out.At, out.AtTZ, in.At, in.AtTZ)
	}
	if (in.MaybeT == nil) != (out.MaybeT == nil) || in.MaybeT != nil && !in.MaybeT.Equal(*out.MaybeT) {
		t.Errorf("MaybeT = %v, want %v", out.MaybeT, in.MaybeT)
	}
	if len(in.Blob) == 0 && len(out.Blob) == 0 {
		in.Blob, out.Blob = nil, nil
	}
	in.Custom, out.Custom = "", ""
	in.Num, out.Num = orm.Decimal{}, orm.Decimal{}
	in.At, out.At, in.AtTZ, out.AtTZ, in.MaybeT, out.MaybeT = time.Time{}, time.Time{}, time.Time{}, time.Time{}, nil, nil
	if !reflect.DeepEqual(in, out) {
		t.Errorf("%s round trip differs:\n got %+v\nwant %+v", dialect, out, in)
	}
}

func toLower(s string) string { return string(bytes.ToLower([]byte(s))) }
