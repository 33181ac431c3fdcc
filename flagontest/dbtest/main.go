package dbtest

import (
	"fmt"
	"os"
	"sync"
	"testing"
)

// shared holds the databases Main made for the test binary.
var shared struct {
	sync.Mutex
	dbs []DB
	set bool
}

// Main makes one fresh database per available dialect for the whole test
// binary (a package's tests), runs the tests, drops the databases and
// exits with the tests' status. Call it from TestMain; Shared returns the
// databases. A server whose variable is set but cannot be reached makes
// Main exit with status 1 before any test runs.
func Main(m *testing.M) {
	os.Exit(runMain(m.Run))
}

func runMain(run func() int) int {
	dir, err := os.MkdirTemp("", "flagon-dbtest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "dbtest:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	dbs, drops, err := packageDatabases(dir)
	defer func() {
		for _, drop := range drops {
			if err := drop(); err != nil {
				fmt.Fprintln(os.Stderr, err)
			}
		}
	}()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	shared.Lock()
	shared.dbs, shared.set = dbs, true
	shared.Unlock()
	defer func() {
		shared.Lock()
		shared.dbs, shared.set = nil, false
		shared.Unlock()
	}()
	return run()
}

// packageDatabases makes the databases Main shares, with their drops.
func packageDatabases(dir string) ([]DB, []func() error, error) {
	dbs := []DB{sqliteIn(dir)}
	var drops []func() error
	for _, s := range []server{postgresServer, mysqlServer} {
		raw := lookup(s.env)
		if raw == "" {
			continue
		}
		db, drop, err := s.fresh(raw)
		if err != nil {
			return nil, drops, err
		}
		dbs, drops = append(dbs, db), append(drops, drop)
	}
	return dbs, drops, nil
}

// Shared returns the databases Main made for the test binary, SQLite
// first. It fails the test when TestMain does not call Main.
func Shared(t testing.TB) []DB {
	t.Helper()
	shared.Lock()
	defer shared.Unlock()
	if !shared.set {
		t.Fatalf("dbtest.Shared: call dbtest.Main(m) from TestMain first")
	}
	return append([]DB(nil), shared.dbs...)
}
