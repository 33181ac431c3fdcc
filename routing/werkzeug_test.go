package routing

import (
	"encoding/json"
	"testing"
)

// werkzeugCase is one match of a ported Werkzeug routing test.
type werkzeugCase struct{ path, want string }

func runWerkzeugCases(t *testing.T, m *Map, cases []werkzeugCase) {
	t.Helper()
	for _, c := range cases {
		var p Params
		r, err := m.Match("GET", c.path, &p)
		if got := matchResult(r, &p, err); got != c.want {
			t.Errorf("Match(%q) = %q, want %q", c.path, got, c.want)
		}
	}
}

// test_path (Werkzeug): a fixed segment after a path variable outweighs
// string variables, and path rules are tried in Werkzeug's weighting order.
// The rules with a path variable inside a segment are in
// werkzeug_routing_port_test.go.
// segments.
func TestWerkzeugPath(t *testing.T) {
	m := newMap(t,
		"- /Special special",
		"- /<int:year> year",
		"- /<path:name> page",
		"- /<path:name>/edit editpage",
		"- /<path:name>/silly/<path:name2> sillypage",
		"- /<path:name>/silly/<path:name2>/edit editsillypage",
		"- /User:<username> user",
		"- /User:<username>/<path:name> userpage",
		"- /Files/<path:file> files",
		"- /<admin>/<manage>/<things> admin",
	)
	runWerkzeugCases(t, m, []werkzeugCase{
		{"/Special", "special"},
		{"/2007", "year year=2007"},
		{"/Some/Page", "page name=Some/Page"},
		{"/Some/Page/edit", "editpage name=Some/Page"},
		{"/Foo/silly/bar", "sillypage name=Foo name2=bar"},
		{"/Foo/silly/bar/edit", "editsillypage name=Foo name2=bar"},
		{"/User:thomas", "user username=thomas"},
		{"/User:thomas/projects/werkzeug", "userpage username=thomas name=projects/werkzeug"},
		{"/Files/downloads/werkzeug/0.2.zip", "files file=downloads/werkzeug/0.2.zip"},
		{"/Jerry/eats/cheese", "admin admin=Jerry manage=eats things=cheese"},
	})
}

// test_path_weighting (Werkzeug): /<path:path>/c has a static piece and
// wins over /<path:path>/<a>/<b>.
func TestWerkzeugPathWeighting(t *testing.T) {
	for _, order := range [][]spec{
		{"- /<path:path>/c simple", "- /<path:path>/<a>/<b> complex"},
		{"- /<path:path>/<a>/<b> complex", "- /<path:path>/c simple"},
	} {
		runWerkzeugCases(t, newMap(t, order...), []werkzeugCase{
			{"/a/b/c", "simple path=a/b"},
			{"/a/b/d", "complex path=a a=b b=d"},
		})
	}
}

// test_strict_slashes_false (Werkzeug): lax rules match with or without
// the slash, and a lax path variable keeps a trailing slash.
func TestWerkzeugStrictSlashesFalse(t *testing.T) {
	m := newMap(t, "- ~/path1 leaf_path", "- ~/path2/ branch_path", "- ~/<path:path> leaf_path_converter")
	runWerkzeugCases(t, m, []werkzeugCase{
		{"/path1", "leaf_path"},
		{"/path1/", "leaf_path"},
		{"/path2", "branch_path"},
		{"/path2/", "branch_path"},
		{"/any", "leaf_path_converter path=any"},
		{"/any/", "leaf_path_converter path=any/"},
	})
}

// test_anyconverter (Werkzeug) with a trailing comma in the items, which
// parse_converter_args accepts.
func TestWerkzeugAnyConverterTrailingComma(t *testing.T) {
	m := newMap(t, "- /<any(a1,a2,):a> no_dot", "- /<any(a1,a2,):a>.html dot")
	runWerkzeugCases(t, m, []werkzeugCase{
		{"/a1", "no_dot a=a1"},
		{"/a2", "no_dot a=a2"},
		{"/a1.html", "dot a=a1"},
		{"/a3", "404"},
	})
}

