package debugpage

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/config"
	"github.com/flagon-go/flagon/internal/cookies"
)

// failure is everything the page shows about one failed request,
// captured while the request's context was valid (contexts are reused).
type failure struct {
	ID        string
	Time      time.Time
	Message   string
	Type      string
	Chain     []link
	Frames    []frame
	StackNote string
	Method    string
	URL       string
	Endpoint  string
	Rule      string
	Headers   []kv
	Query     []kv
	Form      []kv
	Cookies   []kv // names with masked values, shown before the PIN
	CookieVal []kv // values (secret-named masked), shown with the PIN
	Config    []kv
	Params    []kv
	G         []kv
	Panels    []renderedPanel
	Consoles  []string
	Traceback string
}

// kv is one row of a key/value table.
type kv struct{ Key, Value string }

type renderedPanel struct {
	Name string
	HTML template.HTML
}

// capture snapshots the failed request; pinCookie is the PIN cookie's
// name, whose value is never shown.
func capture(c *flagon.Ctx, err error, reg *registry, pinCookie string) *failure {
	r := c.Request
	f := &failure{
		ID: newID(), Time: time.Now(), Message: errorText(err), Type: headline(err),
		Chain: chainOf(err), Method: r.Method, URL: maskedURL(r.URL), Endpoint: c.Endpoint(),
		Headers: headerRows(r.Header), Query: valueRows(c.Args()), CookieVal: cookieRows(r, pinCookie),
		Config: configRows(c.App().Config), Params: stringMapRows(c.Params()), G: anyMapRows(c.G()),
	}
	if rule := c.Rule(); rule != nil {
		f.Rule = rule.Pattern
	}
	f.Cookies = maskedRows(f.CookieVal)
	f.Form = formRows(c)
	f.Frames, f.StackNote = stackOf(c, err)
	panels, consoles := reg.snapshot()
	f.Panels = renderPanels(c, panels)
	for _, nc := range consoles {
		f.Consoles = append(f.Consoles, nc.name)
	}
	f.Traceback = traceback(f, err)
	return f
}

func newID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// headline is the type shown as the page's title: the panic value's
// type, or the first error of the chain that is not a plain fmt or
// errors wrapper.
func headline(err error) string {
	if pe, ok := findInChain[*flagon.PanicError](err); ok {
		if e, ok := pe.Value.(error); ok {
			return fmt.Sprintf("panic: %T", e)
		}
		return "panic"
	}
	for _, l := range chainOf(err) {
		switch l.Type {
		case "*fmt.wrapError", "*fmt.wrapErrors", "*errors.joinError":
			continue
		}
		return l.Type
	}
	return fmt.Sprintf("%T", err)
}

// renderPanels runs each panel, turning a panic into a note.
func renderPanels(c *flagon.Ctx, panels []panel) []renderedPanel {
	out := make([]renderedPanel, 0, len(panels))
	for _, p := range panels {
		out = append(out, renderedPanel{Name: p.name, HTML: safePanel(c, p)})
	}
	return out
}

func safePanel(c *flagon.Ctx, p panel) (h template.HTML) {
	defer func() {
		if v := recover(); v != nil {
			h = template.HTML("<p class=note>the panel failed: " + template.HTMLEscapeString(fmt.Sprint(v)) + "</p>")
		}
	}()
	return p.render(c)
}

// hiddenHeaders are shown masked: they carry credentials.
var hiddenHeaders = map[string]bool{"Authorization": true, "Proxy-Authorization": true, "Cookie": true}

func headerRows(h http.Header) []kv {
	var rows []kv
	for k, vs := range h {
		v := strings.Join(vs, ", ")
		switch {
		case hiddenHeaders[k]:
			v = config.Mask
		case k == "Referer" || k == "Origin":
			v = maskedURLString(v)
		}
		rows = append(rows, kv{k, v})
	}
	return sortRows(rows)
}

func valueRows(v flagon.Values) []kv {
	var rows []kv
	for k, vs := range v {
		for _, x := range vs {
			// maskedQuery too: Werkzeug's parsing keeps "a=1;password=x"
			// as a's value, which must not show the password.
			rows = append(rows, kv{k, maskedQuery(fmt.Sprint(config.Masked(k, x)))})
		}
	}
	return sortRows(rows)
}

// formRows lists the form fields already parsed or parseable; a body
// that cannot be parsed shows the error.
func formRows(c *flagon.Ctx) []kv {
	ct := c.Request.Header.Get("Content-Type")
	if !strings.HasPrefix(ct, "application/x-www-form-urlencoded") && !strings.HasPrefix(ct, "multipart/form-data") {
		return nil
	}
	form, err := c.Form()
	if err != nil {
		return []kv{{"(error)", err.Error()}}
	}
	return valueRows(form)
}

func cookieRows(r *http.Request, pinCookie string) []kv {
	var rows []kv
	for _, ck := range cookies.Parse(r.Header["Cookie"]) {
		name, v := ck[0], ck[1]
		if name == pinCookie {
			v = config.Mask
		}
		rows = append(rows, kv{name, fmt.Sprint(config.Masked(name, v))})
	}
	return sortRows(rows)
}

// maskedRows returns rows with every value replaced by config.Mask.
func maskedRows(rows []kv) []kv {
	out := make([]kv, len(rows))
	for i, r := range rows {
		out[i] = kv{r.Key, config.Mask}
	}
	return out
}

func configRows(cfg *config.Config) []kv {
	var rows []kv
	for k, v := range cfg.MaskedSnapshot() {
		rows = append(rows, kv{k, brief(v)})
	}
	return sortRows(rows)
}

func stringMapRows(m map[string]string) []kv {
	var rows []kv
	for k, v := range m {
		rows = append(rows, kv{k, v})
	}
	return sortRows(rows)
}

func anyMapRows(m map[string]any) []kv {
	var rows []kv
	for k, v := range m {
		rows = append(rows, kv{k, maskedBrief(k, v)})
	}
	return sortRows(rows)
}

func sortRows(rows []kv) []kv {
	slices.SortStableFunc(rows, func(a, b kv) int { return strings.Compare(a.Key, b.Key) })
	return rows
}
