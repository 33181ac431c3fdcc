package orm_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// TestInsertManyStringsRoundTrip sends strings that mean something in SQL
// or in PostgreSQL's array syntax through one multi-row insert.
func TestInsertManyStringsRoundTrip(t *testing.T) {
	emails := []string{`say "hi"`, `C:\dir\`, "{,}", "NULL", "", " padded ", "日本語 𝄞", "'; DROP TABLE owner; --"}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := setup(t, db)
		owners := make([]*Owner, len(emails))
		for i, m := range emails {
			owners[i] = &Owner{Email: m}
			if i%2 == 0 {
				owners[i].Name = &emails[i]
			}
		}
		if err := orm.InsertMany(ctx, e, owners); err != nil {
			t.Fatal(err)
		}
		for i, want := range emails {
			got, err := orm.Get[Owner](ctx, e, owners[i].ID)
			if err != nil {
				t.Fatalf("row %d (%q): %v", i, want, err)
			}
			if got.Email != want || (got.Name == nil) != (i%2 == 1) || got.Name != nil && *got.Name != want {
				t.Errorf("row %d = %q / %v, want %q (name set: %v)", i, got.Email, got.Name, want, i%2 == 0)
			}
		}
	})
}

// TestUpsertManyRows updates the rows that conflict and inserts the rest,
// in one statement.
func TestUpsertManyRows(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := setup(t, db)
		old, ann, bob := "old", "Ann", "Bob"
		existing := &Owner{Email: "a@x", Name: &old}
		if err := orm.Insert(ctx, e, existing); err != nil {
			t.Fatal(err)
		}
		a, b := &Owner{Email: "a@x", Name: &ann}, &Owner{Email: "b@x", Name: &bob}
		err := orm.InsertInto[Owner](e).Values(a, b).OnConflict("email").DoUpdate("name").Exec(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if a.ID != existing.ID || b.ID == 0 || b.ID == a.ID {
			t.Errorf("keys written back: updated row %d (want %d), inserted row %d (want a new key)", a.ID, existing.ID, b.ID)
		}
		all, err := orm.Select[Owner](e).OrderBy("email").All(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 2 || *all[0].Name != "Ann" || *all[1].Name != "Bob" {
			t.Errorf("after upsert: %d rows %v, want a@x Ann and b@x Bob", len(all), all)
		}
	})
}

// TestUpsertOneRowKey checks the key written back by a one-row upsert that
// hits an existing row: DoUpdate reports the existing row's key on every
// database; DoNothing does on MySQL (LAST_INSERT_ID) and leaves it zero
// where the skipped row returns nothing (RETURNING on PostgreSQL, SQLite).
func TestUpsertOneRowKey(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := setup(t, db)
		existing := &Owner{Email: "a@x"}
		if err := orm.Insert(ctx, e, &Owner{Email: "first@x"}); err != nil {
			t.Fatal(err)
		}
		if err := orm.Insert(ctx, e, existing); err != nil {
			t.Fatal(err)
		}
		updated := &Owner{Email: "a@x"}
		if err := orm.InsertInto[Owner](e).Values(updated).OnConflict("email").DoUpdate("name").Exec(ctx); err != nil {
			t.Fatal(err)
		}
		if updated.ID != existing.ID {
			t.Errorf("DoUpdate key = %d, want the existing row's %d", updated.ID, existing.ID)
		}
		skipped := &Owner{Email: "a@x"}
		if err := orm.InsertInto[Owner](e).Values(skipped).OnConflict("email").DoNothing().Exec(ctx); err != nil {
			t.Fatal(err)
		}
		want := int64(0)
		if db.Name == "mysql" {
			want = existing.ID
		}
		if skipped.ID != want {
			t.Errorf("DoNothing key = %d, want %d", skipped.ID, want)
		}
		if n, err := orm.Select[Owner](e).Count(ctx); err != nil || n != 2 {
			t.Errorf("rows = %d, %v; want 2", n, err)
		}
	})
}

// TestInsertManyErrorsAndEvents checks that a multi-row insert (read
// through the driver itself on PostgreSQL) reports constraint errors as
// typed errors and emits one statement event with its arguments.
func TestInsertManyErrorsAndEvents(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := setup(t, db)
		var events []orm.StatementEvent
		remove := e.OnStatement(func(ev orm.StatementEvent) { events = append(events, ev) })
		defer remove()
		if err := orm.InsertMany(ctx, e, []*Owner{{Email: "a@x"}, {Email: "b@x"}}); err != nil {
			t.Fatal(err)
		}
		if len(events) != 1 || !strings.HasPrefix(events[0].SQL, "INSERT INTO") || len(events[0].Args) == 0 || events[0].Err != nil {
			t.Fatalf("events = %+v, want one INSERT with its arguments", events)
		}
		err := orm.InsertMany(ctx, e, []*Owner{{Email: "c@x"}, {Email: "a@x"}})
		if !errors.Is(err, orm.ErrUniqueViolation) {
			t.Errorf("duplicate key: err = %v, want ErrUniqueViolation", err)
		}
		if len(events) != 2 || events[1].Err == nil {
			t.Errorf("the failing insert's event: %+v, want it with its error", events[len(events)-1])
		}
		if n, _ := orm.Select[Owner](e).Count(ctx); n != 2 {
			t.Errorf("rows = %d, want 2 (the failing statement inserts nothing)", n)
		}
	})
}

// Tally has an INTEGER column (a Go int), narrower than the Go type.
type Tally struct {
	ID int64
	N  int
}

// TestInsertManyIntegerOutOfRange sends a value that a Go int holds and an
// INTEGER column does not. On PostgreSQL and MySQL it is a RangeError
// naming the column, and nothing of the statement is inserted; SQLite
// keeps every integer in 64 bits.
func TestInsertManyIntegerOutOfRange(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := modelDB(t, db, Tally{})
		err := orm.InsertMany(ctx, e, []*Tally{{N: 1}, {N: 1 << 40}})
		n, cerr := orm.Select[Tally](e).Count(ctx)
		if cerr != nil {
			t.Fatal(cerr)
		}
		switch db.Name {
		case "sqlite":
			if err != nil || n != 2 {
				t.Errorf("sqlite: err = %v, rows = %d; want the two rows stored", err, n)
			}
		default:
			var re *orm.RangeError
			if !errors.As(err, &re) || re.Column != "n" || re.Value != 1<<40 || n != 0 {
				t.Errorf("%s: err = %v, rows = %d; want a RangeError naming n and no rows", db.Name, err, n)
			}
		}
	})
}
