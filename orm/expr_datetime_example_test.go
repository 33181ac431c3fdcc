package orm_test

import (
	"context"
	"fmt"
	"time"

	"github.com/flagon-go/flagon/orm"
)

// Portable date/time functions: the same query runs on SQLite,
// PostgreSQL and MySQL, and the results read into int64 and time.Time.
func ExampleExtract() {
	ctx := context.Background()
	db, _ := orm.Open("sqlite://")
	defer db.Close()
	md := orm.NewMetaData()
	_ = md.Register(Event{})
	_ = md.CreateAll(ctx, db)
	_ = orm.InsertMany(ctx, db, []*Event{
		{Name: "launch", At: time.Date(2024, 3, 5, 10, 30, 45, 0, time.UTC)},
		{Name: "party", At: time.Date(2024, 12, 31, 23, 59, 59, 0, time.UTC)},
		{Name: "retro", At: time.Date(2023, 1, 1, 9, 0, 0, 0, time.UTC)},
	})

	// Events per year: SQLAlchemy's extract("year", Event.at).
	year := orm.Extract(orm.Year, "at")
	perYear, _ := orm.Into[orm.Tuple2[int64, int64]](ctx, orm.Select[Event](db).
		Columns(year, orm.Count()).GroupBy(year).OrderBy(year))
	for _, r := range perYear {
		fmt.Println("year", r.V1, "events", r.V2)
	}

	// The month each event falls in, and a reminder a day before.
	type plan struct {
		Name     string
		Month    time.Time
		Reminder time.Time
	}
	plans, _ := orm.Into[plan](ctx, orm.Select[Event](db).Columns("name",
		orm.DateTrunc(orm.Month, "at").As("month"),
		orm.DateAdd("at", -1, orm.Day).As("reminder")).
		Where(orm.Extract(orm.Month, "at").Ge(3)).OrderBy("id"))
	for _, p := range plans {
		fmt.Println(p.Name, p.Month.Format(time.DateOnly), p.Reminder.Format(time.DateTime))
	}

	past, _ := orm.Select[Event](db).Where(orm.C("at").Lt(orm.Now())).Count(ctx)
	fmt.Println("in the past:", past)
	// Output:
	// year 2023 events 1
	// year 2024 events 2
	// launch 2024-03-01 2024-03-04 10:30:45
	// party 2024-12-01 2024-12-30 23:59:59
	// in the past: 3
}
