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

// runAll runs the benchmarks (BenchmarkORM, then BenchmarkPaired) c.count
// times, appending the raw output to c.rawOut, and returns every parsed
// result.
func runAll(c config, bin string) (output, error) {
	raw, err := os.Create(c.rawOut)
	if err != nil {
		return output{}, err
	}
	defer raw.Close()
	var all output
	for i := range c.count {
		fmt.Fprintf(os.Stderr, "run %d/%d\n", i+1, c.count)
		var out bytes.Buffer
		args := []string{"-test.run", "^$", "-test.bench", "^Benchmark(ORM|Paired)$/" + c.bench,
			"-test.benchtime", c.benchtime, "-test.benchmem", "-test.count", "1"}
		if err := runBinary(bin, args, io.MultiWriter(&out, raw, os.Stderr)); err != nil {
			return output{}, err
		}
		o := parse(&out)
		all.results = append(all.results, o.results...)
		all.paired = append(all.paired, o.paired...)
	}
	if len(all.results) == 0 {
		return output{}, fmt.Errorf("no benchmark results (is -bench %q right?)", c.bench)
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

// A pairedRun is one line of BenchmarkPaired: the ns/op of each
// implementation, measured in turns within one loop.
type pairedRun struct {
	db, op string
	ns     map[string]float64
}

// output is what the benchmark binary printed, parsed.
type output struct {
	results []result
	paired  []pairedRun
}

// parse reads "BenchmarkORM/<db>/<op>/<impl>-N  iters  x ns/op  y B/op  z allocs/op"
// and "BenchmarkPaired/<db>/<op>-N  iters  x ns/op  y <impl>-ns/op ..."
// lines and ignores everything else.
func parse(r io.Reader) output {
	var out output
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if res, ok := parseLine(sc.Text()); ok {
			out.results = append(out.results, res)
		} else if p, ok := parsePaired(sc.Text()); ok {
			out.paired = append(out.paired, p)
		}
	}
	return out
}

// parsePaired parses one BenchmarkPaired line.
func parsePaired(line string) (pairedRun, bool) {
	parts, m, ok := splitBenchLine(line, "BenchmarkPaired/", 2)
	if !ok {
		return pairedRun{}, false
	}
	p := pairedRun{db: parts[0], op: parts[1], ns: map[string]float64{}}
	for unit, v := range m {
		if impl, ok := strings.CutSuffix(unit, "-ns/op"); ok && impl != "cpu" {
			p.ns[impl] = v
		}
	}
	return p, len(p.ns) > 0
}

// splitBenchLine splits "<prefix>a/b-N  iterations  v1 unit1  v2 unit2 ..."
// into the depth parts of the name and the value of each unit.
func splitBenchLine(line, prefix string, depth int) ([]string, map[string]float64, bool) {
	f := strings.Fields(line)
	if len(f) < 4 || !strings.HasPrefix(f[0], prefix) {
		return nil, nil, false
	}
	parts := strings.Split(trimProcs(strings.TrimPrefix(f[0], prefix)), "/")
	if len(parts) != depth {
		return nil, nil, false
	}
	m := map[string]float64{}
	for i := 2; i+1 < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return nil, nil, false
		}
		m[f[i+1]] = v
	}
	return parts, m, true
}

// trimProcs removes the -GOMAXPROCS suffix of a benchmark name.
func trimProcs(name string) string {
	if i := strings.LastIndexByte(name, '-'); i > 0 {
		if _, err := strconv.Atoi(name[i+1:]); err == nil {
			return name[:i]
		}
	}
	return name
}

// parseLine parses one BenchmarkORM result line.
func parseLine(line string) (result, bool) {
	parts, m, ok := splitBenchLine(line, "BenchmarkORM/", 3)
	if !ok {
		return result{}, false
	}
	r := result{db: parts[0], op: parts[1], impl: parts[2],
		ns: m["ns/op"], cpu: m["cpu-ns/op"], bytes: m["B/op"], allocs: m["allocs/op"]}
	return r, r.ns > 0
}
