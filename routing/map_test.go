package routing

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestAddConflicts(t *testing.T) {
	tests := []struct {
		name     string
		existing spec
		added    spec
		conflict bool
	}{
		{"same static", "- /a", "- /a", true},
		{"names ignored", "- /a/<x>", "- /a/<y>", true},
		{"default is string", "- /a/<x>", "- /a/<string:y>", true},
		{"different methods", "GET /a/<x>", "POST /a/<y>", false},
		{"overlapping methods", "GET,POST /a", "POST,PUT /a", true},
		{"explicit head beside get", "GET /a", "HEAD /a", false},
		{"get beside explicit head", "HEAD /a", "GET /a", false},
		// Werkzeug 3.2's is_duplicate: equal methods, or a shared one
		// besides HEAD and OPTIONS.
		{"explicit head twice", "GET,HEAD /a", "HEAD /a", false},
		{"head only twice", "HEAD /a", "HEAD /a", true},
		{"get,options beside post,options", "GET,OPTIONS /a", "POST,OPTIONS /a", false},
		{"options only twice", "OPTIONS /a", "OPTIONS /a", true},
		{"get,options beside get", "GET,OPTIONS /a", "GET /a", true},
		{"auto options do not overlap", "GET /a", "POST /a", false},
		{"explicit options beside auto", "GET /a", "OPTIONS /a", false},
		{"different converter", "- /a/<x>", "- /a/<int:x>", false},
		{"different args", "- /a/<int(max=5):x>", "- /a/<int(min=6):x>", false},
		{"same args reordered", "- /a/<int(min=1,max=5):x>", "- /a/<int(max=5,min=1):y>", true},
		{"trailing slash differs", "- /a/", "- /a", false},
		{"static vs dynamic", "- /a/b", "- /a/<x>", false},
		{"same affixes", "- /a/<x>.json", "- /a/<y>.json", true},
		{"different affixes", "- /a/<x>.json", "- /a/<y>.xml", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newMap(t, tt.existing)
			r := tt.added.rule()
			r.Site = "main.go:14"
			err := m.Add(r)
			if !tt.conflict {
				if err != nil {
					t.Fatalf("Add: %v", err)
				}
				return
			}
			var ce *ConflictError
			if !errors.As(err, &ce) {
				t.Fatalf("Add = %v, want a *ConflictError", err)
			}
			old := tt.existing.rule()
			want := fmt.Sprintf("rule %q (registered at %s) conflicts with rule %q (registered at main.go:14)",
				old.Pattern, old.Site, r.Pattern)
			if err.Error() != want {
				t.Errorf("error:\n %s\nwant\n %s", err, want)
			}
			if len(m.Rules()) != 1 {
				t.Errorf("the conflicting rule was added: %v", m.Rules())
			}
		})
	}
}

func TestAddNormalizesMethods(t *testing.T) {
	tests := []struct {
		name    string
		rule    Rule
		methods string
	}{
		{"default get", Rule{}, "GET,HEAD,OPTIONS"},
		{"lower case", Rule{Methods: []string{"post", "get"}}, "GET,HEAD,OPTIONS,POST"},
		{"duplicates", Rule{Methods: []string{"PUT", "put"}}, "OPTIONS,PUT"},
		{"explicit options", Rule{Methods: []string{"OPTIONS"}}, "OPTIONS"},
		{"no auto options", Rule{Methods: []string{"DELETE"}, NoAutoOptions: true}, "DELETE"},
		{"custom", Rule{Methods: []string{"PROPFIND"}}, "OPTIONS,PROPFIND"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.rule
			r.Pattern = "/a"
			if err := NewMap().Add(&r); err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(r.Methods, ","); got != tt.methods {
				t.Errorf("Methods = %s, want %s", got, tt.methods)
			}
		})
	}
}

func TestAddErrors(t *testing.T) {
	m := NewMap()
	if err := m.Add(&Rule{Pattern: "/a", Methods: []string{"GE T"}}); err == nil || !strings.Contains(err.Error(), "bad method") {
		t.Errorf("bad method: %v", err)
	}
	if err := m.Add(&Rule{Pattern: "a"}); err == nil {
		t.Error("bad pattern accepted")
	}
	r := &Rule{Pattern: "/b"}
	if err := m.Add(r); err != nil {
		t.Fatal(err)
	}
	if err := NewMap().Add(r); err == nil || !strings.Contains(err.Error(), "already added") {
		t.Errorf("re-adding a rule: %v", err)
	}
	if len(m.Rules()) != 1 {
		t.Errorf("failed Adds left rules behind: %v", m.Rules())
	}
}

