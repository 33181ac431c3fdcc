package main

import (
	"context"
	"database/sql"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	ormbench "github.com/flagon-go/flagon/bench/orm"
)

// machine describes where the benchmark ran.
type machine struct {
	cpu, goVersion, postgres, sqlite string
	nproc                            int
	loadBefore, loadAfter            string
	modules                          []string
	date                             time.Time
}

// describeMachine collects the machine's description before the runs.
func describeMachine() machine {
	return machine{
		cpu:        cpuModel(),
		nproc:      runtime.NumCPU(),
		goVersion:  runtime.Version(),
		postgres:   queryVersion("pgx", pgURL(), "SHOW server_version"),
		sqlite:     queryVersion("sqlite", ":memory:", "SELECT sqlite_version()"),
		loadBefore: loadAvg(),
		modules:    modules(),
		date:       time.Now().UTC(),
	}
}

// pgURL is the PostgreSQL URL the benchmark uses.
func pgURL() string {
	if u := os.Getenv("FLAGON_ORMBENCH_POSTGRES"); u != "" && u != "off" {
		return u
	}
	return ormbench.DefaultPostgres
}

// cpuModel returns the first "model name" of /proc/cpuinfo.
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown"
	}
	for line := range strings.Lines(string(b)) {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

// loadAvg returns the 1, 5 and 15 minute load averages.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// queryVersion runs a one-value version query, or says why it could not.
func queryVersion(driver, dsn, q string) string {
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return "unavailable"
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	var v string
	if err := db.QueryRowContext(ctx, q).Scan(&v); err != nil {
		return "unavailable"
	}
	return v
}

// modules lists the versions of the compared libraries.
func modules() []string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return nil
	}
	var out []string
	for _, m := range bi.Deps {
		for _, p := range []string{"gorm.io/", "github.com/uptrace/bun", "github.com/jackc/pgx", "modernc.org/sqlite"} {
			if strings.HasPrefix(m.Path, p) {
				out = append(out, m.Path+" "+m.Version)
			}
		}
	}
	return out
}
