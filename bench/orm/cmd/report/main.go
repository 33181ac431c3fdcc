// Command report runs the ORM comparison benchmark of bench/orm a number of
// times and writes RESULTS.md: one table per database with the best and
// median ns/op, cpu-ns/op, B/op, allocs/op and the ratio to raw
// database/sql, the machine it ran on, and whether flagon met its targets.
// For each operation where flagon misses a target it records a CPU and an
// allocation profile under profiles/ and the pprof top listings.
//
// Run it from bench/orm (bench/orm/run does):
//
//	go run ./cmd/report -count 8 -benchtime 500ms
//
// Text after the notes marker in an existing RESULTS.md is kept.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// config holds the command-line flags.
type config struct {
	count     int
	benchtime string
	bench     string
	out       string
	rawOut    string
	profDir   string
	profile   bool
}

func main() {
	var c config
	flag.IntVar(&c.count, "count", 8, "how many times to run the whole benchmark")
	flag.StringVar(&c.benchtime, "benchtime", "500ms", "go test -benchtime for each sub-benchmark")
	flag.StringVar(&c.bench, "bench", ".", "regexp of sub-benchmarks below BenchmarkORM, e.g. 'sqlite/read'")
	flag.StringVar(&c.out, "out", "RESULTS.md", "the report to write")
	flag.StringVar(&c.rawOut, "raw", "results.txt", "file for the raw go test output (benchstat input)")
	flag.StringVar(&c.profDir, "profdir", "profiles", "directory for the profiles of flagon's misses")
	flag.BoolVar(&c.profile, "profile", true, "profile flagon where it misses a target")
	flag.Parse()
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

// run builds the test binary, runs it, profiles and writes the report.
func run(c config) error {
	start := time.Now()
	dir, err := os.MkdirTemp("", "ormbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "ormbench.test")
	if err := buildTest(bin); err != nil {
		return err
	}
	m := describeMachine()
	out, err := runAll(c, bin)
	if err != nil {
		return err
	}
	m.loadAfter = loadAvg()
	rep := newReport(out, m, c, time.Since(start))
	if c.profile {
		rep.profiles = profileMisses(c, bin, rep.misses())
	}
	rep.took = time.Since(start)
	return rep.write(c.out)
}
