package flagon_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// Cases ported from Werkzeug's tests/test_wrappers.py and test_urls.py
// (request.args and request.form, parsed by parse_qsl with
// keep_blank_values), on the public API.
func TestWerkzeugArgsAndFormParsing(t *testing.T) {
	tests := []struct {
		name  string
		query string
		want  url.Values
	}{
		{"test_base_request multi-values", "foo=bar&foo=baz&blah=42", url.Values{"foo": {"bar", "baz"}, "blah": {"42"}}},
		{"blank value kept", "a=&b", url.Values{"a": {""}, "b": {""}}},
		{"plus is a space", "q=a+b%2Bc", url.Values{"q": {"a b+c"}}},
		{"semicolon is not a separator", "a=1;b=2", url.Values{"a": {"1;b=2"}}},
		{"malformed escape kept", "a=%zz&b=%4&c=100%", url.Values{"a": {"%zz"}, "b": {"%4"}, "c": {"100%"}}},
		{"empty pairs skipped", "&&a=1&&", url.Values{"a": {"1"}}},
		{"first equals splits", "a=b=c", url.Values{"a": {"b=c"}}},
		{"escaped key", "na%20me=x", url.Values{"na me": {"x"}}},
		{"non-ASCII", "name=%C3%A9", url.Values{"name": {"é"}}},
		{"invalid UTF-8 escape kept escaped", "name=%FF", url.Values{"name": {"%FF"}}},
	}
	app := flagon.New()
	dump := func(v flagon.Values) string { return url.Values(v).Encode() }
	app.Get("/args", func(c *flagon.Ctx) error { return c.Text(dump(c.Args())) })
	app.Post("/form", func(c *flagon.Ctx) error {
		f, err := c.Form()
		if err != nil {
			return err
		}
		return c.Text(dump(f))
	})
	cl := flagontest.NewClient(t, app)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want.Encode()
			if got := cl.Get("/args?" + tt.query).Text(); got != want {
				t.Errorf("args = %q, want %q", got, want)
			}
			res := cl.Post("/form", flagontest.Raw("application/x-www-form-urlencoded", []byte(tt.query)))
			if res.StatusCode != 200 || res.Text() != want {
				t.Errorf("form = %d %q, want %q", res.StatusCode, res.Text(), want)
			}
		})
	}
}

// test_http.py's test_parse_cookie, test_bad_cookies,
// test_empty_keys_are_ignored, test_cookie_quoting and
// test_cookie_unicode_keys, through c.Cookie (Flask's request.cookies).
func TestWerkzeugParseCookie(t *testing.T) {
	tests := []struct {
		name   string
		header string
		want   map[string]string // missing: value "<none>"
	}{
		{"test_parse_cookie",
			"dismiss-top=6; CP=null*; PHPSESSID=0a539d42abc001cdc762809248d4beed;" +
				`a=42; b="\";"; ; fo234{=bar;blub=Blah; "__Secure-c"=d;` + "==__Host-eq=bad;__Host-eq=good;",
			map[string]string{"CP": "null*", "PHPSESSID": "0a539d42abc001cdc762809248d4beed", "a": "42",
				"dismiss-top": "6", "b": `";`, "fo234{": "bar", "blub": "Blah", `"__Secure-c"`: "d", "__Host-eq": "good"}},
		{"test_bad_cookies", "first=IamTheFirst ; a=1; oops ; a=2 ;second = andMeTwo;",
			map[string]string{"first": "IamTheFirst", "a": "1", "oops": "", "second": "andMeTwo"}},
		{"test_empty_keys_are_ignored", "spam=ham; duck=mallard; ; ", map[string]string{"spam": "ham", "duck": "mallard", "": "<none>"}},
		{"test_cookie_quoting", `foo="foo\054bar"`, map[string]string{"foo": "foo,bar"}},
		{"test_parse_set_cookie_directive", `foo="?foo"; version="0.1";`, map[string]string{"foo": "?foo", "version": "0.1"}},
		{"test_cookie_unicode_keys", `fö="f\303\266"`, map[string]string{"fö": "fö"}},
		{"test_dump_cookie quoted spaces", `foo="bar baz blub"`, map[string]string{"foo": "bar baz blub"}},
		{"raw UTF-8", "fö=fö", map[string]string{"fö": "fö"}},
		// Werkzeug decodes the header with errors="replace": invalid
		// UTF-8 in a name or an unquoted value becomes U+FFFD.
		{"invalid UTF-8 replaced", "a=\xff; b\xfe=c", map[string]string{"a": "\ufffd", "b\ufffd": "c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New()
			got := map[string]string{}
			app.Get("/", func(c *flagon.Ctx) error {
				for name := range tt.want {
					v, ok := c.Cookie(name)
					if !ok {
						v = "<none>"
					}
					got[name] = v
				}
				return nil
			})
			cl := flagontest.NewClient(t, app)
			cl.Jar = nil
			cl.Get("/", flagontest.Header("Cookie", tt.header))
			for name, want := range tt.want {
				if got[name] != want {
					t.Errorf("cookie %q = %q, want %q", name, got[name], want)
				}
			}
		})
	}
}

