package debugpage_test

import (
	"fmt"
	"html/template"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/cli/debugpage"
)

func ExampleCheckReadOnly() {
	for _, q := range []string{
		"SELECT id, name FROM items WHERE name = 'DELETE'",
		"DELETE FROM items",
		"SELECT 1; DROP TABLE items",
	} {
		fmt.Println(debugpage.CheckReadOnly(q))
	}
	// Output:
	// <nil>
	// the debug console runs only single SELECT statements: DELETE is not allowed
	// the debug console runs only single SELECT statements: only one statement may be run
}

// An extension adds a panel to the debug page of an app; the panel
// renders while the failed request's context is still valid.
func ExampleAddPanel() {
	app := flagon.New()
	debugpage.AddPanel(app, "Feature flags", func(c *flagon.Ctx) template.HTML {
		return template.HTML("<p>new-checkout: on</p>")
	})
	debugpage.Install(app, debugpage.Options{})
}
