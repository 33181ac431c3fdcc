package routing

import (
	"strings"
	"testing"
)

// spec describes a rule for tests: "METHODS PATTERN [ENDPOINT]" with
// comma-separated methods ("-" for the default), e.g. "GET,POST /a/<x> a".
// A pattern prefixed with '~' has StrictSlashes off.
type spec string

func (s spec) rule() *Rule {
	f := strings.Fields(string(s))
	r := &Rule{Pattern: f[1], StrictSlashes: true, Site: "test.go:" + f[1]}
	if f[0] != "-" {
		r.Methods = strings.Split(f[0], ",")
	}
	for strings.HasPrefix(r.Pattern, "~") || strings.HasPrefix(r.Pattern, "!") {
		if r.Pattern[0] == '~' {
			r.StrictSlashes = false // ~: lax slashes
		} else {
			r.NoMergeSlashes = true // !: merge_slashes=False
		}
		r.Pattern = r.Pattern[1:]
	}
	r.Endpoint = r.Pattern
	if len(f) > 2 {
		r.Endpoint = f[2]
	}
	return r
}

// newMap builds a map from specs, failing the test on any error.
func newMap(t testing.TB, specs ...spec) *Map {
	t.Helper()
	m := NewMap()
	for _, s := range specs {
		if err := m.Add(s.rule()); err != nil {
			t.Fatalf("Add(%s): %v", s, err)
		}
	}
	return m
}

// paramString renders a match's params as "a=1 b=2".
func paramString(p *Params) string {
	var parts []string
	for i := 0; i < p.Len(); i++ {
		name, raw := p.At(i)
		parts = append(parts, name+"="+raw)
	}
	return strings.Join(parts, " ")
}
