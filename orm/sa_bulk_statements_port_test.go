package orm_test

import (
	"context"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// TestSABulkUpdateBindParamPort ports test/orm/dml/test_bulk_statements.py's
// bulk UPDATE by primary key with per-row criteria (bindparam in the
// WHERE clause, each row supplying its value).
func TestSABulkUpdateBindParamPort(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		tests := []struct {
			name string
			run  func(t *testing.T, e *orm.DB)
		}{
			{"test_bulk_update_w_where_two", func(t *testing.T, e *orm.DB) {
				s := e.Session(orm.ExpireOnCommit(false))
				defer s.Close(ctx)
				john, jack, _, _ := loadPeople(t, s)
				n, err := orm.BulkUpdate[Citizen](s).Where(orm.C("age_int").Gt(orm.BindParam("gtage"))).Values(
					map[string]any{"id": john.ID, "gtage": 28, "Age": 40},
					map[string]any{"id": jack.ID, "gtage": 20, "Age": 45},
				).Exec(ctx)
				must(t, err)
				if n != 1 || john.Age != 25 || jack.Age != 45 {
					t.Errorf("matched %d; session ages john %d jack %d, want 1; 25 45", n, john.Age, jack.Age)
				}
				must(t, s.Commit(ctx))
				if got, want := dbPeople(t, e), "john:25 jack:45 jill:29 jane:37"; got != want {
					t.Errorf("rows = %q, want %q", got, want)
				}
			}},
			{"test_bulk_update_w_where_one", func(t *testing.T, e *orm.DB) {
				s := e.Session()
				defer s.Close(ctx)
				john, jack, jill, _ := loadPeople(t, s)
				_, err := orm.BulkUpdate[Citizen](e).Where(orm.C("age_int").Gt(26)).Values(
					map[string]any{"id": john.ID, "Name": "a", "Age": 8},
					map[string]any{"id": jack.ID, "Name": "b", "Age": 9},
					map[string]any{"id": jill.ID, "Name": "c", "Age": 15},
				).Exec(ctx)
				must(t, err)
				if got, want := dbPeople(t, e), "john:25 b:9 c:15 jane:37"; got != want {
					t.Errorf("rows = %q, want %q", got, want)
				}
			}},
			{"bindparam value in a SET expression", func(t *testing.T, e *orm.DB) {
				s := e.Session()
				defer s.Close(ctx)
				john, _, _, _ := loadPeople(t, s)
				_, err := orm.BulkUpdate[Citizen](e).Values(
					map[string]any{"id": john.ID, "q": 5, "Age": orm.SQL("? + 15", orm.BindParam("q"))},
				).Exec(ctx)
				must(t, err)
				if got, want := dbPeople(t, e), "john:20 jack:47 jill:29 jane:37"; got != want {
					t.Errorf("rows = %q, want %q", got, want)
				}
			}},
		}
		e := peopleDB(t, db)
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				resetCitizens(t, e)
				tc.run(t, e)
			})
		}

		var sent []string
		defer e.OnStatement(func(ev orm.StatementEvent) { sent = append(sent, ev.SQL) })()
		errs := []struct {
			name string
			run  func() error
			want string
		}{
			{"row without the bindparam's value", func() error {
				_, err := orm.BulkUpdate[Citizen](e).Where(orm.C("age_int").Gt(orm.BindParam("gtage"))).Values(
					map[string]any{"id": 1, "gtage": 1, "Age": 2}, map[string]any{"id": 2, "Age": 3}).Exec(ctx)
				return err
			}, `row 2: no value for BindParam("gtage")`},
			{"name that is neither column nor bindparam", func() error {
				_, err := orm.BulkUpdate[Citizen](e).Where(orm.C("age_int").Gt(orm.BindParam("gtage"))).Values(
					map[string]any{"id": 1, "gtage": 1, "gtag": 1, "Age": 2}).Exec(ctx)
				return err
			}, `row 1: orm: table citizen has no field or column "gtag"`},
			{"bindparam outside a bulk update", func() error {
				_, err := orm.Select[Citizen](e).Where(orm.C("age_int").Gt(orm.BindParam("gtage"))).All(ctx)
				return err
			}, `BindParam("gtage") has no value here`},
		}
		for _, tc := range errs {
			t.Run(tc.name, func(t *testing.T) {
				sent = nil
				if err := tc.run(); err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("err = %v, want it to contain %q", err, tc.want)
				}
				if len(sent) > 0 {
					t.Errorf("sent %q before failing", sent)
				}
			})
		}
	})
}
