package flagon_test

import (
	"net/url"
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
