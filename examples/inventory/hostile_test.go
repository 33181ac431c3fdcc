package main

import (
	"bufio"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/cli/debugpage"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/internal/dbtest"
)

// The secrets of the hostile-input corpus: none may appear in any
// response, whatever the request.
const (
	corpusSecretKey   = "corpus-secret-key-5f1c9e"
	corpusPIN         = "271-828-182"
	corpusPINSecret   = "00112233445566778899aabbccddeeff"
	corpusDBPassword  = "replica-pw-41d7"
	corpusReplicaURL  = "postgresql://app:" + corpusDBPassword + "@db.internal/shop"
	corpusStackMarker = "goroutine "
)

// corpusApp builds the example on dbURL as `run` starts it: with debug on
// it installs the debugger with the PIN the reloader passes in
// FLAGON_DEBUG_PIN. A replica URL with a password reaches the config
// through FromEnv, as a real deployment's would.
func corpusApp(t *testing.T, dbURL string, debug bool) *flagon.App {
	t.Helper()
	t.Setenv("SECRET_KEY", corpusSecretKey)
	t.Setenv("DATABASE_URL", dbURL)
	t.Setenv("FLAGON_DEBUG", map[bool]string{true: "1", false: "0"}[debug])
	t.Setenv(debugpage.EnvPIN, corpusPIN)
	t.Setenv(debugpage.EnvSecret, corpusPINSecret)
	t.Setenv("FLAGON_REPLICA_URL", corpusReplicaURL)
	app := upgradedApp(t, dbURL)
	if debug {
		debugpage.Install(app, debugpage.OptionsFromEnv())
	}
	return app
}

// hostile is one request of the corpus.
type hostile struct {
	name    string
	method  string   // GET when empty
	target  string   // the raw request target, sent as is
	headers []string // "Name: value" lines; Host: localhost unless given
	ctype   string
	body    string // {{csrf}} is replaced by the form's CSRF token
	session bool   // send the session cookie that goes with the token
}

// integers are route values, query values and form values at and past
// each integer range, and spellings strconv or a database may read
// differently.
var integers = []string{
	"0", "1", "-1", "01", "+1", "1.0", "1e3", "0x1F", "%201",
	"32767", "32768", "-32769",
	"2147483647", "2147483648", "-2147483648", "-2147483649", "4294967296",
	"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
	"18446744073709551616", "99999999999999999999999999999",
}

// multipartBody is a multipart/form-data body (boundary XyZ) of raw
// name, value pairs.
func multipartBody(fields ...string) string {
	var b strings.Builder
	for i := 0; i+1 < len(fields); i += 2 {
		fmt.Fprintf(&b, "--XyZ\r\nContent-Disposition: form-data; name=%q\r\n\r\n%s\r\n", fields[i], fields[i+1])
	}
	b.WriteString("--XyZ--\r\n")
	return b.String()
}

const (
	formType      = "application/x-www-form-urlencoded"
	multipartType = "multipart/form-data; boundary=XyZ"
	jsonType      = "application/json"
)

