package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"time"

	"github.com/flagon-go/flagon/bench/internal/tfb"
	"github.com/flagon-go/flagon/bench/verify"
)

// goServers are the implementations built with go build from ./cmd.
var goServers = []string{"flagon", "raw", "gin"}

// jinjaServer is the flagon server run with -jinja: its fortunes page is
// rendered by the Jinja engine. It runs the fortunes test type only (the
// others are the flagon server's).
const jinjaServer = "flagon-jinja"

// measures reports whether implementation fw runs test type test.
func measures(fw, test string) bool { return fw != jinjaServer || test == "fortunes" }

// dbTests are the test types that use the database.
var dbTests = []string{"db", "queries", "updates", "fortunes"}

// A runner holds the built servers and the temporary folder.
type runner struct {
	cfg  config
	dir  string // the bench module
	tmp  string
	bins map[string]string
}

func newRunner(cfg config) (*runner, error) {
	dir, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(dir, "cmd", "benchrun")); err != nil {
		return nil, fmt.Errorf("run from the bench folder (bench/run does): %w", err)
	}
	if _, err := exec.LookPath("wrk"); err != nil {
		return nil, fmt.Errorf("wrk is needed: apt-get install wrk")
	}
	tmp, err := os.MkdirTemp("", "flagon-bench-")
	if err != nil {
		return nil, err
	}
	return &runner{cfg: cfg, dir: dir, tmp: tmp, bins: map[string]string{}}, nil
}

// build compiles the Go servers into the temporary folder.
func (r *runner) build(ctx context.Context) error {
	for _, name := range goServers {
		if !slices.Contains(r.cfg.frameworks, name) {
			continue
		}
		bin := filepath.Join(r.tmp, name)
		cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/"+name)
		cmd.Dir = r.dir
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go build ./cmd/%s: %w\n%s", name, err, out)
		}
		r.bins[name] = bin
	}
	if slices.Contains(r.cfg.frameworks, jinjaServer) {
		if r.bins["flagon"] == "" {
			bin := filepath.Join(r.tmp, "flagon")
			cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/flagon")
			cmd.Dir = r.dir
			if out, err := cmd.CombinedOutput(); err != nil {
				return fmt.Errorf("go build ./cmd/flagon: %w\n%s", err, out)
			}
			r.bins["flagon"] = bin
		}
		r.bins[jinjaServer] = r.bins["flagon"]
	}
	return nil
}

// A target is one database run: its URL, implementations and test types.
type target struct {
	name       string
	url        string
	frameworks []string
	tests      []string
}

// targets are PostgreSQL with every implementation, then SQLite with
// flagon and raw on the database test types.
func (r *runner) targets() []target {
	var out []target
	if r.cfg.pgURL != "" {
		out = append(out, target{"PostgreSQL", r.cfg.pgURL, r.cfg.frameworks, r.cfg.tests})
	}
	if r.cfg.sqlite {
		t := target{name: "SQLite", url: "sqlite:///" + filepath.Join(r.tmp, "bench.db")}
		t.frameworks = intersect(r.cfg.frameworks, []string{"flagon", "raw"})
		t.tests = intersect(r.cfg.tests, dbTests)
		if len(t.frameworks) > 0 && len(t.tests) > 0 {
			out = append(out, t)
		}
	}
	return out
}

func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// argv returns the command line of an implementation.
func (r *runner) argv(name, addr, dbURL string, extra ...string) []string {
	if name == "flask" {
		workers := r.cfg.flaskWorkers
		if workers == 0 {
			workers = 2*runtime.NumCPU() + 1
		}
		return []string{r.cfg.python, "flask/app.py", "-addr", addr, "-db", dbURL, "-workers", strconv.Itoa(workers)}
	}
	if name == jinjaServer {
		extra = append([]string{"-jinja"}, extra...)
	}
	return append([]string{r.bins[name], "-addr", addr, "-db", dbURL, "-pool", strconv.Itoa(r.cfg.pool)}, extra...)
}

// runDB loads the database, verifies each implementation, then measures
// the test types one by one, all implementations in turn for each, in
// rounds that alternate their order, so that the ratios of one test type
// are taken minutes apart at most on a machine whose load drifts.
func (r *runner) runDB(ctx context.Context, t target) (dbRun, error) {
	log.Printf("%s: loading %s", t.name, redact(t.url))
	if err := tfb.Load(ctx, t.url); err != nil {
		return dbRun{}, fmt.Errorf("loading the bench database: %w", err)
	}
	d := dbRun{name: t.name, frameworks: t.frameworks, tests: t.tests, results: map[key]measurement{}, problems: map[string][]verify.Problem{}}
	for _, fw := range t.frameworks {
		d.problems[fw] = r.verifyFramework(ctx, t, fw)
	}
	for _, test := range t.tests {
		rounds := map[string][]measurement{}
		for round := range r.cfg.rounds {
			for _, fw := range roundOrder(t.frameworks, round) {
				if !measures(fw, test) || verify.Failed(d.problems[fw], test) || verify.Failed(d.problems[fw], "start") {
					continue
				}
				m := r.measureFramework(ctx, t, fw, test)
				log.Printf("%s: %s %s round %d: %s", t.name, fw, test, round+1, m)
				rounds[fw] = append(rounds[fw], m)
			}
		}
		for fw, ms := range rounds {
			d.results[key{fw, test}] = combine(ms)
		}
		if ctx.Err() != nil {
			return d, ctx.Err()
		}
	}
	return d, nil
}

