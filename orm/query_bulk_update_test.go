package orm_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// TestBulkUpdateByPrimaryKey ports SQLAlchemy's ORM bulk UPDATE by primary
// key tests (session.execute(update(User), [{"id": 1, ...}, ...])) from
// test_bulk_statements.py, test_bulk.py and test_orm_upd_del_basic.py.
func TestBulkUpdateByPrimaryKey(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := peopleDB(t, db)
		ctx := context.Background()
		tests := []struct {
			name string
			run  func(t *testing.T)
		}{
			{"test_bulk_update", func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				n, err := orm.BulkUpdate[Citizen](s).Values(
					map[string]any{"id": 1, "name": "u1new"},
					map[string]any{"id": 2, "name": "jack"},
					map[string]any{"id": 3, "name": "u3new"},
				).Exec(ctx)
				must(t, err)
				must(t, s.Commit(ctx))
				if n != 3 {
					t.Errorf("matched %d rows, want 3", n)
				}
				if got, want := dbPeople(t, e), "u1new:25 jack:47 u3new:29 jane:37"; got != want {
					t.Errorf("rows = %q, want %q", got, want)
				}
			}},
			{"test_bulk_update_synchronize_session homogeneous keys", func(t *testing.T) {
				s := e.Session(orm.ExpireOnCommit(false))
				defer s.Close(ctx)
				john, jack, jill, jane := loadPeople(t, s)
				_, err := orm.BulkUpdate[Citizen](s).Values(
					map[string]any{"ID": john.ID, "Age": 35},
					map[string]any{"ID": jack.ID, "Age": 27},
					map[string]any{"ID": jill.ID, "Age": 30},
				).Exec(ctx)
				must(t, err)
				if got := fmt.Sprint(ages(john, jack, jill, jane)); got != "[35 27 30 37]" {
					t.Errorf("session ages = %s, want [35 27 30 37]", got)
				}
				for _, p := range []*Citizen{john, jack, jill} {
					if s.IsModified(p) {
						t.Errorf("%s is modified after the bulk update", p.Name)
					}
				}
				must(t, s.Commit(ctx))
				if got, want := dbPeople(t, e), "john:35 jack:27 jill:30 jane:37"; got != want {
					t.Errorf("rows = %q, want %q", got, want)
				}
			}},
			{"test_bulk_update_synchronize_session heterogeneous keys", func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				john, jack, jill, _ := loadPeople(t, s)
				_, err := orm.BulkUpdate[Citizen](s).Values(
					map[string]any{"id": john.ID, "age_int": 35},
					map[string]any{"id": jack.ID, "name": "new jack"},
					map[string]any{"id": jill.ID, "age_int": 30, "name": "new jill"},
				).Exec(ctx)
				must(t, err)
				if got := peopleString([]*Citizen{john, jack, jill}); got != "john:35 new jack:47 new jill:30" {
					t.Errorf("session objects = %q", got)
				}
				must(t, s.Commit(ctx))
				if got, want := dbPeople(t, e), "john:35 new jack:47 new jill:30 jane:37"; got != want {
					t.Errorf("rows = %q, want %q", got, want)
				}
			}},
			{"test_bulk_update_synchronize_session false", func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				john, _, _, _ := loadPeople(t, s)
				_, err := orm.BulkUpdate[Citizen](s).Values(map[string]any{"ID": john.ID, "Age": 35}).
					SynchronizeSession(false).Exec(ctx)
				must(t, err)
				if john.Age != 25 {
					t.Errorf("john.Age = %d, want 25 (not synchronized)", john.Age)
				}
				must(t, s.Commit(ctx))
			}},
			{"autoflush before the bulk update", func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				john, jack, _, _ := loadPeople(t, s)
				john.Name = "johnny"
				_, err := orm.BulkUpdate[Citizen](s).Values(map[string]any{"ID": john.ID, "Age": 40}).Exec(ctx)
				must(t, err)
				jack.Age = 50 // a change after the bulk update is flushed later
				must(t, s.Commit(ctx))
				if got, want := dbPeople(t, e), "johnny:40 jack:50 jill:29 jane:37"; got != want {
					t.Errorf("rows = %q, want %q", got, want)
				}
			}},
			{"test_bulk_update_w_where_one", func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				n, err := orm.BulkUpdate[Citizen](s).Where(orm.C("age_int").Gt(26)).Values(
					map[string]any{"ID": 1, "Name": "x1", "Age": 8},
					map[string]any{"ID": 2, "Name": "x2", "Age": 9},
					map[string]any{"ID": 3, "Name": "x3", "Age": 15},
				).Exec(ctx)
				must(t, err)
				must(t, s.Commit(ctx))
				if n != 2 {
					t.Errorf("matched %d rows, want 2", n)
				}
				if got, want := dbPeople(t, e), "john:25 x2:9 x3:15 jane:37"; got != want {
					t.Errorf("rows = %q, want %q", got, want)
				}
			}},
			{"test_bulk_update_w_where_one synchronizes only matched rows", func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				john, jack, _, _ := loadPeople(t, s)
				n, err := orm.BulkUpdate[Citizen](s).Where(orm.C("age_int").Gt(26)).Values(
					map[string]any{"ID": john.ID, "Age": 8},
					map[string]any{"ID": jack.ID, "Age": 9},
				).Exec(ctx)
				must(t, err)
				if n != 1 {
					t.Errorf("matched %d rows, want 1", n)
				}
				if john.Age != 25 || jack.Age != 9 {
					t.Errorf("session ages = %d %d, want 25 9", john.Age, jack.Age)
				}
				if s.IsModified(john) || s.IsModified(jack) {
					t.Errorf("IsModified(john, jack) = %v, %v; want false, false", s.IsModified(john), s.IsModified(jack))
				}
				must(t, s.Commit(ctx))
				if got, want := dbPeople(t, e), "john:25 jack:9 jill:29 jane:37"; got != want {
					t.Errorf("rows = %q, want %q", got, want)
				}
			}},
			{"test_alt_bindparam_names executemany with an expression", func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				john, jack, _, _ := loadPeople(t, s)
				_, err := orm.BulkUpdate[Citizen](s).Values(
					map[string]any{"ID": 1, "Age": orm.SQL("3 * (? + 15)", 5)},
					map[string]any{"ID": 2, "Age": orm.SQL("3 * (? + 15)", 8)},
				).Exec(ctx)
				must(t, err)
				// an expression's value is in the database only: the objects are expired
				if _, err := orm.Select[Citizen](s).OrderBy("id").All(ctx); err != nil {
					t.Fatal(err)
				}
				if john.Age != 60 || jack.Age != 69 {
					t.Errorf("ages after reload = %d %d, want 60 69", john.Age, jack.Age)
				}
				must(t, s.Commit(ctx))
			}},
			{"objects with their key set", func(t *testing.T) {
				n, err := orm.BulkUpdate[Citizen](e).Objects([]*Citizen{{ID: 1, Name: "a", Age: 1}, {ID: 4, Name: "d", Age: 4}}).Exec(ctx)
				must(t, err)
				if n != 2 {
					t.Errorf("matched %d rows, want 2", n)
				}
				_, err = orm.BulkUpdate[Citizen](e).Objects([]*Citizen{{ID: 2, Name: "ignored", Age: 2}}, "Age").Exec(ctx)
				must(t, err)
				if got, want := dbPeople(t, e), "a:1 jack:2 jill:29 d:4"; got != want {
					t.Errorf("rows = %q, want %q", got, want)
				}
			}},
			{"a row that matches nothing is stale data", func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				_, err := orm.BulkUpdate[Citizen](s).Values(
					map[string]any{"ID": 1, "Age": 99},
					map[string]any{"ID": 42, "Age": 99},
				).Exec(ctx)
				if !errors.Is(err, orm.ErrStaleData) {
					t.Fatalf("err = %v, want ErrStaleData", err)
				}
				must(t, s.Rollback(ctx))
				if got, want := dbPeople(t, e), "john:25 jack:47 jill:29 jane:37"; got != want {
					t.Errorf("rows = %q, want %q", got, want)
				}
			}},
			{"a failing row on the engine updates nothing", func(t *testing.T) {
				_, err := orm.BulkUpdate[Citizen](e).Values(
					map[string]any{"ID": 1, "Age": 99},
					map[string]any{"ID": 42, "Age": 99},
				).Exec(ctx)
				if !errors.Is(err, orm.ErrStaleData) {
					t.Fatalf("err = %v, want ErrStaleData", err)
				}
				if got, want := dbPeople(t, e), "john:25 jack:47 jill:29 jane:37"; got != want {
					t.Errorf("rows = %q, want %q", got, want)
				}
			}},
		}
		for _, tc := range tests {
			resetCitizens(t, e)
			t.Run(tc.name, tc.run)
		}
	})
}