// hostileCorpus returns the corpus: paths, headers, cookies, forms,
// multipart bodies, JSON bodies, route values at and past each integer
// range, bad UTF-8, NUL, huge values, traversal, bogus cookies and
// sessions.
func hostileCorpus(pinCookie string) []hostile {
	var cs []hostile
	add := func(h hostile) { cs = append(cs, h) }
	for _, n := range integers {
		// Values past a column's integer range: an id finds nothing (404,
		// as in Flask), a price is a 400 naming the field.
		add(hostile{name: "show id " + n, target: "/products/" + n})
		add(hostile{name: "edit form id " + n, target: "/products/" + n + "/edit"})
		add(hostile{name: "edit post id " + n, method: "POST", target: "/products/" + n + "/edit", ctype: formType,
			body: "csrf_token={{csrf}}&name=Edited", session: true})
		add(hostile{name: "delete id " + n, method: "POST", target: "/products/" + n + "/delete", ctype: formType,
			body: "csrf_token={{csrf}}", session: true})
		add(hostile{name: "page " + n, target: "/?page=" + n + "&per_page=" + n})
		add(hostile{name: "API page " + n, target: "/api/products?page=" + n + "&per_page=" + n})
		add(hostile{name: "form price " + n, method: "POST", target: "/products/new", ctype: formType,
			body: "csrf_token={{csrf}}&name=Priced&price=" + url.QueryEscape(n), session: true})
		add(hostile{name: "multipart price " + n, method: "POST", target: "/products/new", ctype: multipartType,
			body: multipartBody("csrf_token", "{{csrf}}", "name", "Priced", "price", n), session: true})
		add(hostile{name: "JSON price " + n, method: "POST", target: "/api/products", ctype: jsonType,
			body: `{"name": "Priced", "price": ` + n + `}`})
	}
	for _, p := range []string{
		"/static/../app.go", "/static/..%2fapp.go", "/static/%2e%2e/%2e%2e/etc/passwd", "/static/....//....//etc/passwd",
		"/static/%c0%ae%c0%ae/app.go", `/static/..\..\app.go`, "/static/%5c..%5capp.go", "/static/style.css%00.png",
		"/../../etc/passwd", "/./products/1", "//evil.example", "/%5Cevil.example", "/%2F%2Fevil.example",
		"/products/%31", "/products/1%00", "/products/%FF", "/products/%00", "/products/1/", "/products//1",
		"/%", "/%zz", "/%00", "/%FF%FE", "/" + strings.Repeat("a", 8000), "/products/" + strings.Repeat("9", 5000),
		"/?" + strings.Repeat("a=1&", 5000), "/?page=%FF", "/?page=%00", "/?page[]=1", "/api/products?per_page=%00",
		"/__flagon__/failure/x", "/__flagon__/failure/../../etc/passwd", "/static/", "/static", "/favicon.ico",
		"http://evil.example/", "/products/new?next=//evil.example",
	} {
		add(hostile{name: "path " + p, target: p})
	}
	for _, m := range []string{"TRACE", "PUT", "DELETE", "PATCH", "FOO", "HEAD", "OPTIONS"} {
		add(hostile{name: "method " + m, method: m, target: "/products/1"})
	}
	add(hostile{name: "OPTIONS *", method: "OPTIONS", target: "*"})
	for _, h := range []string{
		"Host: evil.example", "Host: localhost:99999", "Host: [::1", "Host: " + strings.Repeat("h", 5000),
		"X-Forwarded-For: " + strings.Repeat("1.1.1.1, ", 500), "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: gopher",
		"Accept: */*;q=abc", "Accept: " + strings.Repeat("text/html;q=0.1,", 2000), "Accept-Language: \xff\xfe",
		"Accept-Encoding: gzip;q=2, br;q=-1", "If-Modified-Since: yesterday", "If-None-Match: " + strings.Repeat(`"x",`, 1000),
		"Range: bytes=0-0,-1,100-", "Authorization: Basic !!!", "Referer: javascript:alert(1)",
		"X-Very-Long: " + strings.Repeat("v", 60000), "Content-Type: application/json; charset=utf-16",
	} {
		add(hostile{name: "header " + h[:min(len(h), 40)], target: "/products/1", headers: []string{h}})
		add(hostile{name: "header on static " + h[:min(len(h), 40)], target: "/static/style.css", headers: []string{h}})
	}
	for _, ck := range []string{
		"session=garbage", "session=.eJzLSM3JyQcABiwCFQ.bogus.sig", "session=" + strings.Repeat("A", 4000),
		"session=eyJfZmxhc2hlcyI6W119.ZZZZZZ.c2lnbmF0dXJl", "session=.", "session=..", "session=\"quoted\"",
		"session=a; session=b", pinCookie + "=1|00", pinCookie + "=99999999999999999999|zz",
		pinCookie + "=" + strings.Repeat("9", 5000) + "|00", pinCookie + "=-1|", pinCookie + "=|",
		"csrf_token=x", strings.Repeat("c=1; ", 300), "\xff=\xfe", "session=%00",
	} {
		short := strings.ReplaceAll(ck, pinCookie, "<PIN cookie>")
		short = short[:min(len(short), 40)]
		add(hostile{name: "cookie " + short, target: "/", headers: []string{"Cookie: " + ck}})
		add(hostile{name: "cookie on form " + short, method: "POST", target: "/products/new",
			headers: []string{"Cookie: " + ck}, ctype: formType, body: "csrf_token={{csrf}}&name=Cookie"})
		// the PIN form of a real failure checks the PIN cookie first
		add(hostile{name: "cookie on PIN form " + short, method: "POST", target: debugpage.Prefix + "pin",
			headers: []string{"Cookie: " + ck}, ctype: formType, body: "failure={{failure}}"})
	}
	for _, f := range []struct{ name, body string }{
		{"NUL in name", "name=a%00b"}, {"escaped bad UTF-8", "name=%FF%FE"}, {"raw bad UTF-8", "name=\xff\xfe"},
		{"surrogate", "name=%ED%A0%80"}, {"huge name", "name=" + strings.Repeat("n", 100000)},
		{"101 two-byte characters", "name=" + strings.Repeat("%CE%A9", 101)}, {"two names", "name=a&name=b"},
		{"no name", "price=1"}, {"bad escape", "name=%zz"}, {"many fields", strings.Repeat("x=1&", 5000) + "name=many"},
		{"script name", "name=%3Cscript%3Ealert(1)%3C%2Fscript%3E"}, {"NUL in price", "name=a&price=1%00"},
		{"JSON in a form", `{"name": "x"}`},
	} {
		add(hostile{name: "form " + f.name, method: "POST", target: "/products/new", ctype: formType,
			body: "csrf_token={{csrf}}&" + f.body, session: true})
		add(hostile{name: "edit form " + f.name, method: "POST", target: "/products/1/edit", ctype: formType,
			body: "csrf_token={{csrf}}&" + f.body, session: true})
	}
	add(hostile{name: "form without token", method: "POST", target: "/products/new", ctype: formType, body: "name=x", session: true})
	add(hostile{name: "form over the body limit", method: "POST", target: "/products/new", ctype: formType,
		body: "csrf_token={{csrf}}&name=" + strings.Repeat("x", maxBodySize), session: true})
	for _, m := range []struct{ name, ctype, body string }{
		{"NUL", multipartType, multipartBody("csrf_token", "{{csrf}}", "name", "a\x00b")},
		{"bad UTF-8", multipartType, multipartBody("csrf_token", "{{csrf}}", "name", "\xff\xfe\xed\xa0\x80")},
		{"bad UTF-8 field name", multipartType, multipartBody("csrf_token", "{{csrf}}", "na\xffme", "x")},
		{"file as name", multipartType, "--XyZ\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{{csrf}}\r\n--XyZ\r\nContent-Disposition: form-data; name=\"name\"; filename=\"../../etc/passwd\"\r\n\r\nroot\r\n--XyZ--\r\n"},
		{"truncated", multipartType, "--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nabc"},
		{"wrong boundary", "multipart/form-data; boundary=Other", multipartBody("name", "x")},
		{"no boundary", "multipart/form-data", multipartBody("name", "x")},
		{"long boundary", "multipart/form-data; boundary=" + strings.Repeat("b", 200), "--x"},
		{"too many parts", multipartType, multipartBody(slices.Repeat([]string{"p", "1"}, 1100)...)},
		{"huge field", multipartType, multipartBody("csrf_token", "{{csrf}}", "name", strings.Repeat("n", 600000))},
		{"no header", multipartType, "--XyZ\r\n\r\nvalue\r\n--XyZ--\r\n"},
	} {
		add(hostile{name: "multipart " + m.name, method: "POST", target: "/products/new", ctype: m.ctype, body: m.body, session: true})
	}
	for _, j := range []struct{ name, body string }{
		{"NUL", `{"name": "a\u0000b"}`}, {"lone surrogate", `{"name": "\ud800"}`}, {"raw bad UTF-8", "{\"name\": \"\xff\xfe\"}"},
		{"huge name", `{"name": "` + strings.Repeat("n", 100000) + `"}`}, {"name number", `{"name": 5}`},
		{"price string", `{"name": "x", "price": "5"}`}, {"price float", `{"name": "x", "price": 1.5}`},
		{"price 1e400", `{"name": "x", "price": 1e400}`}, {"price null", `{"name": "x", "price": null}`},
		{"array", `[]`}, {"null", `null`}, {"string", `"x"`}, {"empty", ``}, {"trailing", `{} {}`},
		{"BOM", "\ufeff{}"}, {"deep", strings.Repeat("[", 20000) + strings.Repeat("]", 20000)},
		{"duplicate keys", `{"name": "a", "name": "b"}`}, {"unknown field", `{"name": "x", "admin": true}`},
		{"over the body limit", `{"name": "` + strings.Repeat("x", maxBodySize) + `"}`},
	} {
		add(hostile{name: "JSON " + j.name, method: "POST", target: "/api/products", ctype: jsonType, body: j.body})
	}
	add(hostile{name: "JSON as latin-1", method: "POST", target: "/api/products", ctype: "application/json; charset=latin-1", body: "{\"name\": \"caf\xe9\"}"})
	add(hostile{name: "JSON as text", method: "POST", target: "/api/products", ctype: "text/plain", body: `{"name": "x"}`})
	add(hostile{name: "JSON chunked", method: "POST", target: "/api/products", ctype: jsonType,
		headers: []string{"Transfer-Encoding: chunked"}, body: "5\r\n{\"nam\r\nZZ\r\n"})
	return cs
}

