package main

import (
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestCPURatio(t *testing.T) {
	ms := time.Millisecond
	use := func(rps float64, requests int, c cpuUse) measurement {
		return measurement{result: Result{RPS: rps, Requests: requests, CPU: c}}
	}
	d := dbRun{
		name: "PostgreSQL", frameworks: []string{jinjaServer, "flask"}, tests: []string{"fortunes"},
		results: map[key]measurement{
			// 100 µs per request against 1,500 µs: 15x on an idle machine,
			// though the busy machine measured 20x.
			{jinjaServer, "fortunes"}: use(2000, 10000, cpuUse{Server: 600 * ms, DB: 300 * ms, Wrk: 100 * ms}),
			{"flask", "fortunes"}:     use(100, 1000, cpuUse{Server: 1300 * ms, DB: 150 * ms, Wrk: 50 * ms}),
			{"flask", "json"}:         use(100, 1000, cpuUse{}),
		},
	}
	tests := []struct {
		name, fw, base, test string
		want                 float64
		ok                   bool
	}{
		{"from CPU time per request", jinjaServer, "flask", "fortunes", 15, true},
		{"inverse", "flask", jinjaServer, "fortunes", 1.0 / 15, true},
		{"no CPU recorded", jinjaServer, "flask", "json", 0, false},
		{"not measured", "flagon", "flask", "fortunes", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := d.cpuRatio(tt.fw, tt.base, tt.test)
			if ok != tt.ok || abs(got-tt.want) > 1e-9 {
				t.Errorf("cpuRatio = %v, %v; want %v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
	checks := evaluate([]dbRun{d})
	if len(checks) != 1 || checks[0].label() != "flagon-jinja / flask ≥ 10.00" || abs(checks[0].cpuGot-15) > 1e-9 || checks[0].got != 20 {
		t.Errorf("a run without flagon judges flagon-jinja only, with its CPU-bound ratio: %+v", checks)
	}
	var b strings.Builder
	writeDB(&b, d)
	if !strings.Contains(b.String(), "| fortunes | flask | 100 |") || !strings.Contains(b.String(), "| 1500 = 1300 + 150 + 50 |") {
		t.Errorf("no CPU per request in the flask row:\n%s", b.String())
	}
}

func TestGroupCPU(t *testing.T) {
	// A busy child in its own process group, as start runs a server.
	cmd := exec.Command("sh", "-c", "while :; do :; done")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Skip("no sh:", err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	before := groupCPU(cmd.Process.Pid)
	if _, ok := before[cmd.Process.Pid]; !ok {
		t.Fatalf("groupCPU(%d) = %v, misses the group leader", cmd.Process.Pid, before)
	}
	if _, ok := before[os.Getpid()]; ok {
		t.Fatal("groupCPU counts the test process, which is in another group")
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if used := groupCPU(cmd.Process.Pid).since(before); used > 0 {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Error("a spinning process used no CPU time in 10s")
}

func TestSince(t *testing.T) {
	ms := time.Millisecond
	before := cpuSnapshot{1: 10 * ms, 2: 20 * ms, 3: 5 * ms}
	after := cpuSnapshot{1: 15 * ms, 2: 20 * ms, 4: 7 * ms} // 3 exited, 4 started
	if got, want := after.since(before), 12*ms; got != want {
		t.Errorf("since = %v, want %v", got, want)
	}
}
