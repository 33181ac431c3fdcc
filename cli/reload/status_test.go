package reload

import (
	"path/filepath"
	"testing"
	"time"
)

func TestStatusRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "status.json")
	r := NewStatusReader(path)
	if _, _, failed := r.Failure(); failed {
		t.Error("a missing status file counts as a failure")
	}
	if err := writeStatus(path, Status{OK: false, Dir: "/src", Output: "main.go:1:1: bad", Time: time.Now()}); err != nil {
		t.Fatal(err)
	}
	dir, out, failed := r.Failure()
	if !failed || dir != "/src" || out != "main.go:1:1: bad" {
		t.Errorf("failure = %q %q %v", dir, out, failed)
	}
	if err := writeStatus(path, Status{OK: true, Dir: "/src"}); err != nil {
		t.Fatal(err)
	}
	if _, _, failed := r.Failure(); failed {
		t.Error("the reader kept the old failure")
	}
}

func TestStatusFromEnv(t *testing.T) {
	t.Setenv(EnvStatus, "")
	if StatusFromEnv() != nil {
		t.Error("a reader without the variable")
	}
	t.Setenv(EnvStatus, "/tmp/x/status.json")
	if StatusFromEnv() == nil {
		t.Error("no reader with the variable")
	}
}