// TestBulkUpdateOnUpdates is test_bulk_update_onupdates with a callable
// (client) onupdate: the column is assigned in the database, and the
// session's object keeps its old value until it is reloaded.
func TestBulkUpdateOnUpdates(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := peopleDB(t, db)
		ctx := context.Background()
		s := e.Session()
		defer s.Close(ctx)
		ed := &Edited{ID: 1, Title: "e1 old name", State: "value 1"}
		must(t, s.Add(ed))
		must(t, s.Flush(ctx))
		_, err := orm.BulkUpdate[Edited](s).Values(map[string]any{"ID": 1, "Title": "e1 new name"}).Exec(ctx)
		must(t, err)
		if ed.Title != "e1 new name" || ed.State != "value 1" {
			t.Errorf("object = %q %q, want the new title and the old state", ed.Title, ed.State)
		}
		must(t, s.Commit(ctx))
		s.ExpireAll()
		got, err := orm.Get[Edited](ctx, s, int64(1))
		must(t, err)
		if got.State != "edited" {
			t.Errorf("state after reload = %q, want edited", got.State)
		}
	})
}

// TestBulkUpdateErrors checks that bad rows fail before any SQL is sent
// (test_bulk_update_no_pk: "No primary key value supplied").
func TestBulkUpdateErrors(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := peopleDB(t, db)
		ctx := context.Background()
		var sent []string
		defer e.OnStatement(func(ev orm.StatementEvent) { sent = append(sent, ev.SQL) })()
		tests := []struct {
			name string
			q    *orm.BulkUpdateQuery[Citizen]
			want string
		}{
			{"test_bulk_update_no_pk multirow", orm.BulkUpdate[Citizen](e).Values(
				map[string]any{"ID": 1, "Age": 3}, map[string]any{"Name": "x", "Age": 9}),
				"row 2: no primary key value supplied for citizen.id"},
			{"test_bulk_update_no_pk listwsingle", orm.BulkUpdate[Citizen](e).Values(map[string]any{"Age": 9}),
				"row 1: no primary key value supplied for citizen.id"},
			{"object without key", orm.BulkUpdate[Citizen](e).Objects([]*Citizen{{Name: "x"}}),
				"no primary key value supplied"},
			{"unknown name", orm.BulkUpdate[Citizen](e).Values(map[string]any{"ID": 1, "Nope": 3}),
				`row 1: orm: table citizen has no field or column "Nope"`},
			{"wrong type", orm.BulkUpdate[Citizen](e).Values(map[string]any{"ID": 1, "Age": "old"}),
				"row 1: Age: got string, want int"},
			{"key column named by column and field name", orm.BulkUpdate[Citizen](e).Values(map[string]any{"ID": 1, "id": 1, "Age": 3}),
				`row 1 names column id twice ("ID" and "id")`},
			{"nil for a non-null field", orm.BulkUpdate[Citizen](e).Values(map[string]any{"ID": 1, "Name": nil}),
				"nil for a string field"},
			{"only the key", orm.BulkUpdate[Citizen](e).Values(map[string]any{"ID": 1}),
				"row 1 sets no columns"},
			{"objects setting the key", orm.BulkUpdate[Citizen](e).Objects([]*Citizen{{ID: 1}}, "ID"),
				"cannot set id: it identifies the row"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				sent = nil
				_, err := tc.q.Exec(ctx)
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("err = %v, want it to contain %q", err, tc.want)
				}
				if len(sent) > 0 {
					t.Errorf("sent %q before failing", sent)
				}
			})
		}
	})
}

