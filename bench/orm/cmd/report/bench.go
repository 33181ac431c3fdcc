package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// buildTest compiles the benchmark package's test binary to bin.
func buildTest(bin string) error {
	cmd := exec.Command("go", "test", "-c", "-o", bin, ".")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go test -c: %w", err)
	}
	return nil
}

// runAll runs the benchmark c.count times, appending the raw output to
// c.rawOut, and returns every parsed result.
func runAll(c config, bin string) ([]result, error) {
	raw, err := os.Create(c.rawOut)
	if err != nil {
		return nil, err
	}
	defer raw.Close()
	var all []result
	for i := range c.count {
		fmt.Fprintf(os.Stderr, "run %d/%d\n", i+1, c.count)
		var out bytes.Buffer
		args := []string{"-test.run", "^$", "-test.bench", "^BenchmarkORM$/" + c.bench,
			"-test.benchtime", c.benchtime, "-test.benchmem", "-test.count", "1"}
		if err := runBinary(bin, args, io.MultiWriter(&out, raw, os.Stderr)); err != nil {
			return nil, err
		}
		all = append(all, parse(&out)...)
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("no benchmark results (is -bench %q right?)", c.bench)
	}
	return all, nil
}

// runBinary runs the test binary with args, writing its output to w.
func runBinary(bin string, args []string, w io.Writer) error {
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = w, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w", bin, strings.Join(args, " "), err)
	}
	return nil
}

// A result is one line of benchmark output.
type result struct {
	db, op, impl           string
	ns, cpu, bytes, allocs float64 // cpu: the cpu-ns/op metric
}

// parse reads "BenchmarkORM/<db>/<op>/<impl>-N  iters  x ns/op  y B/op  z allocs/op"
// lines and ignores everything else.
func parse(r io.Reader) []result {
	var out []result
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if res, ok := parseLine(sc.Text()); ok {
			out = append(out, res)
		}
	}
	return out
}

// parseLine parses one benchmark result line.
func parseLine(line string) (result, bool) {
	f := strings.Fields(line)
	if len(f) < 4 || !strings.HasPrefix(f[0], "BenchmarkORM/") {
		return result{}, false
	}
	name := strings.TrimPrefix(f[0], "BenchmarkORM/")
	if i := strings.LastIndexByte(name, '-'); i > 0 {
		if _, err := strconv.Atoi(name[i+1:]); err == nil {
			name = name[:i]
		}
	}
	parts := strings.Split(name, "/")
	if len(parts) != 3 {
		return result{}, false
	}
	r := result{db: parts[0], op: parts[1], impl: parts[2]}
	for i := 2; i+1 < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return result{}, false
		}
		switch f[i+1] {
		case "ns/op":
			r.ns = v
		case "cpu-ns/op":
			r.cpu = v
		case "B/op":
			r.bytes = v
		case "allocs/op":
			r.allocs = v
		}
	}
	return r, r.ns > 0
}
