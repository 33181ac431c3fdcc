package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/flagon-go/flagon/bench/verify"
)

// A report is everything one run of bench/run produced.
type report struct {
	cfg      config
	started  time.Time
	elapsed  time.Duration
	machine  machine
	dbs      []dbRun
	checks   []check
	profiles []profile
	micro    micro
}

// markdown renders the report.
func (rep *report) markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# flagon benchmark results\n\nWritten by `bench/run` on %s in %s. See README.md for the method.\n\n",
		rep.started.UTC().Format("2006-01-02 15:04 MST"), rep.elapsed.Round(time.Second))
	rep.writeMachine(&b)
	rep.writeMethod(&b)
	for _, d := range rep.dbs {
		writeDB(&b, d)
	}
	rep.writeChecks(&b)
	rep.writeProfiles(&b)
	rep.writeVerification(&b)
	rep.writeMicro(&b)
	return b.String()
}

func (rep *report) writeMachine(b *strings.Builder) {
	m := rep.machine
	b.WriteString("## Machine\n\n| | |\n|---|---|\n")
	rows := [][2]string{
		{"nproc", fmt.Sprint(m.nproc)}, {"CPU", m.cpu}, {"kernel", m.kernel}, {"Go", m.goVersion},
		{"database", m.postgres}, {"wrk", m.wrk}, {"Python", m.python}, {"gunicorn", m.gunicorn},
		{"load average (1, 5, 15 min) at start", m.loadStart}, {"load average at end", m.loadEnd},
	}
	for _, r := range rows {
		if r[1] != "" {
			fmt.Fprintf(b, "| %s | %s |\n", r[0], r[1])
		}
	}
	b.WriteString("\n")
}

func (rep *report) writeMethod(b *strings.Builder) {
	c := rep.cfg
	fmt.Fprintf(b, "## Method\n\nEach implementation runs alone on loopback; it is verified first, then each test type is driven by "+
		"`wrk -t%d -c%d --latency`: %d rounds, each implementation in turn (the order reversed every other round), each round a fresh server, "+
		"%v of warm-up (not measured) and %v measured; requests/s and p50 are the means of the rounds, p99 the worst. /queries and /updates use `queries=%d`. "+
		"Go servers use a pool of %d database connections; Flask runs under gunicorn's sync workers. "+
		"Ratios divide requests/second by raw net/http's in the same run: the median over the rounds of each round's ratio "+
		"(a slow stretch of the machine falls on neighbours in one round alike).\n\n",
		c.threads, c.conns, c.rounds, c.warmup, c.length/time.Duration(max(c.rounds, 1)), c.queries, c.pool)
	if busy(rep.machine.loadStart, rep.machine.nproc) || busy(rep.machine.loadEnd, rep.machine.nproc) {
		b.WriteString("**The numbers were taken while other work ran on the machine** (see the load averages above): " +
			"compare ratios within this run rather than absolute numbers, and read \"rounds differ by\" (the spread between the " +
			"fastest and slowest round of the same server) as the noise of each figure.\n\n")
	}
}

// writeDB writes one table per database: a row per test type and
// implementation.
func writeDB(b *strings.Builder, d dbRun) {
	fmt.Fprintf(b, "## %s\n\n| test | implementation | requests/s | rounds differ by | p50 | p99 | × raw | errors | CPU µs/request: server + database + wrk |\n|---|---|--:|--:|--:|--:|--:|--:|--:|\n", d.name)
	for _, test := range d.tests {
		for _, fw := range d.frameworks {
			m, ok := d.results[key{fw, test}]
			switch {
			case !measures(fw, test):
			case !ok:
				fmt.Fprintf(b, "| %s | %s | not measured: see Verification | | | | | | |\n", test, fw)
			case m.err != nil:
				fmt.Fprintf(b, "| %s | %s | error: %s | | | | | | |\n", test, fw, oneLine(m.err.Error()))
			default:
				fmt.Fprintf(b, "| %s | %s | %.0f | %.0f%% | %s | %s | %s | %d | %s |\n", test, fw, m.result.RPS, 100*m.spread(), fmtDur(m.result.P50), fmtDur(m.result.P99), ratioCell(d, fw, test), m.result.Errors, cpuCell(d, fw, test))
			}
		}
	}
	b.WriteString("\n")
}

