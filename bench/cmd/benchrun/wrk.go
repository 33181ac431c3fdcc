package main

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A Result is what one wrk run measured.
type Result struct {
	RPS      float64
	P50, P99 time.Duration
	Requests int
	Errors   int    // socket errors plus non-2xx/3xx responses
	CPU      cpuUse // CPU time of the measured run (runWrk fills Wrk, measure the rest)
}

var (
	rpsRe      = regexp.MustCompile(`(?m)^Requests/sec:\s+([0-9.]+)`)
	pctRe      = regexp.MustCompile(`(?m)^\s+(50|99)%\s+([0-9.]+)(us|ms|s|m|h)\s*$`)
	requestsRe = regexp.MustCompile(`(?m)^\s+(\d+) requests in `)
	socketRe   = regexp.MustCompile(`Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)`)
	non2xxRe   = regexp.MustCompile(`Non-2xx or 3xx responses: (\d+)`)
)

// units are wrk's latency units.
var units = map[string]time.Duration{"us": time.Microsecond, "ms": time.Millisecond, "s": time.Second, "m": time.Minute, "h": time.Hour}

// errNoRequest is parseWrk's error when wrk completed no request.
var errNoRequest = errors.New("no request completed")

// parseWrk reads the summary of `wrk --latency`.
func parseWrk(out string) (Result, error) {
	var r Result
	m := rpsRe.FindStringSubmatch(out)
	if m == nil {
		return r, fmt.Errorf("no Requests/sec in wrk output: %q", out)
	}
	r.RPS, _ = strconv.ParseFloat(m[1], 64)
	if m := requestsRe.FindStringSubmatch(out); m != nil {
		r.Requests, _ = strconv.Atoi(m[1])
	}
	if r.Requests == 0 {
		return r, fmt.Errorf("%w: %q", errNoRequest, lastLines(out, 3))
	}
	for _, m := range pctRe.FindAllStringSubmatch(out, -1) {
		f, _ := strconv.ParseFloat(m[2], 64)
		d := time.Duration(f * float64(units[m[3]]))
		if m[1] == "50" {
			r.P50 = d
		} else {
			r.P99 = d
		}
	}
	if r.P50 == 0 || r.P99 == 0 {
		return r, fmt.Errorf("no latency distribution in wrk output (run it with --latency): %q", out)
	}
	if m := socketRe.FindStringSubmatch(out); m != nil {
		for _, s := range m[1:] {
			n, _ := strconv.Atoi(s)
			r.Errors += n
		}
	}
	if m := non2xxRe.FindStringSubmatch(out); m != nil {
		n, _ := strconv.Atoi(m[1])
		r.Errors += n
	}
	return r, nil
}

// A load is one wrk invocation's settings.
type load struct {
	threads, conns int
	duration       time.Duration
}

// args returns wrk's command line for url.
func (l load) args(url string) []string {
	return []string{
		"-t" + strconv.Itoa(l.threads), "-c" + strconv.Itoa(l.conns),
		"-d" + strconv.Itoa(int(l.duration.Seconds())) + "s", "--timeout", "10s", "--latency",
		"-H", "Accept: */*", "-H", "Connection: keep-alive", url,
	}
}

// runWrk drives url with wrk and parses its summary.
func runWrk(ctx context.Context, l load, url string) (Result, string, error) {
	cmd := exec.CommandContext(ctx, "wrk", l.args(url)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return Result{}, string(out), fmt.Errorf("wrk %s: %w: %s", url, err, strings.TrimSpace(string(out)))
	}
	r, err := parseWrk(string(out))
	r.CPU.Wrk = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return r, string(out), err
}

// lastLines returns the last n lines of s.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
