package orm_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// TestBulkReturningSQLGolden renders bulk statements with Returning per
// dialect into testdata/returning/<dialect>.sql: SQL() shows RETURNING
// where the database runs it (MariaDB's DELETE ... RETURNING on mysql;
// no UPDATE ... RETURNING there, which is emulated when run).
func TestBulkReturningSQLGolden(t *testing.T) {
	for _, name := range dialectNames {
		q := offline{mustDialect(t, name)}
		cases := []struct {
			name string
			r    sqlRenderer
		}{
			{"test_update_returning_star", orm.Update[Citizen](q).Set("Age", ageDown).Where(orm.C("age_int").Gt(29)).Returning()},
			{"test_fetch_w_explicit_returning", orm.Update[Citizen](q).Set("Age", 10).Where(orm.C("name").Eq("jack")).Returning("name", "Age")},
			{"update returning a labelled expression", orm.Update[Citizen](q).Set("Name", "x").Returning(orm.As(orm.SQL("age_int + 1"), "next_age"))},
			{"update returning onupdate column", orm.Update[Edited](q).Set("Title", "t").Returning("State")},
			{"test_delete_returning_star", orm.Delete[Citizen](q).Where(orm.C("age_int").Gt(29)).Returning()},
			{"delete returning qualified column", orm.Delete[Citizen](q).Returning("citizen.id")},
			{"delete without returning", orm.Delete[Citizen](q).Where(orm.C("id").Eq(1))},
		}
		var b strings.Builder
		for _, c := range cases {
			query, args, err := c.r.SQL()
			if err != nil {
				t.Fatalf("%s/%s: %v", name, c.name, err)
			}
			fmt.Fprintf(&b, "-- %s\n%s\n-- args: %s\n\n", c.name, query, formatArgs(args))
		}
		t.Run(name, func(t *testing.T) { golden(t, "returning/"+name+".sql", b.String()) })
	}
}

// TestBulkReturningStatementsGolden records every statement that bulk
// updates and deletes send per database, into
// testdata/returning/run_<dialect>.sql: the primary keys (and new
// values) read back for the session with RETURNING, or with SELECT ...
// FOR UPDATE on MySQL/MariaDB where RETURNING is missing.
func TestBulkReturningStatementsGolden(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := peopleDB(t, db)
		resetCitizens(t, e)
		var b strings.Builder
		defer e.OnStatement(func(ev orm.StatementEvent) {
			if ev.SQL != "SELECT VERSION()" { // asked once per server and process
				fmt.Fprintf(&b, "%s %v;\n", ev.SQL, ev.Args)
			}
		})()
		step := func(name string) { fmt.Fprintf(&b, "-- %s\n", name) }

		step("test_update_fetch_returning: the session holds the rows")
		s := e.Session()
		loadPeople(t, s)
		_, err := orm.Update[Citizen](s).Set("Age", ageDown).Where(orm.C("age_int").Gt(29)).Exec(ctx)
		must(t, err)
		step("test_fetch_w_explicit_returning")
		_, err = orm.Into[orm.Tuple2[string, int]](ctx, orm.Update[Citizen](s).Set("Age", 10).Where(orm.C("name").Eq("jack")).Returning("name", "Age"))
		must(t, err)
		step("update returning objects")
		_, err = orm.Update[Citizen](s).Set("Name", "jill").Where(orm.C("id").Eq(3)).All(ctx)
		must(t, err)
		step("test_delete_fetch_returning")
		_, err = orm.Delete[Citizen](s).Where(orm.C("age_int").Eq(27)).Exec(ctx)
		must(t, err)
		must(t, s.Commit(ctx))

		step("no session: no rows read back")
		_, err = orm.Update[Citizen](e).Set("Age", 1).Where(orm.C("id").Eq(1)).Exec(ctx)
		must(t, err)
		step("no session: update returning")
		_, err = orm.Into[string](ctx, orm.Update[Citizen](e).Set("Age", 2).Where(orm.C("id").Eq(1)).Returning("name"))
		must(t, err)
		step("test_delete_returning_star, no session")
		_, err = orm.Delete[Citizen](e).Where(orm.C("id").Eq(1)).All(ctx)
		must(t, err)
		golden(t, "returning/run_"+db.Name+".sql", b.String())
	})
}
