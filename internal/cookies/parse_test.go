package cookies

import (
	"reflect"
	"testing"
)

// test_parse_cookie and test_bad_cookies (Werkzeug's test_http.py): the
// pairs in header order, duplicates kept; Get returns the first.
func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		headers []string
		want    [][2]string
	}{
		{"test_parse_cookie", []string{`dismiss-top=6; CP=null*; a=42; b="\";"; ; fo234{=bar; "__Secure-c"=d;==__Host-eq=bad;__Host-eq=good;`},
			[][2]string{{"dismiss-top", "6"}, {"CP", "null*"}, {"a", "42"}, {"b", `";`}, {"fo234{", "bar"},
				{`"__Secure-c"`, "d"}, {"__Host-eq", "good"}}},
		{"test_bad_cookies", []string{"first=IamTheFirst ; a=1; oops ; a=2 ;second = andMeTwo;"},
			[][2]string{{"first", "IamTheFirst"}, {"a", "1"}, {"oops", ""}, {"a", "2"}, {"second", "andMeTwo"}}},
		{"test_cookie_quoting", []string{`foo="foo\054bar"`}, [][2]string{{"foo", "foo,bar"}}},
		{"test_cookie_unicode_parsing", []string{`fö="f\303\266"`}, [][2]string{{"fö", "fö"}}},
		{"invalid UTF-8 replaced", []string{"a=\xff", `b="\377"`}, [][2]string{{"a", "\ufffd"}, {"b", "\ufffd"}}},
		{"no header", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Parse(tt.headers)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Parse = %q, want %q", got, tt.want)
			}
			for _, kv := range tt.want {
				first := ""
				for _, p := range tt.want {
					if p[0] == kv[0] {
						first = p[1]
						break
					}
				}
				if v, ok := Get(tt.headers, kv[0]); !ok || v != first {
					t.Errorf("Get(%q) = %q, %v, want %q", kv[0], v, ok, first)
				}
			}
			if v, ok := Get(tt.headers, "missing"); ok || v != "" {
				t.Errorf("Get(missing) = %q, %v", v, ok)
			}
		})
	}
}
