package routing

import (
	"errors"
	"strings"
	"testing"
)

func TestParseRuleGood(t *testing.T) {
	tests := []struct {
		name, rule string
		want       string // canonical re-rendering
		args       []string
	}{
		{"root", "/", "/", nil},
		{"static", "/about/team", "/about/team", nil},
		{"trailing slash", "/about/", "/about/", nil},
		{"default converter", "/<name>", "/<string:name>", []string{"name"}},
		{"int", "/post/<int:id>", "/post/<int:id>", []string{"id"}},
		{"path", "/files/<path:p>", "/files/<path:p>", []string{"p"}},
		{"path with affixes", "/x-<path:p>.html", "/x-<path:p>.html", []string{"p"}},
		{"path beside a variable", "/<a>-<path:b>", "/<string:a>-<path:b>", []string{"a"}}, // first variable of each segment
		{"uuid", "/v/<uuid:u>", "/v/<uuid:u>", []string{"u"}},
		{"any", "/<any(about, help):page>", "/<any(about, help):page>", []string{"page"}},
		{"any quoted", `/<any('a b', "c'd"):page>`, `/<any('a b', "c'd"):page>`, []string{"page"}},
		{"kwargs sorted", "/x/<int(min=1, max=9):n>", "/x/<int(max=9, min=1):n>", []string{"n"}},
		{"float", "/f/<float:f>", "/f/<float:f>", []string{"f"}},
		{"string length", "/s/<string(length=2):code>", "/s/<string(length=2):code>", []string{"code"}},
		{"spaces in args", "/s/<string( minlength = 2 ,maxlength=4 ):c>", "/s/<string(maxlength=4, minlength=2):c>", []string{"c"}},
		{"empty args", "/<int():n>", "/<int:n>", []string{"n"}},
		{"positional int args", "/<int(3):n>", "/<int(3):n>", []string{"n"}},
		{"signed", "/<int(signed=True):n>", "/<int(signed=True):n>", []string{"n"}},
		{"float args", "/<float(min=-1.5, max=2):f>", "/<float(max=2, min=-1.5):f>", []string{"f"}},
		{"default alias", "/<default:x>", "/<default:x>", []string{"x"}},
		{"several vars", "/<a>/<int:b>/c/<path:d>", "/<string:a>/<int:b>/c/<path:d>", []string{"a", "b", "d"}},
		{"empty middle segment", "/a//b", "/a//b", nil},
		{"gt in static", "/a>b", "/a>b", nil},
		{"prefix", "/page-<int:n>", "/page-<int:n>", []string{"n"}},
		{"suffix", "/<int:n>.json", "/<int:n>.json", []string{"n"}},
		{"affixes", "/v<int:major>.x/<name>", "/v<int:major>.x/<string:name>", []string{"major", "name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs, err := parseRule(tt.rule, NewMap().converters)
			if err != nil {
				t.Fatalf("parseRule(%q): %v", tt.rule, err)
			}
			if got := renderSegments(segs); got != tt.want {
				t.Errorf("rendered %q, want %q", got, tt.want)
			}
			var args []string
			for _, s := range segs {
				if !s.static() {
					args = append(args, s.text)
				}
			}
			if strings.Join(args, ",") != strings.Join(tt.args, ",") {
				t.Errorf("args %q, want %q", args, tt.args)
			}
		})
	}
}

func TestParseRuleBad(t *testing.T) {
	tests := []struct {
		name, rule string
		pos        int
		msg        string
	}{
		{"empty", "", 0, "must start with '/'"},
		{"no slash", "post/<id>", 0, "must start with '/'"},
		{"unclosed", "/post/<int:id", 6, "unclosed '<'"},
		{"unclosed bare", "/post/<id", 6, "unclosed '<'"},
		{"lone lt", "/post/<", 6, "unclosed '<'"},
		{"unclosed after colon", "/post/<int:", 6, "unclosed '<'"},
		{"bad converter name", "/<9int:id>", 2, "bad variable or converter name"},
		{"bad variable name", "/<int:9id>", 6, "bad variable name"},
		{"empty variable", "/<>", 2, "bad variable or converter name"},
		{"junk in variable", "/<int:id x>", 8, "expected '>'"},
		{"unknown converter", "/<money:m>", 2, `unknown converter "money"`},
		{"bad args syntax", "/<int(min=):n>", 10, `bad arguments for converter "int"`},
		{"unknown kwarg", "/<int(maximum=3):n>", 2, `has no argument "maximum"`},
		{"too many args", "/<int(1,2,3,4,5):n>", 2, "at most 4 arguments"},
		{"wrong arg type", "/<int(min='a'):n>", 2, "must be an integer"},
		{"min above max", "/<int(min=5, max=1):n>", 2, "bad bounds"},
		{"string bounds", "/<string(minlength=3, maxlength=2):s>", 2, "bad length bounds"},
		{"any empty", "/<any():p>", 2, "one or more positional items"},
		{"any slash", "/<any('a/b'):p>", 2, "bad item"},
		{"unclosed paren", "/<int(min=1:n>", 5, "unclosed '('"},
		{"unterminated string", "/<any('a):p>", 5, "unclosed '('"},
		{"missing colon", "/<int(1)n>", 8, "expected ':'"},
		{"double trailing comma", "/<any(a,,):p>", 8, "expected a converter argument value"},
		{"duplicate kwarg", "/<int(min=1, min=2):n>", 13, "duplicate keyword"},
		{"positional after kw", "/<int(min=1, 2):n>", 13, "positional argument after keyword"},
		{"duplicate variable", "/<a>/<int:a>", 6, `duplicate variable name "a"`},
		{"adjacent variables in a segment", "/<a><b>", 4, "must be separated by static text"},
		{"path arg", "/<path(1):p>", 2, "at most 0 arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseRule(tt.rule, NewMap().converters)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("parseRule(%q) = %v, want a *ParseError", tt.rule, err)
			}
			if pe.Pos != tt.pos || !strings.Contains(pe.Msg, tt.msg) || pe.Rule != tt.rule {
				t.Errorf("got %v (pos %d), want pos %d and %q", err, pe.Pos, tt.pos, tt.msg)
			}
			if !strings.Contains(err.Error(), tt.rule) {
				t.Errorf("error %q does not quote the rule", err)
			}
		})
	}
}

func FuzzParseRule(f *testing.F) {
	for _, s := range []string{
		"/", "/a/<int:b>", "/<any(a, 'b c'):x>", "/<int(min=1, max=9):n>/<path:p>/e",
		"/<string(length=2):c>/", `/<any("x)"):p>`, "/<float(signed=True, min=-1e3):f>", "/<a",
	} {
		f.Add(s)
	}
	convs := NewMap().converters
	f.Fuzz(func(t *testing.T, rule string) {
		segs, err := parseRule(rule, convs)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Pos < 0 || pe.Pos > len(rule) {
				t.Fatalf("parseRule(%q): bad error %v", rule, err)
			}
			return
		}
		again := renderSegments(segs)
		segs2, err := parseRule(again, convs)
		if err != nil {
			t.Fatalf("re-parsing %q (from %q): %v", again, rule, err)
		}
		if got := renderSegments(segs2); got != again || shapeOf(segs2) != shapeOf(segs) {
			t.Fatalf("%q renders %q, which renders %q", rule, again, got)
		}
	})
}
