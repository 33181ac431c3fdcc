package flagon_test

import (
	"net/http/httptest"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/internal/iri"
)

// urlCase is one assertion of test_urls.py: fn(in) must give out.
type urlCase struct {
	name    string
	fn      func(string) string
	in, out string
}

// Port of Werkzeug's tests/test_urls.py: iri_to_uri is iri.ToURI (which
// every Location header goes through), uri_to_iri is iri.ToIRI (request.url
// in templates). Each case is one assertion of the original.
func TestWerkzeugURLsPort(t *testing.T) {
	toURI, toIRI := iri.ToURI, iri.ToIRI
	uriIRI := func(s string) string { return toURI(toIRI(s)) }
	iriURI := func(s string) string { return toIRI(toURI(s)) }
	twiceURI := func(s string) string { return toURI(toURI(s)) }
	twiceIRI := func(s string) string { return toIRI(toIRI(s)) }
	const (
		normURI = "http://xn--f-rgao.com/%E2%98%90/fred?utf8=%E2%9C%93"
		normIRI = "http://föñ.com/\u2610/fred?utf8=\u2713"
	)
	cases := []urlCase{
		{"test_iri_support/uri_to_iri_idna", toIRI, "http://xn--n3h.net/", "http://\u2603.net/"},
		{"test_iri_support/iri_to_uri_idna", toURI, "http://☃.net/", "http://xn--n3h.net/"},
		{"test_iri_support/userinfo", toURI, "http://üser:pässword@☃.net/påth", "http://%C3%BCser:p%C3%A4ssword@xn--n3h.net/p%C3%A5th"},
		{"test_iri_support/reserved_stay_quoted", toIRI, "http://test.com/%3Fmeh?foo=%26%2F", "http://test.com/%3Fmeh?foo=%26/"},
		{"test_iri_support/local", toURI, "/foo", "/foo"},
		{"test_iri_support/port", toURI, "http://föö.com:8080/bam/baz", "http://xn--f-1gaa.com:8080/bam/baz"},
		{"test_iri_safe_quoting/uri_to_iri", toIRI, "http://xn--f-1gaa.com/%2F%25?q=%C3%B6&x=%3D%25#%25", "http://föö.com/%2F%25?q=ö&x=%3D%25#%25"},
		{"test_iri_safe_quoting/round_trip", uriIRI, "http://xn--f-1gaa.com/%2F%25?q=%C3%B6&x=%3D%25#%25", "http://xn--f-1gaa.com/%2F%25?q=%C3%B6&x=%3D%25#%25"},
		{"test_quoting_of_local_urls", toURI, "/foo\u008f", "/foo%C2%8F"},
		{"test_iri_to_uri_idempotence_ascii_only", twiceURI, "http://www.idempoten.ce", toURI("http://www.idempoten.ce")},
		{"test_iri_to_uri_idempotence_non_ascii", twiceURI, "http://\u2603/\u2603", toURI("http://\u2603/\u2603")},
		{"test_uri_to_iri_idempotence_ascii_only", twiceIRI, "http://www.idempoten.ce", toIRI("http://www.idempoten.ce")},
		{"test_uri_to_iri_idempotence_non_ascii", twiceIRI, "http://xn--n3h/%E2%98%83", toIRI("http://xn--n3h/%E2%98%83")},
		{"test_iri_to_uri_to_iri", iriURI, "http://föö.com/", "http://föö.com/"},
		{"test_uri_to_iri_to_uri", uriIRI, "http://xn--f-rgao.com/%C3%9E", "http://xn--f-rgao.com/%C3%9E"},
		{"test_uri_to_iri_dont_unquote_space", toIRI, "abc%20def", "abc%20def"},
		{"test_iri_to_uri_dont_quote_valid_code_points", toURI, "/path[bracket]?(paren)", "/path%5Bbracket%5D?(paren)"},
		{"test_itms_services", toURI, "itms-services://?action=download-manifest&url=https://test.example/path", "itms-services://?action=download-manifest&url=https://test.example/path"},
	}
	for i, v := range []string{
		"http://föñ.com/\u2610/fred?utf8=\u2713",
		"http://xn--f-rgao.com/\u2610/fred?utf8=\u2713",
		"http://xn--f-rgao.com/%E2%98%90/fred?utf8=%E2%9C%93",
		"http://föñ.com/\u2610/fred?utf8=%E2%9C%93",
	} {
		name := "test_uri_iri_normalization/" + string(rune('0'+i))
		cases = append(cases,
			urlCase{name + "/uri_to_iri", toIRI, v, normIRI},
			urlCase{name + "/iri_to_uri", toURI, v, normURI},
			urlCase{name + "/uri_to_iri(iri_to_uri)", iriURI, v, normIRI},
			urlCase{name + "/iri_to_uri(uri_to_iri)", uriIRI, v, normURI},
			urlCase{name + "/uri_to_iri_twice", twiceIRI, v, normIRI},
			urlCase{name + "/iri_to_uri_twice", twiceURI, v, normURI},
		)
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.fn(tt.in); got != tt.out {
				t.Fatalf("%q gives %q, want %q", tt.in, got, tt.out)
			}
		})
	}
}

