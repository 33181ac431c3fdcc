package routing

import (
	"net/url"
	"reflect"
	"strings"
	"testing"
)

// fuzzRules is a fixed map with one endpoint per rule, mixing converters,
// trailing slashes, backtracking and methods.
var fuzzRules = []spec{
	"- / index",
	"- /a/b ab",
	"- /a/<x> ax",
	"- /a/<int:x>/b aib",
	"- /a/<y>/c ayc",
	"- /n/<int(min=1,max=99,fixed_digits=2):n> n",
	"- /i/<int(signed=True):i> i",
	"- /f/<float(signed=True):f> f",
	"- /u/<uuid:u>/ u",
	"- /p/<any(about,help):page> page",
	"- /s/<string(length=2):code> code",
	"- /s/<string(minlength=3,maxlength=5):mid> mid",
	"- /files/<path:p> files",
	"- /files/<path:p>/edit edit",
	"POST /post/<int:id> post",
	"- ~/lax/<name> lax",
	"- /<a>/<b>/<c>/<d>/<e>/<f>/<g>/<h>/<i> nine",
	"- /doc/<name>.json doc",
	"- /doc/v<int:n>.txt docv",
	"- /m/<a>-<b>.<ext> multi",
	"- /v<int:major>.<int:minor> version",
	"- /t/Talk:<path:name>.html talk",
	"- /t/<path:a>:<path:b> two",
	"- /t/<a>-<path:b>/x dashpath",
}

// canonical reports whether building a rule reproduces the matched text
// exactly: converters that normalize (int drops leading zeros, float and
// uuid reformat) are only required to round-trip the value.
func canonical(r *Rule) bool {
	for _, c := range r.convs {
		switch c.(type) {
		case *stringConverter, *anyConverter:
		default:
			return false
		}
	}
	return true
}

func FuzzMatch(f *testing.F) {
	for _, s := range []string{"/", "/a/b", "/a/1/b", "/a/x/c", "/n/07", "/i/-3", "/f/-1.50",
		"/u/6BA7B810-9DAD-11D1-80B4-00C04FD430C8", "/u/6ba7b810-9dad-11d1-80b4-00c04fd430c8/",
		"/p/help", "/s/ab", "/s/abcd", "/files/a/b/edit", "/lax/x/", "/1/2/3/4/5/6/7/8/9", "/a/%20?#", "/doc/a.json", "/doc/v1.txt",
		"/m/x-y-z.a.b", "/v1.2", "/a//b", "//files//x"} {
		f.Add("GET", s)
	}
	f.Add("POST", "/post/1")
	f.Add("OPTIONS", "/a/b")
	m := newMap(f, fuzzRules...)
	f.Fuzz(func(t *testing.T, method, path string) {
		var p Params
		r, err := m.Match(method, path, &p)
		if err != nil || hasPath(r) {
			return
		}
		values, err := p.Values()
		if err != nil {
			t.Fatalf("Match(%q) = %s but Values: %v", path, r.Pattern, err)
		}
		built, _, err := m.Build(r.Endpoint, values, method)
		if err != nil {
			t.Fatalf("Match(%q) = %s %v but Build: %v", path, r.Pattern, values, err)
		}
		decoded, err := url.PathUnescape(built)
		if err != nil {
			t.Fatalf("Build gave bad escaping %q: %v", built, err)
		}
		want := path
		if !strings.HasPrefix(path, "/") || strings.HasPrefix(path, "//") {
			// a missing leading slash is added and leading slashes merge,
			// without a redirect, as in Werkzeug
			want = "/" + strings.TrimLeft(path, "/")
		}
		if canonical(r) && decoded != want && (r.StrictSlashes || decoded+"/" != want) {
			t.Fatalf("Match(%q) then Build = %q (decoded %q)", path, built, decoded)
		}
		var p2 Params
		r2, err := m.Match(method, decoded, &p2)
		if err != nil || r2 != r {
			t.Fatalf("built %q from %q matches %v, %v; want %s", decoded, path, r2, err, r.Pattern)
		}
		if v2, _ := p2.Values(); !reflect.DeepEqual(v2, values) {
			t.Fatalf("built %q: values %v, want %v", decoded, v2, values)
		}
	})
}

func hasPath(r *Rule) bool {
	for i := range r.segs {
		if r.segs[i].path {
			return true
		}
	}
	return false
}
