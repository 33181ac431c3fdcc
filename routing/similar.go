package routing

import (
	"slices"
	"sort"
)

// closestRule returns the rule Werkzeug's BuildError.closest_rule
// suggests for a failed build: the first rule with the highest score, 0.98
// times the similarity of its endpoint to endpoint, plus 0.01 when it has
// every given value as an argument and 0.01 when it accepts method; nil
// when the map has no rules.
func (m *Map) closestRule(endpoint string, values map[string]any, method string) *Rule {
	var best *Rule
	bestScore := -1.0
	for _, r := range m.rules {
		score := 0.98 * seqRatio(r.Endpoint, endpoint)
		if r.hasArguments(values) {
			score += 0.01
		}
		if method != "" && slices.Contains(r.Methods, method) {
			score += 0.01
		}
		if score > bestScore {
			best, bestScore = r, score
		}
	}
	return best
}

// hasArguments reports whether every non-nil value names an argument of r.
func (r *Rule) hasArguments(values map[string]any) bool {
	for k, v := range values {
		if v != nil && !r.hasArgument(k) {
			return false
		}
	}
	return true
}

// missingArguments returns, sorted, r's arguments (variables and
// defaults) that values leaves out or sets to nil.
func (r *Rule) missingArguments(values map[string]any) []string {
	var out []string
	add := func(name string) {
		if values[name] == nil && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	for _, a := range r.args {
		add(a)
	}
	for k := range r.Defaults {
		add(k)
	}
	sort.Strings(out)
	return out
}

// seqRatio is Python's difflib.SequenceMatcher(None, a, b).ratio() on
// the characters of a and b: twice the number of characters in the
// matching blocks over the total length. (SequenceMatcher's autojunk
// only applies from 200 characters on, which endpoint names do not
// reach.)
func seqRatio(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	if len(ra)+len(rb) == 0 {
		return 1
	}
	return 2 * float64(matchingRunes(ra, rb, 0, len(ra), 0, len(rb))) / float64(len(ra)+len(rb))
}

// matchingRunes counts the characters of the matching blocks of
// a[alo:ahi] and b[blo:bhi]: the longest common run, then recursively
// those left and right of it.
func matchingRunes(a, b []rune, alo, ahi, blo, bhi int) int {
	i, j, k := longestMatch(a, b, alo, ahi, blo, bhi)
	if k == 0 {
		return 0
	}
	return k + matchingRunes(a, b, alo, i, blo, j) + matchingRunes(a, b, i+k, ahi, j+k, bhi)
}

// longestMatch is SequenceMatcher.find_longest_match without junk: the
// longest common run, the earliest in a and then in b among equals.
func longestMatch(a, b []rune, alo, ahi, blo, bhi int) (besti, bestj, bestk int) {
	besti, bestj = alo, blo
	prev := make([]int, bhi-blo+1)
	cur := make([]int, bhi-blo+1)
	for i := alo; i < ahi; i++ {
		for j := blo; j < bhi; j++ {
			cur[j-blo+1] = 0
			if a[i] != b[j] {
				continue
			}
			k := prev[j-blo] + 1
			cur[j-blo+1] = k
			if k > bestk {
				besti, bestj, bestk = i-k+1, j-k+1, k
			}
		}
		prev, cur = cur, prev
	}
	return besti, bestj, bestk
}
