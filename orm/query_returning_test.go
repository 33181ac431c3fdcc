package orm_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Citizen is the users table of SQLAlchemy's test_orm_upd_del_basic.py,
// its age column named age_int.
type Citizen struct {
	ID   int64
	Name string `orm:"size:32"`
	Age  int    `orm:"column:age_int"`
}

// nameOnly is a result struct with a name field only.
type nameOnly struct{ Name string }

// peopleDB opens db with the person and edited tables.
func peopleDB(t *testing.T, db dbtest.DB) *orm.DB {
	t.Helper()
	e := openDB(t, db)
	md := orm.NewMetaData()
	must(t, md.Register(Citizen{}, Edited{}))
	must(t, md.CreateAll(context.Background(), e))
	return e
}

// resetCitizens fills the person table with SQLAlchemy's fixture: john 25,
// jack 47, jill 29 and jane 37, ids 1 to 4.
func resetCitizens(t *testing.T, e *orm.DB) {
	t.Helper()
	ctx := context.Background()
	_, err := orm.Delete[Citizen](e).Exec(ctx)
	must(t, err)
	must(t, orm.InsertMany(ctx, e, []*Citizen{{1, "john", 25}, {2, "jack", 47}, {3, "jill", 29}, {4, "jane", 37}}))
}

// loadPeople loads the four people through s, by id.
func loadPeople(t *testing.T, s *orm.Session) (john, jack, jill, jane *Citizen) {
	t.Helper()
	ps, err := orm.Select[Citizen](s).OrderBy("id").All(context.Background())
	must(t, err)
	if len(ps) != 4 {
		t.Fatalf("loaded %d people, want 4", len(ps))
	}
	return ps[0], ps[1], ps[2], ps[3]
}

// dbPeople returns the table's rows as "name:age" by id, read outside
// any session.
func dbPeople(t *testing.T, e *orm.DB) string {
	t.Helper()
	ps, err := orm.Select[Citizen](e).OrderBy("id").All(context.Background())
	must(t, err)
	return peopleString(ps)
}

// peopleString formats people as "name:age" sorted by id.
func peopleString(ps []*Citizen) string {
	ps = slices.Clone(ps)
	slices.SortFunc(ps, func(a, b *Citizen) int { return int(a.ID - b.ID) })
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s:%d", p.Name, p.Age))
	}
	return strings.Join(out, " ")
}

// ages returns the people's ages.
func ages(ps ...*Citizen) []int {
	out := make([]int, len(ps))
	for i, p := range ps {
		out[i] = p.Age
	}
	return out
}

// ageDown is SQLAlchemy's {"age": User.age - 10}.
var ageDown = orm.SQL("age_int - ?", 10)

