package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const wrkOutput = `Running 10s test @ http://127.0.0.1:8080/json
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.23ms    2.34ms  50.00ms   90.00%
    Req/Sec    25.00k     2.00k   30.00k    70.00%
  Latency Distribution
     50%  850.00us
     75%    1.50ms
     90%    2.00ms
     99%    1.02s
  500000 requests in 10.00s, 70.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 12
Requests/sec:  50000.50
Transfer/sec:      7.00MB
`

func TestParseWrk(t *testing.T) {
	tests := []struct {
		name    string
		out     string
		want    Result
		wantErr string
	}{
		{"full", wrkOutput, Result{RPS: 50000.5, P50: 850 * time.Microsecond, P99: 1020 * time.Millisecond, Requests: 500000, Errors: 17}, ""},
		{"clean", strings.Replace(strings.Replace(wrkOutput, "  Socket errors: connect 0, read 2, write 0, timeout 3\n", "", 1), "  Non-2xx or 3xx responses: 12\n", "", 1),
			Result{RPS: 50000.5, P50: 850 * time.Microsecond, P99: 1020 * time.Millisecond, Requests: 500000}, ""},
		{"no rps", "unable to connect to 127.0.0.1:8080 Connection refused", Result{}, "no Requests/sec"},
		{"no latency", "  10 requests in 1.00s, 1.00KB read\nRequests/sec:  10.00\n", Result{}, "no latency distribution"},
		{"nothing completed", "  0 requests in 1.01s, 0.00B read\nRequests/sec:      0.00\n", Result{}, "no request completed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseWrk(tt.out)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				if errors.Is(err, errNoRequest) != (tt.name == "nothing completed") {
					t.Errorf("errors.Is(%v, errNoRequest) = %v", err, !(tt.name == "nothing completed"))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("parseWrk = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestLoadArgs(t *testing.T) {
	got := strings.Join(load{threads: 2, conns: 64, duration: 10 * time.Second}.args("http://x/json"), " ")
	want := "-t2 -c64 -d10s --timeout 10s --latency -H Accept: */* -H Connection: keep-alive http://x/json"
	if got != want {
		t.Errorf("args = %q, want %q", got, want)
	}
}

// fakeWrk puts a wrk on PATH that prints, run after run, the outputs in
// order (the last one again once they are used up).
func fakeWrk(t *testing.T, outputs ...string) {
	dir := t.TempDir()
	for i, out := range outputs {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("out%d", i)), []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	script := fmt.Sprintf(`#!/bin/sh
d=%q
n=$(cat "$d/count" 2>/dev/null || echo 0)
f="$d/out$n"; [ -f "$f" ] || f="$d/out%d"
echo $((n + 1)) > "$d/count"
cat "$f"
`, dir, len(outputs)-1)
	if err := os.WriteFile(filepath.Join(dir, "wrk"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
}

func TestWarmUp(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	nothing := "  0 requests in 2.14s, 0.00B read\nRequests/sec:      0.00\n"
	l := load{threads: 1, conns: 1, duration: time.Second}
	tests := []struct {
		name    string
		outputs []string
		wantErr string
	}{
		{"answers at once", []string{wrkOutput}, ""},
		{"slow to start: warms up again", []string{nothing, nothing, wrkOutput}, ""},
		{"never answers", []string{nothing}, "5 runs of 1s completed no request"},
		{"wrk fails", []string{"unable to connect"}, "warm-up: no Requests/sec"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fakeWrk(t, tt.outputs...)
			err := warmUp(context.Background(), l, "http://127.0.0.1:1/fortunes")
			if tt.wantErr == "" && err != nil {
				t.Fatal(err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
	if err := warmUp(context.Background(), load{}, "http://127.0.0.1:1/"); err != nil {
		t.Errorf("no warm-up asked: %v", err)
	}
}