// roundOrder returns the implementations in order on even rounds and
// reversed on odd ones.
func roundOrder(fws []string, round int) []string {
	out := slices.Clone(fws)
	if round%2 == 1 {
		slices.Reverse(out)
	}
	return out
}

// startFramework starts an implementation on a free port.
func (r *runner) startFramework(ctx context.Context, t target, fw string, extra ...string) (*server, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	logPath := filepath.Join(r.tmp, t.name+"-"+fw+".log")
	return start(ctx, r.argv(fw, addr, t.url, extra...), addr, r.dir, logPath)
}

// verifyFramework starts an implementation and verifies its answers.
func (r *runner) verifyFramework(ctx context.Context, t target, fw string) []verify.Problem {
	log.Printf("%s: verifying %s", t.name, fw)
	s, err := r.startFramework(ctx, t, fw)
	if err != nil {
		return []verify.Problem{{Test: "start", Severity: verify.Fail, Message: err.Error()}}
	}
	defer s.stop()
	ps := r.verify(ctx, s.base, t)
	for _, p := range ps {
		log.Printf("%s: %s: %s", t.name, fw, p)
	}
	return ps
}

// measureFramework starts a fresh server, warms it up and measures one
// test type.
func (r *runner) measureFramework(ctx context.Context, t target, fw, test string) measurement {
	s, err := r.startFramework(ctx, t, fw)
	if err != nil {
		return measurement{err: err}
	}
	defer s.stop()
	s.settle(ctx)
	return r.measure(ctx, s, s.base+r.path(test), t.url)
}

// verify checks the running server's answers.
func (r *runner) verify(ctx context.Context, base string, t target) []verify.Problem {
	db, err := tfb.Open(t.url)
	if err != nil {
		return []verify.Problem{{Test: "verify", Severity: verify.Fail, Message: err.Error()}}
	}
	defer db.Close()
	c := &verify.Checker{Base: base, World: func(ctx context.Context) (map[int]int, error) { return tfb.WorldTable(ctx, db) }}
	return c.Run(ctx, t.tests...)
}

// warmUps bounds the warm-up runs of one measurement.
const warmUps = 5

// warmUp drives url for l.duration (none when it is 0), again while no
// request completed: on a busy machine a pool of Python workers can take
// longer than a warm-up to answer its first requests, and a warm-up that
// answered nothing warmed nothing.
func warmUp(ctx context.Context, l load, url string) error {
	if l.duration <= 0 {
		return nil
	}
	var err error
	for range warmUps {
		var res Result
		var out string
		if res, out, err = runWrk(ctx, l, url); err == nil && res.Requests > 0 {
			return nil
		}
		if err != nil && !errors.Is(err, errNoRequest) {
			return fmt.Errorf("warm-up: %w: %s", err, out)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return fmt.Errorf("warm-up: %d runs of %v completed no request: %w", warmUps, l.duration, err)
}

// path is the URL path benchmarked for a test type.
func (r *runner) path(test string) string {
	switch test {
	case "queries", "updates":
		return "/" + test + "?queries=" + strconv.Itoa(r.cfg.queries)
	}
	return "/" + test
}

// measure warms url up, waits for the server to be idle again, then
// measures url, with the CPU time the server, the database backends of
// dbURL and wrk spent meanwhile.
func (r *runner) measure(ctx context.Context, s *server, url, dbURL string) measurement {
	l := load{threads: r.cfg.threads, conns: r.cfg.conns, duration: r.cfg.warmup}
	if err := warmUp(ctx, l, url); err != nil {
		return measurement{err: err}
	}
	s.settle(ctx)
	l.duration = r.cfg.length / time.Duration(r.cfg.rounds)
	backends := dbBackends(ctx, dbURL)
	serverBefore, dbBefore := groupCPU(s.cmd.Process.Pid), pidsCPU(backends)
	res, _, err := runWrk(ctx, l, url)
	res.CPU.Server = groupCPU(s.cmd.Process.Pid).since(serverBefore)
	res.CPU.DB = pidsCPU(append(backends, dbBackends(ctx, dbURL)...)).since(dbBefore)
	return measurement{result: res, err: err}
}
