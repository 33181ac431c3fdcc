package orm_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/orm"
)

// TestInheritanceSQLGolden renders the queries and DDL of the single- and
// joined-table hierarchies per dialect in testdata/mapping/inherit_*.sql.
func TestInheritanceSQLGolden(t *testing.T) {
	for _, name := range dialectNames {
		q := offline{mustDialect(t, name)}
		render := func(kind string, models []any, queries []sqlRenderer) {
			var b strings.Builder
			for _, r := range queries {
				query, args, err := r.SQL()
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				fmt.Fprintf(&b, "%s\n-- args: %s\n\n", query, formatArgs(args))
			}
			md := orm.NewMetaData()
			must(t, md.Register(models...))
			ddl, err := md.CreateSQL(name)
			must(t, err)
			b.WriteString(joinSQL(ddl))
			t.Run(kind+"/"+name, func(t *testing.T) { golden(t, "mapping/inherit_"+kind+"_"+name+".sql", b.String()) })
		}
		render("single", singleModels, []sqlRenderer{
			orm.Select[SEmployee](q).OrderBy("employee_id"),
			orm.Select[SEngineer](q).Where(orm.C("name").Eq("Kurt")),
			orm.Select[SManager](q).OrderBy("name"),
			orm.Select[SJuniorEngineer](q).Columns(orm.Count()),
			orm.Update[SManager](q).Set("ManagerData", "x").Where(orm.C("name").Eq("Tom")),
			orm.Delete[SEngineer](q).FilterBy("Name", "Kurt"),
		})
		render("joined", joinedModels, []sqlRenderer{
			orm.Select[JPerson](q).OrderBy("person_id"),
			orm.Select[JManager](q).Where(orm.C("name").Eq("x")),
			orm.Select[JBoss](q).OrderBy("golf_swing"),
			orm.Select[JEngineer](q).FilterBy("PrimaryLanguage", "go").Columns(orm.Count()),
		})
	}
}

// TestInheritanceBulkStatements: a bulk UPDATE or DELETE of a joined
// subtype is refused before any SQL is sent.
func TestInheritanceBulkStatements(t *testing.T) {
	q := offline{mustDialect(t, "sqlite")}
	cases := []struct {
		name string
		r    sqlRenderer
	}{
		{"update", orm.Update[JEngineer](q).Set("Status", "x")},
		{"delete", orm.Delete[JBoss](q).FilterBy("Name", "x")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := tc.r.SQL()
			if err == nil || !strings.Contains(err.Error(), "are not supported: its columns span tables people") {
				t.Errorf("got %v", err)
			}
		})
	}
}
