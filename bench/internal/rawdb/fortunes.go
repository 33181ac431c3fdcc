package rawdb

import (
	"bytes"
	"html/template"
	"slices"
	"strings"

	"github.com/flagon-go/flagon/bench/internal/tfb"
)

// Page is the fortunes page, named "fortunes"; html/template escapes each
// message.
var Page = template.Must(template.New("fortunes").Parse(`<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table><tr><th>id</th><th>message</th></tr>{{range .}}<tr><td>{{.ID}}</td><td>{{.Message}}</td></tr>{{end}}</table></body></html>`))

// AddAndSort adds the request-time fortune and sorts by message.
func AddAndSort(fortunes []Fortune) []Fortune {
	fortunes = append(fortunes, Fortune{0, tfb.AdditionalFortune})
	slices.SortFunc(fortunes, func(a, b Fortune) int { return strings.Compare(a.Message, b.Message) })
	return fortunes
}

// RenderFortunes adds the request-time fortune, sorts and renders the page
// into buf.
func RenderFortunes(buf *bytes.Buffer, fortunes []Fortune) error {
	return Page.Execute(buf, AddAndSort(fortunes))
}
