package main

import "slices"

// An opKey names one operation on one database.
type opKey struct{ db, op string }

// addPaired records the BenchmarkPaired runs.
func (s *summary) addPaired(ps []pairedRun) {
	if len(ps) == 0 {
		return
	}
	s.paired = map[opKey][]pairedRun{}
	for _, p := range ps {
		k := opKey{p.db, p.op}
		s.paired[k] = append(s.paired[k], p)
	}
}

// pairedRatio returns the median over the paired runs of each run's
// ns/op of impl over other's, and the number of runs that had both.
func (s summary) pairedRatio(db, op, impl, other string) (float64, int) {
	var rs []float64
	for _, p := range s.paired[opKey{db, op}] {
		a, b := p.ns[impl], p.ns[other]
		if a > 0 && b > 0 {
			rs = append(rs, a/b)
		}
	}
	if len(rs) == 0 {
		return 0, 0
	}
	slices.Sort(rs)
	return median(rs), len(rs)
}
