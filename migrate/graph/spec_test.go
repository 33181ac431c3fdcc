package graph

import (
	"errors"
	"testing"
)

func TestParseSpec(t *testing.T) {
	tests := []struct {
		in   string
		want Spec
		err  bool
	}{
		{"head", Spec{Target: "head"}, false},
		{"heads", Spec{Target: "heads"}, false},
		{"base", Spec{Target: "base"}, false},
		{"+2", Spec{Rel: 2}, false},
		{"-1", Spec{Rel: -1}, false},
		{"ae1f", Spec{Target: "ae1f"}, false},
		{"ae1f+3", Spec{Target: "ae1f", Rel: 3}, false},
		{"head-1", Spec{Target: "head", Rel: -1}, false},
		{"shop@head", Spec{Branch: "shop", Target: "head"}, false},
		{"shop@-2", Spec{Branch: "shop", Rel: -2}, false},
		{"my-rev", Spec{Target: "my-rev"}, false},
		{"", Spec{}, true},
		{" head", Spec{}, true},
		{"@head", Spec{}, true},
		{"a@b@c", Spec{}, true},
		{"shop@", Spec{}, true},
		{"+", Spec{}, true},
		{"a+b", Spec{}, true},
		{"+0", Spec{}, true},
		{"+99999999999999999999", Spec{}, true},
		{"heads-1", Spec{}, true},
		{"a:b", Spec{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSpec(tt.in)
			if tt.err {
				if !errors.Is(err, &Error{Kind: ErrSpec}) {
					t.Fatalf("ParseSpec(%q) = %+v, %v; want ErrSpec", tt.in, got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseSpec(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
			}
			if s := got.String(); s != tt.in {
				t.Errorf("String() = %q, want %q", s, tt.in)
			}
		})
	}
}

func FuzzParseSpec(f *testing.F) {
	for _, s := range []string{"head", "heads", "+2", "a1-1", "shop@head", "x@+3", "a@b@c", "+", "-0"} {
		f.Add(s)
	}
	g, err := New([]Node{{ID: "a1"}, {ID: "b2", Down: []string{"a1"}, BranchLabels: []string{"x"}}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sp, err := ParseSpec(s)
		if err == nil {
			again, err := ParseSpec(sp.String())
			if err != nil || again != sp {
				t.Fatalf("round trip %q -> %q -> %+v, %v", s, sp.String(), again, err)
			}
		}
		_, _ = g.Resolve(s, []string{"a1"}) // must not panic
	})
}