// A path rule ending in a slash still redirects and still takes the
// variable without the slash.
func TestPathVariableBeforeTrailingSlash(t *testing.T) {
	m := newMap(t, "- /f/<path:p>/ dir", "- ~/g/<path:p>/ laxdir")
	runWerkzeugCases(t, m, []werkzeugCase{
		{"/f/a/b/", "dir p=a/b"},
		{"/f/a/b", "308 /f/a/b/"},
		{"/g/a/", "laxdir p=a"},
		{"/g/a", "laxdir p=a"},
	})
}

// Flask's test_json.py test_jsonify_uuid_types:
// a UUID encodes to JSON as its string and decodes back.
func TestUUIDJSON(t *testing.T) {
	u, err := ParseUUID("A4A1D4C6-16F5-4A62-8E4B-E3E0D8C3F1A2")
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(map[string]any{"id": u})
	if err != nil || string(b) != `{"id":"a4a1d4c6-16f5-4a62-8e4b-e3e0d8c3f1a2"}` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	var back struct{ ID UUID }
	if err := json.Unmarshal([]byte(`{"ID":"a4a1d4c6-16f5-4a62-8e4b-e3e0d8c3f1a2"}`), &back); err != nil || back.ID != u {
		t.Fatalf("Unmarshal = %v, %v", back.ID, err)
	}
	if err := json.Unmarshal([]byte(`{"ID":"nope"}`), &back); err == nil {
		t.Fatal("Unmarshal of a bad UUID succeeded")
	}
}

// test_merge_slashes_match (Werkzeug): a path with repeated slashes that
// matches nothing as sent is redirected to the merged path; path variables
// keep their slashes; rules with merge_slashes=False match only as written.
func TestWerkzeugMergeSlashesMatch(t *testing.T) {
	m := newMap(t, "- /no/tail no_tail", "- /yes/tail/ yes_tail", "- /with/<path:path> with_path",
		"- !/no//merge no_merge", "- !/no/merging no_merging")
	runWerkzeugCases(t, m, []werkzeugCase{
		{"/no//tail", "308 /no/tail"},
		{"/yes//tail", "308 /yes/tail/"},
		{"/yes/tail//", "308 /yes/tail/"},
		{"//yes///tail////", "308 /yes/tail/"},
		{"/no/tail", "no_tail"},
		{"/yes/tail/", "yes_tail"},
		{"/with/http://example.com/", "with_path path=http://example.com/"},
		{"/with/x//y", "with_path path=x//y"},
		{"/no//merge", "no_merge"},
		{"/no/merging", "no_merging"},
		{"/no//merging", "404"},
	})
}

// test_merge_slashes_build (Werkzeug): a rule's repeated slashes are
// merged unless it keeps them.
func TestWerkzeugMergeSlashesBuild(t *testing.T) {
	m := newMap(t, "- /yes//merge yes_merge", "- !/no//merge no_merge")
	for endpoint, want := range map[string]string{"yes_merge": "/yes/merge", "no_merge": "/no//merge"} {
		got, _, err := m.Build(endpoint, nil, "")
		if err != nil || got != want {
			t.Errorf("Build(%s) = %q, %v; want %q", endpoint, got, err, want)
		}
	}
}

// A merged-slashes redirect is quoted like the strict-slashes one: a
// decoded '?' or backslash stays in the path.
func TestMergeSlashesRedirectQuoted(t *testing.T) {
	m := newMap(t, "- /<name>/tail t")
	runWerkzeugCases(t, m, []werkzeugCase{
		{`//\evil.example//tail`, "308 /%5Cevil.example/tail"},
		{"/a?b//tail", "308 /a%3Fb/tail"},
	})
}