// test_http.py's test_dump_cookie, test_cookie_quoting and
// test_cookie_unicode_keys through c.SetCookie: values outside the token
// set are quoted as Werkzeug's dump_cookie quotes them, and c.Cookie
// reads them back.
func TestWerkzeugDumpCookie(t *testing.T) {
	tests := []struct {
		name, value, header string
	}{
		{"token value", "xxx/", "key=xxx/; Path=/"},
		{"test_cookie_quoting", "?foo", "key=?foo; Path=/"},
		{"test_dump_cookie spaces", "bar baz blub", `key="bar baz blub"; Path=/`},
		{"test_cookie_unicode_dumping", "fö", `key="f\303\266"; Path=/`},
		{"comma semicolon quote", `a,b;c"d\`, `key="a\054b\073c\"d\\"; Path=/`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New()
			app.Get("/set", func(c *flagon.Ctx) error {
				c.SetCookie(&http.Cookie{Name: "key", Value: tt.value, Path: "/"})
				return nil
			})
			app.Get("/get", func(c *flagon.Ctx) error { v, _ := c.Cookie("key"); return c.Text(v) })
			cl := flagontest.NewClient(t, app)
			cl.Jar = nil
			res := cl.Get("/set")
			if got := res.Header.Get("Set-Cookie"); got != tt.header {
				t.Fatalf("Set-Cookie = %s, want %s", got, tt.header)
			}
			sent, _, _ := strings.Cut(tt.header, ";")
			if got := cl.Get("/get", flagontest.Header("Cookie", sent)).Text(); got != tt.value {
				t.Errorf("read back %q, want %q", got, tt.value)
			}
			jarred := flagontest.NewClient(t, app)
			jarred.Get("/set")
			if got := jarred.Get("/get").Text(); got != tt.value {
				t.Errorf("through the test client's jar: %q, want %q", got, tt.value)
			}
		})
	}
}

// TestJSONMixin (test_wrappers.py): test_request, test_bad_content_type
// (415, silent, force) and test_bad_data (400), and Flask's
// test_json_custom_mimetypes ("+json" types are JSON) and
// test_bad_request_debug_message (an empty body is a 400).
func TestWerkzeugJSONMixin(t *testing.T) {
	tests := []struct {
		name, ctype, body string
		force             bool
		status            int
		want              string
	}{
		{"test_request", "application/json", `{"ä": "b"}`, false, 200, `map[ä:b]`},
		{"test_bad_content_type", "text/plain", `[1, 2, 3]`, false, 415, ""},
		{"test_bad_content_type force", "text/plain", `[1, 2, 3]`, true, 200, `[1 2 3]`},
		{"test_bad_data", "application/json", `{"a":}`, false, 400, ""},
		{"test_bad_data force", "text/plain", `{"a":}`, true, 400, ""},
		{"test_json_custom_mimetypes", "application/x+json", `"foo"`, false, 200, "foo"},
		{"test_bad_request_debug_message", "application/json", ``, false, 400, ""},
	}
	app := flagon.New()
	app.Post("/", func(c *flagon.Ctx) error {
		var v any
		bind := c.BindJSON
		if c.Args().Has("force") {
			bind = c.BindJSONForce
		}
		if err := bind(&v); err != nil {
			return err
		}
		return c.Textf("%v", v)
	})
	cl := flagontest.NewClient(t, app)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := "/"
			if tt.force {
				path = "/?force"
			}
			res := cl.Post(path, flagontest.Raw(tt.ctype, []byte(tt.body)))
			if res.StatusCode != tt.status || (tt.status == 200 && res.Text() != tt.want) {
				t.Errorf("got %d %q, want %d %q", res.StatusCode, res.Text(), tt.status, tt.want)
			}
		})
	}
}

// A file input left empty is sent with filename=""; Werkzeug makes it a
// file with an empty filename (Flask's upload pattern checks
// `file.filename == ""`), not a form field.
func TestWerkzeugEmptyFileInput(t *testing.T) {
	body := "--b\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n" +
		"--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nhi\r\n--b--\r\n"
	app := flagon.New()
	app.Post("/", func(c *flagon.Ctx) error {
		f, err := c.File("doc")
		if err != nil {
			return err
		}
		form, _ := c.Form()
		return c.Textf("filename=%q size=%d form-doc=%v title=%s", f.Filename, f.Size, form.Has("doc"), form.Get("title"))
	})
	res := flagontest.NewClient(t, app).Post("/", flagontest.Raw("multipart/form-data; boundary=b", []byte(body)))
	if want := `filename="" size=0 form-doc=false title=hi`; res.Text() != want {
		t.Errorf("got %d %q, want %q", res.StatusCode, res.Text(), want)
	}
}
