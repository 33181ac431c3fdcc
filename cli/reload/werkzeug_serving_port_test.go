package reload

// Ports of the reloader cases of Werkzeug's tests/test_serving.py
// (test_exclude_patterns, test_watchdog_reloader_ignores_*) and of
// _reloader._remove_by_pattern's fnmatch matching.

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// tree writes files (paths relative to a new root) and returns the root.
func tree(t *testing.T, files ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range files {
		p := filepath.Join(root, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("package x\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// test_exclude_patterns: a path present in the watched set is gone once
// "{path}*" is excluded; fnmatch's "*" crosses directories.
func TestWerkzeugExcludePatterns(t *testing.T) {
	root := tree(t, "main.go", "internal/db/db.go", "internal/db/gen/models.go", "tools/gen/x.go")
	all := snapshot(newFilter(root, nil, nil))
	if len(all) != 4 {
		t.Fatalf("watched %d files, want 4", len(all))
	}
	tests := []struct {
		name    string
		pattern string
		gone    []string
	}{
		{"test_exclude_patterns", filepath.Join(root, "internal") + "*", []string{"internal/db/db.go", "internal/db/gen/models.go"}},
		{"star crosses directories", "*/gen/*", []string{"internal/db/gen/models.go", "tools/gen/x.go"}},
		{"name glob", "db.go", []string{"internal/db/db.go"}},
		{"relative glob", "tools/*", []string{"tools/gen/x.go"}},
		{"absolute file", filepath.Join(root, "main.go"), []string{"main.go"}},
		{"character class", filepath.Join(root, "[mt]*"), []string{"main.go", "tools/gen/x.go"}},
		{"negated class", filepath.Join(root, "[!mt]*"), []string{"internal/db/db.go", "internal/db/gen/models.go"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := snapshot(newFilter(root, nil, []string{tt.pattern}))
			for _, g := range tt.gone {
				if _, ok := got[filepath.Join(root, g)]; ok {
					t.Errorf("%s still watched", g)
				}
			}
			if len(got) != len(all)-len(tt.gone) {
				t.Errorf("watched %d files, want %d", len(got), len(all)-len(tt.gone))
			}
		})
	}
}

// A directory created while watching is scanned with the same exclude
// patterns, relative to the module root.
func TestExcludePatternsInNewDirectory(t *testing.T) {
	root := tree(t, "main.go", "scratch/try.go")
	f := newFilter(root, nil, []string{"scratch/*"})
	if got := snapshotTree(f, filepath.Join(root, "scratch")); len(got) != 0 {
		t.Errorf("excluded files of a new directory are watched: %v", got)
	}
}

func TestFnmatchRegexp(t *testing.T) {
	tests := []struct {
		pat, name string
		want      bool
	}{
		{"*.go", "/a/b/c.go", true},
		{"*.go", "/a/b/c.gox", false},
		{"/a/*", "/a/b/c/d.go", true},
		{"?.go", "a.go", true},
		{"?.go", "ab.go", false},
		{"a.go", "abgo", false},
		{"[ab].go", "b.go", true},
		{"[!ab].go", "b.go", false},
		{"[!ab].go", "c.go", true},
		{"[]].go", "].go", true},
		{"[.go", "[.go", true},
		{"[a-c]x", "bx", true},
		{"[^a]x", "^x", true},
		{"*", "line\nbreak", true},
	}
	for _, tt := range tests {
		if got := fnmatchRegexp(tt.pat).MatchString(tt.name); got != tt.want {
			t.Errorf("fnmatch(%q, %q) = %v, want %v", tt.name, tt.pat, got, tt.want)
		}
	}
}

// test_watchdog_reloader_ignores_opened, _closed_no_write: only changes
// reload. fsnotify reports no open or close events; a change of mode
// only (Chmod) is what it reports without a write, and it is ignored.
func TestWerkzeugWatchdogReloaderIgnoresOpened(t *testing.T) {
	root := tree(t, "main.go")
	w, err := fsnotify.NewWatcher()
	if err != nil {
		t.Skip("fsnotify unavailable:", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	raw := make(chan string, 4)
	go notifyLoop(ctx, w, newFilter(root, nil, nil), raw)
	main := filepath.Join(root, "main.go")
	w.Events <- fsnotify.Event{Name: main, Op: fsnotify.Chmod}
	w.Events <- fsnotify.Event{Name: main, Op: fsnotify.Write}
	select {
	case p := <-raw:
		if p != main {
			t.Errorf("got %s", p)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("the write did not trigger a reload")
	}
	select {
	case p := <-raw:
		t.Errorf("a second event for %s: the chmod triggered a reload", p)
	case <-time.After(50 * time.Millisecond):
	}
}

// _find_stat_paths adds the extra files, then removes the excluded
// paths: an exclude pattern wins over --extra-files.
func TestWerkzeugExcludePatternsBeatExtraFiles(t *testing.T) {
	root := tree(t, "main.go", "conf/app.toml", "conf/local.toml")
	extra := []string{filepath.Join(root, "conf/app.toml"), filepath.Join(root, "conf/local.toml")}
	f := newFilter(root, extra, []string{"*/local.toml"})
	if got := f.kind(extra[0]); got != restart {
		t.Errorf("extra file: kind %d", got)
	}
	if got := f.kind(extra[1]); got != ignore {
		t.Errorf("excluded extra file: kind %d", got)
	}
	got := snapshot(f)
	if _, ok := got[extra[1]]; ok || len(got) != 2 {
		t.Errorf("watched %v", got)
	}
}

// _find_stat_paths walks an extra directory for the sources under it:
// here the Go files of a local module outside the root.
func TestWerkzeugExtraFilesDirectory(t *testing.T) {
	root := tree(t, "main.go")
	shared := tree(t, "lib.go", "notes.txt", "sub/more.go", "sub/more_gen.go")
	f := newFilter(root, []string{shared}, []string{"*_gen.go"})
	got := snapshot(f)
	for _, want := range []string{filepath.Join(root, "main.go"), filepath.Join(shared, "lib.go"), filepath.Join(shared, "sub/more.go")} {
		if _, ok := got[want]; !ok {
			t.Errorf("%s not watched", want)
		}
	}
	if len(got) != 3 {
		t.Errorf("watched %v", got)
	}
	if k := f.kind(filepath.Join(shared, "lib.go")); k != rebuild {
		t.Errorf("a Go file of an extra directory: kind %d", k)
	}
}
