package orm_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Event has a timestamp and a number of days, for date/time functions.
type Event struct {
	ID   int64
	Name string `orm:"size:20"`
	At   time.Time
	Days int
}

// eventDB creates the event table with three events: a (2024-03-05
// 10:30:45, a Tuesday), b (2024-12-31 23:59:59, a Tuesday, day 366) and c
// (2023-01-01 00:00:00, a Sunday).
func eventDB(t *testing.T, db dbtest.DB) *orm.DB {
	t.Helper()
	e := openDB(t, db)
	md := orm.NewMetaData()
	must(t, md.Register(Event{}))
	ctx := context.Background()
	must(t, md.CreateAll(ctx, e))
	must(t, orm.InsertMany(ctx, e, []*Event{
		{Name: "a", At: time.Date(2024, 3, 5, 10, 30, 45, 0, time.UTC), Days: 1},
		{Name: "b", At: time.Date(2024, 12, 31, 23, 59, 59, 0, time.UTC), Days: 10},
		{Name: "c", At: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), Days: 0},
	}))
	return e
}

// times formats times as UTC "2006-01-02 15:04:05".
func times(ts []time.Time) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.UTC().Format(time.DateTime)
	}
	return out
}

// MonthCount is a report row: a month and its number of events.
type MonthCount struct {
	Month time.Time
	N     int64
}

