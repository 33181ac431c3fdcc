package flagon

import (
	"html"
	"net/http"
	"strconv"
	"strings"
)

// OnUnhandledError adds f to the functions that see unhandled 5xx errors
// before the default error page, in the order added; the first that
// reports it wrote a response ends the chain. The debug page of package
// cli/debugpage plugs in here, and so can an error reporter (returning
// false to let the page answer).
func (a *App) OnUnhandledError(f func(c *Ctx, err error) bool) {
	a.checkOpen("OnUnhandledError")
	a.onUnhandled = append(a.onUnhandled, f)
}

// writeErrorPage writes the default page for he: JSON when the client
// prefers JSON, Werkzeug's HTML page otherwise.
func writeErrorPage(c *Ctx, he *HTTPError) {
	for k, v := range he.Header {
		c.Header()[k] = v
	}
	body, ctype := errorPageBody(c, he)
	c.Header().Set("Content-Type", ctype)
	c.Header().Set("Content-Length", strconv.Itoa(len(body)))
	c.w.WriteHeader(he.Code)
	_, _ = c.w.Write(body)
}

// errorPageBody renders he as JSON or HTML.
func errorPageBody(c *Ctx, he *HTTPError) ([]byte, string) {
	if c.jsonErrors() || WantsJSON(c.Request) {
		b, err := c.app.JSON.Marshal(map[string]any{
			"code": he.Code, "name": he.Name(), "description": he.Text(),
		})
		if err == nil {
			return append(b, '\n'), "application/json"
		}
	}
	var sb strings.Builder
	sb.WriteString("<!doctype html>\n<html lang=en>\n<title>")
	sb.WriteString(strconv.Itoa(he.Code) + " " + html.EscapeString(he.Name()))
	sb.WriteString("</title>\n<h1>" + html.EscapeString(he.Name()) + "</h1>\n<p>")
	// Werkzeug's get_description: escaped, line breaks as <br>.
	sb.WriteString(strings.ReplaceAll(html.EscapeString(he.Text()), "\n", "<br>"))
	sb.WriteString("</p>\n")
	return []byte(sb.String()), "text/html; charset=utf-8"
}

// jsonErrors reports whether the request's route, or the URL prefix of an
// unmatched request, was declared an API with JSONErrors.
func (c *Ctx) jsonErrors() bool {
	if c.ep.jsonErrors {
		return true
	}
	if c.rule != nil {
		return false
	}
	path := c.Request.URL.Path
	for _, p := range c.app.jsonPrefixes {
		if strings.HasPrefix(path, p) && (len(path) == len(p) || path[len(p)] == '/') {
			return true
		}
	}
	return false
}

// WantsJSON reports whether the client prefers a JSON response: its Accept
// header ranks application/json (or a +json type) above text/html, or the
// request body is JSON and the Accept header is missing or names neither
// (as "*/*" does).
func WantsJSON(r *http.Request) bool {
	accept := r.Header.Get("Accept")
	if accept == "" {
		return isJSONType(r.Header.Get("Content-Type"))
	}
	jsonQ, htmlQ := -1.0, -1.0
	for _, part := range strings.Split(accept, ",") {
		mt, q := parseAcceptPart(part)
		switch {
		case isJSONType(mt):
			jsonQ = max(jsonQ, q)
		case mt == "text/html", mt == "application/xhtml+xml":
			htmlQ = max(htmlQ, q)
		}
	}
	if jsonQ < 0 && htmlQ < 0 {
		return isJSONType(r.Header.Get("Content-Type"))
	}
	return jsonQ > 0 && jsonQ > htmlQ
}

// parseAcceptPart splits "type/sub;q=0.5" into the media type and q.
func parseAcceptPart(part string) (string, float64) {
	fields := strings.Split(part, ";")
	mt := strings.ToLower(strings.TrimSpace(fields[0]))
	q := 1.0
	for _, f := range fields[1:] {
		k, v, ok := strings.Cut(strings.TrimSpace(f), "=")
		if ok && strings.EqualFold(k, "q") {
			if parsed, err := strconv.ParseFloat(v, 64); err == nil {
				q = parsed
			}
		}
	}
	return mt, q
}

func isJSONType(ct string) bool {
	mt, _, _ := strings.Cut(ct, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}