func TestBulkUpdateSynchronizeSession(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := peopleDB(t, db)
		ctx := context.Background()
		tests := []struct {
			name string
			run  func(t *testing.T)
		}{
			{"test_update_fetch_returning", func(t *testing.T) {
				s := e.Session()
				john, jack, jill, jane := loadPeople(t, s)
				n, err := orm.Update[Citizen](s).Set("Age", ageDown).Where(orm.C("age_int").Gt(29)).Exec(ctx)
				must(t, err)
				check(t, n, 2)
				check(t, ages(john, jack, jill, jane), []int{25, 37, 29, 27})
				if s.IsModified(jack) || s.IsModified(jane) {
					t.Errorf("synchronized objects are modified")
				}
				must(t, s.Commit(ctx))
				check(t, dbPeople(t, e), "john:25 jack:37 jill:29 jane:27")
			}},
			{"test_update literal values", func(t *testing.T) {
				s := e.Session()
				john, jack, jill, jane := loadPeople(t, s)
				_, err := orm.Update[Citizen](s).Set("Age", 99, "name", "x").Where(orm.C("name").In("john", "jill")).Exec(ctx)
				must(t, err)
				check(t, peopleString([]*Citizen{john, jack, jill, jane}), "x:99 jack:47 x:99 jane:37")
				must(t, s.Commit(ctx))
				check(t, dbPeople(t, e), "x:99 jack:47 x:99 jane:37")
			}},
			{"test_update_changes_resets_dirty", func(t *testing.T) {
				// Autoflush off: jack's unflushed age is overwritten by the
				// bulk update (its value wins), jane keeps her unflushed
				// name, and john, whose row does not match, keeps his age.
				s := e.Session(orm.Autoflush(false))
				john, jack, _, jane := loadPeople(t, s)
				john.Age, jack.Age, jane.Name = 50, 99, "janet"
				_, err := orm.Update[Citizen](s).Set("Age", ageDown).Where(orm.C("age_int").Gt(29)).Exec(ctx)
				must(t, err)
				check(t, ages(john, jack, jane), []int{50, 37, 27})
				if s.IsModified(jack) || !s.IsModified(jane) || !s.IsModified(john) {
					t.Errorf("modified john %v jack %v jane %v, want true false true", s.IsModified(john), s.IsModified(jack), s.IsModified(jane))
				}
				must(t, s.Commit(ctx))
				check(t, dbPeople(t, e), "john:50 jack:37 jill:29 janet:27")
			}},
			{"test_update_without_session_sync", func(t *testing.T) {
				s := e.Session()
				john, jack, jill, jane := loadPeople(t, s)
				n, err := orm.Update[Citizen](s).Set("Age", ageDown).Where(orm.C("age_int").Gt(29)).SynchronizeSession(false).Exec(ctx)
				must(t, err)
				check(t, n, 2)
				check(t, ages(john, jack, jill, jane), []int{25, 47, 29, 37})
				must(t, s.Commit(ctx)) // the stale objects are not modified: nothing is written back
				check(t, dbPeople(t, e), "john:25 jack:37 jill:29 jane:27")
			}},
			{"test_update_returning_star", func(t *testing.T) {
				s := e.Session()
				john, jack, jill, jane := loadPeople(t, s)
				rows, err := orm.Into[Citizen](ctx, orm.Update[Citizen](s).Set("Age", ageDown).Where(orm.C("age_int").Gt(29)).Returning())
				must(t, err)
				slices.SortFunc(rows, func(a, b Citizen) int { return int(a.ID - b.ID) })
				check(t, rows, []Citizen{{2, "jack", 37}, {4, "jane", 27}})
				check(t, ages(john, jack, jill, jane), []int{25, 37, 29, 27})
				must(t, s.Commit(ctx))
			}},
			{"test_fetch_w_explicit_returning", func(t *testing.T) {
				s := e.Session()
				_, jack, _, _ := loadPeople(t, s)
				rows, err := orm.Into[orm.Tuple2[string, int]](ctx, orm.Update[Citizen](s).Set("Age", 10).Where(orm.C("name").Eq("jack")).Returning("name", "Age"))
				must(t, err)
				check(t, rows, []orm.Tuple2[string, int]{{V1: "jack", V2: 10}})
				check(t, jack.Age, 10)
				must(t, s.Commit(ctx))
			}},
			{"update returning objects", func(t *testing.T) {
				s := e.Session()
				_, jack, _, jane := loadPeople(t, s)
				got, err := orm.Update[Citizen](s).Set("Age", ageDown).Where(orm.C("age_int").Gt(29)).All(ctx)
				must(t, err)
				slices.SortFunc(got, func(a, b *Citizen) int { return int(a.ID - b.ID) })
				if len(got) != 2 || got[0] != jack || got[1] != jane {
					t.Fatalf("All returned %v, want the session's jack and jane", got)
				}
				check(t, ages(jack, jane), []int{37, 27})
				must(t, s.Commit(ctx))
			}},
			{"update returning objects not in the session", func(t *testing.T) {
				s := e.Session()
				got, err := orm.Update[Citizen](s).Set("Age", 1).Where(orm.C("id").Eq(3)).All(ctx)
				must(t, err)
				if len(got) != 1 || got[0].Age != 1 || !s.Contains(got[0]) {
					t.Fatalf("All returned %v, want jill with age 1 in the session", got)
				}
				same, err := orm.Get[Citizen](ctx, s, 3)
				must(t, err)
				if same != got[0] {
					t.Errorf("Get returned another object than All")
				}
				must(t, s.Rollback(ctx))
				check(t, dbPeople(t, e), "john:25 jack:47 jill:29 jane:37")
			}},
			{"update rolled back restores the objects", func(t *testing.T) {
				s := e.Session()
				john, jack, jill, jane := loadPeople(t, s)
				_, err := orm.Update[Citizen](s).Set("Age", ageDown).Where(orm.C("age_int").Gt(29)).Exec(ctx)
				must(t, err)
				must(t, s.Rollback(ctx))
				check(t, ages(john, jack, jill, jane), []int{25, 47, 29, 37})
				check(t, dbPeople(t, e), "john:25 jack:47 jill:29 jane:37")
			}},
			{"update returning without a session", func(t *testing.T) {
				rows, err := orm.Into[string](ctx, orm.Update[Citizen](e).Set("Age", ageDown).Where(orm.C("age_int").Gt(29)).Returning("name"))
				must(t, err)
				slices.Sort(rows)
				check(t, rows, []string{"jack", "jane"})
				check(t, dbPeople(t, e), "john:25 jack:37 jill:29 jane:27")
			}},
			{"update returning in a rolled back transaction", func(t *testing.T) {
				tx, err := e.Begin(ctx, nil)
				must(t, err)
				got, err := orm.Update[Citizen](tx).Set("Age", 0).Where(orm.C("id").Le(2)).All(ctx)
				must(t, err)
				check(t, peopleString(got), "john:0 jack:0")
				must(t, tx.Rollback())
				check(t, dbPeople(t, e), "john:25 jack:47 jill:29 jane:37")
			}},
			{"update of the primary key expunges the objects", func(t *testing.T) {
				s := e.Session()
				john, jack, jill, _ := loadPeople(t, s)
				n, err := orm.Update[Citizen](s).Set("ID", orm.SQL("id + ?", 10)).Where(orm.C("id").Le(2)).Exec(ctx)
				must(t, err)
				check(t, n, 2)
				if s.Contains(john) || s.Contains(jack) || !s.Contains(jill) {
					t.Errorf("in session: john %v jack %v jill %v, want false false true", s.Contains(john), s.Contains(jack), s.Contains(jill))
				}
				moved, err := orm.Get[Citizen](ctx, s, 11)
				must(t, err)
				if moved == john || moved.Name != "john" {
					t.Errorf("Get(11) = %+v, want a new object for john", moved)
				}
				must(t, s.Commit(ctx))
				ids, err := orm.Into[int64](ctx, orm.Select[Citizen](e).Columns("id").OrderBy("id"))
				must(t, err)
				check(t, ids, []int64{3, 4, 11, 12})
			}},
			{"failed update of the primary key keeps the objects", func(t *testing.T) {
				s := e.Session()
				john, _, _, _ := loadPeople(t, s)
				_, err := orm.Update[Citizen](s).Set("ID", 2).Where(orm.C("id").Eq(1)).Exec(ctx)
				if !errors.Is(err, orm.ErrUniqueViolation) {
					t.Fatalf("err = %v, want a unique violation", err)
				}
				if !s.Contains(john) {
					t.Errorf("john left the session after a failed update")
				}
				must(t, s.Rollback(ctx))
			}},
			{"test_fetch_dont_refresh_expired_objects", func(t *testing.T) {
				// Objects expired by a commit get the new values, stay
				// expired, and the next load returns the same objects.
				s := e.Session()
				_, jack, jill, _ := loadPeople(t, s)
				must(t, s.Commit(ctx))
				_, err := orm.Update[Citizen](s).Set("Age", ageDown).Where(orm.C("age_int").Gt(29)).Exec(ctx)
				must(t, err)
				check(t, ages(jack, jill), []int{37, 29})
				again, err := orm.Get[Citizen](ctx, s, 2)
				must(t, err)
				if again != jack || jack.Age != 37 {
					t.Errorf("Get after the update = %+v (same object %v), want jack at 37", again, again == jack)
				}
				must(t, s.Commit(ctx))
			}},
			{"update and delete rolled back to a savepoint", func(t *testing.T) {
				s := e.Session()
				john, jack, _, _ := loadPeople(t, s)
				nt, err := s.BeginNested(ctx)
				must(t, err)
				_, err = orm.Update[Citizen](s).Set("Age", 0).Where(orm.C("id").Eq(1)).Exec(ctx)
				must(t, err)
				_, err = orm.Delete[Citizen](s).Where(orm.C("id").Eq(2)).Exec(ctx)
				must(t, err)
				check(t, []any{john.Age, s.Contains(jack)}, []any{0, false})
				must(t, nt.Rollback(ctx))
				check(t, []any{john.Age, s.Contains(jack), s.IsModified(john)}, []any{25, true, false})
				must(t, s.Commit(ctx))
				check(t, dbPeople(t, e), "john:25 jack:47 jill:29 jane:37")
			}},
			{"update returning nothing", func(t *testing.T) {
				s := e.Session()
				loadPeople(t, s)
				got, err := orm.Update[Citizen](s).Set("Age", 0).Where(orm.C("id").Gt(100)).All(ctx)
				must(t, err)
				check(t, len(got), 0)
				must(t, s.Commit(ctx))
			}},
		}
		for _, tt := range tests {
			resetCitizens(t, e)
			t.Run(tt.name, tt.run)
		}
	})
}

