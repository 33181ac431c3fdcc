package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// A profile is the pprof -top of flagon (or flagon-jinja) under load on
// one test type.
type profile struct {
	db, fw, test string
	top          string
	err          error
}

// profileSeconds is the length of each CPU profile.
const profileSeconds = 4

// profileMisses profiles flagon (or flagon-jinja) on each test type where
// it missed a target.
func (r *runner) profileMisses(ctx context.Context, dbs []dbRun, checks []check) []profile {
	var out []profile
	done := map[[3]string]bool{}
	for _, c := range checks {
		k := [3]string{c.db, c.fw, c.test}
		if c.ok() || !c.measured || (c.fw != "flagon" && c.fw != jinjaServer) || done[k] || r.bins[c.fw] == "" {
			continue
		}
		done[k] = true
		url := r.cfg.pgURL
		if c.db == "SQLite" {
			url = "sqlite:///" + filepath.Join(r.tmp, "bench.db")
		}
		log.Printf("%s: profiling %s on %s", c.db, c.fw, c.test)
		top, err := r.profile(ctx, url, c.fw, c.test)
		out = append(out, profile{db: c.db, fw: c.fw, test: c.test, top: top, err: err})
	}
	return out
}

// profile runs fw (flagon or flagon-jinja) with -pprof, drives the test
// type with wrk and returns `go tool pprof -top` of a CPU profile taken
// meanwhile.
func (r *runner) profile(ctx context.Context, dbURL, fw, test string) (string, error) {
	addr, err := freeAddr()
	if err != nil {
		return "", err
	}
	paddr, err := freeAddr()
	if err != nil {
		return "", err
	}
	logPath := filepath.Join(r.tmp, "profile-"+fw+"-"+test+".log")
	s, err := start(ctx, r.argv(fw, addr, dbURL, "-pprof", paddr), addr, r.dir, logPath)
	if err != nil {
		return "", err
	}
	defer s.stop()
	l := load{threads: r.cfg.threads, conns: r.cfg.conns, duration: (profileSeconds + 2) * time.Second}
	wrkDone := make(chan error, 1)
	go func() { _, _, err := runWrk(ctx, l, s.base+r.path(test)); wrkDone <- err }()
	time.Sleep(time.Second)
	file := filepath.Join(r.tmp, fw+"-"+test+".pprof")
	perr := fetch(ctx, fmt.Sprintf("http://%s/debug/pprof/profile?seconds=%d", paddr, profileSeconds), file)
	if err := <-wrkDone; err != nil {
		return "", err
	}
	if perr != nil {
		return "", perr
	}
	flat, err := pprofTop(ctx, r.bins[fw], file, "-nodecount=15")
	if err != nil {
		return "", err
	}
	cum, err := pprofTop(ctx, r.bins[fw], file, "-cum", "-nodecount=40")
	return flat + "\n\n" + cum, err
}

// pprofTop returns `go tool pprof -top` of a profile, without the header
// lines after the first view.
func pprofTop(ctx context.Context, bin, file string, args ...string) (string, error) {
	args = append(append([]string{"tool", "pprof", "-top"}, args...), bin, file)
	out, err := exec.CommandContext(ctx, "go", args...).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go tool pprof: %w: %s", err, out)
	}
	return strings.TrimSpace(string(out)), nil
}

// fetch saves url's body into file.
func fetch(ctx context.Context, url, file string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(f, resp.Body)
	return err
}
