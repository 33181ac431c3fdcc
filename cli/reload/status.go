package reload

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Status is the outcome of the supervisor's last build.
type Status struct {
	// OK is false when the last build failed.
	OK bool `json:"ok"`
	// Dir is the directory of the main package that was built.
	Dir string `json:"dir"`
	// Output is the compiler's output.
	Output string `json:"output"`
	// Time is when the build ended.
	Time time.Time `json:"time"`
}

// writeStatus replaces the status file atomically.
func writeStatus(path string, st Status) error {
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// StatusReader reads a status file, again only when it changed.
type StatusReader struct {
	path  string
	mu    sync.Mutex
	mtime time.Time
	size  int64
	st    Status
}

// NewStatusReader reads the status file at path.
func NewStatusReader(path string) *StatusReader {
	return &StatusReader{path: filepath.Clean(path), st: Status{OK: true}}
}

// StatusFromEnv returns a reader of the file the supervisor named in
// EnvStatus, or nil outside the reloader.
func StatusFromEnv() *StatusReader {
	p := os.Getenv(EnvStatus)
	if p == "" {
		return nil
	}
	return NewStatusReader(p)
}

// Current returns the last build's status; a missing or unreadable file
// counts as a good build.
func (r *StatusReader) Current() Status {
	r.mu.Lock()
	defer r.mu.Unlock()
	fi, err := os.Stat(r.path)
	if err != nil {
		return Status{OK: true}
	}
	if fi.ModTime().Equal(r.mtime) && fi.Size() == r.size {
		return r.st
	}
	data, err := os.ReadFile(r.path)
	var st Status
	if err != nil || json.Unmarshal(data, &st) != nil {
		return Status{OK: true}
	}
	r.mtime, r.size, r.st = fi.ModTime(), fi.Size(), st
	return st
}

// Failure returns the failed build's directory and compiler output, and
// whether the last build failed; it fits debugpage.ServeBuildErrors.
func (r *StatusReader) Failure() (dir, output string, failed bool) {
	st := r.Current()
	return st.Dir, st.Output, !st.OK
}
