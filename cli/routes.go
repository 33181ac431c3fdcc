package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/routing"
	"github.com/spf13/cobra"
)

// routeSorts are the --sort choices; "match" keeps the order rules are
// matched in.
var routeSorts = []string{"endpoint", "methods", "rule", "match"}

// routesCommand is `routes`, Flask's `flask routes`.
func routesCommand(app *flagon.App) *cobra.Command {
	var sortBy string
	var allMethods bool
	cmd := &cobra.Command{
		Use:   "routes",
		Short: "Show the routes for the app.",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !slices.Contains(routeSorts, sortBy) {
				return usageErrorf("invalid value for '--sort' / '-s': %q is not one of %s",
					sortBy, quoteList(routeSorts))
			}
			app.Freeze() // adds the static routes, as the server would
			WriteRoutes(cmd.OutOrStdout(), app.URLMap().Rules(), sortBy, allMethods)
			return nil
		},
	}
	cmd.Flags().StringVarP(&sortBy, "sort", "s", "endpoint",
		"method to sort routes by: "+strings.Join(routeSorts, ", "))
	cmd.Flags().BoolVar(&allMethods, "all-methods", false, "show HEAD and OPTIONS methods")
	return cmd
}

// WriteRoutes writes the table `routes` prints: endpoint, methods and
// rule in aligned columns, sorted by "endpoint", "methods", "rule" or
// "match" (the order given). HEAD and OPTIONS are left out unless
// allMethods is set.
func WriteRoutes(w io.Writer, rules []*routing.Rule, sortBy string, allMethods bool) {
	if len(rules) == 0 {
		fmt.Fprintln(w, "No routes were registered.")
		return
	}
	rows := make([][3]string, 0, len(rules)+2)
	for _, r := range rules {
		rows = append(rows, [3]string{r.Endpoint, methodList(r.Methods, allMethods), r.Pattern})
	}
	if col := slices.Index(routeSorts, sortBy); col >= 0 && col < 3 {
		slices.SortStableFunc(rows, func(a, b [3]string) int { return strings.Compare(a[col], b[col]) })
	}
	rows = slices.Insert(rows, 0, [3]string{"Endpoint", "Methods", "Rule"})
	writeTable(w, rows)
}

// methodList joins the sorted methods, without HEAD and OPTIONS unless
// all is set.
func methodList(methods []string, all bool) string {
	var out []string
	for _, m := range methods {
		if all || (m != "HEAD" && m != "OPTIONS") {
			out = append(out, m)
		}
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}

// writeTable writes rows with a dashed line under the header, columns
// left-aligned and padded, two spaces apart (click's format, trailing
// padding included).
func writeTable(w io.Writer, rows [][3]string) {
	var widths [3]int
	for _, row := range rows {
		for i, cell := range row {
			widths[i] = max(widths[i], len(cell))
		}
	}
	dashes := [3]string{}
	for i, n := range widths {
		dashes[i] = strings.Repeat("-", n)
	}
	rows = slices.Insert(rows, 1, dashes)
	for _, row := range rows {
		fmt.Fprintf(w, "%-*s  %-*s  %-*s\n", widths[0], row[0], widths[1], row[1], widths[2], row[2])
	}
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = "'" + x + "'"
	}
	return strings.Join(q, ", ")
}
