package reload

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestDebounceBatches(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	raw, out := make(chan string), make(chan []string, 1)
	go debounce(ctx, raw, 300*time.Millisecond, out)
	for _, p := range []string{"/a.go", "/b.go", "/a.go"} {
		raw <- p
	}
	select {
	case batch := <-out:
		if !slices.Equal(batch, []string{"/a.go", "/b.go"}) {
			t.Errorf("batch %v", batch)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("no batch")
	}
	select {
	case batch := <-out:
		t.Errorf("a second batch without changes: %v", batch)
	case <-time.After(500 * time.Millisecond):
	}
}

func TestDiffSnapshots(t *testing.T) {
	t0 := time.Unix(100, 0)
	prev := map[string]fileStamp{"/a": {t0, 1}, "/b": {t0, 2}, "/c": {t0, 3}}
	cur := map[string]fileStamp{"/a": {t0, 1}, "/b": {t0.Add(time.Second), 2}, "/d": {t0, 4}}
	got := diffSnapshots(prev, cur)
	slices.Sort(got)
	if !slices.Equal(got, []string{"/b", "/c", "/d"}) {
		t.Errorf("diff %v", got)
	}
}

// watchOnce starts a watcher on a fresh tree and returns the first path
// it reports after change runs.
func watchOnce(t *testing.T, poll bool, change func(dir string)) (string, string) {
	dir := t.TempDir()
	writeTestFile(t, filepath.Join(dir, "main.go"), "package main")
	writeTestFile(t, filepath.Join(dir, "templates", "a.html"), "a")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	raw := make(chan string, 16)
	mode := watch(ctx, newFilter(dir, nil, nil), poll, raw)
	time.Sleep(100 * time.Millisecond)
	change(dir)
	select {
	case p := <-raw:
		return mode, p
	case <-time.After(5 * time.Second):
		return mode, ""
	}
}

func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	_ = os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWatchModes(t *testing.T) {
	for _, poll := range []bool{false, true} {
		wantMode := map[bool]string{false: ModeNotify, true: ModePoll}[poll]
		t.Run(wantMode, func(t *testing.T) {
			mode, got := watchOnce(t, poll, func(dir string) {
				writeTestFile(t, filepath.Join(dir, "templates", "a.html"), "changed") // ignored
				writeTestFile(t, filepath.Join(dir, "pkg", "new.go"), "package pkg")   // new dir, new file
			})
			if mode != wantMode {
				t.Errorf("mode %s, want %s", mode, wantMode)
			}
			if filepath.Base(got) != "new.go" {
				t.Errorf("reported %q, want the new Go file", got)
			}
		})
	}
}