// test_defaults (Werkzeug): a rule's defaults are match values, Build
// prefers the rule whose defaults the values agree with, and the other
// rule's match with the default values redirects to the canonical URL.
func TestWerkzeugDefaults(t *testing.T) {
	for _, order := range [][]*Rule{
		{{Pattern: "/foo/", Endpoint: "foo", Defaults: map[string]any{"page": 1}}, {Pattern: "/foo/<int:page>", Endpoint: "foo"}},
		{{Pattern: "/foo/<int:page>", Endpoint: "foo"}, {Pattern: "/foo/", Endpoint: "foo", Defaults: map[string]any{"page": 1}}},
	} {
		m := NewMap()
		for _, r := range order {
			r.StrictSlashes = true
			if err := m.Add(r); err != nil {
				t.Fatal(err)
			}
		}
		runWerkzeugCases(t, m, []werkzeugCase{
			{"/foo/", "foo"},
			{"/foo/1", "308 /foo/"},
			{"/foo/2", "foo page=2"},
		})
		var p Params
		if _, err := m.Match("GET", "/foo/", &p); err != nil {
			t.Fatal(err)
		}
		if v, err := p.Value("page"); err != nil || v != 1 {
			t.Errorf("Value(page) = %v, %v", v, err)
		}
		if vs, _ := p.Values(); vs["page"] != 1 {
			t.Errorf("Values = %v", vs)
		}
		if s, ok := p.Get("page"); !ok || s != "1" {
			t.Errorf("Get(page) = %q, %v", s, ok)
		}
		for _, c := range []struct {
			values map[string]any
			want   string
		}{{map[string]any{}, "/foo/"}, {map[string]any{"page": 1}, "/foo/"}, {map[string]any{"page": 2}, "/foo/2"},
			{map[string]any{"page": 1, "q": "x"}, "/foo/?q=x"}} {
			path, q, err := m.Build("foo", c.values, "")
			if enc := q.Encode(); enc != "" {
				path += "?" + enc
			}
			if err != nil || path != c.want {
				t.Errorf("Build(%v) = %q, %v; want %q", c.values, path, err, c.want)
			}
		}
	}
}

// test_multiple_converters_per_part (Werkzeug) and more: several variables
// in one segment, split greedily as Werkzeug's regular expressions do.
func TestWerkzeugMultipleConvertersPerPart(t *testing.T) {
	m := newMap(t, "- /v<int:major>.<int:minor> version", "- /f/<a>-<b>.<ext> file", "- /d/<int:y>-<int:m>-<int:d>/ day")
	runWerkzeugCases(t, m, []werkzeugCase{
		{"/v1.2", "version major=1 minor=2"},
		{"/v10.20", "version major=10 minor=20"},
		{"/v1.x", "404"},
		{"/v1", "404"},
		{"/f/x-y-z.tar.gz", "file a=x-y b=z.tar ext=gz"},
		{"/d/2026-12-03/", "day y=2026 m=12 d=03"},
		{"/d/2026-12-03", "308 /d/2026-12-03/"},
		{"/d/2026-12/", "404"},
	})
	for _, c := range []struct {
		endpoint string
		values   map[string]any
		want     string
	}{
		{"version", map[string]any{"major": 1, "minor": 2}, "/v1.2"},
		{"file", map[string]any{"a": "x y", "b": "c", "ext": "txt"}, "/f/x%20y-c.txt"},
	} {
		if got, _, err := m.Build(c.endpoint, c.values, ""); err != nil || got != c.want {
			t.Errorf("Build(%s) = %q, %v; want %q", c.endpoint, got, err, c.want)
		}
	}
	if got := m.Rules()[0].Args(); len(got) != 2 || got[1] != "minor" {
		t.Errorf("Args = %v", got)
	}
}

// Werkzeug's build_only rules: built, never matched, never in conflict.
func TestBuildOnlyRule(t *testing.T) {
	m := newMap(t, "- / home")
	if err := m.Add(&Rule{Pattern: "/", Endpoint: "index", BuildOnly: true}); err != nil {
		t.Fatalf("build-only beside a rule of the same shape: %v", err)
	}
	if err := m.Add(&Rule{Pattern: "/only", Endpoint: "only", BuildOnly: true}); err != nil {
		t.Fatal(err)
	}
	runWerkzeugCases(t, m, []werkzeugCase{{"/", "home"}, {"/only", "404"}})
	for endpoint, want := range map[string]string{"index": "/", "only": "/only"} {
		if got, _, err := m.Build(endpoint, nil, ""); err != nil || got != want {
			t.Errorf("Build(%s) = %q, %v", endpoint, got, err)
		}
	}
}

