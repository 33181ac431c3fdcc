package routing

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// matchResult renders Match's outcome compactly for table tests.
func matchResult(r *Rule, p *Params, err error) string {
	var mna *MethodNotAllowedError
	var opt *OptionsError
	var red *RedirectError
	switch {
	case errors.Is(err, ErrNotFound):
		return "404"
	case errors.As(err, &mna):
		return "405 " + strings.Join(mna.Allow, ",")
	case errors.As(err, &opt):
		return "options " + r.Endpoint + " " + strings.Join(opt.Allow, ",")
	case errors.As(err, &red):
		return fmt.Sprintf("%d %s", red.Code, red.Location)
	case err != nil:
		return "error " + err.Error()
	}
	return strings.TrimSpace(r.Endpoint + " " + paramString(p))
}

func TestMatch(t *testing.T) {
	tests := []struct {
		name   string
		rules  []spec
		method string
		path   string
		want   string
	}{
		{"root", []spec{"- / index"}, "GET", "/", "index"},
		{"static", []spec{"- /about about"}, "GET", "/about", "about"},
		{"static miss", []spec{"- /about about"}, "GET", "/abou", "404"},
		{"empty path", []spec{"- / index"}, "GET", "", "308 /"},
		{"relative path (Werkzeug matches \"/\" + path)", []spec{"- /a a"}, "GET", "a", "a"},
		{"one param", []spec{"- /post/<int:id> post"}, "GET", "/post/42", "post id=42"},
		{"int rejects text", []spec{"- /post/<int:id> post"}, "GET", "/post/abc", "404"},
		{"string rejects empty", []spec{"- /u/<name> u"}, "GET", "/u/", "404"},
		{"static beats dynamic", []spec{"- /u/<name> dyn", "- /u/me me"}, "GET", "/u/me", "me"},
		{"dynamic after static", []spec{"- /u/<name> dyn", "- /u/me me"}, "GET", "/u/you", "dyn name=you"},
		{"int before string", []spec{"- /x/<s> str", "- /x/<int:n> int"}, "GET", "/x/5", "int n=5"},
		{"string when not int", []spec{"- /x/<s> str", "- /x/<int:n> int"}, "GET", "/x/five", "str s=five"},
		{"string before path", []spec{"- /x/<path:p> path", "- /x/<s> str"}, "GET", "/x/a", "str s=a"},
		{"path spans", []spec{"- /x/<path:p> path", "- /x/<s> str"}, "GET", "/x/a/b", "path p=a/b"},
		{"uuid before string", []spec{"- /v/<s> str", "- /v/<uuid:u> uuid"}, "GET",
			"/v/6ba7b810-9dad-11d1-80b4-00c04fd430c8", "uuid u=6ba7b810-9dad-11d1-80b4-00c04fd430c8"},
		{"any before string", []spec{"- /<s> str", "- /<any(about,help):p> any"}, "GET", "/help", "any p=help"},
		{"backtrack int", []spec{"- /a/<int:x>/b ab", "- /a/<y>/c ac"}, "GET", "/a/1/c", "ac y=1"},
		{"backtrack int first", []spec{"- /a/<int:x>/b ab", "- /a/<y>/c ac"}, "GET", "/a/1/b", "ab x=1"},
		{"backtrack static", []spec{"- /a/b/c abc", "- /a/<x>/d axd"}, "GET", "/a/b/d", "axd x=b"},
		{"int range backtracks", []spec{"- /n/<int(max=9):n> small", "- /n/<s> other"}, "GET", "/n/10", "other s=10"},
		{"path then static", []spec{"- /f/<path:p>/edit edit"}, "GET", "/f/a/b/edit", "edit p=a/b"},
		{"path non-greedy", []spec{"- /f/<path:p>/<q> pq"}, "GET", "/f/a/b/c", "pq p=a/b q=c"},
		{"path keeps trailing slash", []spec{"- /f/<path:p> f"}, "GET", "/f/a/", "f p=a/"},
		{"path not empty", []spec{"- /f/<path:p> f"}, "GET", "/f/", "404"},
		{"path no leading slash", []spec{"- /f/<path:p> f"}, "GET", "/f//a", "308 /f/a"}, // merge_slashes
		{"path no leading slash, no merging", []spec{"- !/f/<path:p> f"}, "GET", "/f//a", "404"},
		{"root path", []spec{"- /<path:p> p"}, "GET", "/a/b", "p p=a/b"},
		{"three params", []spec{"- /r/<o>/<r>/i/<int:n> i"}, "GET", "/r/go/net/i/7", "i o=go r=net n=7"},
		{"nine params spill", []spec{"- /<a>/<b>/<c>/<d>/<e>/<f>/<g>/<h>/<i> nine"}, "GET", "/1/2/3/4/5/6/7/8/9",
			"nine a=1 b=2 c=3 d=4 e=5 f=6 g=7 h=8 i=9"},
		{"empty middle segment", []spec{"- /a/<x>/b a"}, "GET", "/a//b", "404"},
		{"percent text is literal", []spec{"- /a/<x> a"}, "GET", "/a/%2F", "a x=%2F"},

		{"suffix", []spec{"- /<name> name", "- /<int:n>.json json"}, "GET", "/5.json", "json n=5"},
		{"affixed before plain", []spec{"- /<name> name", "- /<name>.json json"}, "GET", "/a.json", "json name=a"},
		{"suffix needs text", []spec{"- /<name>.json json"}, "GET", "/.json", "404"},
		{"suffix falls back", []spec{"- /<name> name", "- /<int:n>.json json"}, "GET", "/x.json", "name name=x.json"},
		{"prefix", []spec{"- /page-<int:n> page"}, "GET", "/page-3", "page n=3"},
		{"prefix mismatch", []spec{"- /page-<int:n> page"}, "GET", "/pages-3", "404"},
		{"more static first", []spec{"- /v<int:n> v", "- /ver<int:n> ver"}, "GET", "/ver2", "ver n=2"},

		{"head implied", []spec{"- /a a"}, "HEAD", "/a", "a"},
		{"405", []spec{"GET /a a", "PUT /a b"}, "POST", "/a", "405 GET,HEAD,OPTIONS,PUT"},
		{"405 across branches", []spec{"GET /a/b ab", "DELETE /a/<x> ax"}, "POST", "/a/b", "405 DELETE,GET,HEAD,OPTIONS"},
		{"method picks dynamic", []spec{"GET /a/b ab", "POST /a/<x> ax"}, "POST", "/a/b", "ax x=b"},
		{"method picks rule", []spec{"GET /a get", "POST /a post"}, "POST", "/a", "post"},
		{"custom method", []spec{"PROPFIND /dav dav"}, "PROPFIND", "/dav", "dav"},
		{"custom method 405", []spec{"PROPFIND /dav dav"}, "GET", "/dav", "405 OPTIONS,PROPFIND"},
		{"auto options", []spec{"GET /a get", "POST /a post"}, "OPTIONS", "/a", "options get GET,HEAD,OPTIONS,POST"},
		{"explicit options wins", []spec{"GET /a get", "OPTIONS /a opt"}, "OPTIONS", "/a", "opt"},
		{"explicit head wins", []spec{"GET /a get", "HEAD /a head"}, "HEAD", "/a", "head"},
		{"explicit head wins registered first", []spec{"HEAD /a head", "GET /a get"}, "HEAD", "/a", "head"},
		{"get beside explicit head", []spec{"GET /a get", "HEAD /a head"}, "GET", "/a", "get"},
		{"explicit head wins dynamic", []spec{"GET /a/<x> get", "HEAD /a/<y> head"}, "HEAD", "/a/1", "head y=1"},
		{"implied head without explicit", []spec{"GET /a/<x> get", "POST /a/<y> post"}, "HEAD", "/a/1", "get x=1"},
		{"first explicit options wins", []spec{"GET,OPTIONS /a get", "POST,OPTIONS /a post"}, "OPTIONS", "/a", "get"},
		{"second rule by method", []spec{"GET,OPTIONS /a get", "POST,OPTIONS /a post"}, "POST", "/a", "post"},
		{"405 lists both", []spec{"GET,OPTIONS /a get", "POST,OPTIONS /a post"}, "PUT", "/a", "405 GET,HEAD,OPTIONS,POST"},
		{"options on dynamic", []spec{"PUT /p/<int:id> put"}, "OPTIONS", "/p/1", "options put OPTIONS,PUT"},
		{"options 404", []spec{"GET /a get"}, "OPTIONS", "/b", "404"},

		{"strict redirect", []spec{"- /x/ x"}, "GET", "/x", "308 /x/"},
		{"strict redirect dynamic", []spec{"- /u/<name>/ u"}, "GET", "/u/bob", "308 /u/bob/"},
		{"strict redirect path", []spec{"- /f/<path:p>/ f"}, "GET", "/f/a/b", "308 /f/a/b/"},
		// issue #15: the location is the quoted path, as Werkzeug's
		// quote(path_info, safe="!$&'()*+,/:;=@").
		{"strict redirect quotes backslash", []spec{"- /<name>/ n"}, "GET", `/\evil.example`, "308 /%5Cevil.example/"},
		{"strict redirect quotes question mark", []spec{"- /<name>/ n"}, "GET", "/a?b", "308 /a%3Fb/"},
		{"strict redirect quotes hash", []spec{"- /<name>/ n"}, "GET", "/a#b", "308 /a%23b/"},
		{"strict redirect quotes percent and space", []spec{"- /<name>/ n"}, "GET", "/a%2 b", "308 /a%252%20b/"},
		{"strict redirect quotes non-ASCII", []spec{"- /<name>/ n"}, "GET", "/é", "308 /%C3%A9/"},
		{"strict redirect keeps safe bytes", []spec{"- /<name>/ n"}, "GET", "/a!$&'()*+,;=:@~", "308 /a!$&'()*+,;=:@~/"},
		{"strict redirect merges leading slashes", []spec{"- //<name>/ n"}, "GET", "//evil.example", "308 /evil.example/"},
		{"trailing slash match", []spec{"- /x/ x"}, "GET", "/x/", "x"},
		{"no redirect for other method", []spec{"POST /x/ x"}, "GET", "/x", "404"},
		{"slash on slashless rule 404", []spec{"- /x x"}, "GET", "/x/", "404"},
		{"lax rule without slash", []spec{"- ~/x x"}, "GET", "/x/", "x"},
		{"lax rule with slash", []spec{"- ~/x/ x"}, "GET", "/x", "x"},
		{"lax dynamic", []spec{"- ~/u/<n> u"}, "GET", "/u/a/", "u n=a"},
		{"rule beats redirect", []spec{"- /x/ slash", "- /x bare"}, "GET", "/x", "bare"},
		{"lax method mismatch 405", []spec{"POST ~/x x"}, "GET", "/x/", "405 OPTIONS,POST"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newMap(t, tt.rules...)
			var p Params
			r, err := m.Match(tt.method, tt.path, &p)
			if got := matchResult(r, &p, err); got != tt.want {
				t.Errorf("Match(%s %q) = %s, want %s", tt.method, tt.path, got, tt.want)
			}
		})
	}
}

