package database

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/cli/debugpage"
)

// sqlPanel lists the request's recorded statements on the debug page.
var sqlPanel = template.Must(template.New("sql").Funcs(template.FuncMap{
	"inc":  func(i int) int { return i + 1 },
	"args": formatArgs,
}).Parse(`
{{- if not .Recording }}<p>Recording is off: set SQLALCHEMY_RECORD_QUERIES (on by default in debug mode).</p>
{{- else if not .Queries }}<p>This request ran no SQL statement.</p>
{{- else }}<p>{{ len .Queries }} statement{{ if gt (len .Queries) 1 }}s{{ end }}, {{ .Total }} in all.</p>
<table class="sql-queries"><thead><tr><th>#</th><th>Statement</th><th>Parameters</th><th>Time</th><th>Called from</th></tr></thead><tbody>
{{- range $i, $q := .Queries }}
<tr{{ if $q.Err }} class="failed"{{ end }}><td>{{ inc $i }}</td><td><code>{{ $q.SQL }}</code>{{ with $q.Err }}<br><strong>{{ . }}</strong>{{ end }}</td><td><code>{{ args $q.Args }}</code></td><td>{{ $q.Duration }}</td><td><code>{{ $q.Caller }}</code></td></tr>
{{- end }}
</tbody></table>{{ end }}`))

// installDebugPanels adds the SQL panel and one read-only SQL console per
// bind to the app's debug page (shown only in debug mode).
func (d *DB) installDebugPanels(app *flagon.App) {
	debugpage.AddPanel(app, "SQL", d.renderSQLPanel)
	for _, bind := range d.Binds() {
		debugpage.AddConsole(app, "database "+bindLabel(bind), debugpage.SQLConsole(d.engines[bind].SQL()))
	}
}

func (d *DB) renderSQLPanel(c *flagon.Ctx) template.HTML {
	queries := RecordedQueries(c)
	var total float64
	for _, q := range queries {
		total += q.Duration.Seconds()
	}
	var buf bytes.Buffer
	err := sqlPanel.Execute(&buf, map[string]any{
		"Recording": d.record, "Queries": queries, "Total": fmt.Sprintf("%.2fms", total*1000),
	})
	if err != nil {
		return template.HTML("<p>" + template.HTMLEscapeString(err.Error()) + "</p>")
	}
	return template.HTML(buf.String())
}

func formatArgs(args []any) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = fmt.Sprintf("%#v", a)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