// rawRequest renders c as HTTP/1.1 bytes, with the session's token and
// cookie and the debugger's failure id where it asks for them.
func (c hostile) rawRequest(token, cookie, failure string) string {
	method := c.method
	if method == "" {
		method = "GET"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\n", method, c.target)
	if !slices.ContainsFunc(c.headers, func(h string) bool { return strings.HasPrefix(h, "Host:") }) {
		b.WriteString("Host: localhost\r\n")
	}
	for _, h := range c.headers {
		b.WriteString(h + "\r\n")
	}
	if c.session && cookie != "" {
		b.WriteString("Cookie: " + cookie + "\r\n")
	}
	if c.ctype != "" {
		b.WriteString("Content-Type: " + c.ctype + "\r\n")
	}
	body := strings.ReplaceAll(c.body, "{{csrf}}", url.QueryEscape(token))
	body = strings.ReplaceAll(body, "{{failure}}", url.QueryEscape(failure))
	if !slices.ContainsFunc(c.headers, func(h string) bool { return strings.HasPrefix(h, "Transfer-Encoding:") }) {
		fmt.Fprintf(&b, "Content-Length: %d\r\n", len(body))
	}
	b.WriteString("\r\n" + body)
	return b.String()
}

// send serves c on app as the server would: a request net/http itself
// refuses (it answers 400) never reaches the app and is reported nil.
func (c hostile) send(app http.Handler, token, cookie, failure string) *httptest.ResponseRecorder {
	req, err := http.ReadRequest(bufio.NewReader(strings.NewReader(c.rawRequest(token, cookie, failure))))
	if err != nil {
		return nil
	}
	req.RemoteAddr = "127.0.0.1:40000"
	rec := httptest.NewRecorder()
	app.ServeHTTP(rec, req)
	return rec
}

// leaks returns the secrets found in a response's body and header.
func leaks(body []byte, header http.Header, debug bool) []string {
	var all strings.Builder
	all.Write(body)
	for k, vs := range header {
		all.WriteString(k + ": " + strings.Join(vs, ", ") + "\n")
	}
	text := all.String()
	secrets := []string{corpusSecretKey, corpusPIN, strings.ReplaceAll(corpusPIN, "-", ""), corpusPINSecret, corpusDBPassword}
	if !debug {
		secrets = append(secrets, corpusStackMarker)
	}
	var found []string
	for _, s := range secrets {
		if strings.Contains(text, s) {
			found = append(found, s)
		}
	}
	return found
}

// corpusPINCookie is the name of the debugger's PIN cookie, which
// derives from the key corpusApp gives it.
func corpusPINCookie(t *testing.T) string {
	t.Helper()
	key, err := hex.DecodeString(corpusPINSecret)
	if err != nil {
		t.Fatal(err)
	}
	name := debugpage.New(flagon.New(), debugpage.Options{PIN: corpusPIN, Secret: key}).CookieName()
	if !strings.HasPrefix(name, "__flagon_debugger_") {
		t.Fatalf("unexpected PIN cookie name %q", name)
	}
	return name
}

// TestHostileInputCorpus sends the corpus to the example, with debug off
// (as deployed) and on (as `run` starts it, debugger and PIN included),
// on every test database: no request may answer 5xx (a panic would be a
// 500), and no response may carry SECRET_KEY, the PIN, the PIN cookie's
// key, a database password or (debug off) a stack trace.
func TestHostileInputCorpus(t *testing.T) {
	corpus := hostileCorpus(corpusPINCookie(t))
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		for _, debug := range []bool{false, true} {
			t.Run(map[bool]string{false: "debug off", true: "debug on"}[debug], func(t *testing.T) {
				app := corpusApp(t, d.URL, debug)
				app.Get("/boom", func(c *flagon.Ctx) error { return errors.New("boom") })
				cl := flagontest.NewClient(t, app)
				failure := cl.Get("/boom", flagontest.Header("Accept", "text/html")).Header.Get("X-Flagon-Debug-Failure")
				if debug && failure == "" {
					t.Fatal("no debug page for the PIN form cases")
				}
				token := formToken(t, cl, "/products/new")
				var cookies []string
				for _, ck := range cl.Jar.Cookies(cl.BaseURL) {
					cookies = append(cookies, ck.String())
				}
				if res := cl.Post("/api/products", flagontest.JSON(map[string]any{"name": "Seed", "price": 1})); res.StatusCode != 201 {
					t.Fatalf("seed: %d %s", res.StatusCode, res.Text())
				}
				for _, c := range corpus {
					t.Run(c.name, func(t *testing.T) {
						rec := c.send(app, token, strings.Join(cookies, "; "), failure)
						if rec == nil {
							return // net/http answers 400 itself
						}
						if rec.Code >= 500 {
							t.Errorf("%d %.300s", rec.Code, rec.Body.String())
						}
						if debug && c.target == debugpage.Prefix+"pin" && rec.Code != 400 && rec.Code != 403 {
							t.Errorf("%d %.300s: the PIN check was not reached", rec.Code, rec.Body.String())
						}
						if found := leaks(rec.Body.Bytes(), rec.Header(), debug); len(found) > 0 {
							t.Errorf("the response shows %q", found)
						}
					})
				}
			})
		}
	})
}