func TestMatchNoAutoOptions(t *testing.T) {
	m := NewMap()
	if err := m.Add(&Rule{Pattern: "/a", Endpoint: "a", NoAutoOptions: true}); err != nil {
		t.Fatal(err)
	}
	_, err := m.Match("OPTIONS", "/a", nil)
	var mna *MethodNotAllowedError
	if !errors.As(err, &mna) || strings.Join(mna.Allow, ",") != "GET,HEAD" {
		t.Errorf("OPTIONS without automatic options: %v, want 405 GET,HEAD", err)
	}
}

func TestParamsAccess(t *testing.T) {
	m := newMap(t, "- /p/<int:id>/<slug> post")
	var p Params
	if _, err := m.Match("GET", "/p/12/hello", &p); err != nil {
		t.Fatal(err)
	}
	if raw, ok := p.Get("id"); !ok || raw != "12" {
		t.Errorf("Get(id) = %q, %v", raw, ok)
	}
	if _, ok := p.Get("nope"); ok {
		t.Error("Get(nope) found a value")
	}
	if v, err := p.Value("id"); err != nil || v != 12 {
		t.Errorf("Value(id) = %#v, %v; want int 12", v, err)
	}
	if _, err := p.Value("nope"); err == nil {
		t.Error("Value(nope) did not fail")
	}
	vals, err := p.Values()
	if err != nil || vals["id"] != 12 || vals["slug"] != "hello" {
		t.Errorf("Values() = %v, %v", vals, err)
	}
	if p.Rule() == nil || p.Rule().Endpoint != "post" {
		t.Errorf("Rule() = %v", p.Rule())
	}
	p.Reset()
	if p.Len() != 0 || p.Rule() != nil {
		t.Errorf("after Reset: Len %d, Rule %v", p.Len(), p.Rule())
	}
}