func TestDateTimeFunctions(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := eventDB(t, db)
		ctx := context.Background()
		ints := func(x orm.Expr) []int64 {
			t.Helper()
			return into[int64](t, orm.Select[Event](e).Columns(x).OrderBy("id"))
		}
		stamps := func(x orm.Expr) []string {
			t.Helper()
			return times(into[time.Time](t, orm.Select[Event](e).Columns(x).OrderBy("id")))
		}
		names := func(conds ...orm.Expr) []string {
			t.Helper()
			return into[string](t, orm.Select[Event](e).Columns("name").Where(conds...).OrderBy("id"))
		}
		tests := []struct {
			name      string
			got, want any
		}{
			{"test_extract year", ints(orm.Extract(orm.Year, "at")), []int64{2024, 2024, 2023}},
			{"test_extract month", ints(orm.Extract(orm.Month, "at")), []int64{3, 12, 1}},
			{"test_extract day", ints(orm.Extract(orm.Day, "at")), []int64{5, 31, 1}},
			{"test_extract hour", ints(orm.Extract(orm.Hour, "at")), []int64{10, 23, 0}},
			{"test_extract minute", ints(orm.Extract(orm.Minute, "at")), []int64{30, 59, 0}},
			{"test_extract second", ints(orm.Extract(orm.Second, "at")), []int64{45, 59, 0}},
			{"extract day of week", ints(orm.Extract(orm.DayOfWeek, "at")), []int64{2, 2, 0}},
			{"extract day of year", ints(orm.Extract(orm.DayOfYear, "at")), []int64{65, 366, 1}},
			{"extract in where", names(orm.Extract(orm.Year, "at").Eq(2024)), []string{"a", "b"}},
			{"date_trunc year", stamps(orm.DateTrunc(orm.Year, "at")), []string{"2024-01-01 00:00:00", "2024-01-01 00:00:00", "2023-01-01 00:00:00"}},
			{"date_trunc month", stamps(orm.DateTrunc(orm.Month, "at")), []string{"2024-03-01 00:00:00", "2024-12-01 00:00:00", "2023-01-01 00:00:00"}},
			{"date_trunc day", stamps(orm.DateTrunc(orm.Day, "at")), []string{"2024-03-05 00:00:00", "2024-12-31 00:00:00", "2023-01-01 00:00:00"}},
			{"date_trunc hour", stamps(orm.DateTrunc(orm.Hour, "at")), []string{"2024-03-05 10:00:00", "2024-12-31 23:00:00", "2023-01-01 00:00:00"}},
			{"date_trunc minute", stamps(orm.DateTrunc(orm.Minute, "at")), []string{"2024-03-05 10:30:00", "2024-12-31 23:59:00", "2023-01-01 00:00:00"}},
			{"date_trunc second", stamps(orm.DateTrunc(orm.Second, "at")), []string{"2024-03-05 10:30:45", "2024-12-31 23:59:59", "2023-01-01 00:00:00"}},
			{"to date", stamps(orm.ToDate("at")), []string{"2024-03-05 00:00:00", "2024-12-31 00:00:00", "2023-01-01 00:00:00"}},
			{"to date as orm.Date", into[orm.Date](t, orm.Select[Event](e).Columns(orm.ToDate("at")).OrderBy("id")), []orm.Date{{Year: 2024, Month: 3, Day: 5}, {Year: 2024, Month: 12, Day: 31}, {Year: 2023, Month: 1, Day: 1}}},
			{"date add days", stamps(orm.DateAdd("at", 1, orm.Day)), []string{"2024-03-06 10:30:45", "2025-01-01 23:59:59", "2023-01-02 00:00:00"}},
			{"date add negative hours", stamps(orm.DateAdd("at", -2, orm.Hour)), []string{"2024-03-05 08:30:45", "2024-12-31 21:59:59", "2022-12-31 22:00:00"}},
			{"date add minutes", stamps(orm.DateAdd("at", 90, orm.Minute)), []string{"2024-03-05 12:00:45", "2025-01-01 01:29:59", "2023-01-01 01:30:00"}},
			{"date add seconds", stamps(orm.DateAdd("at", int64(15), orm.Second)), []string{"2024-03-05 10:31:00", "2025-01-01 00:00:14", "2023-01-01 00:00:15"}},
			{"date add a column", stamps(orm.DateAdd("at", orm.C("days"), orm.Day)), []string{"2024-03-06 10:30:45", "2025-01-10 23:59:59", "2023-01-01 00:00:00"}},
			{"date add in where", names(orm.DateAdd("at", 400, orm.Day).Lt(orm.Now())), []string{"a", "b", "c"}},
			{"date before now", names(orm.C("at").Lt(orm.Now())), []string{"a", "b", "c"}},
			{"group by month", into[MonthCount](t, orm.Select[Event](e).Columns(orm.DateTrunc(orm.Year, "at").As("month"), orm.Count().As("n")).
				GroupBy(orm.DateTrunc(orm.Year, "at")).OrderBy("month")),
				[]MonthCount{{time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), 1}, {time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), 2}}},
			{"tuple of year and time", into[orm.Tuple2[int64, time.Time]](t, orm.Select[Event](e).Columns(orm.Extract(orm.Year, "at"), orm.DateTrunc(orm.Day, "at")).Where(orm.C("name").Eq("a"))),
				[]orm.Tuple2[int64, time.Time]{{V1: 2024, V2: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)}}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) { check(t, tt.got, tt.want) })
		}
		t.Run("test_max_time_scalar", func(t *testing.T) {
			got, err := orm.Scalar[time.Time](ctx, orm.Select[Event](e).Columns(orm.Max("at")))
			must(t, err)
			check(t, got.UTC().Format(time.DateTime), "2024-12-31 23:59:59")
			none, err := orm.Into[*time.Time](ctx, orm.Select[Event](e).Columns(orm.Max("at")).Where(orm.C("id").Gt(100)))
			must(t, err)
			if len(none) != 1 || none[0] != nil {
				t.Errorf("max of nothing = %v, want one NULL", none)
			}
		})
		t.Run("test_now", func(t *testing.T) {
			for _, x := range []orm.Expr{orm.Now(), orm.CurrentTimestamp()} {
				got, err := orm.Scalar[time.Time](ctx, orm.Select[Event](e).Columns(x).Limit(1))
				must(t, err)
				if d := time.Since(got); d < -5*time.Minute || d > 5*time.Minute {
					t.Errorf("%v is %v from now; want the current time", got, d)
				}
			}
		})
		t.Run("test_current_date", func(t *testing.T) {
			got := into[orm.Date](t, orm.Select[Event](e).Columns(orm.CurrentDate()).Limit(1))
			today := orm.DateOf(time.Now().UTC())
			y, n := orm.DateOf(time.Now().UTC().AddDate(0, 0, -1)), orm.DateOf(time.Now().UTC().AddDate(0, 0, 1))
			if len(got) != 1 || (got[0] != today && got[0] != y && got[0] != n) {
				t.Errorf("CURRENT_DATE = %v, want %v", got, today)
			}
		})
	})
}

