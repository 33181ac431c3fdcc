package graph

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// branched is:
//
//	a1 <- b2 <- c3 <- d4 (label shop) <- d5
//	            c3 <- e6 <- e7
//	x8 (label other, separate base) <- x9 (depends on b2)
func branched(t *testing.T) *Graph {
	t.Helper()
	g, err := New([]Node{
		{ID: "a1aaaa"},
		{ID: "b2bbbb", Down: []string{"a1aaaa"}},
		{ID: "c3cccc", Down: []string{"b2bbbb"}},
		{ID: "d4dddd", Down: []string{"c3cccc"}, BranchLabels: []string{"shop"}},
		{ID: "d5dddd", Down: []string{"d4dddd"}},
		{ID: "e6eeee", Down: []string{"c3cccc"}},
		{ID: "e7eeee", Down: []string{"e6eeee"}},
		{ID: "x8xxxx", BranchLabels: []string{"other"}},
		{ID: "x9xxxx", Down: []string{"x8xxxx"}, DependsOn: []string{"b2bbbb"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// linear is a1 <- b2 <- c3.
func linear(t *testing.T) *Graph {
	t.Helper()
	g, err := New([]Node{
		{ID: "a1aaaa"},
		{ID: "b2bbbb", Down: []string{"a1aaaa"}},
		{ID: "c3cccc", Down: []string{"b2bbbb"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name  string
		nodes []Node
		kind  ErrorKind
		msg   string
	}{
		{"duplicate id", []Node{{ID: "a"}, {ID: "a"}}, ErrDuplicate, "Revision a is present more than once"},
		{"missing down", []Node{{ID: "b", Down: []string{"a"}}}, ErrMissing, "Revision a referenced from a -> b is not present"},
		{"missing dependency", []Node{{ID: "b", DependsOn: []string{"zz"}}}, ErrMissing, "Revision zz (dependency of b) is not present"},
		{"cycle", []Node{{ID: "a", Down: []string{"c"}}, {ID: "b", Down: []string{"a"}}, {ID: "c", Down: []string{"b"}}}, ErrCycle, "Cycle is detected in revisions"},
		{"cycle between head and base", []Node{{ID: "a"}, {ID: "b", Down: []string{"a", "c"}}, {ID: "c", Down: []string{"b"}}, {ID: "d", Down: []string{"c"}}}, ErrCycle, "Cycle is detected in revisions (b, c)"},
		{"dependency cycle between head and base", []Node{{ID: "a"}, {ID: "b", Down: []string{"a"}, DependsOn: []string{"c"}}, {ID: "c", Down: []string{"b"}}, {ID: "d", Down: []string{"c"}}}, ErrCycle, "Dependency cycle is detected in revisions (b, c)"},
		{"self cycle", []Node{{ID: "a", Down: []string{"a"}}}, ErrCycle, "Self-loop is detected in revisions (a)"},
		{"dependency cycle", []Node{{ID: "a", DependsOn: []string{"b"}}, {ID: "b", Down: []string{"a"}}}, ErrCycle, "Dependency cycle is detected in revisions (a, b)"},
		{"duplicate label", []Node{{ID: "a", BranchLabels: []string{"x"}}, {ID: "b", BranchLabels: []string{"x"}}}, ErrDuplicate, "Branch name 'x' in revision b already used by revision a"},
		{"label is an id", []Node{{ID: "a", BranchLabels: []string{"b"}}, {ID: "b"}}, ErrDuplicate, "is also a revision identifier"},
		{"empty id", []Node{{ID: ""}}, ErrInvalid, "Invalid revision identifier"},
		{"reserved id", []Node{{ID: "head"}}, ErrInvalid, "Invalid revision identifier 'head'"},
		{"id with @", []Node{{ID: "a@b"}}, ErrInvalid, "Character(s) '@' not allowed in revision identifier 'a@b'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.nodes)
			if !errors.Is(err, &Error{Kind: tt.kind}) {
				t.Fatalf("New() error = %v, want kind %d", err, tt.kind)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("New() error = %q, want it to contain %q", err, tt.msg)
			}
		})
	}
}

func TestStructure(t *testing.T) {
	g := branched(t)
	tests := []struct {
		name string
		got  []string
		want []string
	}{
		{"heads", g.Heads(), []string{"d5dddd", "e7eeee", "x9xxxx"}},
		{"bases", g.Bases(), []string{"a1aaaa", "x8xxxx"}},
		{"branch points", g.BranchPoints(), []string{"c3cccc"}},
		{"children", g.Children("c3cccc"), []string{"d4dddd", "e6eeee"}},
		{"ids", g.IDs(), []string{"a1aaaa", "b2bbbb", "c3cccc", "d4dddd", "d5dddd", "e6eeee", "e7eeee", "x8xxxx", "x9xxxx"}},
		{"ancestors with dependency", sorted(g.Ancestors("x9xxxx")), []string{"a1aaaa", "b2bbbb", "x8xxxx", "x9xxxx"}},
		{"descendants with dependents", sorted(g.Descendants("b2bbbb")), []string{"b2bbbb", "c3cccc", "d4dddd", "d5dddd", "e6eeee", "e7eeee", "x9xxxx"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !slices.Equal(tt.got, tt.want) {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestMerge(t *testing.T) {
	g, err := New([]Node{
		{ID: "a"}, {ID: "b", Down: []string{"a"}}, {ID: "c", Down: []string{"a"}},
		{ID: "m", Down: []string{"b", "c"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !g.IsMerge("m") || g.IsMerge("b") {
		t.Errorf("IsMerge(m)=%v IsMerge(b)=%v, want true false", g.IsMerge("m"), g.IsMerge("b"))
	}
	if h := g.Heads(); !slices.Equal(h, []string{"m"}) {
		t.Errorf("Heads() = %v, want [m]", h)
	}
	if p := g.UpgradePath(nil, []string{"m"}); !slices.Equal(p, []string{"a", "b", "c", "m"}) {
		t.Errorf("UpgradePath = %v", p)
	}
	if p := g.DowngradePath([]string{"m"}, []string{"b"}); !slices.Equal(p, []string{"m"}) {
		t.Errorf("DowngradePath(m -> b) = %v, want [m] (c stays applied)", p)
	}
	if h := g.HeadsOf(g.Ancestors("b", "c")); !slices.Equal(h, []string{"b", "c"}) {
		t.Errorf("HeadsOf(b,c) = %v", h)
	}
}

func sorted(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestStepHeadsErrors checks that StepHeads reports a step the heads do
// not allow as a revision error, never a panic.
func TestStepHeadsErrors(t *testing.T) {
	g := linear(t)
	tests := []struct {
		name  string
		heads []string
		id    string
		up    bool
		msg   string
	}{
		{"downgrade base not a head", []string{"b2bbbb"}, "a1aaaa", false, "Version a1aaaa is not a head"},
		{"downgrade base with no heads", nil, "a1aaaa", false, "Version a1aaaa is not a head"},
		{"unknown revision", []string{"b2bbbb"}, "zz", false, "Can't locate revision identified by 'zz'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := g.StepHeads(tt.heads, tt.id, tt.up)
			if err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("StepHeads() error = %v, want %q", err, tt.msg)
			}
		})
	}
	heads, changes, err := g.StepHeads([]string{"a1aaaa"}, "a1aaaa", false)
	if err != nil || len(heads) != 0 || len(changes) != 1 || changes[0].Kind != VersionDelete {
		t.Errorf("StepHeads(base head) = %v, %v, %v; want the row deleted", heads, changes, err)
	}
}
