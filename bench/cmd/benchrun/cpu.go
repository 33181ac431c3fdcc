package main

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/flagon-go/flagon/bench/internal/tfb"
)

// cpuUse is the CPU time (user + system) spent while wrk measured, by
// whom: the server's processes (a Go server, or gunicorn and its
// workers), the database backends serving the bench database, and wrk.
// On a machine whose cores do nothing but the benchmark, requests/second
// is the cores over the CPU time per request, so the CPU time per request
// compares implementations without the machine's other load, which
// slows a pool of five sync workers far more than 64 goroutines.
type cpuUse struct {
	Server, DB, Wrk time.Duration
}

// total is the CPU time of all three.
func (c cpuUse) total() time.Duration { return c.Server + c.DB + c.Wrk }

func (c cpuUse) add(o cpuUse) cpuUse {
	return cpuUse{Server: c.Server + o.Server, DB: c.DB + o.DB, Wrk: c.Wrk + o.Wrk}
}

// perRequest divides each part by n requests.
func (c cpuUse) perRequest(n int) cpuUse {
	if n == 0 {
		return cpuUse{}
	}
	d := time.Duration(n)
	return cpuUse{Server: c.Server / d, DB: c.DB / d, Wrk: c.Wrk / d}
}

// clockTick is the unit of /proc/<pid>/stat's utime and stime
// (sysconf(_SC_CLK_TCK), 100 on Linux).
const clockTick = 10 * time.Millisecond

// procCPU reads a process's group and CPU time from /proc/<pid>/stat.
func procCPU(pid int) (pgrp int, cpu time.Duration, ok bool) {
	b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return 0, 0, false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')') // the command name may hold spaces
	if i < 0 {
		return 0, 0, false
	}
	f := strings.Fields(s[i+1:]) // f[0] is field 3 (state) of proc(5)
	if len(f) < 13 {
		return 0, 0, false
	}
	pgrp, _ = strconv.Atoi(f[2])
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return pgrp, time.Duration(utime+stime) * clockTick, true
}

// cpuSnapshot is the CPU time of each process of interest at one moment.
type cpuSnapshot map[int]time.Duration

// groupCPU returns the CPU time of every process in process group pgid
// (a server started by start runs in its own group, with its children).
func groupCPU(pgid int) cpuSnapshot {
	out := cpuSnapshot{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if g, cpu, ok := procCPU(pid); ok && g == pgid {
			out[pid] = cpu
		}
	}
	return out
}

// pidsCPU returns the CPU time of the given processes.
func pidsCPU(pids []int) cpuSnapshot {
	out := cpuSnapshot{}
	for _, pid := range pids {
		if _, cpu, ok := procCPU(pid); ok {
			out[pid] = cpu
		}
	}
	return out
}

// since is the CPU time spent between two snapshots: by the processes of
// the later one, counting a process that appeared meanwhile from zero (a
// process gone meanwhile is lost, so pools must keep their connections).
func (after cpuSnapshot) since(before cpuSnapshot) time.Duration {
	var d time.Duration
	for pid, cpu := range after {
		d += cpu - before[pid]
	}
	return d
}

// dbBackends returns the process ids of the PostgreSQL backends connected
// to the bench database (none for SQLite, where the server does the
// database work itself, or when PostgreSQL runs elsewhere).
func dbBackends(ctx context.Context, url string) []int {
	if !strings.HasPrefix(url, "postgres") {
		return nil
	}
	db, err := tfb.Open(url)
	if err != nil {
		return nil
	}
	defer db.Close()
	return backendPIDs(ctx, db)
}

func backendPIDs(ctx context.Context, db *sql.DB) []int {
	rows, err := db.QueryContext(ctx, `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var pids []int
	for rows.Next() {
		var pid int
		if rows.Scan(&pid) == nil {
			pids = append(pids, pid)
		}
	}
	return pids
}