func TestBulkUpdateSynchronizesOnUpdateColumns(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := peopleDB(t, db)
		ctx := context.Background()
		must(t, orm.Insert(ctx, e, &Edited{Title: "a", State: "new"}))
		s := e.Session()
		ed, err := orm.Get[Edited](ctx, s, 1)
		must(t, err)
		_, err = orm.Update[Edited](s).Set("Title", orm.SQL("title || ?", "!")).Where(orm.C("id").Eq(1)).Exec(ctx)
		if db.Name == "mysql" { // no || concatenation there
			_, err = orm.Update[Edited](s).Set("Title", orm.Concat("title", orm.Value("!"))).Where(orm.C("id").Eq(1)).Exec(ctx)
		}
		must(t, err)
		if ed.Title != "a!" || ed.State != "edited" || s.IsModified(ed) {
			t.Errorf("got %+v modified %v, want title a! and state edited from the onupdate value, unmodified", ed, s.IsModified(ed))
		}
		must(t, s.Commit(ctx))
	})
}

func TestBulkDeleteSynchronizeSession(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := peopleDB(t, db)
		ctx := context.Background()
		inSession := func(t *testing.T, s *orm.Session, ps ...*Citizen) []bool {
			t.Helper()
			out := make([]bool, len(ps))
			for i, p := range ps {
				out[i] = s.Contains(p)
			}
			return out
		}
		tests := []struct {
			name string
			run  func(t *testing.T)
		}{
			{"test_delete_fetch_returning", func(t *testing.T) {
				s := e.Session()
				john, jack, jill, jane := loadPeople(t, s)
				n, err := orm.Delete[Citizen](s).Where(orm.C("age_int").Gt(29)).Exec(ctx)
				must(t, err)
				check(t, n, 2)
				check(t, inSession(t, s, john, jack, jill, jane), []bool{true, false, true, false})
				if _, err := orm.Get[Citizen](ctx, s, jack.ID); !errors.Is(err, orm.ErrNoRows) {
					t.Errorf("Get of a bulk-deleted row: %v, want ErrNoRows", err)
				}
				left, err := orm.Select[Citizen](s).OrderBy("id").All(ctx)
				must(t, err)
				if len(left) != 2 || left[0] != john || left[1] != jill {
					t.Errorf("query after delete = %v, want john and jill", left)
				}
				must(t, s.Commit(ctx))
				check(t, dbPeople(t, e), "john:25 jill:29")
			}},
			{"test_delete_rollback_with_fetch", func(t *testing.T) {
				s := e.Session()
				john, _, jill, _ := loadPeople(t, s)
				_, err := orm.Delete[Citizen](s).Where(orm.Or(orm.C("name").Eq("john"), orm.C("name").Eq("jill"))).Exec(ctx)
				must(t, err)
				check(t, inSession(t, s, john, jill), []bool{false, false})
				must(t, s.Rollback(ctx))
				check(t, inSession(t, s, john, jill), []bool{true, true})
				check(t, dbPeople(t, e), "john:25 jack:47 jill:29 jane:37")
			}},
			{"test_delete_without_session_sync", func(t *testing.T) {
				s := e.Session()
				john, _, jill, _ := loadPeople(t, s)
				_, err := orm.Delete[Citizen](s).Where(orm.C("name").In("john", "jill")).SynchronizeSession(false).Exec(ctx)
				must(t, err)
				check(t, inSession(t, s, john, jill), []bool{true, true})
				must(t, s.Commit(ctx))
				check(t, dbPeople(t, e), "jack:47 jane:37")
			}},
			{"test_delete_returning_star", func(t *testing.T) {
				s := e.Session()
				john, jack, jill, jane := loadPeople(t, s)
				rows, err := orm.Into[Citizen](ctx, orm.Delete[Citizen](s).Where(orm.C("age_int").Gt(29)).Returning())
				must(t, err)
				slices.SortFunc(rows, func(a, b Citizen) int { return int(a.ID - b.ID) })
				check(t, rows, []Citizen{{2, "jack", 47}, {4, "jane", 37}})
				check(t, inSession(t, s, john, jack, jill, jane), []bool{true, false, true, false})
				must(t, s.Commit(ctx))
				check(t, dbPeople(t, e), "john:25 jill:29")
			}},
			{"delete returning objects", func(t *testing.T) {
				s := e.Session()
				_, jack, _, _ := loadPeople(t, s)
				got, err := orm.Delete[Citizen](s).Where(orm.C("id").In(2, 4)).All(ctx)
				must(t, err)
				slices.SortFunc(got, func(a, b *Citizen) int { return int(a.ID - b.ID) })
				if len(got) != 2 || got[0] != jack || got[1].Name != "jane" || s.Contains(got[1]) {
					t.Fatalf("All returned %v, want the session's jack and a detached jane", got)
				}
				must(t, s.Commit(ctx))
				check(t, dbPeople(t, e), "john:25 jill:29")
			}},
			{"delete of a modified object is not written back", func(t *testing.T) {
				s := e.Session(orm.Autoflush(false))
				_, jack, _, jane := loadPeople(t, s)
				jack.Age, jane.Name = 1, "janet"
				must(t, s.Delete(jane))
				_, err := orm.Delete[Citizen](s).Where(orm.C("age_int").Gt(29)).Exec(ctx)
				must(t, err)
				must(t, s.Commit(ctx)) // neither an UPDATE of jack nor a second DELETE of jane
				check(t, dbPeople(t, e), "john:25 jill:29")
			}},
			{"re-adding a bulk-deleted object inserts it again", func(t *testing.T) {
				s := e.Session()
				_, jack, _, _ := loadPeople(t, s)
				_, err := orm.Delete[Citizen](s).Where(orm.C("id").Eq(2)).Exec(ctx)
				must(t, err)
				must(t, s.Commit(ctx))
				s2 := e.Session()
				must(t, s2.Add(&Citizen{ID: jack.ID, Name: "jack", Age: 48}))
				must(t, s2.Commit(ctx))
				check(t, dbPeople(t, e), "john:25 jack:48 jill:29 jane:37")
			}},
			{"delete returning without a session", func(t *testing.T) {
				got, err := orm.Delete[Citizen](e).Where(orm.C("age_int").Lt(30)).All(ctx)
				must(t, err)
				check(t, peopleString(got), "john:25 jill:29")
				check(t, dbPeople(t, e), "jack:47 jane:37")
			}},
			{"delete returning a value that cannot be scanned deletes nothing", func(t *testing.T) {
				_, err := orm.Into[int64](ctx, orm.Delete[Citizen](e).Where(orm.C("name").Eq("jane")).Returning("name"))
				if err == nil {
					t.Fatal("scanning a name into an int64 succeeded")
				}
				check(t, dbPeople(t, e), "john:25 jack:47 jill:29 jane:37")
			}},
			{"delete returning in a rolled back transaction", func(t *testing.T) {
				tx, err := e.Begin(ctx, nil)
				must(t, err)
				ids, err := orm.Into[int64](ctx, orm.Delete[Citizen](tx).Where(orm.C("name").Eq("jane")).Returning("id"))
				must(t, err)
				check(t, ids, []int64{4})
				must(t, tx.Rollback())
				check(t, dbPeople(t, e), "john:25 jack:47 jill:29 jane:37")
			}},
		}
		for _, tt := range tests {
			resetCitizens(t, e)
			t.Run(tt.name, tt.run)
		}
	})
}