// TestDebugPageDoesNotShowPIN is issue 15's attack: with debug on, as
// `run` starts the example in reloader mode (the PIN in
// FLAGON_DEBUG_PIN, loaded by Config.FromEnv("FLAGON")), anyone who makes
// a 500 with a loopback Host read the PIN in the configuration panel.
func TestDebugPageDoesNotShowPIN(t *testing.T) {
	app := corpusApp(t, dbtest.SQLite(t).URL, true)
	app.Get("/boom", func(c *flagon.Ctx) error { return fmt.Errorf("boom") })
	for _, key := range []string{"DEBUG_PIN", "DEBUG_SECRET"} {
		if app.Config.Has(key) {
			t.Errorf("FromEnv loaded the reloader's %s into the config", key)
		}
	}
	res := flagontest.NewClient(t, app).Get("/boom", flagontest.Header("Accept", "text/html"))
	if res.StatusCode != 500 || res.Header.Get("X-Flagon-Debug-Failure") == "" {
		t.Fatalf("no debug page: %d", res.StatusCode)
	}
	if found := leaks(res.Body, res.Header, true); len(found) > 0 {
		t.Errorf("the debug page shows %q", found)
	}
	if !strings.Contains(res.Text(), "postgresql://app:***@db.internal/shop") {
		t.Error("the configuration panel does not show the replica URL masked")
	}
}
