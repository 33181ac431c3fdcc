package verify

import (
	"context"
	"html"
	"strings"
	"unicode/utf8"
)

// ValidFortunes is TechEmpower's expected fortunes page in normal form:
// tags lower-cased without attributes, whitespace-only text dropped, and
// text with &, <, >, " and ' escaped as named entities.
const ValidFortunes = `<!doctype html><html><head><title>Fortunes</title></head><body><table><tr><th>id</th><th>message</th></tr>` +
	`<tr><td>11</td><td>&lt;script&gt;alert(&quot;This should not be displayed in a browser alert box.&quot;);&lt;/script&gt;</td></tr>` +
	`<tr><td>4</td><td>A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1</td></tr>` +
	`<tr><td>5</td><td>A computer program does what you tell it to do, not what you want it to do.</td></tr>` +
	`<tr><td>2</td><td>A computer scientist is someone who fixes things that aren&apos;t broken.</td></tr>` +
	`<tr><td>8</td><td>A list is only as strong as its weakest link. — Donald Knuth</td></tr>` +
	`<tr><td>0</td><td>Additional fortune added at request time.</td></tr>` +
	`<tr><td>3</td><td>After enough decimal places, nobody gives a damn.</td></tr>` +
	`<tr><td>7</td><td>Any program that runs right is obsolete.</td></tr>` +
	`<tr><td>10</td><td>Computers make very fast, very accurate mistakes.</td></tr>` +
	`<tr><td>6</td><td>Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen</td></tr>` +
	`<tr><td>9</td><td>Feature: A bug with seniority.</td></tr>` +
	`<tr><td>1</td><td>fortune: No such file or directory</td></tr>` +
	`<tr><td>12</td><td>フレームワークのベンチマーク</td></tr>` +
	`</table></body></html>`

// Fortunes checks /fortunes: an HTML page, valid UTF-8, whose normal form
// is ValidFortunes.
func (c *Checker) Fortunes(ctx context.Context) []Problem {
	ps := &problems{test: "fortunes", url: c.Base + "/fortunes"}
	r := c.get(ctx, ps, ps.url)
	if r == nil {
		return ps.list
	}
	checkHeaders(ps, r.header, "html")
	if !utf8.Valid(r.body) {
		ps.fail("body is not valid UTF-8")
		return ps.list
	}
	got := NormalizeHTML(string(r.body))
	if got != ValidFortunes {
		ps.fail("page differs from the expected fortunes at byte %d: got %q", diffAt(got, ValidFortunes), around(got, diffAt(got, ValidFortunes)))
	}
	return ps.list
}

// textEscaper writes text in the normal form's escaping.
var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")

// NormalizeHTML rewrites an HTML page into the normal form ValidFortunes
// is written in, so that any correct escaping (&#34;, &quot;, &#x22;...)
// compares equal and any unescaped markup in the data shows as a tag.
func NormalizeHTML(page string) string {
	var b strings.Builder
	for page != "" {
		lt := strings.IndexByte(page, '<')
		if lt < 0 {
			lt = len(page)
		}
		writeText(&b, page[:lt])
		page = page[lt:]
		if page == "" {
			break
		}
		gt := strings.IndexByte(page, '>')
		if gt < 0 {
			writeText(&b, page)
			break
		}
		b.WriteString(normalTag(page[1:gt]))
		page = page[gt+1:]
	}
	return b.String()
}

// writeText writes text unescaped and re-escaped, unless it is blank
// once unescaped.
func writeText(b *strings.Builder, s string) {
	if u := html.UnescapeString(s); strings.TrimSpace(u) != "" {
		textEscaper.WriteString(b, u)
	}
}

// normalTag returns a tag's normal form: "<!doctype html>", "<name>" or
// "</name>".
func normalTag(inner string) string {
	if strings.HasPrefix(inner, "!") {
		return "<" + strings.ToLower(inner) + ">"
	}
	closing := strings.HasPrefix(inner, "/")
	name := strings.TrimPrefix(inner, "/")
	if i := strings.IndexAny(name, " \t\r\n/"); i >= 0 {
		name = name[:i]
	}
	if closing {
		return "</" + strings.ToLower(name) + ">"
	}
	return "<" + strings.ToLower(name) + ">"
}

// diffAt returns the index of the first byte where a and b differ.
func diffAt(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// around returns up to 40 bytes of s from i.
func around(s string, i int) string {
	return s[i:min(len(s), i+40)]
}
