package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// microRuns are the library's benchmarks: package patterns and -bench.
var microRuns = []struct{ bench, pkgs string }{
	{"^BenchmarkDispatch", "."},
	{".", "./routing ./render ./session ./orm"},
}

// micro is the outcome of the micro-benchmarks.
type micro struct {
	command string
	stat    string // benchstat output
	notes   []string
}

// microBenchmarks runs the library's benchmarks in the parent module and
// summarises them with benchstat.
func (r *runner) microBenchmarks(ctx context.Context) micro {
	var m micro
	var raw strings.Builder
	root := filepath.Dir(r.dir)
	for _, mr := range microRuns {
		args := []string{"test", "-run=^$", "-bench=" + mr.bench, "-benchmem", "-count=" + strconv.Itoa(r.cfg.microCount), "-benchtime=" + r.cfg.microTime}
		args = append(args, strings.Fields(mr.pkgs)...)
		m.command += "go " + strings.Join(args, " ") + "\n"
		log.Printf("micro-benchmarks: go %s", strings.Join(args, " "))
		cmd := exec.CommandContext(ctx, "go", args...)
		cmd.Dir = root
		out, err := cmd.CombinedOutput()
		raw.Write(out)
		if err != nil {
			m.notes = append(m.notes, fmt.Sprintf("`go %s` failed (%v); its passing packages are still counted:\n\n```\n%s\n```", strings.Join(args, " "), err, failures(string(out))))
		}
	}
	file := filepath.Join(r.tmp, "library")
	if err := os.WriteFile(file, []byte(raw.String()), 0o644); err != nil {
		m.notes = append(m.notes, err.Error())
		return m
	}
	m.stat = benchstat(ctx, file, &m)
	return m
}

// failures keeps the lines of go test output that are not results.
func failures(out string) string {
	var keep []string
	for _, l := range strings.Split(out, "\n") {
		if l != "" && !strings.HasPrefix(l, "Benchmark") && !strings.HasPrefix(l, "goos:") && !strings.HasPrefix(l, "goarch:") && !strings.HasPrefix(l, "cpu:") && !strings.HasPrefix(l, "pkg:") && !strings.HasPrefix(l, "PASS") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// benchstat runs benchstat (from PATH or ~/go/bin) on file.
func benchstat(ctx context.Context, file string, m *micro) string {
	bin, err := exec.LookPath("benchstat")
	if err != nil {
		home, _ := os.UserHomeDir()
		bin = filepath.Join(home, "go", "bin", "benchstat")
	}
	// With -count=5, 0.90 is the highest level benchstat can give an
	// interval for (it needs 6 samples for 0.95).
	cmd := exec.CommandContext(ctx, bin, "-confidence=0.9", filepath.Base(file))
	cmd.Dir = filepath.Dir(file)
	out, err := cmd.CombinedOutput()
	if err != nil {
		m.notes = append(m.notes, fmt.Sprintf("benchstat failed (%v): install it with `go install golang.org/x/perf/cmd/benchstat@latest`", err))
		raw, _ := os.ReadFile(file)
		return string(raw)
	}
	return string(out)
}
