package flagon

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// parseOptionsHeader against Werkzeug 3.1's parse_options_header
// (test_http.py's test_parse_options_header cases and the outputs of
// the original for the lenient cases).
func TestParseOptionsHeader(t *testing.T) {
	tests := []struct {
		name, in, value string
		params          map[string]string
	}{
		{"content type", "text/html; charset=UTF-8", "text/html", map[string]string{"charset": "UTF-8"}},
		{"empty", "", "", map[string]string{}},
		{"no parameters", "text/plain", "text/plain", map[string]string{}},
		{"escaped quotes", `form-data; name="a\"b"; filename="c%22d"`, "form-data", map[string]string{"name": `a"b`, "filename": `c"d`}},
		{"RFC 2231 UTF-8", "attachment; filename*=UTF-8''f%C3%B6.txt", "attachment", map[string]string{"filename": "fö.txt"}},
		{"RFC 2231 ISO-8859-1", "attachment; filename*=ISO-8859-1''f%F6.txt", "attachment", map[string]string{"filename": "fö.txt"}},
		{"RFC 2231 ASCII", "attachment; filename*=ascii''f%F6.txt", "attachment", map[string]string{"filename": "f\uFFFD.txt"}},
		{"RFC 2231 unsafe charset", "attachment; filename*=koi8-r''f%F6.txt", "attachment", map[string]string{"filename": "f%F6.txt"}},
		{"continuations", `form-data; name=rfc2231; filename*0*=ascii''a%20b%20; filename*1*=c%20d%20; filename*2="e f.txt"`,
			"form-data", map[string]string{"name": "rfc2231", "filename": "a b c d e f.txt"}},
		{"names lower-cased, last wins", "form-data; Name=A; NAME=B", "form-data", map[string]string{"name": "B"}},
		{"invalid parts skipped", `a; key; k2=v2; =x; "q"=1; k3="unterminated`, "a", map[string]string{"k2": "v2"}},
		{"spaces around equals", "a;b=1;;c=2 ; d = 3", "a", map[string]string{"b": "1", "c": "2"}},
		{"semicolon in quotes", `a; k="x;y"; z=1`, "a", map[string]string{"k": "x;y", "z": "1"}},
		{"token ends at space", "a; k=x y; z=1", "a", map[string]string{"k": "x", "z": "1"}},
		{"invalid UTF-8 replaced", "a; k*=utf-8''%E2%82; z=1", "a", map[string]string{"k": "\uFFFD", "z": "1"}},
		{"language part", "a; k*=utf-8'en'%41", "a", map[string]string{"k": "A"}},
		{"escaped backslash", `a; k="\\"`, "a", map[string]string{"k": `\`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, p := parseOptionsHeader(tt.in)
			if v != tt.value || !reflect.DeepEqual(p, tt.params) {
				t.Errorf("parseOptionsHeader(%q) = %q %q, want %q %q", tt.in, v, p, tt.value, tt.params)
			}
		})
	}
}

// A header with many parameters is read up to maxOptionParams of them,
// and many continuation pieces are joined in linear time (a 1 MB header
// of "a*0=x" pieces took seconds when each piece was appended to a string).
func TestParseOptionsHeaderLimits(t *testing.T) {
	var many strings.Builder
	want := map[string]string{}
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&many, "; p%d=%d", i, i)
		if i < maxOptionParams {
			want[fmt.Sprint("p", i)] = fmt.Sprint(i)
		}
	}
	tests := []struct {
		name, in string
		params   map[string]string
	}{
		{"parameters over the cap ignored", "text/plain" + many.String(), want},
		{"many continuation pieces", "text/plain" + strings.Repeat(";a*0=x", 200000),
			map[string]string{"a": strings.Repeat("x", maxOptionParams)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, p := parseOptionsHeader(tt.in); !reflect.DeepEqual(p, tt.params) {
				t.Errorf("parseOptionsHeader = %d params %.80q, want %d", len(p), p, len(tt.params))
			}
		})
	}
	pieces := make([][2]string, 200000)
	for i := range pieces {
		pieces[i] = [2]string{"a*0", "x"}
	}
	if got := decodeOptions(pieces)["a"]; got != strings.Repeat("x", len(pieces)) {
		t.Errorf("decodeOptions joined %d bytes, want %d", len(got), len(pieces))
	}
}
