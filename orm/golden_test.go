package orm_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// golden compares got with testdata/<path>, rewriting it under -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	file := filepath.Join("testdata", path)
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from generated text (go test -update rewrites it)\n--- got ---\n%s\n--- want ---\n%s", file, got, want)
	}
}

// joinSQL renders statements one per line with a trailing semicolon.
func joinSQL(stmts []string) string {
	var b strings.Builder
	for _, s := range stmts {
		b.WriteString(s + ";\n")
	}
	return b.String()
}
