package main

import (
	"math"
	"strings"
	"testing"
)

func TestParseLine(t *testing.T) {
	tests := []struct {
		name string
		line string
		want result
		ok   bool
	}{
		{"full", "BenchmarkORM/postgres/read100/flagon-2   \t  1000\t  356333 ns/op\t 300000 cpu-ns/op\t 26289 B/op\t 1130 allocs/op",
			result{"postgres", "read100", "flagon", 356333, 300000, 26289, 1130}, true},
		{"no procs suffix", "BenchmarkORM/sqlite/insert/gorm 10 12.5 ns/op",
			result{"sqlite", "insert", "gorm", 12.5, 0, 0, 0}, true},
		{"underscore name", "BenchmarkORM/sqlite/read/database_sql_stmt-8 5 100 ns/op 8 B/op 1 allocs/op",
			result{"sqlite", "read", "database_sql_stmt", 100, 0, 8, 1}, true},
		{"other benchmark", "BenchmarkOther/a/b/c-2 1 1 ns/op", result{}, false},
		{"parent line", "BenchmarkORM/sqlite/read-2 1 1 ns/op", result{}, false},
		{"header", "cpu: Intel(R) Xeon(R) Processor", result{}, false},
		{"bad number", "BenchmarkORM/a/b/c-2 1 x ns/op", result{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseLine(tt.line)
			if ok != tt.ok || got != tt.want {
				t.Errorf("parseLine(%q) = %+v, %v; want %+v, %v", tt.line, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestSummariseAndVerdicts(t *testing.T) {
	out := `BenchmarkORM/sqlite/read/database_sql-2 1 100 ns/op 10 B/op 1 allocs/op
BenchmarkORM/sqlite/read/flagon-2 1 110 ns/op 20 B/op 2 allocs/op
BenchmarkORM/sqlite/read/gorm-2 1 200 ns/op 30 B/op 3 allocs/op
BenchmarkORM/sqlite/read/bun-2 1 105 ns/op 30 B/op 3 allocs/op
BenchmarkORM/sqlite/read/database_sql-2 1 300 ns/op 10 B/op 1 allocs/op
BenchmarkORM/sqlite/read/database_sql-2 1 200 ns/op 10 B/op 1 allocs/op
`
	s := summarise(parse(strings.NewReader(out)).results)
	base := s.stats[key{"sqlite", "read", "database_sql"}]
	if base.runs != 3 || base.ns != 200 || base.minNS != 100 || base.maxNS != 300 || base.spread() != 1 {
		t.Fatalf("baseline stat = %+v; want 3 runs, median 200, range 100..300", base)
	}
	if r, ok := s.ratio(key{"sqlite", "read", "flagon"}); !ok || math.Abs(r-1.1) > 1e-9 {
		t.Errorf("ratio = %v, %v; want 1.1 (best 110 over best 100)", r, ok)
	}
	vs := s.verdicts()
	if len(vs) != 1 {
		t.Fatalf("got %d verdicts; want 1", len(vs))
	}
	v := vs[0]
	if !v.raw || v.ahead || v.ok() || v.describe() != "missed: behind GORM or Bun" {
		t.Errorf("verdict = %+v (%s); want within raw, behind bun", v, v.describe())
	}
}

// TestPairedVerdicts checks that BenchmarkPaired's lines, when present,
// judge flagon by the median of each run's ratio.
func TestPairedVerdicts(t *testing.T) {
	out := `BenchmarkORM/postgres/read/database_sql-2 1 100 ns/op 10 B/op 1 allocs/op
BenchmarkORM/postgres/read/flagon-2 1 150 ns/op 20 B/op 2 allocs/op
BenchmarkORM/postgres/read/gorm-2 1 140 ns/op 30 B/op 3 allocs/op
BenchmarkORM/postgres/read/bun-2 1 200 ns/op 30 B/op 3 allocs/op
BenchmarkPaired/postgres/read-2 10 500 ns/op 120 bun-ns/op 100 database_sql-ns/op 110 flagon-ns/op 130 gorm-ns/op
BenchmarkPaired/postgres/read-2 10 900 ns/op 250 bun-ns/op 200 database_sql-ns/op 260 flagon-ns/op 300 gorm-ns/op
BenchmarkPaired/postgres/read-2 10 700 ns/op 200 bun-ns/op 150 database_sql-ns/op 150 flagon-ns/op 170 gorm-ns/op
BenchmarkPaired/postgres/bogus line
`
	o := parse(strings.NewReader(out))
	if len(o.results) != 4 || len(o.paired) != 3 {
		t.Fatalf("parsed %d results and %d paired runs; want 4 and 3", len(o.results), len(o.paired))
	}
	s := summarise(o.results)
	s.addPaired(o.paired)
	vs := s.verdicts()
	if len(vs) != 1 {
		t.Fatalf("got %d verdicts; want 1", len(vs))
	}
	v := vs[0]
	// flagon/database_sql per run: 1.1, 1.3, 1.0 -> median 1.1; the best-of ratio is 1.5.
	if v.pairedRuns != 3 || math.Abs(v.ratio-1.1) > 1e-9 || v.bestRatio != 1.5 {
		t.Errorf("verdict = %+v; want the paired median 1.1 over 3 runs beside best-of 1.5", v)
	}
	// flagon/gorm: 0.846, 0.867, 0.882 -> 0.867 (ahead, where best-of said behind); flagon/bun: 0.917, 1.04, 0.75 -> 0.917.
	if !v.ok() || math.Abs(v.vsGorm-260.0/300) > 1e-9 || math.Abs(v.vsBun-110.0/120) > 1e-9 {
		t.Errorf("verdict = %+v (%s); want met, ahead of both by the paired medians", v, v.describe())
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		name string
		xs   []float64
		want float64
	}{
		{"one", []float64{4}, 4},
		{"odd", []float64{1, 2, 9}, 2},
		{"even", []float64{1, 2, 4, 9}, 3},
	}
	for _, tt := range tests {
		if got := median(tt.xs); got != tt.want {
			t.Errorf("%s: median(%v) = %v; want %v", tt.name, tt.xs, got, tt.want)
		}
	}
}
