package reload

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch modes, as printed in " * Restarting with ...".
const (
	ModeNotify = "fsnotify"
	ModePoll   = "stat"
)

// watch reports changed files that matter on raw, with fsnotify, or by
// polling when poll is set or fsnotify cannot watch the tree (e.g. the
// inotify limit is reached). It returns the mode used.
func watch(ctx context.Context, f *filter, poll bool, raw chan<- string) string {
	if !poll {
		if err := watchNotify(ctx, f, raw); err == nil {
			return ModeNotify
		}
	}
	go watchPoll(ctx, f, raw, 500*time.Millisecond)
	return ModePoll
}

// watchNotify watches every directory of the tree and the extra files'
// directories with fsnotify.
func watchNotify(ctx context.Context, f *filter, raw chan<- string) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	if err := addTree(w, f, f.root); err != nil {
		_ = w.Close()
		return err
	}
	for p := range f.extra {
		if err := w.Add(filepath.Dir(p)); err != nil {
			_ = w.Close()
			return err
		}
	}
	for _, dir := range f.extraDirs {
		if err := addTree(w, f, dir); err != nil {
			_ = w.Close()
			return err
		}
	}
	go notifyLoop(ctx, w, f, raw)
	return nil
}

// notifyLoop forwards relevant events until ctx is done; new directories
// are watched as they appear.
func notifyLoop(ctx context.Context, w *fsnotify.Watcher, f *filter, raw chan<- string) {
	defer w.Close()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			if ev.Has(fsnotify.Create) && isDir(ev.Name) && !f.skipDir(ev.Name) {
				// Files may appear before the new directory is watched.
				_ = addTree(w, f, ev.Name)
				for p := range snapshotTree(f, ev.Name) {
					send(ctx, raw, p)
				}
				continue
			}
			if f.kind(ev.Name) != ignore {
				send(ctx, raw, ev.Name)
			}
		case _, ok := <-w.Errors:
			if !ok {
				return
			}
		}
	}
}

// addTree watches dir and its subdirectories.
func addTree(w *fsnotify.Watcher, f *filter, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if f.skipDir(p) {
			return filepath.SkipDir
		}
		return w.Add(p)
	})
}

// fileStamp is what polling compares.
type fileStamp struct {
	mtime time.Time
	size  int64
}

// watchPoll compares snapshots of the relevant files every interval.
func watchPoll(ctx context.Context, f *filter, raw chan<- string, interval time.Duration) {
	prev := snapshot(f)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		cur := snapshot(f)
		for _, p := range diffSnapshots(prev, cur) {
			send(ctx, raw, p)
		}
		prev = cur
	}
}

// snapshot stamps every relevant file of the tree and the extra files.
func snapshot(f *filter) map[string]fileStamp {
	m := snapshotTree(f, f.root)
	for _, dir := range f.extraDirs {
		for p, st := range snapshotTree(f, dir) {
			m[p] = st
		}
	}
	for p := range f.extra {
		if !f.excluded(p) {
			stamp(m, p)
		}
	}
	return m
}

// snapshotTree stamps the relevant files under dir, which is f.root or
// a directory in it: the exclude patterns keep their meaning (relative
// to the root, fnmatch on absolute paths) wherever the walk starts.
func snapshotTree(f *filter, dir string) map[string]fileStamp {
	m := map[string]fileStamp{}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case d.IsDir() && f.skipDir(p):
			return filepath.SkipDir
		case !d.IsDir() && f.kind(p) != ignore:
			stamp(m, p)
		}
		return nil
	})
	return m
}

func stamp(m map[string]fileStamp, p string) {
	if fi, err := os.Stat(p); err == nil {
		m[p] = fileStamp{mtime: fi.ModTime(), size: fi.Size()}
	}
}

// diffSnapshots lists the files added, changed or removed.
func diffSnapshots(prev, cur map[string]fileStamp) []string {
	var out []string
	for p, s := range cur {
		if old, ok := prev[p]; !ok || old != s {
			out = append(out, p)
		}
	}
	for p := range prev {
		if _, ok := cur[p]; !ok {
			out = append(out, p)
		}
	}
	return out
}

func send(ctx context.Context, ch chan<- string, p string) {
	select {
	case ch <- p:
	case <-ctx.Done():
	}
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