// test_redirect_path_quoting (Werkzeug): the defaults redirect is built,
// so its location is quoted.
func TestWerkzeugRedirectPathQuoting(t *testing.T) {
	m := NewMap()
	for _, r := range []*Rule{
		{Pattern: "/<category>", Endpoint: "category", Defaults: map[string]any{"page": 1}},
		{Pattern: "/<category>/page/<int:page>", Endpoint: "category"},
	} {
		if err := m.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	runWerkzeugCases(t, m, []werkzeugCase{
		{"/foo bar/page/1", "308 /foo%20bar"},
		{`/\evil.example/page/1`, "308 /%5Cevil.example"},
		{"/foo bar/page/2", "category category=foo bar page=2"},
	})
}

// test_basic_subdomain_routing-style cases (Werkzeug, test_routing.py):
// static and variable subdomains, rules without one only for requests
// without one, and building with the subdomain.
func TestSubdomainMatching(t *testing.T) {
	m := NewMap()
	for _, r := range []*Rule{
		{Pattern: "/", Endpoint: "index"},
		{Pattern: "/", Endpoint: "test_index", Subdomain: "test"},
		{Pattern: "/", Endpoint: "user_index", Subdomain: "<user>"},
		{Pattern: "/p/<int:id>", Endpoint: "user_post", Subdomain: "<user>"},
		{Pattern: "/only", Endpoint: "post_only", Subdomain: "api", Methods: []string{"POST"}},
	} {
		if err := m.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct{ method, sub, path, want string }{
		{"GET", "", "/", "index"},
		{"GET", "test", "/", "test_index"},
		{"GET", "mitsuhiko", "/", "user_index user=mitsuhiko"},
		{"GET", "ann", "/p/5", "user_post user=ann id=5"},
		{"GET", "", "/p/5", "404"},
		{"GET", "api", "/only", "405 OPTIONS,POST"},
		{"POST", "api", "/only", "post_only"},
	}
	for _, tt := range tests {
		var p Params
		r, err := m.MatchSubdomain(tt.method, tt.sub, tt.path, &p)
		if got := matchResult(r, &p, err); got != tt.want {
			t.Errorf("MatchSubdomain(%s %q %s) = %q, want %q", tt.method, tt.sub, tt.path, got, tt.want)
		}
	}
	for _, c := range []struct {
		endpoint  string
		values    map[string]any
		sub, path string
	}{
		{"index", nil, "", "/"},
		{"test_index", nil, "test", "/"},
		{"user_post", map[string]any{"user": "ann", "id": 5}, "ann", "/p/5"},
	} {
		sub, path, _, err := m.BuildSubdomain(c.endpoint, c.values, "")
		if err != nil || sub != c.sub || path != c.path {
			t.Errorf("BuildSubdomain(%s) = %q %q %v", c.endpoint, sub, path, err)
		}
	}
	if err := m.Add(&Rule{Pattern: "/x/<user>", Endpoint: "dup", Subdomain: "<user>"}); err == nil {
		t.Error("a variable in both the subdomain and the path was accepted")
	}
}

// test_alias_redirects (Werkzeug): a match of an alias rule redirects to
// the endpoint's canonical URL; Build prefers the other rules.
func TestWerkzeugAliasRedirects(t *testing.T) {
	m := NewMap()
	for _, r := range []*Rule{
		{Pattern: "/", Endpoint: "index"},
		{Pattern: "/index.html", Endpoint: "index", Alias: true},
		{Pattern: "/users/", Endpoint: "users", Defaults: map[string]any{"page": 1}},
		{Pattern: "/users/index.html", Endpoint: "users", Defaults: map[string]any{"page": 1}, Alias: true},
		{Pattern: "/users/page/<int:page>", Endpoint: "users"},
		{Pattern: "/users/page-<int:page>.html", Endpoint: "users", Alias: true},
	} {
		r.StrictSlashes = true
		if err := m.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	runWerkzeugCases(t, m, []werkzeugCase{
		{"/index.html", "308 /"},
		{"/users/index.html", "308 /users/"},
		{"/users/page-2.html", "308 /users/page/2"},
		{"/users/page-1.html", "308 /users/"},
		{"/", "index"},
		{"/users/page/2", "users page=2"},
	})
	for _, c := range []struct {
		endpoint string
		values   map[string]any
		want     string
	}{
		{"index", nil, "/"},
		{"users", map[string]any{"page": 1}, "/users/"},
		{"users", map[string]any{"page": 2}, "/users/page/2"},
	} {
		if got, _, err := m.Build(c.endpoint, c.values, ""); err != nil || got != c.want {
			t.Errorf("Build(%s, %v) = %q, %v; want %q", c.endpoint, c.values, got, err, c.want)
		}
	}
}

// A path variable with static text around it in its first and last
// segments, as Werkzeug's regular expressions match it (checked against
// Werkzeug 3.1).
func TestPathVariableWithAffixes(t *testing.T) {
	runWerkzeugCases(t, newMap(t, "- ~/<path:p>.html h"), []werkzeugCase{
		{"/a/b.html", "h p=a/b"},
		{"/a.html/", "404"},
		{"/.html", "404"},
		{"/a/.html", "h p=a/"},
		{"//a.html", "h p=a"},
	})
	runWerkzeugCases(t, newMap(t, "- /f/<path:p>.html/ h"), []werkzeugCase{
		{"/f/a/b.html/", "h p=a/b"},
		{"/f/a/b.html", "308 /f/a/b.html/"},
	})
	runWerkzeugCases(t, newMap(t, "- /x-<path:p>/edit h"), []werkzeugCase{
		{"/x-a/b/edit", "h p=a/b"},
		{"/x-/edit", "404"},
		{"/x-a/edit/", "404"},
	})
}

// Werkzeug matches "/" + path_info.lstrip("/"): leading slashes are
// merged without a redirect, other repeated slashes with one (checked
// against Werkzeug 3.1).
func TestLeadingSlashesMerged(t *testing.T) {
	m := newMap(t, "- /no/tail no_tail", "- /yes/ yes", "- / index", "- /p/<path:p> p")
	runWerkzeugCases(t, m, []werkzeugCase{
		{"//no/tail", "no_tail"},
		{"///yes", "308 /yes/"},
		{"//", "index"},
		{"///p//a", "308 /p/a"},
	})
}

// Several variables in a segment, one of them a path: a path variable
// takes the shortest text first, others the longest, as Werkzeug's lazy
// and greedy regular expressions do (checked against Werkzeug 3.1).
func TestPathVariableBesideOthers(t *testing.T) {
	runWerkzeugCases(t, newMap(t, "- /<a>-<path:b> h"), []werkzeugCase{
		{"/x-y/z", "h a=x b=y/z"},
		{"/x-y-z/w", "h a=x-y b=z/w"},
		{"/x-", "404"},
		{"/-y", "404"},
	})
	runWerkzeugCases(t, newMap(t, "- /<path:a>-<b> h"), []werkzeugCase{
		{"/x-y-z", "h a=x b=y-z"},
		{"/p/q-r", "h a=p/q b=r"},
		{"/p/q-r/s", "404"},
	})
	runWerkzeugCases(t, newMap(t, "- /<path:name>:<path:name2> two", "- /<path:name> page"), []werkzeugCase{
		{"/a:b:c", "two name=a name2=b:c"},
		{"/a/b:c/d", "two name=a/b name2=c/d"},
		{"/Some", "page name=Some"},
	})
	runWerkzeugCases(t, newMap(t, "- /<path:a>:<path:b>/edit two"), []werkzeugCase{
		{"/a:b/c:d/edit", "two a=a b=b/c:d"},
		{"/a:b/edit", "two a=a b=b"},
	})
}
