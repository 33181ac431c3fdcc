package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/routing"
	"github.com/spf13/cobra"
)

// routeSorts are the --sort choices; "match" keeps the order rules are
// matched in, and "domain" sorts by the Subdomain (or Host) column, which
// the table has when a rule has a subdomain (or host).
var routeSorts = []string{"endpoint", "methods", "domain", "rule", "match"}

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
			WriteMapRoutes(cmd.OutOrStdout(), app.URLMap(), sortBy, allMethods)
			return nil
		},
	}
	cmd.Flags().StringVarP(&sortBy, "sort", "s", "endpoint",
		"method to sort routes by: "+strings.Join(routeSorts, ", "))
	cmd.Flags().BoolVar(&allMethods, "all-methods", false, "show HEAD and OPTIONS methods")
	return cmd
}

// WriteRoutes writes the table `routes` prints for rules of a map that
// does not match hosts: endpoint, methods, subdomain (only when a rule has
// one) and rule in aligned columns, sorted by "endpoint", "methods",
// "domain", "rule" or "match" (the order given, but the app's static
// route first, where Flask registers it; "domain" without a subdomain
// column keeps the order given). HEAD and OPTIONS are left out unless allMethods is
// set.
func WriteRoutes(w io.Writer, rules []*routing.Rule, sortBy string, allMethods bool) {
	writeRoutes(w, rules, false, sortBy, allMethods)
}

// WriteMapRoutes is WriteRoutes for every rule of m; when m matches hosts
// the domain column is Host, as in Flask.
func WriteMapRoutes(w io.Writer, m *routing.Map, sortBy string, allMethods bool) {
	writeRoutes(w, m.Rules(), m.HostMatching, sortBy, allMethods)
}

func writeRoutes(w io.Writer, rules []*routing.Rule, hostMatching bool, sortBy string, allMethods bool) {
	if len(rules) == 0 {
		fmt.Fprintln(w, "No routes were registered.")
		return
	}
	domain := func(r *routing.Rule) string {
		if hostMatching {
			return r.Host
		}
		return r.Subdomain
	}
	hasDomain := slices.ContainsFunc(rules, func(r *routing.Rule) bool { return domain(r) != "" })
	headers, sorts := []string{"Endpoint", "Methods"}, []string{"endpoint", "methods"}
	if hasDomain {
		headers = append(headers, map[bool]string{true: "Host", false: "Subdomain"}[hostMatching])
		sorts = append(sorts, "domain")
	}
	headers, sorts = append(headers, "Rule"), append(sorts, "rule")
	rows := make([][]string, 0, len(rules)+2)
	for _, r := range rules {
		row := []string{r.Endpoint, methodList(r.Methods, allMethods)}
		if hasDomain {
			row = append(row, domain(r))
		}
		rows = append(rows, append(row, r.Pattern))
	}
	if sortBy == "match" {
		rows = staticFirst(rows)
	}
	if col := slices.Index(sorts, sortBy); col >= 0 {
		slices.SortStableFunc(rows, func(a, b []string) int { return strings.Compare(a[col], b[col]) })
	}
	writeTable(w, slices.Insert(rows, 0, headers))
}

// staticFirst moves the app's static route (endpoint "static") to the
// front: Flask registers it in the app's constructor, before every other
// rule, so `flask routes -s match` lists it first, while flagon adds it
// when the app is frozen, after the others.
func staticFirst(rows [][]string) [][]string {
	i := slices.IndexFunc(rows, func(row []string) bool { return row[0] == "static" })
	if i <= 0 {
		return rows
	}
	row := rows[i]
	return slices.Insert(slices.Delete(rows, i, i+1), 0, row)
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
func writeTable(w io.Writer, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, cell := range row {
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	dashes := make([]string, len(widths))
	for i, n := range widths {
		dashes[i] = strings.Repeat("-", n)
	}
	rows = slices.Insert(rows, 1, dashes)
	for _, row := range rows {
		cells := make([]string, len(row))
		for i, cell := range row {
			cells[i] = cell + strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell))
		}
		fmt.Fprintln(w, strings.Join(cells, "  "))
	}
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = "'" + x + "'"
	}
	return strings.Join(q, ", ")
}