func TestBulkReturningErrors(t *testing.T) {
	q := offline{mustDialect(t, "sqlite")}
	ctx := context.Background()
	run := func(f func() error) func() error { return f }
	tests := []struct {
		name string
		run  func() error
		want string
	}{
		{"update returning unknown column", run(func() error {
			_, err := orm.Into[string](ctx, orm.Update[Citizen](q).Set("Age", 1).Returning("colour"))
			return err
		}), `orm: Returning: table citizen has no field or column "colour"`},
		{"delete returning unknown column", run(func() error {
			_, err := orm.Into[string](ctx, orm.Delete[Citizen](q).Returning("citizen.colour"))
			return err
		}), `"colour"`},
		{"update returning unknown column in SQL", run(func() error {
			_, _, err := orm.Update[Citizen](q).Set("Age", 1).Returning("Colour").SQL()
			return err
		}), `"Colour"`},
		{"update into without returning", run(func() error {
			_, err := orm.Into[Citizen](ctx, orm.Update[Citizen](q).Set("Age", 1))
			return err
		}), "needs Returning"},
		{"delete into without returning", run(func() error {
			_, err := orm.Into[Citizen](ctx, orm.Delete[Citizen](q))
			return err
		}), "needs Returning"},
		{"update all after returning columns", run(func() error {
			_, err := orm.Update[Citizen](q).Set("Age", 1).Returning("id").All(ctx)
			return err
		}), "read Returning's columns with orm.Into"},
		{"delete all after returning columns", run(func() error {
			_, err := orm.Delete[Citizen](q).Returning("id").All(ctx)
			return err
		}), "read Returning's columns with orm.Into"},
		{"update all without sets", run(func() error {
			_, err := orm.Update[Citizen](q).All(ctx)
			return err
		}), "sets no columns"},
		{"into a struct without the returned column", run(func() error {
			_, err := orm.Into[nameOnly](ctx, orm.Delete[Citizen](q).Returning("name", "Age"))
			return err
		}), `"age_int"`},
		{"into a scalar of two columns", run(func() error {
			_, err := orm.Into[string](ctx, orm.Update[Citizen](q).Set("Age", 1).Returning("name", "Age"))
			return err
		}), "one column, got 2"},
		{"returning nil", run(func() error {
			_, _, err := orm.Delete[Citizen](q).Returning(nil).SQL()
			return err
		}), "nil column"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

// TestBulkReturningSendsNothingOnError checks that a bad Returning fails
// before any statement reaches the database.
func TestBulkReturningSendsNothingOnError(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := peopleDB(t, db)
		ctx := context.Background()
		sent := 0
		defer e.OnStatement(func(orm.StatementEvent) { sent++ })()
		s := e.Session()
		if _, err := orm.Into[string](ctx, orm.Update[Citizen](s).Set("Age", 1).Returning("nope")); err == nil {
			t.Fatal("want an error")
		}
		if _, err := orm.Delete[Citizen](s).Returning("nope").All(ctx); err == nil {
			t.Fatal("want an error")
		}
		if _, err := orm.Into[nameOnly](ctx, orm.Delete[Citizen](e).Returning("name", "Age")); err == nil {
			t.Fatal("want an error")
		}
		check(t, sent, 0)
	})
}

// Seat has a composite primary key.
type Seat struct {
	Row   int    `orm:"pk"`
	Num   int    `orm:"pk"`
	Guest string `orm:"size:20"`
}

func TestBulkSynchronizeCompositeKeys(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := openDB(t, db)
		ctx := context.Background()
		md := orm.NewMetaData()
		must(t, md.Register(Seat{}))
		must(t, md.CreateAll(ctx, e))
		must(t, orm.InsertMany(ctx, e, []*Seat{{1, 1, "a"}, {1, 2, "b"}, {2, 1, "c"}}))
		s := e.Session()
		seats, err := orm.Select[Seat](s).OrderBy("row", "num").All(ctx)
		must(t, err)
		got, err := orm.Into[orm.Tuple2[int, string]](ctx, orm.Update[Seat](s).Set("Guest", orm.SQL("guest")).Where(orm.C("row").Eq(1)).Returning("num", "guest"))
		must(t, err)
		check(t, len(got), 2)
		_, err = orm.Update[Seat](s).Set("Guest", "z").Where(orm.C("num").Eq(1)).Exec(ctx)
		must(t, err)
		check(t, []string{seats[0].Guest, seats[1].Guest, seats[2].Guest}, []string{"z", "b", "z"})
		_, err = orm.Delete[Seat](s).Where(orm.C("row").Eq(2)).Exec(ctx)
		must(t, err)
		check(t, []bool{s.Contains(seats[0]), s.Contains(seats[2])}, []bool{true, false})
		must(t, s.Commit(ctx))
		left, err := orm.Into[string](ctx, orm.Select[Seat](e).Columns("guest").OrderBy("row", "num"))
		must(t, err)
		check(t, left, []string{"z", "b"})
	})
}