func TestMatchAllocs(t *testing.T) {
	m := newMap(t, "- /static/page static", "- /user/<name> user",
		"- /repos/<owner>/<repo>/issues/<int:n> issue", "- /f/<path:p>/raw raw",
		"- /<a>/<b>/<c>/<d>/<e>/<f>/<g>/<h> eight")
	tests := []struct{ name, path string }{
		{"static", "/static/page"},
		{"one param", "/user/bob"},
		{"three params", "/repos/go/net/issues/12"},
		{"path backtracking", "/f/a/b/c/raw"},
		{"eight params", "/1/2/3/4/5/6/7/8"},
	}
	var p Params
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			allocs := testing.AllocsPerRun(100, func() {
				if _, err := m.Match("GET", tt.path, &p); err != nil {
					t.Fatal(err)
				}
			})
			if allocs != 0 {
				t.Errorf("Match(%q) allocates %v times", tt.path, allocs)
			}
		})
	}
	t.Run("not found", func(t *testing.T) {
		if a := testing.AllocsPerRun(100, func() { _, _ = m.Match("GET", "/nope/x/y/z/w/v/u/t/s", &p) }); a != 0 {
			t.Errorf("404 allocates %v times", a)
		}
	})
}

func TestStaticIndex(t *testing.T) {
	var specs []spec
	for _, s := range []string{"alpha", "beta", "b", "be", "bet", "zeta", "é", "a-b", "x"} {
		specs = append(specs, spec("- /"+s+"/ "+s))
	}
	specs = append(specs, "- /<name>/ dyn")
	m := newMap(t, specs...)
	tests := []struct{ path, want string }{
		{"/bet/", "bet"}, {"/be/", "be"}, {"/b/", "b"}, {"/beta/", "beta"}, {"/é/", "é"},
		{"/betas/", "dyn name=betas"}, {"/a/", "dyn name=a"}, {"/zeta", "308 /zeta/"},
	}
	for _, tt := range tests {
		var p Params
		r, err := m.Match("GET", tt.path, &p)
		if got := matchResult(r, &p, err); got != tt.want {
			t.Errorf("Match(%q) = %s, want %s", tt.path, got, tt.want)
		}
	}
}
