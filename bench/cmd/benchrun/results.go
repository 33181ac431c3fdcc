package main

import (
	"fmt"
	"slices"
	"time"

	"github.com/flagon-go/flagon/bench/verify"
)

// A key names one measurement: implementation and test type.
type key struct{ framework, test string }

// A measurement is a wrk result or the error that prevented it, with
// the requests/second of each round when there were several.
type measurement struct {
	result Result
	rounds []float64
	err    error
}

// combine merges rounds: the mean requests/second and p50, the worst p99,
// the summed requests and errors; any failed round fails the whole.
func combine(ms []measurement) measurement {
	var out measurement
	for _, m := range ms {
		if m.err != nil {
			return m
		}
		out.result.RPS += m.result.RPS / float64(len(ms))
		out.result.P50 += m.result.P50 / time.Duration(len(ms))
		out.result.P99 = max(out.result.P99, m.result.P99)
		out.result.Requests += m.result.Requests
		out.result.Errors += m.result.Errors
		out.result.CPU = out.result.CPU.add(m.result.CPU)
		out.rounds = append(out.rounds, m.result.RPS)
	}
	return out
}

// spread is the difference between the fastest and slowest round as a
// fraction of the mean, 0 for a single round.
func (m measurement) spread() float64 {
	if len(m.rounds) < 2 || m.result.RPS == 0 {
		return 0
	}
	return (slices.Max(m.rounds) - slices.Min(m.rounds)) / m.result.RPS
}

func (m measurement) String() string {
	if m.err != nil {
		return "error: " + m.err.Error()
	}
	return fmt.Sprintf("%.0f req/s, p50 %s, p99 %s, %d errors", m.result.RPS, fmtDur(m.result.P50), fmtDur(m.result.P99), m.result.Errors)
}

// A dbRun is every measurement on one database.
type dbRun struct {
	name       string
	frameworks []string
	tests      []string
	results    map[key]measurement
	problems   map[string][]verify.Problem
}

// rps returns the requests per second of a measurement, or false.
func (d dbRun) rps(fw, test string) (float64, bool) {
	m, ok := d.results[key{fw, test}]
	if !ok || m.err != nil || m.result.RPS == 0 {
		return 0, false
	}
	return m.result.RPS, true
}

// ratio returns fw's requests per second over base's: the median of the
// rounds' ratios when both have the same rounds (each round measures the
// two minutes apart at most, so a slow stretch of the machine weighs on
// both; the median drops a round where it hit one only), otherwise the
// ratio of the means.
func (d dbRun) ratio(fw, base, test string) (float64, bool) {
	a, okA := d.rps(fw, test)
	b, okB := d.rps(base, test)
	if !okA || !okB {
		return 0, false
	}
	ra, rb := d.results[key{fw, test}].rounds, d.results[key{base, test}].rounds
	if len(ra) < 2 || len(ra) != len(rb) {
		return a / b, true
	}
	rs := make([]float64, len(ra))
	for i := range ra {
		rs[i] = ra[i] / rb[i]
	}
	slices.Sort(rs)
	if n := len(rs); n%2 == 0 {
		return (rs[n/2-1] + rs[n/2]) / 2, true
	}
	return rs[len(rs)/2], true
}

// cpuPerRequest returns the CPU time per request of a measurement, or
// false when none was recorded.
func (d dbRun) cpuPerRequest(fw, test string) (cpuUse, bool) {
	m, ok := d.results[key{fw, test}]
	if !ok || m.err != nil || m.result.Requests == 0 || m.result.CPU.total() == 0 {
		return cpuUse{}, false
	}
	return m.result.CPU.perRequest(m.result.Requests), true
}

// cpuRatio is the fw / base requests/second ratio that their CPU time per
// request (server, database and wrk) predicts for a machine whose cores
// run nothing but the benchmark: base's CPU time per request over fw's.
func (d dbRun) cpuRatio(fw, base, test string) (float64, bool) {
	a, okA := d.cpuPerRequest(fw, test)
	b, okB := d.cpuPerRequest(base, test)
	if !okA || !okB || a.total() == 0 {
		return 0, false
	}
	return float64(b.total()) / float64(a.total()), true
}

// A check is one target of the issue, judged on one database run.
type check struct {
	db, test, against string
	fw                string // the implementation judged: flagon or flagon-jinja
	want, got         float64
	measured          bool
	cpuGot            float64 // the ratio predicted by CPU time per request
	cpuMeasured       bool
}

// ok reports whether the target was met.
func (c check) ok() bool { return c.measured && c.got >= c.want }

// label describes the target: "flagon / raw ≥ 0.95".
func (c check) label() string { return fmt.Sprintf("%s / %s ≥ %.2f", c.fw, c.against, c.want) }

// rawTargets are the minimum flagon / raw ratios per test type.
var rawTargets = map[string]float64{"json": 0.95, "plaintext": 0.95, "db": 0.90, "queries": 0.90, "fortunes": 0.90}

// evaluate judges the targets on every run that measured their
// implementations: flagon against raw, ahead of Gin on fortunes, and at
// least 10x Flask on every test type.
func evaluate(dbs []dbRun) []check {
	var out []check
	for _, d := range dbs {
		for _, test := range d.tests {
			if !has(d.frameworks, "flagon") {
				if test == "fortunes" && has(d.frameworks, jinjaServer) {
					out = append(out, d.checkJinja(test)...)
				}
				continue
			}
			if want, ok := rawTargets[test]; ok && has(d.frameworks, "raw") {
				out = append(out, d.check(test, "raw", want))
			}
			if test == "fortunes" && has(d.frameworks, "gin") {
				out = append(out, d.check(test, "gin", 1.0))
			}
			if has(d.frameworks, "flask") {
				out = append(out, d.check(test, "flask", 10))
			}
			if test == "fortunes" && has(d.frameworks, jinjaServer) {
				out = append(out, d.checkJinja(test)...)
			}
		}
	}
	return out
}

func (d dbRun) check(test, against string, want float64) check {
	return d.checkOf("flagon", test, against, want)
}

// checkOf judges fw / against ≥ want on test.
func (d dbRun) checkOf(fw, test, against string, want float64) check {
	got, ok := d.ratio(fw, against, test)
	cpuGot, cpuOK := d.cpuRatio(fw, against, test)
	return check{db: d.name, test: test, against: against, fw: fw, want: want, got: got, measured: ok, cpuGot: cpuGot, cpuMeasured: cpuOK}
}

// checkJinja judges flagon-jinja's fortunes: within 1.5x of flagon with
// html/template, and at least 10x Flask with Jinja.
func (d dbRun) checkJinja(test string) []check {
	var out []check
	for _, c := range []struct {
		against string
		want    float64
	}{{"flagon", 1 / 1.5}, {"flask", 10}} {
		if !has(d.frameworks, c.against) {
			continue
		}
		out = append(out, d.checkOf(jinjaServer, test, c.against, c.want))
	}
	return out
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// fmtDur formats a latency in ms with two decimals, or s when long.
func fmtDur(d time.Duration) string {
	if d >= time.Second {
		return fmt.Sprintf("%.2f s", d.Seconds())
	}
	return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
}