// TestBulkUpdateStatementsGolden records the statements of bulk updates
// by primary key per database in testdata/bulk/update_<dialect>.sql.
func TestBulkUpdateStatementsGolden(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := peopleDB(t, db)
		resetCitizens(t, e)
		var b strings.Builder
		defer e.OnStatement(func(ev orm.StatementEvent) {
			if strings.HasPrefix(ev.SQL, "UPDATE") {
				fmt.Fprintf(&b, "%s %v;\n", ev.SQL, ev.Args)
			}
		})()
		step := func(name string) { fmt.Fprintf(&b, "-- %s\n", name) }
		step("test_bulk_update_synchronize_session heterogeneous keys")
		_, err := orm.BulkUpdate[Citizen](e).Values(
			map[string]any{"id": 1, "age_int": 35},
			map[string]any{"id": 2, "name": "new jack"},
			map[string]any{"id": 3, "age_int": 30, "name": "new jill"},
		).Exec(ctx)
		must(t, err)
		step("test_bulk_update_w_where_one")
		_, err = orm.BulkUpdate[Citizen](e).Where(orm.C("age_int").Gt(1)).Values(map[string]any{"ID": 1, "Age": 8}).Exec(ctx)
		must(t, err)
		step("expression value")
		_, err = orm.BulkUpdate[Citizen](e).Values(map[string]any{"ID": 1, "Age": orm.SQL("age_int + ?", 1)}).Exec(ctx)
		must(t, err)
		step("onupdate column")
		must(t, orm.Insert(ctx, e, &Edited{ID: 1, Title: "t", State: "s"}))
		_, err = orm.BulkUpdate[Edited](e).Values(map[string]any{"ID": 1, "Title": "u"}).Exec(ctx)
		must(t, err)
		golden(t, "bulk/update_"+db.Name+".sql", b.String())
	})
}

// TestBulkUpdateCompositeKeyNamedTwice checks that naming one column of a
// two-column key twice (column and field name) is not taken for the whole
// key: it is an error, never an UPDATE matching the other column as zero.
func TestBulkUpdateCompositeKeyNamedTwice(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := rowSwitchDB(t, db)
		ctx := context.Background()
		tests := []struct {
			name string
			row  map[string]any
			want string
		}{
			{"one key column twice", map[string]any{"t5_id": 1, "T5ID": 1}, `names column t5_id twice ("T5ID" and "t5_id")`},
			{"one key column once", map[string]any{"t5_id": 1}, "no primary key value supplied for t5_t7.t5_id, t5_t7.t7_id"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				var sent []string
				defer e.OnStatement(func(ev orm.StatementEvent) { sent = append(sent, ev.SQL) })()
				_, err := orm.BulkUpdate[T5T7](e).Values(tc.row).Exec(ctx)
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("err = %v, want %q", err, tc.want)
				}
				if len(sent) > 0 {
					t.Errorf("SQL sent: %q", sent)
				}
			})
		}
	})
}
