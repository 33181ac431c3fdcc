// Command benchrun is bench/run: it loads the bench database, starts each
// implementation in turn on loopback, verifies its answers by
// TechEmpower's rules, drives it with wrk, runs the Go micro-benchmarks
// through benchstat, and writes the Markdown report.
//
//	go run ./cmd/benchrun -out RESULTS.md
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

// config is the command line.
type config struct {
	pgURL          string
	sqlite         bool
	frameworks     []string
	tests          []string
	warmup, length time.Duration
	conns, threads int
	queries        int
	rounds         int
	pool           int
	flaskWorkers   int
	python         string
	out            string
	micro          bool
	microTime      string
	microCount     int
	profile        bool
}

func parseFlags() config {
	var c config
	var fws, tests string
	flag.StringVar(&c.pgURL, "pg", "postgresql://postgres@127.0.0.1:5432/flagon_bench?sslmode=disable", "PostgreSQL URL of the bench database (created if missing); empty skips PostgreSQL")
	flag.BoolVar(&c.sqlite, "sqlite", true, "also run flagon and raw on a SQLite file in a temporary folder")
	flag.StringVar(&fws, "frameworks", "flagon,flagon-jinja,raw,gin,flask", "implementations to run (flagon-jinja: fortunes only)")
	flag.StringVar(&tests, "tests", "json,plaintext,db,queries,updates,fortunes", "test types to run")
	flag.DurationVar(&c.warmup, "warmup", 2*time.Second, "wrk warm-up before each round (not measured)")
	flag.DurationVar(&c.length, "duration", 10*time.Second, "measured wrk run per test type")
	flag.IntVar(&c.conns, "c", 64, "wrk connections")
	flag.IntVar(&c.threads, "t", 2, "wrk threads")
	flag.IntVar(&c.rounds, "rounds", 2, "rounds per test type; the measured duration is split between them and the implementations alternate")
	flag.IntVar(&c.queries, "queries", 20, "queries parameter of the measured /queries and /updates")
	flag.IntVar(&c.pool, "pool", 16, "database connections of each Go server")
	flag.IntVar(&c.flaskWorkers, "flask-workers", 0, "gunicorn workers (0: 2*nproc+1)")
	flag.StringVar(&c.python, "python", "/usr/bin/python3", "Python with Debian's flask, flask-sqlalchemy, psycopg2 and gunicorn")
	flag.StringVar(&c.out, "out", "RESULTS.md", "report file")
	flag.BoolVar(&c.micro, "micro", true, "run the Go micro-benchmarks of the library through benchstat")
	flag.StringVar(&c.microTime, "benchtime", "200ms", "go test -benchtime of the micro-benchmarks")
	flag.IntVar(&c.microCount, "count", 5, "go test -count of the micro-benchmarks")
	flag.BoolVar(&c.profile, "profile", true, "CPU-profile flagon on each test type that misses its target")
	flag.Parse()
	c.frameworks, c.tests = splitList(fws), splitList(tests)
	c.rounds = max(c.rounds, 1)
	return c
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func main() {
	log.SetFlags(log.Ltime)
	cfg := parseFlags()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, cfg); err != nil {
		log.Fatal(err)
	}
}

// run does the whole benchmark and writes the report.
func run(ctx context.Context, cfg config) error {
	r, err := newRunner(cfg)
	if err != nil {
		return err
	}
	defer os.RemoveAll(r.tmp)
	if err := r.build(ctx); err != nil {
		return err
	}
	rep := &report{cfg: cfg, started: time.Now(), machine: r.describeMachine(ctx)}
	for _, target := range r.targets() {
		d, err := r.runDB(ctx, target)
		if err != nil {
			return err
		}
		rep.dbs = append(rep.dbs, d)
	}
	rep.checks = evaluate(rep.dbs)
	if cfg.profile {
		rep.profiles = r.profileMisses(ctx, rep.dbs, rep.checks)
	}
	if cfg.micro {
		rep.micro = r.microBenchmarks(ctx)
	}
	rep.machine.loadEnd = loadAverage()
	rep.elapsed = time.Since(rep.started)
	if err := os.WriteFile(cfg.out, []byte(rep.markdown()), 0o644); err != nil {
		return err
	}
	log.Printf("wrote %s in %v", cfg.out, rep.elapsed.Round(time.Second))
	fmt.Print(rep.summary())
	return nil
}
