package autogen_test

import (
	"context"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate/autogen"
	"github.com/flagon-go/flagon/orm"
)

type exprIndexUser struct {
	ID   int     `orm:"pk"`
	Name *string `orm:"type:text"`
}

func (exprIndexUser) TableName() string { return "u" }

// TestExpressionIndexIsLeftAlone: an index on an expression, which models
// cannot declare, is skipped as SQLAlchemy's reflection skips it, with a
// note, instead of being dropped. MariaDB has no expression indexes.
func TestExpressionIndexIsLeftAlone(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		if d.Name == "mysql" {
			t.Skip("MariaDB has no indexes on expressions")
		}
		db, err := orm.Open(d.URL)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		pk := map[string]string{"sqlite": "INTEGER PRIMARY KEY", "postgresql": "SERIAL PRIMARY KEY"}[d.Name]
		for _, s := range []string{"CREATE TABLE u (id " + pk + ", name TEXT)", "CREATE INDEX ix_lower ON u (lower(name))"} {
			if _, err := db.SQL().Exec(s); err != nil {
				t.Fatal(err)
			}
		}
		res, err := autogen.CompareDB(context.Background(), db.SQL(), metadata(t, exprIndexUser{}), autogen.Options{Dialect: d.Name})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Detected) != 0 {
			t.Errorf("detected %q, want nothing", res.Detected)
		}
		want := "Skipped unsupported reflection of expression-based index 'ix_lower' on 'u': models cannot declare it, so it is left as it is"
		if got := strings.Join(res.Notes, "\n"); got != want {
			t.Errorf("notes %q, want %q", got, want)
		}
	})
}
