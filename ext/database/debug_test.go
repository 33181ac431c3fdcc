package database_test

import (
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/cli/debugpage"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

func TestDebugPageShowsTheRequestsSQL(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		app, db := setup(t, d.URL, 2, map[string]any{"DEBUG": true, "SECRET_KEY": "k"})
		app.Get("/boom", func(c *flagon.Ctx) error {
			if _, err := orm.Select[Product](db.Engine()).Where(orm.C("name").Eq("<b>x</b>")).All(c.Context()); err != nil {
				return err
			}
			panic("after the query")
		})
		debugpage.Install(app, debugpage.Options{PIN: debugpage.PINOff})
		res := flagontest.NewClient(t, app).Get("/boom", flagontest.Header("Accept", "text/html"))
		page := res.Text()
		for _, want := range []string{"after the query", "1 statement", "FROM", "debug_test.go:", "&lt;b&gt;x&lt;/b&gt;", "database default"} {
			if !strings.Contains(page, want) {
				t.Errorf("debug page lacks %q", want)
			}
		}
		if strings.Contains(page, "<b>x</b>") {
			t.Error("a parameter was not escaped")
		}
	})
}
