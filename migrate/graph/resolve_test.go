package graph

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	g := branched(t)
	tests := []struct {
		name    string
		spec    string
		current []string
		want    []string
		kind    ErrorKind
	}{
		{"heads", "heads", nil, []string{"d5dddd", "e7eeee", "x9xxxx"}, 0},
		{"head with several heads", "head", nil, nil, ErrMultipleHeads},
		{"branch label head", "shop@head", nil, []string{"d5dddd"}, 0},
		{"revision as branch head", "e6eeee@head", nil, []string{"e7eeee"}, 0},
		{"other label head", "other@head", nil, []string{"x9xxxx"}, 0},
		{"branch point head is ambiguous", "c3cccc@head", nil, nil, ErrMultipleHeads},
		{"branch heads", "c3cccc@heads", nil, []string{"d5dddd", "e7eeee"}, 0},
		{"base", "base", nil, nil, 0},
		{"exact", "c3cccc", nil, []string{"c3cccc"}, 0},
		{"prefix", "d5", nil, []string{"d5dddd"}, 0},
		{"label alone", "shop", nil, []string{"d4dddd"}, 0},
		{"ambiguous prefix", "d", nil, nil, ErrAmbiguous},
		{"unknown", "zz", nil, nil, ErrUnknown},
		{"unknown branch", "nope@head", nil, nil, ErrUnknown},
		{"relative down from rev", "d5dddd-2", nil, []string{"c3cccc"}, 0},
		{"relative up from rev", "a1+2", nil, []string{"c3cccc"}, 0},
		{"relative up through branch point", "b2+2", nil, nil, ErrRelative},
		{"current minus one", "-1", []string{"d5dddd"}, []string{"d4dddd"}, 0},
		{"current plus one in branch", "shop@+1", []string{"d4dddd", "e7eeee"}, []string{"d5dddd"}, 0},
		{"current relative with two heads", "+1", []string{"d4dddd", "e7eeee"}, nil, ErrMultipleHeads},
		{"down to base", "-1", []string{"a1aaaa"}, nil, 0},
		{"below base", "-2", []string{"a1aaaa"}, nil, ErrRelative},
		{"up from base with two bases", "+1", nil, nil, ErrRelative},
		{"past head", "d5dddd+1", nil, nil, ErrRelative},
		{"bad spec", "a@b@c", nil, nil, ErrSpec},
		{"heads relative", "heads+1", nil, nil, ErrSpec},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := g.Resolve(tt.spec, tt.current)
			if tt.kind != 0 {
				if !errors.Is(err, &Error{Kind: tt.kind}) {
					t.Fatalf("Resolve(%q) = %v, %v; want error kind %d", tt.spec, got, err, tt.kind)
				}
				return
			}
			if err != nil || !slices.Equal(got, tt.want) {
				t.Errorf("Resolve(%q) = %v, %v; want %v", tt.spec, got, err, tt.want)
			}
		})
	}
}

func TestResolveLinear(t *testing.T) {
	g := linear(t)
	tests := []struct {
		spec    string
		current []string
		want    string
	}{
		{"head", nil, "c3cccc"},
		{"+1", nil, "a1aaaa"},
		{"+2", []string{"a1aaaa"}, "c3cccc"},
		{"head-1", nil, "b2bbbb"},
		{"base+1", nil, "a1aaaa"},
		{"-1", []string{"b2bbbb"}, "a1aaaa"},
		{"-1", []string{"a1aaaa"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			got, err := g.ResolveOne(tt.spec, tt.current)
			if err != nil || got != tt.want {
				t.Errorf("ResolveOne(%q, %v) = %q, %v; want %q", tt.spec, tt.current, got, err, tt.want)
			}
		})
	}
}

func TestMultipleHeadsMessage(t *testing.T) {
	_, err := branched(t).ResolveOne("head", nil)
	if err == nil || err.Error() != MultipleHeadsMessage {
		t.Fatalf("err = %v, want %q", err, MultipleHeadsMessage)
	}
	if !strings.Contains(err.Error(), "'<branchname>@head'") {
		t.Error("message should mention <branchname>@head")
	}
}

func TestPaths(t *testing.T) {
	g := branched(t)
	tests := []struct {
		name string
		got  []string
		want []string
	}{
		{"upgrade from base to shop head", g.UpgradePath(nil, []string{"d5dddd"}), []string{"a1aaaa", "b2bbbb", "c3cccc", "d4dddd", "d5dddd"}},
		{"upgrade other pulls dependency", g.UpgradePath(nil, []string{"x9xxxx"}), []string{"a1aaaa", "b2bbbb", "x8xxxx", "x9xxxx"}},
		{"upgrade second branch from first", g.UpgradePath([]string{"d5dddd"}, []string{"e7eeee"}), []string{"e6eeee", "e7eeee"}},
		{"upgrade nothing to do", g.UpgradePath([]string{"d5dddd"}, []string{"c3cccc"}), nil},
		{"downgrade keeps other branch", g.DowngradePath([]string{"d5dddd", "e7eeee"}, []string{"d4dddd"}), []string{"d5dddd"}},
		{"downgrade below branch point", g.DowngradePath([]string{"d5dddd", "e7eeee"}, []string{"b2bbbb"}), []string{"e7eeee", "e6eeee", "d5dddd", "d4dddd", "c3cccc"}},
		{"downgrade removes dependents", g.DowngradePath([]string{"d5dddd", "x9xxxx"}, []string{"a1aaaa"}), []string{"x9xxxx", "d5dddd", "d4dddd", "c3cccc", "b2bbbb"}},
		{"downgrade to base", g.DowngradePath([]string{"c3cccc"}, nil), []string{"c3cccc", "b2bbbb", "a1aaaa"}},
		{"between", g.Between([]string{"c3cccc"}, []string{"e7eeee"}), []string{"e7eeee", "e6eeee", "c3cccc"}},
		{"between base and heads", g.Between(nil, nil)[:2], []string{"x9xxxx", "x8xxxx"}},
		{"heads of applied set", g.HeadsOf(g.Ancestors("d4dddd", "e6eeee")), []string{"d4dddd", "e6eeee"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !slices.Equal(tt.got, tt.want) {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}
