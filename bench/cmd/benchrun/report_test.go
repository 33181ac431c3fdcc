package main

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/flagon-go/flagon/bench/verify"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// sample is a two-database run with a failed verification, a wrk error
// and a missed target.
func sample() []dbRun {
	ms := time.Millisecond
	pg := dbRun{
		name: "PostgreSQL", frameworks: []string{"flagon", "raw", "gin", "flask"}, tests: []string{"json", "fortunes", "updates"},
		results: map[key]measurement{
			{"flagon", "json"}:     {result: Result{RPS: 50000, P50: ms, P99: 5 * ms, Requests: 1000, CPU: cpuUse{Server: 30 * ms, Wrk: 10 * ms}}},
			{"raw", "json"}:        {result: Result{RPS: 51000, P50: ms, P99: 4 * ms}},
			{"gin", "json"}:        {result: Result{RPS: 45000, P50: ms, P99: 6 * ms}},
			{"flask", "json"}:      {result: Result{RPS: 3000, P50: 20 * ms, P99: 90 * ms, Errors: 3, Requests: 100, CPU: cpuUse{Server: 50 * ms, Wrk: ms}}},
			{"flagon", "fortunes"}: {result: Result{RPS: 8000, P50: 3 * ms, P99: 30 * ms}}, {"raw", "fortunes"}: {result: Result{RPS: 10000, P50: 2 * ms, P99: 20 * ms}},
			{"gin", "fortunes"}:   {result: Result{RPS: 7000, P50: 3 * ms, P99: 40 * ms}},
			{"flagon", "updates"}: {result: Result{RPS: 300, P50: 200 * ms, P99: 1500 * ms}}, {"raw", "updates"}: {err: errors.New("wrk: connection refused")},
		},
		problems: map[string][]verify.Problem{"flask": {{Test: "fortunes", URL: "http://x/fortunes", Severity: verify.Fail, Message: "page differs"}}},
	}
	lite := dbRun{
		name: "SQLite", frameworks: []string{"flagon", "raw"}, tests: []string{"db"},
		results: map[key]measurement{
			{"flagon", "db"}: {result: Result{RPS: 9500, P50: ms, P99: 9 * ms}}, {"raw", "db"}: {result: Result{RPS: 10000, P50: ms, P99: 8 * ms}},
		},
		problems: map[string][]verify.Problem{},
	}
	return []dbRun{pg, lite}
}

func TestEvaluate(t *testing.T) {
	got := map[string]check{}
	for _, c := range evaluate(sample()) {
		got[c.db+" "+c.test+" "+c.against] = c
	}
	tests := []struct {
		name     string
		measured bool
		ratio    float64
		ok       bool
	}{
		{"PostgreSQL json raw", true, 50000.0 / 51000, true},
		{"PostgreSQL json flask", true, 50000.0 / 3000, true},
		{"PostgreSQL fortunes raw", true, 0.8, false},
		{"PostgreSQL fortunes gin", true, 8000.0 / 7000, true},
		{"PostgreSQL fortunes flask", false, 0, false},
		{"PostgreSQL updates flask", false, 0, false},
		{"SQLite db raw", true, 0.95, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := got[tt.name]
			if !ok {
				t.Fatalf("no check %q in %v", tt.name, got)
			}
			if c.measured != tt.measured || c.ok() != tt.ok || (tt.measured && abs(c.got-tt.ratio) > 1e-9) {
				t.Errorf("check = %+v (ok %v), want measured %v ratio %.3f ok %v", c, c.ok(), tt.measured, tt.ratio, tt.ok)
			}
		})
	}
	if _, ok := got["PostgreSQL updates raw"]; ok {
		t.Error("updates has no raw target but got a check")
	}
	if len(got) != 7 {
		t.Errorf("got %d checks, want 7: %v", len(got), got)
	}
}

func abs(f float64) float64 { return max(f, -f) }

