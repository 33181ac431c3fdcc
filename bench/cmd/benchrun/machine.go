package main

import (
	"bufio"
	"context"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"strings"

	"github.com/flagon-go/flagon/bench/internal/tfb"
)

// machine describes where the numbers were taken.
type machine struct {
	nproc                 int
	cpu, kernel           string
	goVersion, postgres   string
	wrk, python, gunicorn string
	loadStart, loadEnd    string
}

func (r *runner) describeMachine(ctx context.Context) machine {
	m := machine{nproc: runtime.NumCPU(), cpu: cpuModel(), loadStart: loadAverage()}
	m.kernel = firstLine(ctx, "uname", "-sr")
	m.goVersion = firstLine(ctx, "go", "version")
	m.wrk = firstLine(ctx, "wrk", "-v")
	m.python = firstLine(ctx, r.cfg.python, "--version")
	m.gunicorn = strings.Replace(firstLine(ctx, r.cfg.python, "-m", "gunicorn", "--version"), "__main__.py", "gunicorn", 1)
	if r.cfg.pgURL != "" {
		m.postgres = postgresVersion(ctx, r.cfg.pgURL)
	}
	return m
}

// cpuModel returns the first "model name" of /proc/cpuinfo.
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

// loadAverage returns the 1, 5 and 15 minute load averages.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	return strings.Join(f[:min(3, len(f))], " ")
}

// firstLine runs a command and returns the first line of its output.
func firstLine(ctx context.Context, name string, args ...string) string {
	out, err := exec.CommandContext(ctx, name, args...).CombinedOutput()
	if err != nil && len(out) == 0 {
		return "unknown"
	}
	line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return line
}

// postgresVersion asks the server for its version.
func postgresVersion(ctx context.Context, dbURL string) string {
	u, err := url.Parse(dbURL)
	if err != nil {
		return "unknown"
	}
	u.Path = "/postgres"
	db, err := tfb.Open(u.String())
	if err != nil {
		return "unknown"
	}
	defer db.Close()
	var v string
	if err := db.QueryRowContext(ctx, "SHOW server_version").Scan(&v); err != nil {
		return "unknown: " + err.Error()
	}
	return "PostgreSQL " + v
}

// redact hides a URL's password.
func redact(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.User == nil {
		return s
	}
	return u.Redacted()
}