// cpuCell is the CPU time per request, total then by part, in µs.
func cpuCell(d dbRun, fw, test string) string {
	c, ok := d.cpuPerRequest(fw, test)
	if !ok {
		return "–"
	}
	us := func(t time.Duration) float64 { return float64(t) / float64(time.Microsecond) }
	return fmt.Sprintf("%.0f = %.0f + %.0f + %.0f", us(c.total()), us(c.Server), us(c.DB), us(c.Wrk))
}

func ratioCell(d dbRun, fw, test string) string {
	r, ok := d.ratio(fw, "raw", test)
	if !ok {
		return "–"
	}
	return fmt.Sprintf("%.2f", r)
}

func (rep *report) writeChecks(b *strings.Builder) {
	if len(rep.checks) == 0 {
		return
	}
	b.WriteString("## Targets\n\nMeasured: the ratio of requests/second (the median over the rounds). " +
		"CPU-bound: the ratio the CPU time per request (server, database and wrk, table above) predicts for a machine " +
		"whose cores run the benchmark alone; it is not judged, but shows how far other load on the machine moved the measured ratio.\n\n" +
		"| database | test | target | measured | met | CPU-bound |\n|---|---|---|--:|---|--:|\n")
	for _, c := range rep.checks {
		got, met, cpu := "not measured", "no", "–"
		if c.measured {
			got = fmt.Sprintf("%.2f", c.got)
		}
		if c.ok() {
			met = "yes"
		}
		if c.cpuMeasured {
			cpu = fmt.Sprintf("%.2f", c.cpuGot)
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", c.db, c.test, c.label(), got, met, cpu)
	}
	b.WriteString("\n")
}

func (rep *report) writeProfiles(b *strings.Builder) {
	if len(rep.profiles) == 0 {
		return
	}
	b.WriteString("## Where the time goes\n\nCPU profiles of the flagon server (or flagon-jinja) under the same wrk load, " +
		fmt.Sprintf("%ds each, for every test type that missed a target: `go tool pprof -top` (flat, then -cum).\n\n", profileSeconds))
	for _, p := range rep.profiles {
		fmt.Fprintf(b, "### %s, %s, %s\n\n", p.db, p.fw, p.test)
		if p.err != nil {
			fmt.Fprintf(b, "Profile failed: %s\n\n", oneLine(p.err.Error()))
			continue
		}
		fmt.Fprintf(b, "```\n%s\n```\n\n", p.top)
	}
}

func (rep *report) writeVerification(b *strings.Builder) {
	b.WriteString("## Verification\n\n")
	for _, d := range rep.dbs {
		for _, fw := range d.frameworks {
			ps := d.problems[fw]
			status := "passed"
			if verify.Failed(ps, "") {
				status = "FAILED"
			} else if len(ps) > 0 {
				status = "passed with warnings"
			}
			fmt.Fprintf(b, "- %s, %s: %s\n", d.name, fw, status)
			for _, p := range ps {
				fmt.Fprintf(b, "  - %s\n", oneLine(p.String()))
			}
		}
	}
	b.WriteString("\n")
}

func (rep *report) writeMicro(b *strings.Builder) {
	if rep.micro.command == "" {
		return
	}
	fmt.Fprintf(b, "## Go micro-benchmarks\n\nThe library's own benchmarks, each beside its baseline, summarised by `benchstat -confidence=0.9` "+
		"(0.9 because five samples cannot give a 0.95 interval):\n\n```\n%s```\n\n", rep.micro.command)
	for _, n := range rep.micro.notes {
		b.WriteString(n + "\n\n")
	}
	fmt.Fprintf(b, "```\n%s\n```\n", strings.TrimSpace(rep.micro.stat))
}

// summary is the short text printed at the end of a run.
func (rep *report) summary() string {
	var b strings.Builder
	for _, c := range rep.checks {
		mark := "MISSED"
		if c.ok() {
			mark = "met"
		}
		fmt.Fprintf(&b, "%-10s %-9s %-22s %6.2f  %s\n", c.db, c.test, c.label(), c.got, mark)
	}
	missed := slices.IndexFunc(rep.checks, func(c check) bool { return !c.ok() }) >= 0
	if missed {
		b.WriteString("some targets were missed: see the report\n")
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// busy reports whether a load average line's 1-minute figure is above a
// quarter of the processors, i.e. other work was running.
func busy(load string, nproc int) bool {
	f := strings.Fields(load)
	if len(f) == 0 || nproc == 0 {
		return false
	}
	var one float64
	if _, err := fmt.Sscan(f[0], &one); err != nil {
		return false
	}
	return one > float64(nproc)/4
}