func TestZeroMap(t *testing.T) {
	var m Map
	if _, err := m.Match("GET", "/", nil); err != ErrNotFound {
		t.Errorf("Match on an empty zero Map: %v", err)
	}
	if err := m.Add(&Rule{Pattern: "/<int:n>", Endpoint: "n"}); err != nil {
		t.Fatal(err)
	}
	if r, err := m.Match("GET", "/3", nil); err != nil || r.Endpoint != "n" {
		t.Errorf("Match on a zero Map after Add: %v, %v", r, err)
	}
}

func TestRulesOrderAndArgs(t *testing.T) {
	m := newMap(t, "- /b b", "- /a/<int:x>/<y> a", "POST /c c", "- /b/<int:n> b")
	if got := m.RulesFor("b"); len(got) != 2 || got[0].Pattern != "/b" || got[1].Pattern != "/b/<int:n>" {
		t.Errorf("RulesFor(b) = %v", got)
	}
	var got []string
	for _, r := range m.Rules() {
		got = append(got, r.Endpoint+":"+strings.Join(r.Args(), ","))
	}
	if strings.Join(got, " ") != "b: a:x,y c: b:n" {
		t.Errorf("Rules() = %v", got)
	}
	r := m.Rules()[1]
	if r.String() != "/a/<int:x>/<y>" || r.Converter("x") == nil || r.Converter("z") != nil || !r.Allows("HEAD") || r.Allows("POST") {
		t.Errorf("rule accessors wrong for %v", r)
	}
}

// hexConverter is a user converter: lower-case hex numbers, tried first.
type hexConverter struct{ min int }

func (c hexConverter) Match(s string) bool {
	_, err := c.ToGo(s)
	return err == nil
}

func (c hexConverter) ToGo(s string) (any, error) {
	var n int
	if s == "" || len(s) > 8 {
		return nil, errors.New("bad hex")
	}
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte("0123456789abcdef", s[i])
		if d < 0 {
			return nil, errors.New("bad hex")
		}
		n = n*16 + d
	}
	if n < c.min {
		return nil, errors.New("too small")
	}
	return n, nil
}

func (c hexConverter) ToURL(v any) (string, error) {
	n, ok := v.(int)
	if !ok || n < c.min {
		return "", fmt.Errorf("bad hex value %v", v)
	}
	return fmt.Sprintf("%x", n), nil
}

func (hexConverter) Weight() int { return 10 }

func newHex(args []any, kwargs map[string]any) (Converter, error) {
	if len(args) > 0 || len(kwargs) > 1 {
		return nil, errors.New("hex takes only min=")
	}
	c := hexConverter{}
	if v, ok := kwargs["min"]; ok {
		n, isInt := v.(int)
		if !isInt {
			return nil, errors.New("min must be an integer")
		}
		c.min = n
	}
	return c, nil
}

func TestUserConverter(t *testing.T) {
	m := NewMap()
	m.AddConverter("hex", newHex)
	for _, s := range []spec{"- /c/<int:n> int", "- /c/<hex(min=16):h> hex", "- /c/<s> str"} {
		if err := m.Add(s.rule()); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct{ path, want string }{
		{"/c/ff", "hex h=ff"},
		{"/c/10", "hex h=10"},
		{"/c/9", "int n=9"},
		{"/c/zz", "str s=zz"},
	}
	for _, tt := range tests {
		var p Params
		r, err := m.Match("GET", tt.path, &p)
		if got := matchResult(r, &p, err); got != tt.want {
			t.Errorf("Match(%q) = %s, want %s", tt.path, got, tt.want)
		}
	}
	var p Params
	if _, err := m.Match("GET", "/c/ff", &p); err != nil {
		t.Fatal(err)
	}
	if v, err := p.Value("h"); err != nil || v != 255 {
		t.Errorf("Value(h) = %v, %v", v, err)
	}
	if path, _, err := m.Build("hex", map[string]any{"h": 255}, ""); err != nil || path != "/c/ff" {
		t.Errorf("Build(hex) = %q, %v", path, err)
	}
	if err := m.Add(&Rule{Pattern: "/d/<hex(3):h>"}); err == nil || !strings.Contains(err.Error(), "hex takes only min=") {
		t.Errorf("bad user converter args: %v", err)
	}
}