// test_iri_to_uri_dont_quote_valid_code_points through responses: as
// Werkzeug's get_wsgi_headers, every Location header (Redirect's, or one a
// handler sets itself) is sent through iri_to_uri. Expected values from
// Flask 3.1.
func TestWerkzeugURLsPortLocationHeader(t *testing.T) {
	tests := []struct {
		name string
		h    flagon.HandlerFunc
		want string
	}{
		{"redirect", func(c *flagon.Ctx) error { return c.Redirect("/path[bracket]?(paren)") }, "/path%5Bbracket%5D?(paren)"},
		{"own_header", func(c *flagon.Ctx) error {
			c.Header().Set("Location", "/path[bracket]?(paren) x")
			c.Status(302)
			return nil
		}, "/path%5Bbracket%5D?(paren)%20x"},
		{"content_location", func(c *flagon.Ctx) error {
			c.Header().Set("Content-Location", "/é")
			return c.Text("x")
		}, "/%C3%A9"},
		{"last_of_several", func(c *flagon.Ctx) error {
			c.Header().Add("Location", "/a")
			c.Header().Add("Location", "/b c")
			c.Status(302)
			return nil
		}, "/b%20c"},
		{"upper_case_scheme_and_host", func(c *flagon.Ctx) error { return c.Redirect("HTTP://Example.COM:080/A") }, "http://example.com:80/A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New()
			app.Get("/", tt.h)
			rec := httptest.NewRecorder()
			app.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
			got := rec.Header().Values("Location")
			if tt.name == "content_location" {
				got = rec.Header().Values("Content-Location")
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Fatalf("Location = %q, want %q", got, tt.want)
			}
		})
	}
}

// url_for's extra values are encoded as Werkzeug's _urlencode (urlencode
// with safe "!$'()*,/:;?@"); expected values from Flask 3.1 (keys in
// sorted order, see docs/web.md).
func TestWerkzeugURLsPortURLForQuery(t *testing.T) {
	app := flagon.New()
	app.Get("/", func(c *flagon.Ctx) error { return nil }, flagon.Endpoint("index"))
	tests := []struct {
		name   string
		values []any
		want   string
	}{
		{"slashes_and_question_mark_kept", []any{"next", "/a/b?c=d&e"}, "/?next=/a/b?c%3Dd%26e"},
		{"space_plus_hash", []any{"q", "x y+z#"}, "/?q=x+y%2Bz%23"},
		{"non_ascii", []any{"u", "é"}, "/?u=%C3%A9"},
		{"safe_set", []any{"sym", "!$'()*,/:;?@[]%="}, "/?sym=!$'()*,/:;?@%5B%5D%25%3D"},
		{"key_escaped", []any{"a b&", "1"}, "/?a+b%26=1"},
		{"anchor", []any{"_anchor", "a b/[c]"}, "/#a%20b/%5Bc%5D"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app.Freeze()
			got, err := app.URLFor("index", tt.values...)
			if err != nil || got != tt.want {
				t.Fatalf("URLFor = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// uri_to_iri as request.url, base_url and url_root show it (Werkzeug's
// get_current_url); expected values from Flask 3.1.
func TestWerkzeugURLsPortRequestURL(t *testing.T) {
	tests := []struct{ name, target, want string }{
		{"decoded_text_kept_reserved", "/a%20b/%E2%98%83?q=%C3%A9&x=a%20b&y=%2F",
			"http://example.com/a%20b/☃?q=é&x=a%20b&y=/|http://example.com/a%20b/☃|http://example.com/"},
		{"invalid_utf8_query", "/caf%C3%A9/x?%FF=1", "http://example.com/café/x?%FF=1|http://example.com/café/x|http://example.com/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New()
			app.UseJinja()
			app.Get("/<path:p>", func(c *flagon.Ctx) error {
				s, err := c.RenderString("{{ request.url|safe }}|{{ request.base_url }}|{{ request.url_root }}", nil)
				if err != nil {
					return err
				}
				return c.Text(s)
			})
			rec := httptest.NewRecorder()
			req := httptest.NewRequest("GET", tt.target, nil)
			req.Host = "Example.COM"
			app.ServeHTTP(rec, req)
			if got := rec.Body.String(); got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// Werkzeug's get_host drops the scheme's default port, and Map.bind
// lower-cases the host url_for builds with; expected values from Flask 3.1
// (url_for(_external=True) | request.host | request.url).
func TestWerkzeugURLsPortRequestHost(t *testing.T) {
	tests := []struct{ name, host, want string }{
		{"default_port_dropped", "Example.com:80", "http://example.com/|Example.com|http://example.com/"},
		{"other_port_kept", "example.com:8080", "http://example.com:8080/|example.com:8080|http://example.com:8080/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New()
			app.UseJinja()
			app.Get("/", func(c *flagon.Ctx) error {
				s, err := c.RenderString("{{ url_for('i', _external=True) }}|{{ request.host }}|{{ request.url }}", nil)
				if err != nil {
					return err
				}
				return c.Text(s)
			}, flagon.Endpoint("i"))
			rec := httptest.NewRecorder()
			req := httptest.NewRequest("GET", "/", nil)
			req.Host = tt.host
			app.ServeHTTP(rec, req)
			if got := rec.Body.String(); got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}
