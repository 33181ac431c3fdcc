package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWriteKeepsNotes checks that a rewrite replaces the tables and keeps
// the text after the notes marker.
func TestWriteKeepsNotes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "RESULTS.md")
	old := "# old\n| stale |\n" + notesMarker + "\n## Analysis\nkeep me\n"
	if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	rs := []result{{"sqlite", "read", "database_sql", 100, 90, 1, 1}, {"sqlite", "read", "flagon", 200, 180, 2, 2}}
	r := newReport(output{results: rs}, machine{cpu: "test cpu", nproc: 2}, config{count: 1, benchtime: "1x"}, time.Second)
	if err := r.write(path); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	got := string(b)
	for _, want := range []string{"test cpu, nproc 2", "| read | **flagon** | 200 | 200 | 0% | 180 |", "| 2.00 | 2.00 |",
		"missed: 2.00x raw", notesMarker + "\n## Analysis\nkeep me\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "stale") {
		t.Errorf("report kept the old table:\n%s", got)
	}
	if m := r.misses(); len(m) != 1 || m[0] != (key{"sqlite", "read", "flagon"}) {
		t.Errorf("misses = %v; want sqlite/read/flagon", m)
	}
}