func TestDateTimeErrors(t *testing.T) {
	q := offline{mustDialect(t, "postgresql")}
	tests := []struct {
		name string
		e    orm.TimeExpr
		want string
	}{
		{"unknown unit", orm.Extract(orm.TimeUnit(0), "at"), "Extract does not take the time unit TimeUnit(0)"},
		{"unit out of range", orm.Extract(orm.TimeUnit(99), "at"), "TimeUnit(99)"},
		{"trunc to day of week", orm.DateTrunc(orm.DayOfWeek, "at"), "DateTrunc does not take the time unit dow"},
		{"add months", orm.DateAdd("at", 1, orm.Month), "DateAdd does not take the time unit month"},
		{"add years", orm.DateAdd("at", 1, orm.Year), "DateAdd does not take the time unit year"},
		{"fractional amount", orm.DateAdd("at", 1.5, orm.Day), "DateAdd amount 1.5 (float64) is not an integer"},
		{"nil amount", orm.DateAdd("at", nil, orm.Day), "is not an integer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := orm.Select[Event](q).Columns(tt.e).SQL()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

func TestDateTimeGolden(t *testing.T) {
	var b strings.Builder
	cases := []struct {
		name string
		e    orm.TimeExpr
	}{
		{"now", orm.Now()},
		{"current_timestamp", orm.CurrentTimestamp()},
		{"current_date", orm.CurrentDate()},
		{"extract year", orm.Extract(orm.Year, "at")},
		{"extract second", orm.Extract(orm.Second, "at")},
		{"extract dow", orm.Extract(orm.DayOfWeek, "at")},
		{"extract doy", orm.Extract(orm.DayOfYear, "at")},
		{"date_trunc month", orm.DateTrunc(orm.Month, "at")},
		{"date_trunc hour", orm.DateTrunc(orm.Hour, "at")},
		{"to date", orm.ToDate("at")},
		{"date add days", orm.DateAdd("at", 3, orm.Day)},
		{"date add seconds of a column", orm.DateAdd("at", orm.C("days"), orm.Second)},
	}
	for _, name := range dialectNames {
		q := offline{mustDialect(t, name)}
		for _, c := range cases {
			query, args, err := orm.Select[Event](q).Columns(c.e.As("v")).SQL()
			if err != nil {
				t.Fatalf("%s/%s: %v", name, c.name, err)
			}
			fmt.Fprintf(&b, "-- %s %s\n%s\n-- args: %s\n\n", name, c.name, query, formatArgs(args))
		}
	}
	golden(t, "expr/datetime.sql", b.String())
}

func TestSQLiteTextTimes(t *testing.T) {
	e, err := orm.Open("sqlite://")
	must(t, err)
	defer e.Close()
	md := orm.NewMetaData()
	must(t, md.Register(Event{}))
	ctx := context.Background()
	must(t, md.CreateAll(ctx, e))
	must(t, orm.Insert(ctx, e, &Event{Name: "x", At: time.Now()}))
	tests := []struct {
		name, text, want string
	}{
		{"driver format with zone", "'2024-03-05 10:30:45.5+02:00'", "2024-03-05 08:30:45"},
		{"datetime() result", "'2024-03-05 10:30:45'", "2024-03-05 10:30:45"},
		{"ISO with T and Z", "'2024-03-05T10:30:45Z'", "2024-03-05 10:30:45"},
		{"minutes only", "'2024-03-05 10:30'", "2024-03-05 10:30:00"},
		{"date() result", "'2024-03-05'", "2024-03-05 00:00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := into[time.Time](t, orm.Select[Event](e).Columns(orm.SQL(tt.text)))
			check(t, times(got), []string{tt.want})
		})
	}
	t.Run("not a time", func(t *testing.T) {
		_, err := orm.Into[time.Time](ctx, orm.Select[Event](e).Columns(orm.SQL("'soon'")))
		if err == nil || !strings.Contains(err.Error(), `cannot read "soon" as a time`) {
			t.Errorf("err = %v, want a parse error", err)
		}
	})
	t.Run("NULL into time.Time", func(t *testing.T) {
		_, err := orm.Into[time.Time](ctx, orm.Select[Event](e).Columns(orm.SQL("NULL")))
		if err == nil || !strings.Contains(err.Error(), "use *time.Time") {
			t.Errorf("err = %v, want a NULL error", err)
		}
	})
}