func TestReportGolden(t *testing.T) {
	rep := &report{
		cfg:     config{threads: 2, conns: 64, rounds: 2, warmup: 2 * time.Second, length: 10 * time.Second, queries: 20, pool: 16},
		started: time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC), elapsed: 321 * time.Second,
		machine: machine{nproc: 2, cpu: "Test CPU", goVersion: "go1.26", postgres: "PostgreSQL 15", loadStart: "1.00 1.00 1.00", loadEnd: "2.00 1.00 1.00"},
		dbs:     sample(),
		profiles: []profile{
			{db: "PostgreSQL", fw: "flagon", test: "fortunes", top: "flat flat% sum% cum cum%\n1s 50% 50% 2s 100% main.fortunes"},
		},
		micro: micro{command: "go test -bench=. ./routing\n", stat: "goos: linux\nDispatch-2   100.0n ± 1%"},
	}
	rep.checks = evaluate(rep.dbs)
	got := rep.markdown()
	golden := filepath.Join("testdata", "report.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("report differs from %s (run go test -update to accept):\n%s", golden, got)
	}
}

func TestCombine(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		name       string
		in         []measurement
		want       Result
		wantSpread float64
		wantErr    bool
	}{
		{"one round", []measurement{{result: Result{RPS: 100, P50: ms, P99: 9 * ms, Requests: 1000}}},
			Result{RPS: 100, P50: ms, P99: 9 * ms, Requests: 1000}, 0, false},
		{"two rounds", []measurement{
			{result: Result{RPS: 90, P50: 2 * ms, P99: 9 * ms, Requests: 900, Errors: 1, CPU: cpuUse{Server: ms, DB: 2 * ms, Wrk: 3 * ms}}},
			{result: Result{RPS: 110, P50: 4 * ms, P99: 7 * ms, Requests: 1100, CPU: cpuUse{Server: 10 * ms, DB: 20 * ms, Wrk: 30 * ms}}},
		}, Result{RPS: 100, P50: 3 * ms, P99: 9 * ms, Requests: 2000, Errors: 1, CPU: cpuUse{Server: 11 * ms, DB: 22 * ms, Wrk: 33 * ms}}, 0.2, false},
		{"a failed round", []measurement{{result: Result{RPS: 1}}, {err: errors.New("wrk failed")}}, Result{}, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := combine(tt.in)
			if (got.err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", got.err, tt.wantErr)
			}
			if got.result != tt.want || abs(got.spread()-tt.wantSpread) > 1e-9 {
				t.Errorf("combine = %+v spread %.3f, want %+v spread %.3f", got.result, got.spread(), tt.want, tt.wantSpread)
			}
		})
	}
}

func TestBusy(t *testing.T) {
	tests := []struct {
		load  string
		nproc int
		want  bool
	}{
		{"0.10 0.20 0.30", 2, false},
		{"0.60 0.20 0.30", 2, true},
		{"7.96 7.37 6.99", 2, true},
		{"unknown", 2, false},
		{"", 2, false},
	}
	for _, tt := range tests {
		if got := busy(tt.load, tt.nproc); got != tt.want {
			t.Errorf("busy(%q, %d) = %v, want %v", tt.load, tt.nproc, got, tt.want)
		}
	}
}

func TestRatioOfRounds(t *testing.T) {
	tests := []struct {
		name      string
		fw, base  []float64 // requests/s per round
		wantRatio float64
	}{
		{"one round: ratio of the results", []float64{90}, []float64{100}, 0.9},
		{"odd rounds: the median round's ratio", []float64{90, 40, 95}, []float64{100, 100, 100}, 0.9},
		// Round 2 was slow for the framework only; the mean ratio would be 0.7.
		{"a slow round for one side is dropped", []float64{96, 20, 98, 94}, []float64{100, 100, 100, 100}, 0.95},
		{"rounds slow for both cancel out", []float64{95, 47.5, 95, 47.5}, []float64{100, 50, 100, 50}, 0.95},
		{"uneven rounds: ratio of the means", []float64{90, 90}, []float64{100, 100, 100}, 0.9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mk := func(rounds []float64) measurement {
				ms := make([]measurement, len(rounds))
				for i, r := range rounds {
					ms[i] = measurement{result: Result{RPS: r}}
				}
				return combine(ms)
			}
			d := dbRun{results: map[key]measurement{{"flagon", "json"}: mk(tt.fw), {"raw", "json"}: mk(tt.base)}}
			got, ok := d.ratio("flagon", "raw", "json")
			if !ok || abs(got-tt.wantRatio) > 1e-9 {
				t.Errorf("ratio = %v, %v; want %v", got, ok, tt.wantRatio)
			}
		})
	}
}
