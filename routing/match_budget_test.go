package routing

import (
	"strings"
	"testing"
)

// countingPath is the path converter counting its Match calls.
type countingPath struct {
	pathConverter
	calls *int
}

func (c countingPath) Match(s string) bool {
	*c.calls++
	return c.pathConverter.Match(s)
}

// A rule with two variables spanning segments or sharing one would try
// every pair of split points of a long path; the budget maxSplits bounds
// the work, and paths needing few split points still match.
func TestMatchSplitBudget(t *testing.T) {
	long := strings.Repeat("/a:", 8000)
	tests := []struct {
		name, rule, path, want string
	}{
		{"two path variables in a segment, long miss", "/<cpath:a>:<cpath:b>/x", long + "/y", "404"},
		{"two path variables in segments, long miss", "/<cpath:a>/<cpath:b>/x", long + "/y", "404"},
		{"two path variables in a segment, match", "/<cpath:a>:<cpath:b>/x", "/p/q:r/s/x", "r a=p/q b=r/s"},
		{"two path variables, long match", "/<cpath:a>/<cpath:b>/x", "/p" + strings.Repeat("/q", 1000) + "/x", "r a=p b=" + strings.Repeat("q/", 999) + "q"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			m := NewMap()
			m.AddConverter("cpath", func(args []any, kwargs map[string]any) (Converter, error) {
				return countingPath{calls: &calls}, nil
			})
			if err := m.Add(&Rule{Pattern: tt.rule, Endpoint: "r", StrictSlashes: true}); err != nil {
				t.Fatal(err)
			}
			var p Params
			r, err := m.Match("GET", tt.path, &p)
			if got := matchResult(r, &p, err); got != tt.want {
				t.Errorf("Match = %.80q, want %.80q", got, tt.want)
			}
			if calls > 4*maxSplits {
				t.Errorf("%d converter calls, want at most %d", calls, 4*maxSplits)
			}
		})
	}
}
