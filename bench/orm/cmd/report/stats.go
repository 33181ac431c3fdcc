package main

import (
	"slices"
)

// baseline is the implementation every ratio divides by.
const baseline = "database_sql"

// A key names one sub-benchmark.
type key struct{ db, op, impl string }

// A stat summarises the runs of one sub-benchmark.
type stat struct {
	runs             int
	ns, minNS, maxNS float64 // median, fastest and slowest ns/op
	cpu              float64 // median cpu-ns/op (0 when not reported)
	bytes, allocs    float64 // medians
}

// spread is the range of ns/op as a fraction of the median.
func (s stat) spread() float64 { return (s.maxNS - s.minNS) / s.ns }

// summary holds the stats and the order in which names first appeared.
type summary struct {
	stats           map[key]stat
	dbs, ops, impls []string
	paired          map[opKey][]pairedRun // BenchmarkPaired's runs, if any
}

// summarise groups results by sub-benchmark and takes medians.
func summarise(rs []result) summary {
	s := summary{stats: map[key]stat{}}
	groups := map[key][]result{}
	for _, r := range rs {
		k := key{r.db, r.op, r.impl}
		groups[k] = append(groups[k], r)
		s.dbs = appendNew(s.dbs, r.db)
		s.ops = appendNew(s.ops, r.op)
		s.impls = appendNew(s.impls, r.impl)
	}
	for k, g := range groups {
		ns := field(g, func(r result) float64 { return r.ns })
		s.stats[k] = stat{runs: len(g), ns: median(ns), minNS: ns[0], maxNS: ns[len(ns)-1],
			cpu:    median(field(g, func(r result) float64 { return r.cpu })),
			bytes:  median(field(g, func(r result) float64 { return r.bytes })),
			allocs: median(field(g, func(r result) float64 { return r.allocs }))}
	}
	return s
}

// ratio returns k's best (minimum) ns/op over the baseline's, and whether
// both exist. On a shared machine other jobs only ever add time, so the
// fastest of the runs is the closest to the code's own cost.
func (s summary) ratio(k key) (float64, bool) {
	return s.ratioOf(k, func(st stat) float64 { return st.minNS })
}

// cpuRatio is ratio for the median cpu-ns/op.
func (s summary) cpuRatio(k key) (float64, bool) {
	return s.ratioOf(k, func(st stat) float64 { return st.cpu })
}

// ratioOf divides f of k's stat by f of the baseline's.
func (s summary) ratioOf(k key, f func(stat) float64) (float64, bool) {
	base, ok1 := s.stats[key{k.db, k.op, baseline}]
	st, ok2 := s.stats[k]
	if !ok1 || !ok2 || f(base) == 0 {
		return 0, false
	}
	return f(st) / f(base), true
}

// field returns f of every result, sorted.
func field(rs []result, f func(result) float64) []float64 {
	out := make([]float64, len(rs))
	for i, r := range rs {
		out[i] = f(r)
	}
	slices.Sort(out)
	return out
}

// median returns the median of sorted xs.
func median(xs []float64) float64 {
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

// appendNew appends s unless xs holds it.
func appendNew(xs []string, s string) []string {
	if slices.Contains(xs, s) {
		return xs
	}
	return append(xs, s)
}
